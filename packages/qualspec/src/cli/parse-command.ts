/**
 * parse-spec FILE… [options]: specifications to SpecDocument JSON (or a summary table).
 * Reads each input in turn (inputs.ts), writes one result or an array to standard output or
 * -o OUT, or one file per input into a folder (naming.ts); errors are one line each.
 */
import { stat } from 'node:fs/promises';
import { SPEC_DOCUMENT_SCHEMA_URL, type SpecDocument } from '@qualspec/model';
import type { TraceEntry } from '@qualspec/recognise';
import { prewarmParser } from '../isolate.js';
import { SPEC_EXTENSIONS, type ParseOptions } from '../parse.js';
import { parseCommandLine, stringOption } from './args.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UsageError, errorLine, reasonOf, usage, version, type Command } from './common.js';
import { expandInputs, readStdin, type CliInput } from './inputs.js';
import { inFolder, outputNames } from './naming.js';
import { COMMON_OPTIONS, INPUT_OPTIONS_HELP, parseOptionsFrom, progressWanted } from './options.js';
import { Progress } from './progress.js';
import { summary } from './summary.js';
import { validateCommand } from './validate-command.js';
import { writeAtomic, writeResult } from './write.js';

const OPTIONS = { ...COMMON_OPTIONS, validate: { type: 'boolean' as const }, trace: { type: 'boolean' as const } };

const help = (tool: string) => `Usage: ${tool} FILE|FOLDER|- … [options]
       ${tool} --validate FILE.json…

Parse UK qualification specifications (PDF, Word .docx, saved web pages, markdown or
plain text) into the qualspec SpecDocument JSON model (units, learning outcomes,
assessment criteria, rules of combination, diagnostics).

The input format is chosen by the file's extension (.pdf, .docx, .html/.htm, .md, .txt)
and confirmed by its content. A FOLDER stands for the specification files directly in
it; - reads standard input. Relative paths are from the current directory.

Options:
  -f, --format json|summary
                          json (default): the SpecDocument, with "$schema" naming its
                          JSON Schema; one input prints an object, several an array.
                          summary: a short table per file (units, outcomes, criteria,
                          diagnostics by severity, first warnings).
  -o, --output OUT        write the result to OUT (- is standard output). With several
                          inputs, a FOLDER input, or OUT ending in / or naming a folder,
                          OUT is a folder and each input is written to OUT/NAME.EXT.json
                          (summary: .txt), NAME.EXT its path below the folder the inputs
                          share. Files are written whole or not at all.
${INPUT_OPTIONS_HELP}
  --validate              check SpecDocument (or DiffReport) JSON files against the
                          schema instead of parsing: the same as qualspec validate.
  --trace                 print the recogniser's decisions on standard error: for each
                          line read, where it is, the rule that decided it (by id), what
                          it decided, and its text (also QUALSPEC_TRACE=1).

Exit codes:
  0  every file parsed without error diagnostics
  1  a file parsed, but its diagnostics include errors (e.g. no units found);
     the JSON is still written, with the errors in "diagnostics"
  2  usage error, an input that cannot be read (missing, empty, not the format
     its name says, corrupt, encrypted without --password, no text layer, over a
     limit), or an output that cannot be written

Errors are printed as one line on stderr: "${tool}: FILE: reason".
`;

interface Result {
  input: CliInput;
  doc: SpecDocument;
}

