/** Running the installed commands (the bin files package.json names) as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './fixtures.js';

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Uint8Array;
  env?: Record<string, string | undefined>;
}

/** Longer than any command in the tests takes (seconds), far shorter than the test timeout. */
const HANG_MS = 45_000;

/** Run parse-spec, diff-spec or qualspec through its bin file, in `cwd` (default: the repository root). */
export function runBin(name: 'parse-spec' | 'diff-spec' | 'qualspec', args: string[], options: RunOptions = {}): Run {
  const r = spawnSync(process.execPath, [join(root, 'packages/qualspec/bin', `${name}.js`), ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, QUALSPEC_DEBUG: '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
    // A command that does not end is a failure of its own (status null, signal SIGKILL), not a hung suite.
    timeout: HANG_MS,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export const tmp = (prefix = 'qualspec-cli-') => mkdtempSync(join(tmpdir(), prefix));

/** Standard error as lines. */
export const lines = (err: string) => err.split('\n').filter(Boolean);

/** The progress display's redraws (carriage return, erase line) removed, leaving what a terminal shows last. */
export const screen = (err: string) => err.replace(/\r\x1b\[K/g, '\n').split('\n').filter(Boolean);
