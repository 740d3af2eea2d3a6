/**
 * The .docx and saved-web-page fixtures against their gold SpecDocuments (the done criteria of
 * the Word and web-page adapters): units F1 = 1, unit fields = 1, criteria F1 >= 0.99.
 * The scoring follows the project's evaluation (units paired by reference then title; outcomes
 * and criteria matched as multisets of "number text" after normalisation).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../packages/qualspec/dist/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url));

interface Crit { number: string | null; text: string }
interface Unit { ref: string | null; title: string | null; level: number | null; credits: number | null; glh: number | null; outcomes: { number: string | null; text: string; criteria: Crit[] }[] }

const norm = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2022\u25AA\u25E6\u25CF\u00B7\uF0B7\u2023\u2043]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*;\s*/g, '; ')
    .replace(/\s+([,.;:])/g, '$1')
    .trim()
    .replace(/[\s.;:,]+$/, '');
const lenient = (s: unknown) => norm(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const refOf = (u: Unit) => (u.ref ? u.ref.trim().toUpperCase() : null);
const f1 = (tp: number, fp: number, fn: number) => (tp === 0 && fp === 0 && fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn));

function score(gold: Unit[], actual: Unit[]) {
  const used = new Set<number>();
  const pairs: [Unit, Unit | null][] = [];
  for (const g of gold) {
    const free = (i: number) => !used.has(i);
    let i = refOf(g) ? actual.findIndex((a, k) => free(k) && refOf(a) === refOf(g) && lenient(a.title) === lenient(g.title)) : -1;
    if (i < 0 && refOf(g)) i = actual.findIndex((a, k) => free(k) && refOf(a) === refOf(g));
    if (i < 0) i = actual.findIndex((a, k) => free(k) && lenient(a.title) === lenient(g.title));
    if (i >= 0) used.add(i);
    pairs.push([g, i >= 0 ? actual[i]! : null]);
  }
  const matched = pairs.filter((p) => p[1]).length;
  const units = f1(matched, actual.length - used.size, gold.length - matched);
  let right = 0;
  let total = 0;
  const wrongFields: string[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const missed: string[] = [];
  for (const [g, a] of pairs) {
    const gc = g.outcomes.flatMap((o) => o.criteria);
    if (!a) {
      fn += gc.length;
      continue;
    }
    for (const f of ['ref', 'title', 'level', 'credits', 'glh'] as const) {
      total++;
      const ok = f === 'title' ? lenient(g.title) === lenient(a.title) : f === 'ref' ? refOf(g) === refOf(a) : g[f] === a[f];
      if (ok) right++;
      else wrongFields.push(`${g.ref ?? g.title} ${f}: ${JSON.stringify(g[f])} got ${JSON.stringify(a[f])}`);
    }
    const counts = new Map<string, number>();
    for (const c of a.outcomes.flatMap((o) => o.criteria)) {
      const k = `${c.number} ${norm(c.text)}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const c of gc) {
      const k = `${c.number} ${norm(c.text)}`;
      if ((counts.get(k) ?? 0) > 0) {
        counts.set(k, counts.get(k)! - 1);
        tp++;
      } else {
        fn++;
        missed.push(`${g.ref ?? g.title}: ${k.slice(0, 100)}`);
      }
    }
    fp += [...counts.values()].reduce((s, v) => s + v, 0);
  }
  actual.forEach((a, i) => {
    if (!used.has(i)) fp += a.outcomes.flatMap((o) => o.criteria).length;
  });
  const extra = actual.filter((_, i) => !used.has(i)).map((a) => a.ref ?? a.title);
  const missing = pairs.filter((p) => !p[1]).map((p) => p[0].ref ?? p[0].title);
  return { units, extra, missing, fields: total ? right / total : 1, wrongFields, criteria: f1(tp, fp, fn), missed };
}

const NAMES = ['habc-l3-diploma', 'proqual-l2-diploma', 'sfj-l2-certificate-draft'];
const CASES = NAMES.flatMap((n) => [`${n}.docx`, `${n}.web.html`]);

describe('Word and web-page fixtures against their gold', () => {
  it.each(CASES)('%s: units F1 1, unit fields 1, criteria F1 >= 0.99', async (file) => {
    const gold = JSON.parse(readFileSync(fixture(file.replace(/\.(docx|web\.html)$/, '.gold.json')), 'utf8'));
    const doc = await parseSpec(fixture(file));
    expect(doc.source.format).toBe(file.endsWith('.docx') ? 'docx' : 'html');
    const s = score(gold.units, doc.units as unknown as Unit[]);
    expect({ extra: s.extra, missing: s.missing }).toEqual({ extra: [], missing: [] });
    expect(s.units).toBe(1);
    expect(s.wrongFields).toEqual([]);
    expect(s.fields).toBe(1);
    expect(s.missed.slice(0, 10)).toEqual(s.criteria >= 0.99 ? s.missed.slice(0, 10) : []);
    expect(s.criteria).toBeGreaterThanOrEqual(0.99);
  });
});
