/**
 * The inputs a command line names: files as given, `-` for standard input, and folders, which
 * stand for the specification files directly inside them (by extension, in name order; hidden
 * files and Word's `~$` lock files skipped). The same file named twice is read once.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { readBounded } from '../input.js';
import { UsageError } from './common.js';

export interface CliInput {
  /** How messages name it: the path as typed (a folder's files as FOLDER/NAME), or <stdin>. */
  label: string;
  /** The file to read, relative to the current directory as typed; null for standard input. */
  path: string | null;
  /** It came from a folder named on the command line. */
  fromFolder: boolean;
}

export const STDIN_LABEL = '<stdin>';

export interface ExpandedInputs {
  inputs: CliInput[];
  /** Folders that hold no specification file: one line each, the command's exit 2. */
  empty: string[];
}

/** Expand the positional arguments; `extensions` are the names a folder's files are taken by. */
export async function expandInputs(args: string[], extensions: readonly string[]): Promise<ExpandedInputs> {
  const inputs: CliInput[] = [];
  const empty: string[] = [];
  const seen = new Set<string>();
  const add = (input: CliInput) => {
    const key = input.path === null ? '-' : resolve(input.path);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(input);
  };
  for (const arg of args) {
    if (arg === '-') {
      if (seen.has('-')) throw new UsageError('standard input (-) is named more than once');
      add({ label: STDIN_LABEL, path: null, fromFolder: false });
      continue;
    }
    if (!(await isDirectory(arg))) {
      add({ label: arg, path: arg, fromFolder: false });
      continue;
    }
    const files = await specFilesIn(arg, extensions);
    if (!files.length) empty.push(arg);
    for (const f of files) add({ label: f, path: f, fromFolder: true });
  }
  return { inputs, empty };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // missing or unreadable: reported when it is read, like any file
  }
}

async function specFilesIn(dir: string, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => !e.name.startsWith('.') && !e.name.startsWith('~$'))
    .filter((e) => extensions.includes(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files: string[] = [];
  for (const name of names) {
    const p = join(dir, name);
    // Links are followed; sub-folders are not walked.
    if (!(await isDirectory(p))) files.push(p);
  }
  return files;
}

/** Standard input, whole, refused past `max` bytes. */
export function readStdin(max: number): Promise<Uint8Array> {
  return readBounded(process.stdin, max);
}
