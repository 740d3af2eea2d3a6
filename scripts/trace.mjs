#!/usr/bin/env node
// Debug aid: the recogniser's decision trace for a file (line, rule id, decision), then the
// units it found. Usage: node scripts/trace.mjs FILE [--unit REF-OR-TITLE-WORD] [--format FMT]
import { readFileSync } from 'node:fs';
const args = process.argv.slice(2);
const file = args[0];
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const { detectFormat } = await import('../packages/qualspec/dist/index.js');
const { recognise, Trace } = await import('../packages/recognise/dist/index.js');
const bytes = new Uint8Array(readFileSync(file));
const format = opt('--format') ?? detectFormat(bytes, file);
const mod = await import(`../packages/${format}/dist/index.js`);
const stream = await mod[`${format}ToBlocks`](bytes, { path: file });
const trace = new Trace(true);
const doc = recognise(stream, { source: { path: file, format, sha256: '', pages: stream.pages }, trace });
const unit = opt('--unit');
if (unit) trace.entries.splice(0, trace.entries.length, ...trace.entries.filter((e) => (e.unit ?? '').includes(unit)));
console.log(trace.format());
for (const u of doc.units) console.log(`# ${u.ref} ${u.number ?? ''} ${u.title}: ${u.outcomes.length} outcomes, ${u.outcomes.reduce((s, o) => s + o.criteria.length, 0)} criteria`);
for (const d of doc.diagnostics) console.log(`! ${d.severity} ${d.code} ${d.unit ?? ''}: ${d.message}`);
process.exit(0);
