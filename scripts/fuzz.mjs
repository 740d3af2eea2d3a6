#!/usr/bin/env node
// pnpm fuzz [--seconds N | --cases N] [--seed S] [--format pdf,docx,html,markdown,text] [--timeout MS] [--out DIR] [--quiet]
//
// Mutates the committed fixtures, per format, and parses each case as a library caller would
// (parseSpec in its bounded worker): bytes flipped, chunks deleted, repeated or inserted, the
// file truncated; for Word, the same inside one part of the zip (re-zipped, so the damage
// reaches the XML and not just the archive); for PDF, inside the content streams and the
// cross-reference table. Each case must end in a SpecDocument that passes the schema or in an
// InputError. A crash (any other error), a hang (the time limit) or a schema failure is saved
// to DIR (default fuzz-out/) with the smallest prefix of the case that still fails, and the
// run exits 1; DIR/current holds the case being parsed, for one that ends the process itself. Counts per format are printed at the end. Deterministic for a given --seed.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { parseSpec, InputError, SpecDocument } = await import(join(root, 'packages/qualspec/dist/index.js'));
const { readCentralDirectory, readEntry, replaceEntries } = await import(join(root, 'packages/docx/dist/index.js'));

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const seconds = Number(opt('seconds', args.includes('--cases') ? 'Infinity' : '60'));
const maxCases = Number(opt('cases', 'Infinity'));
const timeoutMs = Number(opt('timeout', '10000'));
const outDir = opt('out', join(root, 'fuzz-out'));
const formats = opt('format', 'pdf,docx,html,markdown,text').split(',');
const quiet = args.includes('--quiet');
let seed = Number(opt('seed', String(Date.now() % 1e9)));

// A small fast PRNG (mulberry32), so that a run can be repeated from its seed.
function random() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (xs) => xs[int(xs.length)];

// The corpus: small fixtures of each format (large ones make each case slow, not more varied).
const EXT = { pdf: /\.pdf$/, docx: /\.docx$/, html: /\.html$/, markdown: /\.md$/, text: /\.txt$/ };
function corpus(format) {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (EXT[format].test(e.name) && !/README/.test(e.name)) {
        const bytes = readFileSync(p);
        if (bytes.length <= 160_000) out.push({ name: p.slice(root.length), bytes });
      }
    }
  };
  walk(join(root, 'fixtures'));
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

// Byte-level mutations.
const INTERESTING = ['<', '>', '/', '"', '\n', '\0', '%', '(', ')', '[', ']', '*', '_', '#', '|', '\t', '&amp;', 'obj', 'endstream', '999999999'];
function mutateBytes(b) {
  const x = Buffer.from(b);
  const n = x.length;
  switch (int(6)) {
    case 0: // flip a few bytes
      for (let k = 1 + int(8); k > 0; k--) x[int(n)] = int(256);
      return x;
    case 1: // truncate
      return x.subarray(0, int(n));
    case 2: { // delete a chunk
      const at = int(n);
      return Buffer.concat([x.subarray(0, at), x.subarray(Math.min(n, at + 1 + int(Math.max(1, n / 8))))]);
    }
    case 3: { // repeat a chunk many times
      const at = int(n);
      const chunk = x.subarray(at, Math.min(n, at + 1 + int(64)));
      return Buffer.concat([x.subarray(0, at), ...Array(2 + int(200)).fill(chunk), x.subarray(at)]);
    }
    case 4: { // insert a token that means something to some parser
      const at = int(n);
      return Buffer.concat([x.subarray(0, at), Buffer.from(pick(INTERESTING).repeat(1 + int(50))), x.subarray(at)]);
    }
    default: { // swap two chunks
      const a = int(n);
      const c = int(n);
      const len = 1 + int(256);
      const y = Buffer.from(x);
      x.copy(y, c, a, Math.min(n, a + len));
      return y.subarray(0, n);
    }
  }
}

// Word: mutate inside one part, then re-zip, so the damage reaches the XML.
function mutateDocx(b) {
  if (random() < 0.25) return mutateBytes(b);
  try {
    const entries = readCentralDirectory(b, { maxBytes: 1 << 30, maxEntries: 10_000 });
    const xml = entries.filter((e) => /\.(xml|rels)$/i.test(e.name));
    const e = pick(xml.some((x) => /document\.xml$/.test(x.name)) && random() < 0.6 ? xml.filter((x) => /document\.xml$/.test(x.name)) : xml);
    const data = mutateBytes(readEntry(b, e));
    return replaceEntries(b, entries, new Map([[e.name, data]]));
  } catch {
    return mutateBytes(b);
  }
}

