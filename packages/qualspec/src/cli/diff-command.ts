/**
 * diff-spec FILE|FOLDER|- … [options]: compare the units of several specifications and report
 * where the same unit diverges. Inputs are specification files of any supported format or
 * parse-spec's JSON (a document or an array of them). An input that cannot be read, or parses
 * with error diagnostics, is named on standard error, left out of the report (unless
 * --keep-failed keeps those that parsed) and makes the exit 1; fewer than two documents is a
 * usage error.
 */
import { extname } from 'node:path';
import { diffSpecs } from '@qualspec/diff';
import type { SpecDocument } from '@qualspec/model';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '@qualspec/report';
import { loadSpecs } from '../diff.js';
import { prewarmParser } from '../isolate.js';
import { SPEC_EXTENSIONS, type ParseOptions } from '../parse.js';
import { parseCommandLine, stringOption } from './args.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UsageError, errorLine, reasonOf, usage, version, type Command } from './common.js';
import { expandInputs, readStdin, type CliInput } from './inputs.js';
import { COMMON_OPTIONS, INPUT_OPTIONS_HELP, parseOptionsFrom, progressWanted } from './options.js';
import { Progress } from './progress.js';
import { writeResult } from './write.js';

const OPTIONS = { ...COMMON_OPTIONS, 'keep-failed': { type: 'boolean' as const } };

const help = (tool: string) => `Usage: ${tool} FILE|FOLDER|- … [options]

Compare the units of several UK qualification specifications (PDF, Word .docx, saved
web pages, markdown, plain text, or SpecDocument JSON as written by parse-spec: one
document or an array of them) and report where the same unit diverges between
awarding bodies. A FOLDER stands for the specification and .json files directly in it;
- reads standard input. Relative paths are from the current directory.

Units are matched by reference number (a reference with a wrong check letter is read
as the corrected one); units without a reference (TBC) by title and content similarity.
Each difference is classed cosmetic, spelling, wording or structural. Reference
findings (wrong check letters, bodies copied under another reference, one title under
several references, one reference with several titles, unit pages that disagree with
their structure table) are listed at the top.

Options:
  -f, --format json|md|html
                          json: the DiffReport (schema: @qualspec/diff
                          schema/diff-report.json, named in its "$schema"); md:
                          Markdown for email and pull requests; html: one
                          self-contained page (no network) with side-by-side
                          differences and filters by body and class. Default: from
                          OUT's extension (.json, .md, .html); md on standard output.
  -o, --output OUT        write the report to OUT instead of standard output; the
                          file is written whole or not at all. An OUT whose
                          extension names no format needs --format.
  --keep-failed           keep in the report the documents that parsed with error
                          diagnostics (the exit code is still 1).
${INPUT_OPTIONS_HELP}

Exit codes:
  0  the report was written, from every input
  1  an input could not be read or parsed, or parsed with error diagnostics (e.g. no
     units found): it is named on stderr and left out; the report is written from
     the rest when at least two documents remain
  2  usage error (including fewer than two documents to compare), or OUT cannot be
     written

Errors are printed as one line on stderr: "${tool}: FILE: reason".
`;

