// Child of scripts/bench.mjs: load qualspec and the format adapters these files need, then parse
// the files REPEAT times in this process. Reports module loading, the first (JIT-cold) pass and
// the median (warm) pass over the whole set, and peak RSS.
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const [repeat, ...files] = process.argv.slice(2);
const root = fileURLToPath(new URL('../..', import.meta.url));
const t0 = performance.now();
const { parseSpec, detectFormat } = await import(join(root, 'packages/qualspec/dist/index.js'));
const formats = new Set(files.map((f) => detectFormat(new Uint8Array(readFileSync(f)), f)));
for (const f of formats) await import(join(root, `packages/${f}/dist/index.js`));
// parseSpec loads the recogniser and the schema while the adapter reads: count them as loading.
await Promise.all(['recognise', 'model'].map((p) => import(join(root, `packages/${p}/dist/index.js`))));
const loadMs = performance.now() - t0;
const times = [];
let units = 0;
let criteria = 0;
for (let k = 0; k < Number(repeat); k++) {
  const start = performance.now();
  units = 0;
  criteria = 0;
  for (const f of files) {
    const doc = await parseSpec(f);
    units += doc.units.length;
    criteria += doc.units.reduce((s, u) => s + u.outcomes.reduce((t, o) => t + o.criteria.length, 0), 0);
  }
  times.push(performance.now() - start);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    loadMs,
    firstMs: times[0],
    medianMs: sorted[Math.floor(sorted.length / 2)],
    peakMB: process.resourceUsage().maxRSS / 1024,
    units,
    criteria,
    formats: [...formats],
  }),
);