// PDF: mutate inside a stream's bytes or the cross-reference table, where the parser looks.
function mutatePdf(b) {
  const text = b.toString('latin1');
  const r = random();
  const regions = [];
  if (r < 0.4) for (const m of text.matchAll(/stream\r?\n/g)) regions.push([m.index + m[0].length, text.indexOf('endstream', m.index)]);
  else if (r < 0.7) for (const m of text.matchAll(/xref\r?\n/g)) regions.push([m.index, text.indexOf('trailer', m.index)]);
  else if (r < 0.85) for (const m of text.matchAll(/\d+ \d+ obj/g)) regions.push([m.index, m.index + 200]);
  const spans = regions.filter(([s, e]) => e > s);
  if (!spans.length) return mutateBytes(b);
  const [s, e] = pick(spans);
  return Buffer.concat([b.subarray(0, s), mutateBytes(b.subarray(s, e)), b.subarray(e)]);
}

const MUTATE = { pdf: mutatePdf, docx: mutateDocx, html: mutateBytes, markdown: mutateBytes, text: mutateBytes };
const NAME = { pdf: 'x.pdf', docx: 'x.docx', html: 'x.html', markdown: 'x.md', text: 'x.txt' };

/** What one case comes to: ok, refused (InputError), limit (memory), or a failure. */
async function run(format, bytes) {
  try {
    const doc = await parseSpec(bytes, { path: NAME[format], format, timeoutMs, maxMemoryMb: 768 });
    const check = SpecDocument.safeParse(doc);
    return check.success ? { kind: 'ok' } : { kind: 'schema', detail: check.error.issues[0]?.message };
  } catch (e) {
    if (!(e instanceof InputError)) return { kind: 'crash', detail: `${e?.name}: ${String(e?.message).split('\n')[0]}` };
    if (e.code === 'timeout') return { kind: 'hang', detail: e.message };
    if (e.code === 'too-much-memory') return { kind: 'limit', detail: e.message };
    if (/\n/.test(e.message)) return { kind: 'crash', detail: 'InputError message of several lines' };
    return { kind: 'refused' };
  }
}

/** The shortest prefix of a failing case that fails the same way (a few halvings). */
async function shrink(format, bytes, kind) {
  let best = bytes;
  let lo = 0;
  let hi = bytes.length;
  for (let k = 0; k < 12 && hi - lo > 16; k++) {
    const mid = (lo + hi) >> 1;
    if ((await run(format, bytes.subarray(0, mid))).kind === kind) (best = bytes.subarray(0, mid)), (hi = mid);
    else lo = mid;
  }
  return best;
}

const counts = Object.fromEntries(formats.map((f) => [f, { cases: 0, ok: 0, refused: 0, limit: 0, crash: 0, hang: 0, schema: 0 }]));
const corpora = Object.fromEntries(formats.map((f) => [f, corpus(f)]));
const startSeed = seed;
mkdirSync(outDir, { recursive: true });
/** The case being parsed, as DIR/current.EXT, and what it is in DIR/current (replay it with parse-spec). */
const currentCase = join(outDir, 'current');
const started = Date.now();
let cases = 0;
let failures = 0;
while (cases < maxCases && (Date.now() - started) / 1000 < seconds) {
  const format = formats[cases % formats.length];
  const source = pick(corpora[format]);
  if (!source) break;
  let bytes = source.bytes;
  for (let k = 1 + int(3); k > 0; k--) bytes = MUTATE[format](bytes);
  // The case on disk before it runs: should it take the process down, it is there to replay.
  writeFileSync(currentCase, JSON.stringify({ seed: startSeed, case: cases + 1, format, from: source.name }) + '\n');
  writeFileSync(`${currentCase}${NAME[format].slice(1)}`, bytes);
  const result = await run(format, bytes);
  counts[format].cases++;
  counts[format][result.kind]++;
  cases++;
  if (['crash', 'hang', 'schema'].includes(result.kind)) {
    failures++;
    mkdirSync(outDir, { recursive: true });
    const small = await shrink(format, bytes, result.kind);
    const file = join(outDir, `${result.kind}-${format}-${cases}${NAME[format].slice(1)}`);
    writeFileSync(file, small);
    console.error(`${result.kind}: ${format} from ${source.name}: ${result.detail} -> ${file} (${small.length} bytes)`);
  } else if (!quiet && cases % 50 === 0) process.stderr.write(`${cases} cases, ${failures} failures, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

console.log(`fuzz: seed ${startSeed}, ${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log('format    cases     ok  refused  limit  crash  hang  schema');
for (const [f, c] of Object.entries(counts)) {
  console.log(`${f.padEnd(8)} ${String(c.cases).padStart(6)} ${String(c.ok).padStart(6)} ${String(c.refused).padStart(8)} ${String(c.limit).padStart(6)} ${String(c.crash).padStart(6)} ${String(c.hang).padStart(5)} ${String(c.schema).padStart(7)}`);
}
for (const ext of ['', ...Object.values(NAME).map((n) => n.slice(1))]) rmSync(currentCase + ext, { force: true });
process.exitCode = failures ? 1 : 0;
