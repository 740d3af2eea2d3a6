/**
 * Format detection: by extension (or a forced format), confirmed by content. Content that is
 * no specification format at all (a legacy .doc, RTF, parse-spec's own JSON) is refused with a
 * hint of what to do.
 */
import { extname, basename } from 'node:path';
import { InputError, decodeText, utf16WithoutBom } from '@qualspec/blocks';
import type { Format } from '@qualspec/model';

export const FORMATS: readonly Format[] = ['pdf', 'docx', 'html', 'markdown', 'text'];

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

/** The extensions a specification file can have (a folder given as input is read for these). */
export const SPEC_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

function startsWith(bytes: Uint8Array, magic: string, within = 0): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, within + magic.length)).toString('latin1');
  return within ? head.includes(magic) : head.startsWith(magic);
}

const isPdf = (b: Uint8Array) => startsWith(b, '%PDF-', 1024);
const isZip = (b: Uint8Array) => startsWith(b, 'PK\u0003\u0004');
/** OLE compound file: legacy .doc, or an encrypted .docx. */
const isOle = (b: Uint8Array) => startsWith(b, '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1');
const isRtf = (b: Uint8Array) => startsWith(b, '{\\rtf');

const LEGACY_WORD = 'a legacy .doc or password-protected Word file, not a .docx: save it as .docx without a password';

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
  if (forced !== undefined && !FORMATS.includes(forced)) throw new InputError('unknown-format', `unknown format "${String(forced)}": use ${FORMATS.join(', ')}`);
  if (bytes.length === 0) throw new InputError('empty', 'empty file');
  const ext = path ? extname(path).toLowerCase() : '';
  const byExt = EXTENSIONS[ext];
  const claimed = forced ?? byExt;
  if (claimed === 'pdf') {
    if (!isPdf(bytes)) throw new InputError('not-pdf', 'not a PDF file (no %PDF header)');
    return 'pdf';
  }
  if (claimed === 'docx') {
    if (isOle(bytes)) throw new InputError('not-docx', LEGACY_WORD);
    if (!isZip(bytes)) throw new InputError('not-docx', 'not a .docx file (not a zip archive)');
    return 'docx';
  }
  if (isPdf(bytes) && !claimed) return 'pdf';
  if (isZip(bytes) && !claimed) return 'docx';
  if (isOle(bytes)) throw new InputError('legacy-doc', LEGACY_WORD);
  if (isRtf(bytes)) throw new InputError('rtf', 'an RTF document, not a supported format: save it as .docx or PDF');
  if (!looksLikeText(bytes)) {
    const what = isPdf(bytes) ? 'PDF content' : isZip(bytes) ? 'a zip archive' : 'binary content';
    throw new InputError('not-text', `${what}, not text${path ? ` (named ${basename(path)})` : ''}`);
  }
  const head = decodeText(bytes.subarray(0, 256 * 1024));
  if (!forced) refuseJson(bytes, head, ext);
  if (claimed === 'html' || ((!claimed || claimed === 'text') && /^\s*(<!doctype html|<html[\s>])/i.test(head))) return 'html';
  if (claimed === 'markdown') return 'markdown';
  if (looksLikeMarkdown(head)) return 'markdown';
  return 'text';
}

/**
 * JSON is never a specification: parse-spec's own output (a SpecDocument, or an array of
 * them) is already parsed, and any other JSON is not a document. A `.json` name is refused
 * outright; other names only when the whole content is JSON.
 */
function refuseJson(bytes: Uint8Array, head: string, ext: string): void {
  const start = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (ext !== '.json' && start !== '{' && start !== '[') return;
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes).replace(/^\uFEFF/, ''));
  } catch {
    if (ext === '.json') throw new InputError('json', 'a .json file, not a specification (and not valid JSON)');
    return;
  }
  const first = Array.isArray(data) ? data[0] : data;
  if (first && typeof first === 'object' && 'schemaVersion' in first && 'units' in first) {
    throw new InputError('already-parsed', 'already a SpecDocument (parse-spec output), not a specification: check it with `qualspec validate`, compare it with diff-spec');
  }
  throw new InputError('json', 'JSON, not a specification');
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