const EXTENSION_FORMATS: Record<string, ReportFormat> = { '.json': 'json', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html' };

/** The report format: --format, else OUT's extension, else Markdown; UsageError when neither tells. */
export function reportFormat(format: string | undefined, out: string | undefined): ReportFormat {
  if (format !== undefined) {
    const f = format.toLowerCase() === 'markdown' ? 'md' : format.toLowerCase();
    if (!(REPORT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be json, md or html, not ${format}`);
    return f as ReportFormat;
  }
  if (out === undefined || out === '-') return 'md';
  const ext = extname(out).toLowerCase();
  const byExt = EXTENSION_FORMATS[ext];
  if (!byExt) throw new UsageError(`cannot tell the report format from ${ext ? `the extension ${ext}` : 'a name without an extension'} of ${out}: name it .json, .md or .html, or give --format`);
  return byExt;
}

export const diffSpecCommand: Command = async (argv, tool) => {
  let cl;
  let parseOptions: ParseOptions;
  let format: ReportFormat;
  try {
    cl = parseCommandLine(argv, OPTIONS);
    parseOptions = parseOptionsFrom(cl.values);
    if (cl.values.help || cl.values.version) format = 'md';
    else format = reportFormat(stringOption(cl.values, 'format'), stringOption(cl.values, 'output'));
  } catch (e) {
    if (e instanceof UsageError) return usage(tool, e.message);
    throw e;
  }
  const o = cl.values;
  if (o.help) {
    process.stdout.write(help(tool));
    return EXIT_OK;
  }
  if (o.version) {
    process.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  if (!cl.positionals.length) return usage(tool, 'no input file');
  let inputs: CliInput[];
  try {
    const expanded = await expandInputs(cl.positionals, [...SPEC_EXTENSIONS, '.json']);
    if (expanded.empty.length) return usage(tool, `${expanded.empty[0]}: no specification or .json files in this folder`);
    inputs = expanded.inputs;
  } catch (e) {
    if (e instanceof UsageError) return usage(tool, e.message);
    throw e;
  }
  // One specification file is one document: nothing to compare it with. (One JSON file, or
  // standard input, may hold an array of them.)
  if (inputs.length === 1 && inputs[0]!.path !== null && extname(inputs[0]!.path).toLowerCase() !== '.json') {
    return usage(tool, `needs at least two specifications to compare, got one (${inputs[0]!.label})`);
  }

  // Start the parse worker now: it loads the parsers (pdf.js for a PDF) while this thread goes on.
  prewarmParser({ pdf: parseOptions.format === 'pdf' || (!parseOptions.format && inputs.some((i) => /\.pdf$/i.test(i.label))), maxMemoryMb: parseOptions.maxMemoryMb });
  const progress = new Progress(inputs.length, progressWanted(o));
  const docs: SpecDocument[] = [];
  let failed = 0;
  try {
    for (const [i, input] of inputs.entries()) {
      progress.start(i + 1, input.label);
      let loaded: SpecDocument[];
      try {
        loaded = await loadSpecs(input.path ?? (await readStdin(parseOptions.maxFileBytes ?? 200 * 1024 * 1024)), parseOptions);
      } catch (e) {
        progress.log(errorLine(tool, input.label, e));
        progress.finish('failed', reasonOf(e));
        failed++;
        continue;
      }
      let withErrors = 0;
      for (const doc of loaded) {
        const errors = doc.diagnostics.filter((d) => d.severity === 'error');
        for (const d of errors) progress.log(`${tool}: ${input.label}: ${d.message}${o['keep-failed'] ? ' (kept: --keep-failed)' : ' (left out of the report)'}`);
        if (errors.length) withErrors++;
        // Paths in the report are as the user gave them, not absolute.
        if (doc.source.path === null || !/\.json$/i.test(input.label)) doc.source.path = input.path ?? doc.source.path;
        if (!errors.length || o['keep-failed']) docs.push(doc);
      }
      if (withErrors) failed++;
      progress.finish(withErrors ? 'errors' : 'ok', `${loaded.length} document${loaded.length > 1 ? 's' : ''}${withErrors ? `, ${withErrors} with errors` : ''}`);
    }
  } finally {
    progress.end();
  }
  if (docs.length < 2) {
    if (failed) {
      console.error(`${tool}: nothing to compare: ${docs.length === 0 ? 'no document' : 'only one document'} left from ${inputs.length} input${inputs.length > 1 ? 's' : ''}`);
      return EXIT_ERRORS;
    }
    return usage(tool, `needs at least two specifications to compare, got ${docs.length === 0 ? 'none' : 'one'}`);
  }
  const text = renderReport(diffSpecs(docs), format);
  const out = stringOption(o, 'output');
  try {
    await writeResult(out, text);
  } catch (e) {
    console.error(errorLine(tool, out ?? null, e));
    return EXIT_USAGE;
  }
  return failed ? EXIT_ERRORS : EXIT_OK;
};
