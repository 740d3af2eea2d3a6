/** Shared pieces of the qualspec command-line tools. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { InputError } from '@qualspec/blocks';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

/** Resolve a path the user typed: relative to where they ran `pnpm …` (INIT_CWD), else the cwd. */
export function userPath(p: string): string {
  if (isAbsolute(p)) return p;
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** Write a file whole or not at all: a temporary file renamed into place. */
export async function writeAtomic(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.partial`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** One line for an error: `tool: file: reason`, never a stack trace (unless QUALSPEC_DEBUG is set). */
export function errorLine(tool: string, file: string | null, e: unknown): string {
  if (process.env.QUALSPEC_DEBUG && e instanceof Error) console.error(e.stack);
  const reason =
    e instanceof InputError || e instanceof UsageError
      ? e.message
      : e instanceof Error
        ? (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'no such file or directory'
          : `cannot parse: ${e.message.split('\n')[0]}`
        : String(e);
  return `${tool}: ${file ? `${file}: ` : ''}${reason}`;
}

export interface ParsedArgs {
  files: string[];
  options: Record<string, string | true>;
}

/** A small argument parser: `--name value`, `--name=value`, `-o value`, flags, `--` ends options. */
export function parseArgs(argv: string[], spec: { values: string[]; flags: string[]; aliases?: Record<string, string> }): ParsedArgs {
  const files: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      files.push(a);
      continue;
    }
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const name = spec.aliases?.[a] ?? a.replace(/^--?/, '');
    if (spec.flags.includes(name)) {
      options[name] = true;
    } else if (spec.values.includes(name)) {
      value ??= argv[++i];
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      options[name] = value;
    } else throw new UsageError(`unknown option ${a}`);
  }
  return { files, options };
}

/** Write to standard output, waiting for it to drain; a closed pipe (`| head`) is not an error. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.on('error', () => resolve());
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

/** Run a command's main function: its result is the exit code; anything thrown is one line, exit 2. */
export function runCli(tool: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(errorLine(tool, null, e));
      process.exitCode = EXIT_USAGE;
    },
  );
}
