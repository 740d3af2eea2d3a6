/**
 * Symmetric greedy alignment and the comparison of two versions of a unit.
 */
import type { Difference, DiffSide } from './schema.js';
import { bagSimilarity, cosmeticKey, spellingKey, textDiff, wordBag } from './text.js';

/** The parts of a unit the differ compares (a running number and a location never are). */
export interface UnitBody {
  title: string;
  level: number | null;
  credits: number | null;
  glh: number | null;
  outcomes: { number: string; text: string; criteria: { number: string; text: string }[] }[];
}

export interface Candidate {
  i: number;
  j: number;
  score: number;
  /** Order-free tie-break key. */
  tie: string;
}

/**
 * Greedy one-to-one matching by score. Symmetric: with the two lists swapped it picks the same pairs
 * (ties are broken by distance in position, then position sum, then an order-free key of the pair).
 */
export function greedyMatch(cands: Candidate[]): Map<number, number> {
  cands.sort((p, q) => q.score - p.score || Math.abs(p.i - p.j) - Math.abs(q.i - q.j) || p.i + p.j - (q.i + q.j) || (p.tie < q.tie ? -1 : p.tie > q.tie ? 1 : 0));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs = new Map<number, number>();
  for (const c of cands) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    pairs.set(c.i, c.j);
  }
  return pairs;
}

export function pairTie(x: string, y: string): string {
  return x < y ? `${x}\u0001${y}` : `${y}\u0001${x}`;
}

interface Item {
  pos: number;
  number: string;
  text: string;
  key: string;
  bag: Map<string, number>;
  outcome: number;
}

function items(body: UnitBody): { outcomes: Item[]; criteria: Item[] } {
  const outcomes: Item[] = [];
  const criteria: Item[] = [];
  body.outcomes.forEach((o, oi) => {
    outcomes.push({ pos: oi, number: o.number, text: o.text, key: spellingKey(o.text), bag: wordBag(o.text), outcome: oi });
    for (const c of o.criteria) {
      criteria.push({ pos: criteria.length, number: c.number, text: c.text, key: spellingKey(c.text), bag: wordBag(c.text), outcome: oi });
    }
  });
  return { outcomes, criteria };
}

/** Criteria: same text first, then same number with similar text, then similar text. */
function alignCriteria(A: Item[], B: Item[]): Map<number, number> {
  const cands: Candidate[] = [];
  for (const a of A) {
    for (const b of B) {
      const sameNumber = a.number === b.number;
      let score = 0;
      if (a.key === b.key) score = 3 + (sameNumber ? 0.5 : 0);
      else {
        const sim = bagSimilarity(a.bag, b.bag);
        if (sameNumber && sim >= 0.35) score = 2 + sim;
        else if (sim >= 0.5) score = 1 + sim;
      }
      if (score > 0) cands.push({ i: a.pos, j: b.pos, score, tie: pairTie(a.number + '\u0000' + a.text, b.number + '\u0000' + b.text) });
    }
  }
  return greedyMatch(cands);
}

/** Outcomes: by statement text, number, and the criteria they share. */
function alignOutcomes(A: Item[], B: Item[], ca: Item[], cb: Item[], critPairs: Map<number, number>): Map<number, number> {
  const shared = new Map<string, number>();
  const sizeA = new Map<number, number>();
  const sizeB = new Map<number, number>();
  for (const c of ca) sizeA.set(c.outcome, (sizeA.get(c.outcome) ?? 0) + 1);
  for (const c of cb) sizeB.set(c.outcome, (sizeB.get(c.outcome) ?? 0) + 1);
  for (const [i, j] of critPairs) {
    const k = `${ca[i]!.outcome}:${cb[j]!.outcome}`;
    shared.set(k, (shared.get(k) ?? 0) + 1);
  }
  const cands: Candidate[] = [];
  for (const a of A) {
    for (const b of B) {
      const sameNumber = a.number === b.number;
      const na = sizeA.get(a.pos) ?? 0;
      const nb = sizeB.get(b.pos) ?? 0;
      const overlap = na + nb ? (2 * (shared.get(`${a.pos}:${b.pos}`) ?? 0)) / (na + nb) : 0;
      const sim = bagSimilarity(a.bag, b.bag);
      const combined = na + nb ? 0.5 * sim + 0.5 * overlap : sim;
      let score = 0;
      if (a.key === b.key) score = 3 + (sameNumber ? 0.5 : 0) + overlap * 0.1;
      else if (sameNumber && combined >= 0.25) score = 2 + combined;
      else if (combined >= 0.45) score = 1 + combined;
      if (score > 0) cands.push({ i: a.pos, j: b.pos, score, tie: pairTie(a.number + '\u0000' + a.text, b.number + '\u0000' + b.text) });
    }
  }
  return greedyMatch(cands);
}

const side = (number: string | null, outcome: string | null, text: string | null, value: number | null = null): DiffSide => ({ number, outcome, text, value });

