#!/usr/bin/env node
/**
 * parse-spec FILE… [--format json|summary] [-o OUT]
 * Parse qualification specifications into the canonical SpecDocument JSON.
 */
import { basename, extname, join } from 'node:path';
import type { Format, SpecDocument } from '@qualspec/model';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UsageError, errorLine, parseArgs, userPath, writeAtomic, runCli, writeOut } from './common.js';
import { summary } from './summary.js';

const TOOL = 'parse-spec';

const HELP = `Usage: parse-spec FILE… [options]

Parse UK qualification specifications (PDF, Word .docx, saved web pages, markdown or
plain text) into the qualspec SpecDocument JSON model (units, learning outcomes,
assessment criteria, rules of combination, diagnostics).

The input format is chosen by the file's extension (.pdf, .docx, .html/.htm, .md, .txt)
and confirmed by its content; --input-format overrides the extension.

Options:
  --format json|summary   json (default): the SpecDocument; one file prints an object,
                          several print an array. summary: a short table per file
                          (units, outcomes, criteria, diagnostics by severity, first warnings).
  -o, --output OUT        one file: write the result to OUT. Several files: OUT is a
                          directory and each FILE is written to OUT/NAME.json (summary: .txt).
                          Files are written whole or not at all.
  --input-format FMT      treat input as pdf, docx, html, markdown or text.
  --password PW           password of an encrypted PDF.
  --max-pages N           refuse PDFs with more than N pages (default 2000).
  --max-bytes N           refuse inputs (or unpacked .docx content) larger than N bytes.
  -h, --help              show this help.
  -v, --version           show the version.

Exit codes:
  0  every file parsed without error diagnostics
  1  a file parsed, but its diagnostics include errors (e.g. no units found);
     the JSON is still written, with the errors in "diagnostics"
  2  usage error, or an input that cannot be read (missing, empty, not the format
     its name says, corrupt, encrypted without --password, no text layer, over a limit)

Errors are printed as one line on stderr: "parse-spec: FILE: reason".
`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, {
      values: ['format', 'output', 'input-format', 'password', 'max-pages', 'max-bytes'],
      flags: ['help', 'version'],
      aliases: { '-o': 'output', '-h': 'help', '-v': 'version' },
    });
  } catch (e) {
    console.error(errorLine(TOOL, null, e));
    console.error(`Try '${TOOL} --help'.`);
    return EXIT_USAGE;
  }
  const o = args.options;
  if (o.help) {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  if (o.version) {
    const { createRequire } = await import('node:module');
    console.log(createRequire(import.meta.url)('../../package.json').version);
    return EXIT_OK;
  }
  const format = (o.format ?? 'json') as string;
  const usage = (msg: string) => {
    console.error(`${TOOL}: ${msg}`);
    console.error(`Try '${TOOL} --help'.`);
    return EXIT_USAGE;
  };
  if (format !== 'json' && format !== 'summary') return usage(`--format must be json or summary, not ${format}`);
  if (!args.files.length) return usage('no input file');
  const inputFormat = o['input-format'] as Format | undefined;
  if (inputFormat && !['pdf', 'docx', 'html', 'markdown', 'text'].includes(inputFormat)) return usage(`--input-format must be pdf, docx, html, markdown or text`);
  const num = (name: string) => {
    const v = o[name];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number`);
    return n;
  };
  let maxPages: number | undefined, maxBytes: number | undefined;
  try {
    maxPages = num('max-pages');
    maxBytes = num('max-bytes');
  } catch (e) {
    return usage((e as Error).message);
  }
  // Start the PDF page reader now: it loads pdf.js while this thread loads the parsers.
  const pdf = inputFormat === 'pdf' || (!inputFormat && args.files.some((f) => /\.pdf$/i.test(f))) ? await import('@qualspec/pdf') : null;
  pdf?.prewarmPdfWorkers();
  try {
    return await run(args.files, o, format, inputFormat, maxPages, maxBytes);
  } finally {
    // A page reader that was started but never needed (a short PDF) must not hold the process.
    await pdf?.closePdfWorkers();
  }
}

async function run(
  files: string[],
  o: Record<string, string | true>,
  format: string,
  inputFormat: Format | undefined,
  maxPages: number | undefined,
  maxBytes: number | undefined,
): Promise<number> {
  const args = { files };
  const { parseSpec } = await import('../parse.js');
  const output = typeof o.output === 'string' ? userPath(o.output) : null;
  const several = args.files.length > 1;

  let exit = EXIT_OK;
  const results: SpecDocument[] = [];
  const summaries: string[] = [];
  const usedNames = new Set<string>();
  for (const file of args.files) {
    let doc: SpecDocument;
    try {
      doc = await parseSpec(userPath(file), {
        format: inputFormat,
        password: typeof o.password === 'string' ? o.password : undefined,
        maxPages,
        maxBytes,
        maxFileBytes: maxBytes,
      });
    } catch (e) {
      console.error(errorLine(TOOL, file, e));
      exit = Math.max(exit, EXIT_USAGE);
      continue;
    }
    const errors = doc.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      for (const d of errors) console.error(`${TOOL}: ${file}: ${d.message}`);
      exit = Math.max(exit, EXIT_ERRORS);
    }
    // Paths in the output are as the user gave them, not absolute.
    doc.source.path = file;
    const text = format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : summary(doc, file);
    if (output && several) {
      let name = basename(file, extname(file));
      while (usedNames.has(name)) name += '_';
      usedNames.add(name);
      try {
        await writeAtomic(join(output, `${name}.${format === 'json' ? 'json' : 'txt'}`), text);
      } catch (e) {
        console.error(errorLine(TOOL, output, e));
        return EXIT_USAGE;
      }
    } else if (format === 'json') results.push(doc);
    else summaries.push(text);
  }
  if (!(output && several)) {
    const text = format === 'json' ? (several ? `${JSON.stringify(results, null, 2)}\n` : results.length ? `${JSON.stringify(results[0], null, 2)}\n` : '') : summaries.join('\n');
    if (text) {
      if (output) {
        try {
          await writeAtomic(output, text);
        } catch (e) {
          console.error(errorLine(TOOL, output, e));
          return EXIT_USAGE;
        }
      } else await writeOut(text);
    }
  }
  return exit;
}

runCli(TOOL, main);
