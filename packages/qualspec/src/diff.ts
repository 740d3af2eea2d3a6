/**
 * Diff helpers of the umbrella package: load specifications of any supported format (or
 * SpecDocument JSON) and diff them.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { SpecDocument } from '@qualspec/model';
import { diffSpecs, type DiffOptions, type DiffReport } from '@qualspec/diff';
import { InputError, fileSize, parseSpec, type ParseOptions } from './parse.js';

const MAX_JSON_BYTES = 200 * 1024 * 1024;

/** A SpecDocument from a file: `.json` (or JSON content) is read as a SpecDocument, anything else parsed. */
export async function loadSpec(path: string, options: ParseOptions = {}): Promise<SpecDocument> {
  const size = await fileSize(path);
  const isJsonName = extname(path).toLowerCase() === '.json';
  if (isJsonName || (size > 0 && size <= MAX_JSON_BYTES && (await looksLikeJson(path)))) {
    if (size > (options.maxFileBytes ?? MAX_JSON_BYTES)) throw new InputError('too-large', `file is ${size} bytes, over the limit`);
    if (size === 0) throw new InputError('empty', 'empty file');
    return specFromJson(new TextDecoder('utf-8').decode(await readFile(path)));
  }
  return parseSpec(path, options);
}

async function looksLikeJson(path: string): Promise<boolean> {
  const { open } = await import('node:fs/promises');
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await fh.read(buf, 0, 512, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return head.startsWith('{') && /"schemaVersion"|"units"|"awardingBody"/.test(head);
  } finally {
    await fh.close();
  }
}

/** Validate SpecDocument JSON text; InputError with a one-line message when it is not one. */
export function specFromJson(text: string): SpecDocument {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError('bad-json', `not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const r = SpecDocument.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const at = issue.path.length ? issue.path.join('.') : 'top level';
    throw new InputError('not-spec-document', `not a SpecDocument (${at}: ${issue.message.split('\n')[0]})`);
  }
  return r.data;
}

/** Load every file and diff them. */
export async function diffFiles(paths: string[], options: DiffOptions & ParseOptions = {}): Promise<DiffReport> {
  const docs: SpecDocument[] = [];
  for (const p of paths) docs.push(await loadSpec(p, options));
  return diffSpecs(docs, options);
}
