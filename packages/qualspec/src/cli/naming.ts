/**
 * Output names for `-o DIR` with several inputs: the input's file name with the output's
 * extension added (`x.pdf` and `x.docx` -> `x.pdf.json`, `x.docx.json`). When two inputs have
 * the same file name (`specs/a/x.pdf`, `specs/b/x.pdf`), every input keeps its path below the
 * folder all the inputs share (`a/x.pdf.json`, `b/x.pdf.json`). Standard input is `stdin.json`.
 * Two inputs that would still meet in one name (names that differ only in case, or a file
 * called stdin) are a usage error, never an overwrite.
 */
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './common.js';
import type { CliInput } from './inputs.js';

export function outputNames(inputs: CliInput[], extension: string): Map<CliInput, string> {
  const files = inputs.filter((i) => i.path !== null).map((i) => resolve(i.path!));
  const flat = new Set(files.map((f) => basename(f).toLowerCase())).size === files.length;
  const base = commonFolder(files.map((f) => dirname(f)));
  const names = new Map<CliInput, string>();
  const taken = new Map<string, CliInput>();
  for (const input of inputs) {
    const file = input.path === null ? 'stdin' : flat ? basename(input.path) : relative(base, resolve(input.path));
    const name = `${file}${extension}`;
    const key = name.toLowerCase();
    const other = taken.get(key);
    if (other) throw new UsageError(`${other.label} and ${input.label} would both be written to ${name}: rename one, or write them with separate commands`);
    taken.set(key, input);
    names.set(input, name);
  }
  return names;
}

/** The deepest folder that holds all of the given folders. */
export function commonFolder(folders: string[]): string {
  if (!folders.length) return process.cwd();
  let parts = folders[0]!.split(sep);
  for (const f of folders.slice(1)) {
    const other = f.split(sep);
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}

/** Where a named output goes inside the output folder. */
export const inFolder = (folder: string, name: string) => join(folder, name);
