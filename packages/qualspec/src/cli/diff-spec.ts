#!/usr/bin/env node
/**
 * diff-spec FILE… [--format html|md|json] [-o OUT]
 * Compare the units of several specifications and report where the same unit diverges.
 */
import { extname } from 'node:path';
import { diffSpecs } from '@qualspec/diff';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '@qualspec/report';
import type { SpecDocument } from '@qualspec/model';
import { loadSpec } from '../diff.js';
import { EXIT_OK, EXIT_USAGE, errorLine, parseArgs, userPath, writeAtomic, runCli, writeOut } from './common.js';

const TOOL = 'diff-spec';

const HELP = `Usage: diff-spec FILE… [--format html|md|json] [-o OUT]

Compare the units of several UK qualification specifications (PDF, Word .docx, saved
web pages, markdown, plain text, or SpecDocument JSON as written by parse-spec) and
report where the same unit diverges between awarding bodies.

Units are matched by reference number (a reference with a wrong check letter is read
as the corrected one); units without a reference (TBC) by title and content similarity.
Each difference is classed cosmetic, spelling, wording or structural. Reference
findings (wrong check letters, bodies copied under another reference, one title under
several references, one reference with several titles, unit pages that disagree with
their structure table) are listed at the top.

Options:
  --format json|md|html   json: the DiffReport (schema: @qualspec/diff
                          schema/diff-report.json); md: Markdown for email and pull
                          requests; html: one self-contained page (no network) with
                          side-by-side differences and filters by body and class.
                          Default: from OUT's extension (.json, .md, .html), else md.
  -o, --output OUT        write the report to OUT instead of standard output; the
                          file is written whole or not at all.
  -h, --help              show this help.

Exit codes:
  0  the report was written (whatever differences it finds)
  2  usage error, or an input that cannot be read or parsed (missing, empty, not the
     format its name says, corrupt, JSON that is not a SpecDocument), or OUT cannot
     be written

Errors are printed as one line on stderr: "diff-spec: FILE: reason".
`;

function formatFor(out: string | null): ReportFormat {
  const ext = out ? extname(out).toLowerCase() : '';
  if (ext === '.json') return 'json';
  if (ext === '.html' || ext === '.htm') return 'html';
  return 'md';
}

async function main(argv: string[]): Promise<number> {
  const usage = (msg: string) => {
    console.error(`${TOOL}: ${msg}`);
    console.error(`Try '${TOOL} --help'.`);
    return EXIT_USAGE;
  };
  let args;
  try {
    args = parseArgs(argv, { values: ['format', 'output'], flags: ['help'], aliases: { '-o': 'output', '-h': 'help', '-f': 'format' } });
  } catch (e) {
    return usage(errorLine(TOOL, null, e).slice(TOOL.length + 2));
  }
  const o = args.options;
  if (o.help) {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  let format: ReportFormat;
  if (typeof o.format === 'string') {
    const f = o.format.toLowerCase() === 'markdown' ? 'md' : o.format.toLowerCase();
    if (!(REPORT_FORMATS as readonly string[]).includes(f)) return usage(`--format must be json, md or html, not ${o.format}`);
    format = f as ReportFormat;
  } else format = formatFor(typeof o.output === 'string' ? o.output : null);
  if (!args.files.length) return usage('no input file');

  const docs: SpecDocument[] = [];
  let failed = false;
  for (const file of args.files) {
    try {
      const doc = await loadSpec(userPath(file));
      // Paths in the report are as the user gave them, not absolute.
      doc.source.path = file;
      docs.push(doc);
    } catch (e) {
      console.error(errorLine(TOOL, file, e));
      failed = true;
    }
  }
  if (failed) return EXIT_USAGE;

  const text = renderReport(diffSpecs(docs), format);
  if (typeof o.output === 'string') {
    try {
      await writeAtomic(userPath(o.output), text);
    } catch (e) {
      console.error(errorLine(TOOL, o.output, e));
      return EXIT_USAGE;
    }
  } else await writeOut(text);
  return EXIT_OK;
}

runCli(TOOL, main);
