#!/usr/bin/env node
// pnpm eval [--show N] [--json] [FILTER]
// Parses every fixture that has an expected-output file beside it (NAME.gold.json next to
// NAME.txt / .md / .pdf / .docx / .web.html / .html), and the real specifications in
// ../shared/real when present, and prints a table per document:
// units, outcomes and criteria precision/recall/F1, and field accuracy.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { score } from './lib/score.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1] ?? 10) : 0;
const asJson = args.includes('--json');
const filter = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--show');
const { parseSpec } = await import(join(root, 'packages/qualspec/dist/index.js'));

const SOURCES = ['.txt', '.md', '.pdf', '.docx', '.docx.pdf', '.web.html', '.html'];
function* fixtures(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* fixtures(p);
    else if (e.name.endsWith('.gold.json')) {
      const base = p.slice(0, -'.gold.json'.length);
      for (const ext of SOURCES) if (existsSync(base + ext)) yield { gold: p, source: base + ext };
    }
  }
}

const pct = (x) => (x == null ? '  -  ' : x.toFixed(3));
const rows = [];
let failed = false;
// The project's fixtures, then the real specifications in ../shared/real when it is there
// (read in place, never copied into the project).
const real = join(root, '..', 'shared', 'real');
const sets = [
  { dir: join(root, 'fixtures'), label: (p) => relative(join(root, 'fixtures'), p) },
  ...(existsSync(real) ? [{ dir: real, label: (p) => `real/${relative(real, p)}` }] : []),
];
for (const f of sets.flatMap((set) => [...fixtures(set.dir)].map((x) => ({ ...x, label: set.label })))) {
  const name = f.label(f.source);
  if (filter && !name.includes(filter)) continue;
  const gold = JSON.parse(readFileSync(f.gold, 'utf8'));
  const t0 = performance.now();
  let doc;
  try {
    doc = await parseSpec(f.source);
  } catch (e) {
    rows.push({ name, error: e.message });
    failed = true;
    continue;
  }
  const ms = performance.now() - t0;
  rows.push({ name, ms, ...score(gold, doc) });
}

if (asJson) {
  console.log(JSON.stringify(rows.map(({ misses, ...r }) => (show ? { ...r, misses: misses?.slice(0, show) } : r)), null, 2));
} else {
  const w = Math.max(...rows.map((r) => r.name.length), 7);
  console.log(`${'fixture'.padEnd(w)}  units F1  outc. F1  crit. P  crit. R  crit. F1  ref   title level credit glh   qualif.  ms`);
  for (const r of rows) {
    if (r.error) {
      console.log(`${r.name.padEnd(w)}  parse failed: ${r.error}`);
      continue;
    }
    const q = Object.values(r.qualification);
    console.log(
      `${r.name.padEnd(w)}  ${pct(r.units.f1)}     ${pct(r.outcomes.f1)}     ${pct(r.criteria.precision)}    ${pct(r.criteria.recall)}    ${pct(r.criteria.f1)}     ` +
        `${['ref', 'title', 'level', 'credits', 'glh'].map((k) => pct(r.fields[k]).slice(0, 5)).join(' ')} ${`${q.filter(Boolean).length}/${q.length}`.padEnd(8)} ${Math.round(r.ms)}`,
    );
    if (show) for (const m of r.misses.slice(0, show)) console.log(`    ${m}`);
  }
}
process.exitCode = failed ? 1 : 0;