export const parseSpecCommand: Command = async (argv, tool) => {
  let cl;
  let parseOptions: ParseOptions;
  try {
    cl = parseCommandLine(argv, OPTIONS);
    parseOptions = parseOptionsFrom(cl.values);
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
  if (o.validate) return validateCommand(cl.positionals, tool);
  const format = stringOption(o, 'format') ?? 'json';
  if (format !== 'json' && format !== 'summary') return usage(tool, `--format must be json or summary, not ${format}`);
  if (!cl.positionals.length) return usage(tool, 'no input file');

  let expanded;
  try {
    expanded = await expandInputs(cl.positionals, SPEC_EXTENSIONS);
  } catch (e) {
    if (e instanceof UsageError) return usage(tool, e.message);
    throw e;
  }
  let exit = EXIT_OK;
  for (const folder of expanded.empty) {
    console.error(`${tool}: ${folder}: no specification files in this folder (${SPEC_EXTENSIONS.join(' ')})`);
    exit = EXIT_USAGE;
  }
  const { inputs } = expanded;
  if (!inputs.length) return exit;

  const output = stringOption(o, 'output');
  const extension = format === 'json' ? '.json' : '.txt';
  let folder: string | null = null;
  let names: Map<CliInput, string> | null = null;
  try {
    if (output !== undefined && output !== '-' && (inputs.length > 1 || inputs.some((i) => i.fromFolder) || (await isFolderName(output)))) {
      folder = output;
      names = outputNames(inputs, extension);
    }
  } catch (e) {
    if (e instanceof UsageError) return usage(tool, e.message);
    throw e;
  }

  // Start the parse worker now: it loads the parsers (pdf.js for a PDF) while this thread goes on.
  prewarmParser({ pdf: parseOptions.format === 'pdf' || (!parseOptions.format && inputs.some((i) => /\.pdf$/i.test(i.label))), maxMemoryMb: parseOptions.maxMemoryMb });
  const progress = new Progress(inputs.length, progressWanted(o));
  const results: Result[] = [];
  try {
    for (const [i, input] of inputs.entries()) {
      progress.start(i + 1, input.label);
      const traced = o.trace || process.env.QUALSPEC_TRACE === '1';
      const doc = await readOne(input, traced ? { ...parseOptions, onTrace: (entries) => progress.log(traceText(input.label, entries)) } : parseOptions, tool, progress);
      if (!doc) {
        exit = Math.max(exit, EXIT_USAGE);
        continue;
      }
      const errors = doc.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length) exit = Math.max(exit, EXIT_ERRORS);
      const text = render(doc, input, format);
      let written = '';
      if (folder && names) {
        const target = inFolder(folder, names.get(input)!);
        try {
          await writeAtomic(target, text);
          written = ` -> ${target}`;
        } catch (e) {
          progress.log(errorLine(tool, target, e));
          progress.finish('failed', 'not written');
          exit = Math.max(exit, EXIT_USAGE);
          continue;
        }
      } else results.push({ input, doc });
      progress.finish(errors.length ? 'errors' : 'ok', `${counts(doc)}${errors.length ? `, ${errors.length} error${errors.length > 1 ? 's' : ''}` : ''}${written}`);
    }
  } finally {
    progress.end();
  }
  if (folder) return exit;
  if (!results.length) return exit;
  const text =
    format === 'summary'
      ? results.map((r) => render(r.doc, r.input, format)).join('\n')
      : inputs.length > 1
        ? `${JSON.stringify(results.map((r) => withSchema(r.doc)), null, 2)}\n`
        : render(results[0]!.doc, results[0]!.input, format);
  try {
    await writeResult(output, text);
  } catch (e) {
    console.error(errorLine(tool, output ?? null, e));
    return EXIT_USAGE;
  }
  return exit;
};

/** Parse one input; null (the error already reported) when it cannot be read. */
async function readOne(input: CliInput, options: ParseOptions, tool: string, progress: Progress): Promise<SpecDocument | null> {
  const { parseSpec } = await import('../parse.js');
  try {
    const source = input.path ?? (await readStdin(options.maxFileBytes ?? 200 * 1024 * 1024));
    const doc = await parseSpec(source, options);
    // Paths in the output are as the user gave them, not absolute.
    doc.source.path = input.path;
    for (const d of doc.diagnostics) if (d.severity === 'error') progress.log(`${tool}: ${input.label}: ${d.message}`);
    return doc;
  } catch (e) {
    progress.log(errorLine(tool, input.label, e));
    progress.finish('failed', reasonOf(e));
    return null;
  }
}

const withSchema = (doc: SpecDocument) => ({ $schema: SPEC_DOCUMENT_SCHEMA_URL, ...doc });

function render(doc: SpecDocument, input: CliInput, format: string): string {
  return format === 'json' ? `${JSON.stringify(withSchema(doc), null, 2)}\n` : summary(doc, input.label);
}

function counts(doc: SpecDocument): string {
  const outcomes = doc.units.reduce((s, u) => s + u.outcomes.length, 0);
  const criteria = doc.units.reduce((s, u) => s + u.outcomes.reduce((t, x) => t + x.criteria.length, 0), 0);
  return `${doc.units.length} units, ${outcomes} outcomes, ${criteria} criteria`;
}

/** OUT names a folder: it ends with a separator or is an existing folder. */
async function isFolderName(out: string): Promise<boolean> {
  if (/[\\/]$/.test(out)) return true;
  return (await stat(out).catch(() => null))?.isDirectory() ?? false;
}

/** A trace as lines: `FILE p18 l21  rule  decision | text`. */
function traceText(label: string, entries: TraceEntry[]): string {
  return entries
    .map((e) => `${label} p${e.place.page ?? '-'} l${e.place.line ?? '-'}  ${e.rule}  ${e.decision}${e.unit ? ` [${e.unit}]` : ''} | ${e.text}`)
    .join('\n');
}
