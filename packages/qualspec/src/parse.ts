/**
 * parseSpec: bytes of any supported format -> SpecDocument.
 * Chooses the format adapter by extension (or options.format), confirms it by content,
 * runs the structure recogniser and validates the result against the zod schema.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, decodeText, utf16WithoutBom, type AdapterOptions, type AdapterResult } from '@qualspec/blocks';
import type { Format, SpecDocument } from '@qualspec/model';

export { InputError };

export interface ParseOptions extends AdapterOptions {
  /** Force a format instead of choosing by extension and content. */
  format?: Format;
  /** Largest input file accepted, in bytes (default 200 MB). */
  maxFileBytes?: number;
}

/** A file path (string or file: URL), the file's bytes, or document text. */
export type ParseInput = string | URL | Uint8Array | ArrayBuffer | { text: string; path?: string };

const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Parse one specification into the canonical model. Throws InputError for unreadable input. */
export async function parseSpec(input: ParseInput, options: ParseOptions = {}): Promise<SpecDocument> {
  const { bytes, path } = await load(input, options);
  const format = detectFormat(bytes, path, options.format);
  const adapterOptions: AdapterOptions = { ...options, path: path ?? undefined };
  // The recogniser and the schema load while the adapter works (a long PDF is read in a
  // worker thread, so this thread is free meanwhile).
  const stages = laterStages();
  const stream = await runAdapter(format, bytes, adapterOptions);
  const [{ SpecDocument }, { recognise }] = await stages;
  const doc = recognise(stream, {
    source: {
      path: path ?? null,
      format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pages: stream.pages,
    },
  });
  return SpecDocument.parse(doc);
}

let stages: Promise<[typeof import('@qualspec/model'), typeof import('@qualspec/recognise')]> | null = null;
const laterStages = () => (stages ??= Promise.all([import('@qualspec/model'), import('@qualspec/recognise')]));

/** The size of a file about to be read; InputError when it is missing, unreadable or a directory. */
export async function fileSize(path: string): Promise<number> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError('is-directory', 'is a directory, not a file');
    return st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError('unreadable', code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? 'unknown error'})`);
  }
}

async function load(input: ParseInput, options: ParseOptions): Promise<{ bytes: Uint8Array; path: string | null }> {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (typeof input === 'string' || input instanceof URL) {
    const path = input instanceof URL ? fileURLToPath(input) : input;
    const size = await fileSize(path);
    if (size > max) throw new InputError('too-large', `file is ${size} bytes, over the ${max}-byte limit`);
    const bytes = new Uint8Array(await readFile(path));
    return { bytes, path };
  }
  if (input instanceof ArrayBuffer) return { bytes: new Uint8Array(input), path: options.path ?? null };
  if (input instanceof Uint8Array) return { bytes: input, path: options.path ?? null };
  return { bytes: new TextEncoder().encode(input.text), path: input.path ?? options.path ?? null };
}

const EXTENSIONS: Record<string, Format> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};

function startsWith(bytes: Uint8Array, magic: string, within = 0): boolean {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, within + magic.length))).toString('latin1');
  return within ? head.includes(magic) : head.startsWith(magic);
}

const isPdf = (b: Uint8Array) => startsWith(b, '%PDF-', 1024);
const isZip = (b: Uint8Array) => startsWith(b, 'PK\u0003\u0004');
/** OLE compound file: legacy .doc, or an encrypted .docx. */
const isOle = (b: Uint8Array) => startsWith(b, '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1');

/** True when the bytes look like text: valid UTF-8 (or UTF-16 with BOM), no NULs, few control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.length >= 2 && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))) return true;
  if (utf16WithoutBom(sample)) return true;
  let control = 0;
  for (const c of sample) {
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  if (control > sample.length * 0.01) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length === bytes.length ? sample : trimUtf8(sample));
    return true;
  } catch {
    return false;
  }
}

function trimUtf8(b: Uint8Array): Uint8Array {
  // Cut a partial multi-byte sequence at the end of a sample.
  let end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const c = b[end - i]!;
    if ((c & 0xc0) === 0xc0) return b.subarray(0, end - i);
    if ((c & 0x80) === 0) break;
  }
  return b;
}

/** Choose the format by extension or override, then confirm it by content. */
export function detectFormat(bytes: Uint8Array, path: string | null, forced?: Format): Format {
  if (bytes.length === 0) throw new InputError('empty', 'empty file');
  const byExt = path ? EXTENSIONS[extname(path).toLowerCase()] : undefined;
  const claimed = forced ?? byExt;
  if (claimed === 'pdf') {
    if (!isPdf(bytes)) throw new InputError('not-pdf', 'not a PDF file (no %PDF header)');
    return 'pdf';
  }
  if (claimed === 'docx') {
    if (isOle(bytes)) throw new InputError('not-docx', 'a legacy .doc or password-protected Word file, not a .docx: save it as .docx without a password');
    if (!isZip(bytes)) throw new InputError('not-docx', 'not a .docx file (not a zip archive)');
    return 'docx';
  }
  if (isPdf(bytes) && !claimed) return 'pdf';
  if (isZip(bytes) && !claimed) return 'docx';
  if (!looksLikeText(bytes)) {
    const what = isPdf(bytes) ? 'PDF content' : isZip(bytes) ? 'a zip archive' : 'binary content';
    throw new InputError('not-text', `${what}, not text${path ? ` (named ${basename(path)})` : ''}`);
  }
  const head = decodeText(bytes.subarray(0, 256 * 1024));
  if (claimed === 'html' || (!claimed || claimed === 'text') && /^\s*(<!doctype html|<html[\s>])/i.test(head)) return 'html';
  if (claimed === 'markdown') return 'markdown';
  if (looksLikeMarkdown(head)) return 'markdown';
  return 'text';
}

/** Markdown or HTML-fragment signals: HTML block tags, emphasis, ATX headings, link syntax. */
function looksLikeMarkdown(text: string): boolean {
  const signals = [
    /<(p|ul|ol|li|i|b|em|strong|br|table|td|tr|div|span)(\s[^>]*)?\/?>/i,
    /\*\*[^*\n]+\*\*/,
    /^#{1,6}\s+\S/m,
    /\[[^\]\n]+\]\([^)\s]+\)|<https?:\/\/[^>\s]+>/,
  ];
  return signals.filter((r) => r.test(text)).length >= 1;
}

/** Load only the adapter the format needs (pdf.js and mammoth are large to start). */
async function runAdapter(format: Format, bytes: Uint8Array, options: AdapterOptions): Promise<AdapterResult> {
  switch (format) {
    case 'pdf':
      return (await import('@qualspec/pdf')).pdfToBlocks(bytes, options);
    case 'docx':
      return (await import('@qualspec/docx')).docxToBlocks(bytes, options);
    case 'html':
      return (await import('@qualspec/html')).htmlToBlocks(bytes, options);
    case 'markdown':
      return (await import('@qualspec/markdown')).markdownToBlocks(bytes, options);
    case 'text':
      return (await import('@qualspec/text')).textToBlocks(bytes, options);
  }
}
