/**
 * What parseSpec accepts, turned into bytes and a path: a path (string, `file:` URL or
 * `file://` string), the file's bytes (Buffer, Uint8Array or any typed-array view,
 * ArrayBuffer, SharedArrayBuffer) or document text `{ text, path }`. Anything else, or a file
 * that cannot be read, is an InputError with a code.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { InputError } from '@qualspec/blocks';

/** A file path (string, `file:` URL), the file's bytes, or document text. */
export type ParseInput = string | URL | Uint8Array | ArrayBufferView | ArrayBuffer | SharedArrayBuffer | { text: string; path?: string };

export interface LoadedInput {
  /** A plain Uint8Array (never a Buffer: pdf.js refuses those) over exactly the input's bytes. */
  bytes: Uint8Array;
  path: string | null;
}

const WHAT = 'a path, a file: URL, bytes (Buffer, Uint8Array, ArrayBuffer) or { text, path }';

/** Read or adopt the input; `maxFileBytes` bounds it before a file is read. */
export async function loadInput(input: ParseInput, maxFileBytes: number, pathOption?: string): Promise<LoadedInput> {
  if (typeof input === 'string' || input instanceof URL) {
    const path = toPath(input);
    const { size, regular } = await fileInfo(path);
    if (size > maxFileBytes) throw new InputError('too-large', `file is ${size} bytes, over the ${maxFileBytes}-byte limit`);
    // A pipe or device has no size to check first: it is read up to the limit.
    return { bytes: plain(regular ? await readWhole(path) : await readBounded(createReadStream(path), maxFileBytes)), path };
  }
  let bytes: Uint8Array;
  let path = pathOption ?? null;
  if (ArrayBuffer.isView(input)) bytes = plain(input);
  else if (input instanceof ArrayBuffer || isShared(input)) bytes = new Uint8Array(input);
  else if (input !== null && typeof input === 'object' && typeof (input as { text?: unknown }).text === 'string') {
    const t = input as { text: string; path?: unknown };
    if (t.path != null && typeof t.path !== 'string') throw new InputError('bad-input', '{ text, path }: path must be a string');
    bytes = new TextEncoder().encode(t.text);
    path = (t.path as string | undefined) ?? path;
  } else throw new InputError('bad-input', `cannot read ${describe(input)}: parseSpec takes ${WHAT}`);
  if (bytes.length > maxFileBytes) throw new InputError('too-large', `input is ${bytes.length} bytes, over the ${maxFileBytes}-byte limit`);
  return { bytes, path };
}

function toPath(input: string | URL): string {
  if (input instanceof URL || /^file:\/\//i.test(input)) {
    const url = input instanceof URL ? input : safeUrl(input);
    if (url.protocol !== 'file:') throw new InputError('bad-input', `cannot read ${url.protocol} URLs: only file: URLs (download the file first)`);
    try {
      return fileURLToPath(url);
    } catch (e) {
      throw new InputError('bad-input', `not a usable file: URL (${(e as Error).message.split('\n')[0]})`);
    }
  }
  if (input === '') throw new InputError('bad-input', 'empty path');
  return input;
}

function safeUrl(s: string): URL {
  try {
    return new URL(s);
  } catch {
    throw new InputError('bad-input', `not a valid URL: ${s}`);
  }
}

/** The same bytes as a plain Uint8Array view (a Buffer or other typed array is re-viewed, not copied). */
function plain(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

const isShared = (x: unknown): x is SharedArrayBuffer => typeof SharedArrayBuffer !== 'undefined' && x instanceof SharedArrayBuffer;

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object without a text string';
  return `a ${typeof x}`;
}

/** The size of a file about to be read; InputError when it is missing, unreadable or a directory. */
export async function fileSize(path: string): Promise<number> {
  return (await fileInfo(path)).size;
}

async function fileInfo(path: string): Promise<{ size: number; regular: boolean }> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError('is-directory', 'is a directory, not a file');
    return { size: st.size, regular: st.isFile() };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fsError(e);
  }
}

/** Everything a stream gives (standard input, a pipe, a device), refused past `max` bytes. */
export async function readBounded(stream: Readable, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += b.length;
      if (total > max) throw new InputError('too-large', `input is over the ${max}-byte limit`);
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fsError(e);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

async function readWhole(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    throw fsError(e);
  }
}

function fsError(e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read file (${code ?? 'unknown error'})`;
  return new InputError(code === 'EISDIR' ? 'is-directory' : 'unreadable', reason, { cause: e });
}
