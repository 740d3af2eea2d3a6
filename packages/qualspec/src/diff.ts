/**
 * Diff helpers of the umbrella package: load specifications of any supported format, or
 * SpecDocument JSON from parse-spec (one document or an array of them), and diff them.
 */
import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { SpecDocument } from '@qualspec/model';
import { diffSpecs, type DiffOptions, type DiffReport } from '@qualspec/diff';
import { decodeText } from '@qualspec/blocks';
import { InputError, fileSize, parseSpec, type ParseOptions } from './parse.js';

const MAX_JSON_BYTES = 200 * 1024 * 1024;

/** The SpecDocuments in a file: `.json` (or JSON content) is read as one or an array, anything else parsed. */
export async function loadSpecs(input: string | Uint8Array, options: ParseOptions = {}): Promise<SpecDocument[]> {
  if (typeof input !== 'string') return isJsonText(input) ? specsFromJson(decodeText(input)) : [await parseSpec(input, options)];
  const size = await fileSize(input);
  const isJsonName = extname(input).toLowerCase() === '.json';
  if (isJsonName || (size > 0 && size <= MAX_JSON_BYTES && (await looksLikeJson(input)))) {
    if (size > (options.maxFileBytes ?? MAX_JSON_BYTES)) throw new InputError('too-large', `file is ${size} bytes, over the limit`);
    if (size === 0) throw new InputError('empty', 'empty file');
    return specsFromJson(new TextDecoder('utf-8').decode(await readFile(input)));
  }
  return [await parseSpec(input, options)];
}

/** One SpecDocument from a file (a JSON array must hold exactly one). */
export async function loadSpec(path: string, options: ParseOptions = {}): Promise<SpecDocument> {
  const docs = await loadSpecs(path, options);
  if (docs.length !== 1) throw new InputError('not-one-document', `holds ${docs.length} SpecDocuments, not one`);
  return docs[0]!;
}

async function looksLikeJson(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await fh.read(buf, 0, 512, 0);
    return isJsonText(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

/** parse-spec output starts with `{` or `[` and names its fields early. */
function isJsonText(bytes: Uint8Array): boolean {
  const head = decodeText(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  return /^[[{]/.test(head) && /"schemaVersion"|"units"|"awardingBody"|"\$schema"/.test(head);
}

/** Validate SpecDocument JSON text (one document or an array); InputError with a one-line message when it is not. */
export function specsFromJson(text: string): SpecDocument[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError('bad-json', `not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const items = Array.isArray(data) ? data : [data];
  if (!items.length) throw new InputError('not-spec-document', 'an empty JSON array: no SpecDocument in it');
  return items.map((item, i) => {
    const r = SpecDocument.safeParse(item);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    const at = [Array.isArray(data) ? `[${i}]` : '', ...issue.path.map(String)].filter(Boolean).join('.') || 'top level';
    throw new InputError('not-spec-document', `not a SpecDocument (${at}: ${issue.message.split('\n')[0]})`);
  });
}

/** Validate SpecDocument JSON text holding one document. */
export function specFromJson(text: string): SpecDocument {
  const docs = specsFromJson(text);
  if (docs.length !== 1) throw new InputError('not-one-document', `holds ${docs.length} SpecDocuments, not one`);
  return docs[0]!;
}

/** Load every file and diff them. */
export async function diffFiles(paths: string[], options: DiffOptions & ParseOptions = {}): Promise<DiffReport> {
  const docs: SpecDocument[] = [];
  for (const p of paths) docs.push(...(await loadSpecs(p, options)));
  return diffSpecs(docs, options);
}
