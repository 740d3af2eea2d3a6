// Child of scripts/bench.mjs: parse the given files REPEAT times in this process and report
// the first (cold) and median (warm) wall time for the whole set, and peak RSS.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [repeat, ...files] = process.argv.slice(2);
const root = fileURLToPath(new URL('../..', import.meta.url));
const t0 = performance.now();
const { parseSpec } = await import(join(root, 'packages/qualspec/dist/index.js'));
const times = [];
let units = 0;
let criteria = 0;
for (let k = 0; k < Number(repeat); k++) {
  const start = k === 0 ? t0 : performance.now();
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
    firstMs: times[0],
    medianMs: sorted[Math.floor(sorted.length / 2)],
    peakMB: process.resourceUsage().maxRSS / 1024,
    units,
    criteria,
  }),
);
