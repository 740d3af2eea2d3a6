// Scores a SpecDocument against an expected (gold) one: units, outcomes and criteria
// precision/recall/F1 and unit/qualification field accuracy. Text is compared after the
// normalisation the model's text rules allow (quotes, dashes, bullets, white space,
// trailing punctuation).

export function norm(s) {
  return String(s ?? '')
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
}
const loose = (s) => norm(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const refKey = (u) => (u?.ref ? String(u.ref).toUpperCase() : null);

function prf(tp, fp, fn) {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function bag(gold, actual, key, where, misses) {
  const left = new Map();
  for (const a of actual) left.set(key(a), (left.get(key(a)) ?? 0) + 1);
  let tp = 0;
  let fn = 0;
  for (const g of gold) {
    const k = key(g);
    if (left.get(k) > 0) {
      left.set(k, left.get(k) - 1);
      tp++;
    } else {
      fn++;
      misses?.push(`${where}: missing ${k.slice(0, 120)}`);
    }
  }
  let fp = 0;
  for (const v of left.values()) fp += v;
  return { tp, fp, fn };
}

export function score(gold, actual) {
  const pool = [...(actual.units ?? [])];
  const used = new Set();
  const pairs = [];
  for (const g of gold.units ?? []) {
    const find = (pred) => pool.findIndex((a, i) => !used.has(i) && pred(a));
    let i = refKey(g) ? find((a) => refKey(a) === refKey(g) && loose(a.title) === loose(g.title)) : -1;
    if (i < 0 && refKey(g)) i = find((a) => refKey(a) === refKey(g));
    if (i < 0) i = find((a) => loose(a.title) === loose(g.title));
    if (i >= 0) used.add(i);
    pairs.push([g, i >= 0 ? pool[i] : null]);
  }
  const misses = [];
  const fields = Object.fromEntries(['ref', 'title', 'level', 'credits', 'glh'].map((f) => [f, [0, 0]]));
  const o = { tp: 0, fp: 0, fn: 0 };
  const c = { tp: 0, fp: 0, fn: 0 };
  const add = (acc, r) => {
    acc.tp += r.tp;
    acc.fp += r.fp;
    acc.fn += r.fn;
  };
  const crit = (u) => (u.outcomes ?? []).flatMap((x) => x.criteria ?? []);
  const key = (x) => `${x.number} ${norm(x.text)}`;
  for (const [g, a] of pairs) {
    const where = g.ref ?? g.title;
    if (!a) {
      o.fn += (g.outcomes ?? []).length;
      c.fn += crit(g).length;
      misses.push(`${where}: unit missing`);
      continue;
    }
    for (const f of Object.keys(fields)) {
      if (g[f] === undefined) continue;
      fields[f][1]++;
      const ok = f === 'title' ? loose(g[f]) === loose(a[f]) : f === 'ref' ? refKey(g) === refKey(a) : g[f] === a[f];
      if (ok) fields[f][0]++;
      else misses.push(`${where}: ${f} expected ${JSON.stringify(g[f])}, got ${JSON.stringify(a[f])}`);
    }
    add(o, bag(g.outcomes ?? [], a.outcomes ?? [], key, where, misses));
    add(c, bag(crit(g), crit(a), key, where, misses));
  }
  pool.forEach((a, i) => {
    if (used.has(i)) return;
    o.fp += (a.outcomes ?? []).length;
    c.fp += crit(a).length;
    misses.push(`${a.ref ?? a.title}: unit not expected`);
  });
  const q = gold.qualification ?? {};
  const aq = actual.qualification ?? {};
  const qualification = {};
  for (const f of ['title', 'number', 'level', 'credits', 'glh', 'glhMax', 'tqt', 'draft']) {
    if (q[f] === undefined) continue;
    qualification[f] = f === 'title' ? loose(q[f]) === loose(aq[f]) : q[f] === aq[f];
    if (!qualification[f]) misses.push(`qualification ${f}: expected ${JSON.stringify(q[f])}, got ${JSON.stringify(aq[f])}`);
  }
  return {
    units: prf(used.size, pool.length - used.size, pairs.filter((p) => !p[1]).length),
    outcomes: prf(o.tp, o.fp, o.fn),
    criteria: prf(c.tp, c.fp, c.fn),
    fields: Object.fromEntries(Object.entries(fields).map(([k, [r, t]]) => [k, t ? r / t : null])),
    qualification,
    misses,
  };
}
