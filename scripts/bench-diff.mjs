#!/usr/bin/env node
// Differ benchmark: parse the five seeds (not timed), then time diffSpecs and the three renderers
// (JSON, Markdown, HTML). Run after `pnpm build`. Target: under 1 s after parsing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { parseSpec, diffSpecs, renderJson, renderMarkdown, renderHtml } = await import(join(root, 'packages/qualspec/dist/index.js'));

const dir = join(root, 'fixtures/seeds');
const files = readdirSync(dir).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
const t0 = performance.now();
const docs = [];
for (const f of files) docs.push(await parseSpec(join(dir, f)));
const parseMs = performance.now() - t0;

const repeat = Number(process.argv[2] ?? 5);
const runs = [];
let sizes;
for (let i = 0; i < repeat; i++) {
  const t = { start: performance.now() };
  const report = diffSpecs(docs);
  t.diff = performance.now();
  const json = renderJson(report);
  t.json = performance.now();
  const md = renderMarkdown(report);
  t.md = performance.now();
  const html = renderHtml(report);
  t.html = performance.now();
  runs.push({ diff: t.diff - t.start, json: t.json - t.diff, md: t.md - t.json, html: t.html - t.md, total: t.html - t.start });
  sizes = { units: report.summary.units, differences: report.summary.differences, findings: report.summary.findings, json: json.length, md: md.length, html: html.length };
}
const median = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
const f = (x) => `${x.toFixed(0).padStart(5)} ms`;
console.log(`five seeds parsed in ${parseMs.toFixed(0)} ms (not counted): ${sizes.units} units, ${sizes.differences} differences, ${sizes.findings} findings`);
console.log(`first run : diffSpecs ${f(runs[0].diff)}  json ${f(runs[0].json)}  md ${f(runs[0].md)}  html ${f(runs[0].html)}  total ${f(runs[0].total)}`);
console.log(`median/${repeat}  : diffSpecs ${f(median('diff'))}  json ${f(median('json'))}  md ${f(median('md'))}  html ${f(median('html'))}  total ${f(median('total'))}`);
console.log(`output sizes: json ${(sizes.json / 1024).toFixed(0)} KiB, md ${(sizes.md / 1024).toFixed(0)} KiB, html ${(sizes.html / 1024).toFixed(0)} KiB`);
console.log(`target: first run total under 1000 ms: ${runs[0].total < 1000 ? 'met' : 'NOT met'}`);
