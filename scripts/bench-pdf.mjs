#!/usr/bin/env node
// PDF speed benchmark (run after `pnpm build`): in one run, times `pdftotext -layout` and our
// whole process (`parse-spec` to JSON, node start-up included) on the same file, median of N
// runs each, and reports pages per second, the ratio and our peak memory (RSS high-water mark).
//
// Usage: node scripts/bench-pdf.mjs [FILE.pdf] [--runs N] [--check]
//   --check: exit 1 when a target is missed (>= 150 pages/s, <= 3x pdftotext, < 300 MB, reading
//   the drawing adding <= 15% to reading the text alone).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const file = resolve(args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--runs')) ?? join(root, 'fixtures/documents/combined-units.pdf'));
const runs = Math.max(1, Number(flag('--runs', 3)));
const check = args.includes('--check');
const cli = join(root, 'packages/qualspec/dist/cli/parse-spec.js');
const out = mkdtempSync(join(tmpdir(), 'qualspec-bench-'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

if (!existsSync(cli)) {
  console.error(`bench-pdf: ${cli} not found: run pnpm build first`);
  process.exit(2);
}
const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
if (pdftotext.error) {
  console.error('bench-pdf: pdftotext not found (apt-get install -y poppler-utils)');
  process.exit(2);
}

/** Run a command; wall time in ms, peak RSS in KB (from /usr/bin/time -v when present). */
function run(cmd, argv, env = process.env) {
  const full = TIME ? [TIME, ['-v', cmd, ...argv]] : [cmd, argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(`bench-pdf: ${cmd} ${argv.join(' ')} failed (${r.status}):\n${(r.stderr || '').slice(-2000)}`);
    process.exit(2);
  }
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr || '');
  return { ms, rssKb: m ? Number(m[1]) : null };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Pages, from pdfinfo when present.
let pages = null;
const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
const pm = /Pages:\s+(\d+)/.exec(info.stdout || '');
if (pm) pages = Number(pm[1]);

// Warm the file cache once for both tools.
run('pdftotext', ['-layout', file, '/dev/null']);
run(process.execPath, [cli, file, '-o', join(out, 'warm.json')]);

const ref = [];
const ours = [];
const textOnly = [];
const rss = [];
// The same, reading the text alone (no drawn rules or boxes: QUALSPEC_PDF_RULES=0), for what
// reading the drawing costs.
const noRules = { ...process.env, QUALSPEC_PDF_RULES: '0' };
for (let i = 0; i < runs; i++) {
  // Interleave the three so machine load affects them alike.
  ref.push(run('pdftotext', ['-layout', file, '/dev/null']).ms);
  const r = run(process.execPath, [cli, file, '-o', join(out, `run${i}.json`)]);
  ours.push(r.ms);
  if (r.rssKb != null) rss.push(r.rssKb);
  textOnly.push(run(process.execPath, [cli, file, '-o', join(out, `text${i}.json`)], noRules).ms);
}
rmSync(out, { recursive: true, force: true });

const refMs = median(ref);
const ourMs = median(ours);
const ratio = ourMs / refMs;
const pps = pages ? pages / (ourMs / 1000) : null;
const peakMb = rss.length ? Math.max(...rss) / 1024 : null;

const rows = [
  ['file', file.replace(`${root}/`, '')],
  ['pages', pages ?? '?'],
  [`pdftotext -layout (median of ${runs})`, `${refMs.toFixed(0)} ms`],
  [`parse-spec to JSON (median of ${runs})`, `${ourMs.toFixed(0)} ms`],
  ['pages per second (whole process)', pps ? `${pps.toFixed(0)}  (target >= 150)` : '?'],
  ['ratio to pdftotext', `${ratio.toFixed(2)}x  (target <= 3x)`],
  [`text alone, no drawing (median of ${runs})`, `${median(textOnly).toFixed(0)} ms: reading the drawing adds ${((ourMs / median(textOnly) - 1) * 100).toFixed(0)}% (target <= 15%)`],
  ['peak memory (RSS)', peakMb != null ? `${peakMb.toFixed(0)} MB  (target < 300 MB)` : 'unknown (no /usr/bin/time)'],
  ['runs (ms): pdftotext', ref.map((x) => x.toFixed(0)).join(' ')],
  ['runs (ms): parse-spec', ours.map((x) => x.toFixed(0)).join(' ')],
  ['runs (ms): text alone', textOnly.map((x) => x.toFixed(0)).join(' ')],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log('PDF benchmark');
for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);

const ok = (pps == null || pps >= 150) && ratio <= 3 && (peakMb == null || peakMb < 300) && ourMs <= 1.15 * median(textOnly);
console.log(`  ${'targets'.padEnd(w)}  ${ok ? 'met' : 'MISSED'}`);
if (check && !ok) process.exit(1);
