/**
 * Text comparison: word-level diffs (fast-diff over words mapped to private-use characters),
 * classification of each change (cosmetic, spelling, wording) and word-bag similarity.
 */
import fastDiff from 'fast-diff';
import type { DiffClass, Segment } from './schema.js';

/** Words, runs of white space, and single other characters (punctuation, quotes, dashes). */
const TOKEN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;

export function tokenise(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const QUOTES = /['"`´‘’‚‛“”„‟′″«»‹›]/g;
const DASHES = /[‐‑‒–—―−﹘﹣－]/g;
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/**
 * The words of a text with every cosmetic variation folded away: case, quotes and apostrophes,
 * dash shapes, punctuation and white space. A hyphen inside a word is kept (hyphenation is spelling).
 */
export function cosmeticWords(text: string): string[] {
  const s = text.normalize('NFKC').toLowerCase().replace(QUOTES, '').replace(DASHES, '-');
  return s.match(WORD) ?? [];
}

/** British/American and other spelling variants reduced to one form (applied to both sides alike). */
const canonCache = new Map<string, string>();

export function canonWord(word: string): string {
  let c = canonCache.get(word);
  if (c === undefined) {
    if (canonCache.size > 100_000) canonCache.clear();
    c = canon(word);
    canonCache.set(word, c);
  }
  return c;
}

function canon(word: string): string {
  let w = word;
  // -isation/-ization, -ise/-ize (stem of at least three letters: not prize/prise, seize)
  w = w.replace(/^(.{3,})iz(ation|ations|ational|ationally|e|es|ed|ing|er|ers|able)$/, '$1is$2');
  // -yse/-yze
  w = w.replace(/^(.{2,})yz(e|es|ed|ing|er|ers)$/, '$1ys$2');
  // -our/-or (behaviour/behavior, colour, labour; not four, hour, flour)
  w = w.replace(/^(.{3,})our(s|ed|ing|ite|ites|able|ably|al|ally|ful|fully|less|er|ers|ism|ist|ists|hood)?$/, '$1or$2');
  // -tre/-ter (centre/center, metre)
  w = w.replace(/^(.{2,})tre(s?)$/, '$1ter$2').replace(/^(.{2,})tred$/, '$1tered').replace(/^(.{2,})tring$/, '$1tering');
  // -ogue/-og (catalogue/catalog, dialogue)
  w = w.replace(/^(.{3,})ogue(s?)$/, '$1og$2');
  // -ence/-ense (licence/license, defence/defense)
  w = w.replace(/^(.{2,})enc(e|es)$/, '$1ens$2');
  // judgement/judgment, acknowledgement
  w = w.replace(/dgement(s?)$/, 'dgment$1');
  // programme/program
  w = w.replace(/^(.{3,})mme(s?)$/, '$1m$2');
  // doubled l (travelled/traveled, fulfil/fulfill, skilful/skillful)
  w = w.replace(/ll/g, 'l');
  return w;
}

/** A key equal for two texts that differ at most cosmetically or in spelling (incl. hyphen/space/closed compounds). */
export function spellingKey(text: string): string {
  return cosmeticWords(text)
    .map((w) => w.split('-').map(canonWord).join(''))
    .join('');
}

export function cosmeticKey(text: string): string {
  return cosmeticWords(text).join(' ');
}

/** Classify the change between two texts known to differ. */
export function classifyChange(a: string, b: string): Exclude<DiffClass, 'structural'> {
  if (cosmeticKey(a) === cosmeticKey(b)) return 'cosmetic';
  if (spellingKey(a) === spellingKey(b)) return 'spelling';
  return 'wording';
}

const RANK: Record<DiffClass, number> = { cosmetic: 0, spelling: 1, wording: 2, structural: 3 };
export function maxClass<T extends DiffClass>(a: T, b: T): T {
  return RANK[a] >= RANK[b] ? a : b;
}

export interface TextDiff {
  class: Exclude<DiffClass, 'structural'>;
  segments: Segment[];
}

/**
 * Word-level diff of a against b, with each change (hunk) classed. Returns null when the texts are
 * equal. Symmetric: textDiff(b, a) is textDiff(a, b) with deletions and insertions swapped.
 */
export function textDiff(a: string, b: string): TextDiff | null {
  if (a === b) return null;
  // Diff in a canonical direction so that swapping the sides only swaps the operations.
  const swap = a > b;
  const [x, y] = swap ? [b, a] : [a, b];
  let ops = wordDiff(x, y);
  if (swap) ops = ops.map(([op, t]) => [(-op) as -1 | 0 | 1, t] as [-1 | 0 | 1, string[]]);
  // Reorder each hunk as deletions then insertions, and class it.
  const segments: Segment[] = [];
  let overall: Exclude<DiffClass, 'structural'> = 'cosmetic';
  let i = 0;
  while (i < ops.length) {
    if (ops[i]![0] === 0) {
      segments.push({ op: 'equal', text: ops[i]![1].join(''), class: null });
      i++;
      continue;
    }
    const del: string[] = [];
    const ins: string[] = [];
    while (i < ops.length && ops[i]![0] !== 0) {
      for (const t of ops[i]![1]) (ops[i]![0] === -1 ? del : ins).push(t);
      i++;
    }
    // Context: the rest of the white-space-delimited chunk on either side of the hunk.
    const left = contextLeft(ops, segmentsStart(ops, i) - 1);
    const right = contextRight(ops, i);
    const cls = classifyChange(left + del.join('') + right, left + ins.join('') + right);
    overall = maxClass(overall, cls);
    if (del.length) segments.push({ op: 'delete', text: del.join(''), class: cls });
    if (ins.length) segments.push({ op: 'insert', text: ins.join(''), class: cls });
  }
  return { class: overall, segments };
}

/** Index of the first op of the hunk that ends just before index end. */
function segmentsStart(ops: [number, string[]][], end: number): number {
  let k = end;
  while (k > 0 && ops[k - 1]![0] !== 0) k--;
  return k;
}

function contextLeft(ops: [number, string[]][], k: number): string {
  if (k < 0 || ops[k]![0] !== 0) return '';
  const toks = ops[k]![1];
  let out = '';
  for (let j = toks.length - 1; j >= 0; j--) {
    if (/^\s+$/.test(toks[j]!)) break;
    out = toks[j]! + out;
  }
  return out;
}

function contextRight(ops: [number, string[]][], k: number): string {
  if (k >= ops.length || ops[k]![0] !== 0) return '';
  let out = '';
  for (const t of ops[k]![1]) {
    if (/^\s+$/.test(t)) break;
    out += t;
  }
  return out;
}

/** fast-diff over word tokens: each distinct token becomes one private-use character. */
function wordDiff(a: string, b: string): [-1 | 0 | 1, string[]][] {
  const ta = tokenise(a);
  const tb = tokenise(b);
  const codes = new Map<string, string>();
  const tokens: string[] = [];
  const enc = (toks: string[]): string | null => {
    let s = '';
    for (const t of toks) {
      let c = codes.get(t);
      if (c === undefined) {
        if (tokens.length >= 0x1900) return null; // U+E000..U+F8FF exhausted
        c = String.fromCharCode(0xe000 + tokens.length);
        codes.set(t, c);
        tokens.push(t);
      }
      s += c;
    }
    return s;
  };
  const ea = enc(ta);
  const eb = ea === null ? null : enc(tb);
  if (ea === null || eb === null) {
    // Too many distinct words for the private-use area: fall back to a character diff.
    return fastDiff(a, b, undefined, true).map(([op, t]) => [op, [t]]);
  }
  return fastDiff(ea, eb, undefined, true).map(([op, t]) => [op, Array.from(t, (ch) => tokens[ch.charCodeAt(0) - 0xe000]!)]);
}

const bagCache = new Map<string, Map<string, number>>();

/** Multiset of canonical words, for similarity (cached: treat the result as read-only). */
export function wordBag(text: string): Map<string, number> {
  let bag = bagCache.get(text);
  if (bag === undefined) {
    if (bagCache.size > 20_000) bagCache.clear();
    bag = makeBag(text);
    bagCache.set(text, bag);
  }
  return bag;
}

function makeBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of cosmeticWords(text)) {
    for (const part of w.split('-')) {
      const c = canonWord(part);
      bag.set(c, (bag.get(c) ?? 0) + 1);
    }
  }
  return bag;
}

/** Dice coefficient of two word bags (1 when both are empty). */
export function bagSimilarity(a: Map<string, number>, b: Map<string, number>): number {
  let na = 0;
  let nb = 0;
  let common = 0;
  for (const n of a.values()) na += n;
  for (const n of b.values()) nb += n;
  if (na + nb === 0) return 1;
  for (const [w, n] of a) {
    const m = b.get(w);
    if (m) common += Math.min(n, m);
  }
  return (2 * common) / (na + nb);
}

export function textSimilarity(a: string, b: string): number {
  return bagSimilarity(wordBag(a), wordBag(b));
}
