#!/usr/bin/env node
// pnpm bench: speed and memory, measured (never asserted in tests).
//  1. all five seed texts parsed in one process: wall time and peak memory;
//  2. each .docx and saved web page fixture;
//  3. the PDF benchmark (scripts/bench-pdf.mjs) and the differ (scripts/bench-diff.mjs).
// Each part runs in its own child process so peak memory is that part's alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const child = join(root, 'scripts/lib/bench-parse.mjs');

function run(label, files, repeat = 5) {
  const r = spawnSync(process.execPath, [child, String(repeat), ...files], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`${label}: failed: ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
    return;
  }
  const m = JSON.parse(r.stdout);
  console.log(
    `${label.padEnd(30)} ${String(files.length).padStart(2)} files  modules ${m.loadMs.toFixed(0).padStart(4)} ms  first pass ${m.firstMs.toFixed(0).padStart(5)} ms  ` +
      `median of ${repeat} ${m.medianMs.toFixed(0).padStart(5)} ms  peak RSS ${m.peakMB.toFixed(0)} MB  (${m.units} units, ${m.criteria} criteria)`,
  );
}

const seeds = readdirSync(join(root, 'fixtures/seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'fixtures/seeds', f));
const docs = readdirSync(join(root, 'fixtures/documents')).map((f) => join(root, 'fixtures/documents', f));
console.log('== parsing, in one process: loading qualspec and the adapters, then the first (JIT-cold) and median (warm) pass over all files');
run('five seed texts (000-004)', seeds);
run('.docx fixtures', docs.filter((f) => f.endsWith('.docx')));
run('saved web pages (.web.html)', docs.filter((f) => f.endsWith('.web.html')));
run('PDF fixtures (small)', docs.filter((f) => f.endsWith('.pdf') && !f.includes('combined')), 3);

for (const [title, script] of [
  ['PDF: combined-units.pdf against pdftotext -layout', 'scripts/bench-pdf.mjs'],
  ['differ and reports', 'scripts/bench-diff.mjs'],
]) {
  if (!existsSync(join(root, script))) continue;
  console.log(`\n== ${title}`);
  const r = spawnSync(process.execPath, [join(root, script)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.log(`${script} exited ${r.status}`);
}
