/**
 * The options parse-spec and diff-spec share, spelled and meaning the same in both: how inputs
 * are read (--input-format, --password, --max-pages, --max-bytes, --timeout, --max-memory), where the output goes (-o),
 * the progress display, help and version.
 */
import type { Format } from '@qualspec/model';
import { FORMATS, type ParseOptions } from '../parse.js';
import { limitOption, positiveInteger, stringOption, type CommandLine, type OptionSpecs } from './args.js';
import { UsageError } from './common.js';

export const COMMON_OPTIONS: OptionSpecs = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'input-format': { type: 'string' },
  password: { type: 'string' },
  'max-pages': { type: 'string' },
  'max-bytes': { type: 'string' },
  timeout: { type: 'string' },
  'max-memory': { type: 'string' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

/** The help text of the shared options (each command adds its own --format and -o lines). */
export const INPUT_OPTIONS_HELP = `  --input-format FMT      read every input as pdf, docx, html, markdown or text,
                          whatever its name (standard input needs it only when its
                          content does not tell).
  --password PW           password of an encrypted PDF.
  --max-pages N           refuse PDFs with more than N pages (default 5000).
  --max-bytes N           refuse inputs (or unpacked .docx content) larger than N bytes.
  --timeout S             stop reading a document after S seconds (default 15; 0: no
                          limit); it gets one error line and the next input goes on.
  --max-memory MB         stop reading a document that needs more than MB megabytes
                          (default 768; 0: no limit), in the same way.
  --progress, --no-progress
                          with several inputs, show file N of M, its name and the time
                          taken on standard error, and a line per file at the end.
                          Default: when standard error is a terminal.
  -h, --help              show this help.
  -v, --version           show the version.`;

/** parseSpec options from the command line; UsageError for a bad value. */
export function parseOptionsFrom(values: CommandLine['values']): ParseOptions {
  const inputFormat = stringOption(values, 'input-format');
  let format: Format | undefined;
  if (inputFormat !== undefined) {
    const f = inputFormat.toLowerCase() === 'md' ? 'markdown' : inputFormat.toLowerCase() === 'txt' ? 'text' : inputFormat.toLowerCase();
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--input-format must be pdf, docx, html, markdown or text, not ${inputFormat}`);
    format = f as Format;
  }
  const maxBytes = positiveInteger(values, 'max-bytes');
  const seconds = limitOption(values, 'timeout', 'seconds');
  return {
    format,
    password: stringOption(values, 'password'),
    maxPages: positiveInteger(values, 'max-pages'),
    maxBytes,
    maxFileBytes: maxBytes,
    timeoutMs: seconds === undefined ? undefined : seconds * 1000,
    maxMemoryMb: limitOption(values, 'max-memory', 'megabytes'),
  };
}

/** Whether to show progress: --progress / --no-progress, else when standard error is a terminal. */
export function progressWanted(values: CommandLine['values']): boolean {
  if (values['no-progress']) return false;
  if (values.progress) return true;
  return process.stderr.isTTY === true;
}
