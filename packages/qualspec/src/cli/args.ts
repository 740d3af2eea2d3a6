/**
 * Command-line parsing on node:util parseArgs: `--name value`, `--name=value`, `-o value`,
 * `-ovalue`, grouped short flags, `--` ends the options, `-` is an input (standard input). The
 * tokens are checked here so that every mistake gets one plain line: an unknown option, a flag
 * given a value (`--help=yes`), an option missing its value, or an option taken as the value of
 * the one before it (`--format -o`).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './common.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}
export type OptionSpecs = Record<string, OptionSpec>;

export interface CommandLine {
  /** Option values by long name: a string, or true for a flag given. The last of a repeated option wins. */
  values: Record<string, string | true | undefined>;
  positionals: string[];
}

export function parseCommandLine(argv: string[], options: OptionSpecs): CommandLine {
  let tokens;
  try {
    ({ tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  const values: CommandLine['values'] = {};
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option') continue;
    const spec = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
    const shown = spec?.short && t.rawName === `-${spec.short}` ? `-${spec.short}` : `--${t.name}`;
    if (!spec) throw new UsageError(`unknown option ${t.rawName}`);
    if (spec.type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(`option ${shown} takes no value`);
      values[t.name] = true;
      continue;
    }
    if (t.value === undefined || t.value === '') throw new UsageError(`option ${shown} needs a value`);
    if (!t.inlineValue && t.value.startsWith('-') && t.value !== '-') {
      throw new UsageError(`option ${shown} needs a value, not the option ${t.value} (for a value that starts with "-", write ${shown === `--${t.name}` ? `--${t.name}=` : `-${spec.short}`}${t.value})`);
    }
    values[t.name] = t.value;
  }
  return { values, positionals };
}

/** A positive whole number option (`--max-pages 50`), or undefined when not given. */
export function positiveInteger(values: CommandLine['values'], name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number, not ${String(v)}`);
  return n;
}

/** A limit: a whole number, or 0 for none (the API's 0). */
export function limitOption(values: CommandLine['values'], name: string, unit: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} must be a whole number of ${unit} (0 for no limit), not ${String(v)}`);
  return n;
}

/** A string option, or undefined. */
export const stringOption = (values: CommandLine['values'], name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};
