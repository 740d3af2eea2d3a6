/**
 * Writing results: a file is written whole or not at all (a temporary file beside it, renamed
 * into place, removed if the process is interrupted); a device or pipe named as the output
 * (`-o /dev/null`) is written directly, never replaced; `-` is standard output. Failures are
 * WriteErrors, "cannot write: reason".
 */
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** An output that could not be written: the message names the reason (the caller names the file). */
export class WriteError extends Error {
  readonly code: string;
  constructor(e: unknown) {
    const code = (e as NodeJS.ErrnoException)?.code ?? 'unknown';
    super(`cannot write: ${REASONS[code] ?? (e instanceof Error ? e.message.split('\n')[0] : String(e))}`, { cause: e });
    this.name = 'WriteError';
    this.code = code;
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a folder on its path is a file',
  EEXIST: 'a file is in the way of a folder on its path',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ENAMETOOLONG: 'name too long',
  ENOENT: 'no such folder',
  EMFILE: 'too many open files',
};

/** Temporary files being written, removed if the process is interrupted. */
const partial = new Set<string>();
let hooked = false;
function removePartialOnSignal() {
  if (hooked) return;
  hooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const p of partial) rmSync(p, { force: true });
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[signal]);
    });
  }
}

/** Write `data` to `path` whole or not at all. Throws WriteError. */
export async function writeAtomic(path: string, data: string): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new WriteError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
  try {
    if (existing && !existing.isFile()) {
      // A device, pipe or socket: write into it, do not rename a file over it.
      await writeFile(path, data);
      return;
    }
    await mkdir(dirname(path), { recursive: true });
  } catch (e) {
    throw new WriteError(e);
  }
  const tmp = `${path}.${process.pid}.partial`;
  removePartialOnSignal();
  partial.add(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new WriteError(e);
  } finally {
    partial.delete(tmp);
  }
}

/** Write to standard output, waiting for it to drain; a closed pipe (`| head`) is not an error. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.once('error', () => resolve());
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

/** Write to OUT, or to standard output when OUT is absent or `-`. */
export async function writeResult(out: string | undefined, text: string): Promise<void> {
  if (out === undefined || out === '-') await writeOut(text);
  else await writeAtomic(out, text);
}
