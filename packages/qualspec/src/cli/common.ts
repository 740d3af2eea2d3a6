/** What every qualspec command shares: exit codes, usage errors, the one-line error format, running a command. */
import { createRequire } from 'node:module';
import { InputError } from '@qualspec/blocks';
import { WriteError } from './write.js';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** A mistake in the command line: printed with a hint to --help, exit 2. */
export class UsageError extends Error {}

/** A command: its arguments in, its exit code out. `tool` is the name it reports errors under. */
export type Command = (argv: string[], tool: string) => Promise<number>;

/** The version of the qualspec package. */
export function version(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

/** One line for an error: `tool: file: reason`, never a stack trace (unless QUALSPEC_DEBUG is set). */
export function errorLine(tool: string, file: string | null, e: unknown): string {
  if (process.env.QUALSPEC_DEBUG && e instanceof Error) console.error(e.stack);
  return `${tool}: ${file ? `${clean(file)}: ` : ''}${reasonOf(e)}`;
}

/** The reason part of an error line. */
export function reasonOf(e: unknown): string {
  const reason =
    e instanceof InputError || e instanceof UsageError || e instanceof WriteError
      ? e.message
      : e instanceof Error
        ? `internal error: ${e.message.split('\n')[0]} (set QUALSPEC_DEBUG=1 for details)`
        : String(e);
  return clean(reason);
}

/** Control characters from a file's content never reach the terminal through a message. */
export const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');

/** Print a usage error and the hint; the exit code for it. */
export function usage(tool: string, message: string): number {
  console.error(`${tool}: ${clean(message)}`);
  console.error(`Try '${tool.split(' ')[0]} ${tool.includes(' ') ? `${tool.split(' ')[1]} ` : ''}--help'.`);
  return EXIT_USAGE;
}

/** Run a command as the process: its result is the exit code; anything thrown is one line, exit 2. */
export function runCli(tool: string, command: Command): void {
  command(process.argv.slice(2), tool).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(errorLine(tool, null, e));
      process.exitCode = EXIT_USAGE;
    },
  );
}
