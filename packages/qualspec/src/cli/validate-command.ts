/**
 * qualspec validate FILE.json… (also parse-spec --validate): check SpecDocument JSON (one
 * document or an array of them, as parse-spec writes) or DiffReport JSON (diff-spec --format
 * json) against the schema, and print every problem with its path: wrong or missing fields
 * (zod's issues) and fields the schema does not have (its JSON Schema forbids them).
 */
import { readFile } from 'node:fs/promises';
import { DiffReport, diffReportJsonSchema } from '@qualspec/diff';
import { SpecDocument, specDocumentJsonSchema } from '@qualspec/model';
import { InputError } from '@qualspec/blocks';
import { readBounded } from '../input.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, clean, errorLine, usage } from './common.js';
import { STDIN_LABEL } from './inputs.js';

const MAX_JSON_BYTES = 200 * 1024 * 1024;

let specJson: JsonSchema | null = null;
let reportJson: JsonSchema | null = null;
const specSchema = () => (specJson ??= specDocumentJsonSchema() as JsonSchema);
const reportSchema = () => (reportJson ??= diffReportJsonSchema() as JsonSchema);

export interface Problem {
  path: string;
  message: string;
}

export async function validateCommand(files: string[], tool: string): Promise<number> {
  if (!files.length) return usage(tool, 'no JSON file to validate');
  let exit = EXIT_OK;
  for (const file of files) {
    const label = file === '-' ? STDIN_LABEL : file;
    let data: unknown;
    try {
      data = await readJson(file);
    } catch (e) {
      console.error(errorLine(tool, label, e));
      exit = Math.max(exit, EXIT_USAGE);
      continue;
    }
    const { kind, problems } = validate(data);
    if (!problems.length) {
      process.stdout.write(`${clean(label)}: valid ${kind}\n`);
      continue;
    }
    for (const p of problems) console.error(`${tool}: ${clean(label)}: ${p.path}: ${clean(p.message)}`);
    exit = Math.max(exit, EXIT_ERRORS);
  }
  return exit;
}

async function readJson(file: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readBounded(process.stdin, MAX_JSON_BYTES) : await readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError('unreadable', code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read file (${code ?? 'unknown error'})`);
  }
  if (!bytes.length) throw new InputError('empty', 'empty file');
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError('bad-json', `not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

/** What the JSON is meant to be, and every problem with it. */
export function validate(data: unknown): { kind: string; problems: Problem[] } {
  if (Array.isArray(data)) {
    if (!data.length) return { kind: 'array', problems: [{ path: '(top level)', message: 'an empty array: no SpecDocument in it' }] };
    const problems = data.flatMap((d, i) => check(SpecDocument, specSchema(), d, `[${i}]`));
    return { kind: `array of ${data.length} SpecDocument${data.length > 1 ? 's' : ''}`, problems };
  }
  const isReport = !!data && typeof data === 'object' && (data as { kind?: unknown }).kind === 'qualspec-diff-report';
  return isReport
    ? { kind: 'DiffReport', problems: check(DiffReport, reportSchema(), data, '') }
    : { kind: 'SpecDocument', problems: check(SpecDocument, specSchema(), data, '') };
}

/** The part of a zod schema used here (zod itself is a dependency of the model, not of this package). */
interface Schema {
  safeParse(data: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

function check(schema: Schema, jsonSchema: JsonSchema, data: unknown, prefix: string): Problem[] {
  const r = schema.safeParse(data);
  const issues = r.success ? [] : r.error.issues.map((i) => ({ path: pathText(prefix, i.path), message: i.message.split('\n')[0]! }));
  return [...issues, ...unknownFields(data, jsonSchema, prefix)];
}

/** The part of a JSON Schema that says which fields an object may have. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v);
const accepts = (s: JsonSchema, t: string) => {
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  return types.includes(t) || (t === 'number' && types.includes('integer')) || (types.length === 0 && !!s.anyOf);
};

/**
 * Fields the JSON Schema does not have (it forbids them: additionalProperties false). zod,
 * which checks everything else, drops such fields without a word.
 */
function unknownFields(value: unknown, schema: JsonSchema | undefined, path: string): Problem[] {
  if (!schema || value === null || typeof value !== 'object') return [];
  if (schema.anyOf) return unknownFields(value, schema.anyOf.find((b) => accepts(b, jsonType(value))), path);
  if (Array.isArray(value)) return value.flatMap((x, i) => unknownFields(x, schema.items, `${path}[${i}]`));
  const out: Problem[] = [];
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    const sub = schema.properties && Object.hasOwn(schema.properties, k) ? schema.properties[k] : undefined;
    if (sub) out.push(...unknownFields(v, sub, at));
    else if (schema.additionalProperties === false) out.push({ path: at, message: 'not a field of the schema' });
    else if (typeof schema.additionalProperties === 'object') out.push(...unknownFields(v, schema.additionalProperties, at));
  }
  return out;
}

function pathText(prefix: string, path: PropertyKey[]): string {
  let s = prefix;
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(top level)';
}