/** Every difference between two versions of a unit, a against b. */
export function compareBodies(A: UnitBody, B: UnitBody): Difference[] {
  const out: Difference[] = [];
  const t = textDiff(A.title, B.title);
  if (t) out.push({ class: t.class, field: 'title', change: 'changed', a: side(null, null, A.title), b: side(null, null, B.title), segments: t.segments, similarity: null });
  for (const field of ['level', 'credits', 'glh'] as const) {
    const x = A[field];
    const y = B[field];
    // null means the source does not say: not a difference.
    if (x !== null && y !== null && x !== y) {
      out.push({ class: 'structural', field, change: 'changed', a: side(null, null, null, x), b: side(null, null, null, y), segments: null, similarity: null });
    }
  }

  const ia = items(A);
  const ib = items(B);
  const critPairs = alignCriteria(ia.criteria, ib.criteria);
  const outPairs = alignOutcomes(ia.outcomes, ib.outcomes, ia.criteria, ib.criteria, critPairs);
  const outPairsB = new Map([...outPairs].map(([i, j]) => [j, i]));
  const critPairsB = new Set(critPairs.values());

  // Outcomes, in a's order with b's additions after their predecessor.
  for (const a of ia.outcomes) {
    const j = outPairs.get(a.pos);
    if (j === undefined) {
      out.push({ class: 'structural', field: 'outcome', change: 'removed', a: side(a.number, null, a.text), b: null, segments: null, similarity: null });
      continue;
    }
    const b = ib.outcomes[j]!;
    if (a.number !== b.number) {
      out.push({ class: 'structural', field: 'outcome', change: 'renumbered', a: side(a.number, null, a.text), b: side(b.number, null, b.text), segments: null, similarity: null });
    }
    const d = textDiff(a.text, b.text);
    if (d) out.push({ class: d.class, field: 'outcome', change: 'changed', a: side(a.number, null, a.text), b: side(b.number, null, b.text), segments: d.segments, similarity: round(bagSimilarity(a.bag, b.bag)) });
  }
  for (const b of ib.outcomes) {
    if (!outPairsB.has(b.pos)) out.push({ class: 'structural', field: 'outcome', change: 'added', a: null, b: side(b.number, null, b.text), segments: null, similarity: null });
  }

  // Criterion differences in a's order, each addition after the criterion of a that precedes it in b.
  const crit: { key: number; d: Difference }[] = [];
  const critAt = (key: number) => (d: Difference) => crit.push({ key, d });
  const outNumA = (c: Item) => ia.outcomes[c.outcome]?.number ?? null;
  const outNumB = (c: Item) => ib.outcomes[c.outcome]?.number ?? null;
  for (const a of ia.criteria) {
    const add = critAt(a.pos);
    const j = critPairs.get(a.pos);
    if (j === undefined) {
      add({ class: 'structural', field: 'criterion', change: 'removed', a: side(a.number, outNumA(a), a.text), b: null, segments: null, similarity: null });
      continue;
    }
    const b = ib.criteria[j]!;
    const sa = side(a.number, outNumA(a), a.text);
    const sb = side(b.number, outNumB(b), b.text);
    const moved = outPairs.get(a.outcome) !== b.outcome;
    if (moved) {
      add({ class: 'structural', field: 'criterion', change: 'moved', a: sa, b: sb, segments: null, similarity: null });
    } else if (a.number !== b.number && !explainedByOutcome(a.number, b.number, outNumA(a), outNumB(b))) {
      add({ class: 'structural', field: 'criterion', change: 'renumbered', a: sa, b: sb, segments: null, similarity: null });
    }
    const d = textDiff(a.text, b.text);
    if (d) add({ class: d.class, field: 'criterion', change: 'changed', a: sa, b: sb, segments: d.segments, similarity: round(bagSimilarity(a.bag, b.bag)) });
  }
  const critPairsBA = new Map([...critPairs].map(([i, j]) => [j, i]));
  let prevA = -1;
  for (const b of ib.criteria) {
    const i = critPairsBA.get(b.pos);
    if (i !== undefined) prevA = i;
    if (!critPairsB.has(b.pos)) critAt(prevA + 0.5)({ class: 'structural', field: 'criterion', change: 'added', a: null, b: side(b.number, outNumB(b), b.text), segments: null, similarity: null });
  }
  crit.sort((p, q) => p.key - q.key);
  for (const c of crit) out.push(c.d);
  return out;
}

/** 3.2 -> 2.2 when outcome 3 became outcome 2: covered by the outcome's own renumbering. */
function explainedByOutcome(na: string, nb: string, oa: string | null, ob: string | null): boolean {
  if (oa === null || ob === null || oa === ob) return false;
  return na.startsWith(oa + '.') && nb.startsWith(ob + '.') && na.slice(oa.length) === nb.slice(ob.length);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A normalised, word-for-word key of a unit's body (outcomes and criteria, numbers included). */
export function bodyKey(body: UnitBody): string {
  return body.outcomes
    .map((o) => `${o.number} ${cosmeticKey(o.text)} | ${o.criteria.map((c) => `${c.number} ${cosmeticKey(c.text)}`).join(' | ')}`)
    .join(' || ');
}


/** All the words of a body, for content similarity between units. */
export function bodyBag(body: UnitBody): Map<string, number> {
  return wordBag(body.outcomes.map((o) => [o.text, ...o.criteria.map((c) => c.text)].join(' ')).join(' '));
}
