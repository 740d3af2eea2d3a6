/**
 * Layout analysis: positioned text items of every page -> the block stream.
 *
 *  1. Items become lines by baseline, lines split into fragments where a horizontal gap (or a
 *     change of baseline at a recurring left edge) separates them (pdf.js's text layer groups
 *     items the same way: same baseline and close enough horizontally).
 *  2. Running headers, footers and page numbers are found by what repeats (digits normalised)
 *     at the same height near the top or bottom of many pages, and dropped.
 *  3. Tables are found from the geometry: runs of lines that sit beside other text in
 *     separate x-ranges give the column gutters; neighbouring lines that fit the columns join
 *     the table; a table ending at a page foot continues on the next page when the next
 *     page's first lines fit its columns. Rows are cut where the leftmost column's paragraphs
 *     start (or at the widest free gap between them, for vertically centred merged cells);
 *     columns whose paragraphs pair up top-aligned give one row per pair.
 *  4. Everything else becomes paragraphs (wrapped lines joined, list markers starting new
 *     paragraphs, larger type marked as headings).
 *
 * Nothing here knows about units, outcomes or criteria.
 */
import { collapse, type AdapterNote, type Block, type Cell, type Paragraph, type Row, type Table } from '@qualspec/blocks';
import { STRIDE, type RawPage } from './raw.js';

// ---------------------------------------------------------------------------------------
// Lines and fragments

interface Item {
  s: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  font: number;
}

export interface Frag {
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
  /** Page-local font index of the fragment's longest item. */
  font: number;
  /**
   * Split from the fragment before it only by a moderate gap (not a column gap by this page's
   * evidence): joined back unless its start is a column edge elsewhere in the document.
   */
  soft?: boolean;
}

export interface Line {
  page: number;
  /** 1-based visual line number on the page (running headers included). */
  no: number;
  y: number;
  top: number;
  bottom: number;
  size: number;
  x0: number;
  x1: number;
  frags: Frag[];
  /** Removed as a running header/footer. */
  furniture?: boolean;
}

export interface PageLines {
  page: number;
  width: number;
  height: number;
  lines: Line[];
  /** Text drawn at an angle (margin notes, stamps), in drawing order. */
  rotated: Frag[];
  /** Font index carrying most characters on the page. */
  bodyFont: number;
  chars: number;
}

const WS = /^[\s\u00A0\u200B]*$/;
const BULLET_ONLY = /^[\u2022\u25CF\u25AA\u25E6\u00B7\uF0B7\uF0A7\uF076\uF0D8\u2023\u2043\u25A0\u25A1\u25BA\u27A2\u2013\u2014*o-]$/;

/** Group one page's items into lines and fragments. */
export function pageLines(raw: RawPage): PageLines {
  const items: Item[] = [];
  const rotated: Frag[] = [];
  const fontChars = new Map<number, number>();
  let chars = 0;
  for (let i = 0; i < raw.str.length; i++) {
    const s = raw.str[i]!;
    const o = i * STRIDE;
    const x = raw.num[o]!;
    const y = raw.num[o + 1]!;
    const w = raw.num[o + 2]!;
    const size = raw.num[o + 3]!;
    const font = raw.num[o + 4]!;
    if (WS.test(s)) continue;
    const n = s.length;
    chars += n;
    fontChars.set(font, (fontChars.get(font) ?? 0) + n);
    if (raw.num[o + 5]) {
      rotated.push({ x0: x, x1: x + w, y, size, text: s, font });
      continue;
    }
    // Text outside the page box is not printed.
    if (x > raw.width + 1 || x + w < -1 || y < -1 || y > raw.height + size) continue;
    items.push({ s, x0: x, x1: x + Math.max(w, 0), y, size, font });
  }
  let bodyFont = -1;
  let best = -1;
  for (const [f, c] of fontChars) if (c > best) (best = c), (bodyFont = f);

  items.sort((a, b) => a.y - b.y || a.x0 - b.x0);
  // Recurring left edges: x positions where several items start (column starts).
  const edgeCount = new Map<number, number>();
  for (const it of items) {
    const k = Math.round(it.x0);
    edgeCount.set(k, (edgeCount.get(k) ?? 0) + 1);
  }
  const isEdge = (x: number) => {
    const k = Math.round(x);
    return (edgeCount.get(k - 1) ?? 0) + (edgeCount.get(k) ?? 0) + (edgeCount.get(k + 1) ?? 0) >= 3;
  };

  // Cluster by baseline.
  const groups: Item[][] = [];
  let cur: Item[] = [];
  let curY = 0;
  let curSize = 0;
  for (const it of items) {
    if (cur.length && Math.abs(it.y - curY) <= 0.35 * Math.max(curSize, it.size)) {
      cur.push(it);
      if (it.size > curSize) (curSize = it.size), (curY = it.y);
    } else {
      if (cur.length) groups.push(cur);
      cur = [it];
      curY = it.y;
      curSize = it.size;
    }
  }
  if (cur.length) groups.push(cur);

  const lines: Line[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x0 - b.x0);
    const frags: Frag[] = [];
    let f: { items: Item[]; x1: number; soft: boolean } | null = null;
    for (const it of g) {
      let soft = false;
      if (f) {
        const last = f.items[f.items.length - 1]!;
        // Fake bold: the same text drawn twice at (almost) the same place.
        if (it.s === last.s && Math.abs(it.x0 - last.x0) < 1 && Math.abs(it.y - last.y) < 1) continue;
        const size = Math.max(last.size, it.size);
        const gap: number = it.x0 - f.x1;
        const dy = Math.abs(it.y - last.y);
        const bullet = BULLET_ONLY.test(fragText(f.items));
        const split: boolean = gap > 1.2 * size || (gap > 0.25 * size && (dy > 0.08 * size || isEdge(it.x0)) && !bullet);
        soft = !split && gap > 0.5 * size && !bullet;
        if (!split && !soft) {
          f.items.push(it);
          f.x1 = Math.max(f.x1, it.x1);
          continue;
        }
        frags.push(makeFrag(f.items, f.soft));
      }
      f = { items: [it], x1: it.x1, soft };
    }
    if (f) frags.push(makeFrag(f.items, f.soft));
    // A lone bullet glyph belongs to the text after it.
    for (let i = 0; i + 1 < frags.length; i++) {
      const a = frags[i]!;
      const b = frags[i + 1]!;
      if (BULLET_ONLY.test(a.text) && b.x0 - a.x1 < 4 * a.size) {
        frags.splice(i, 2, { ...b, x0: a.x0, text: `${a.text} ${b.text}` });
      }
    }
    lines.push(makeLine(raw.page, frags));
  }
  lines.sort((a, b) => a.y - b.y || a.x0 - b.x0);
  lines.forEach((l, i) => (l.no = i + 1));
  return { page: raw.page, width: raw.width, height: raw.height, lines, rotated, bodyFont, chars };
}

function makeLine(page: number, frags: Frag[]): Line {
  let size = 0;
  let y = 0;
  let top = Infinity;
  let bottom = -Infinity;
  let x1 = -Infinity;
  for (const fr of frags) {
    if (fr.size > size) (size = fr.size), (y = fr.y);
    top = Math.min(top, fr.y - 0.8 * fr.size);
    bottom = Math.max(bottom, fr.y + 0.25 * fr.size);
    x1 = Math.max(x1, fr.x1);
  }
  return { page, no: 0, y, top, bottom, size, x0: frags[0]!.x0, x1, frags };
}

/** PageLines packed for posting between threads: numbers in one typed array, texts in one string. */
export interface PackedPage {
  page: number;
  width: number;
  height: number;
  bodyFont: number;
  chars: number;
  /** Per fragment: line number (0 = rotated text), x0, x1, y, size, font, soft (0/1). */
  nums: Float64Array;
  /** Fragment texts joined by U+0000. */
  texts: string;
}

const PACK = 7;

export function packPage(p: PageLines): PackedPage {
  const n = p.lines.reduce((s, l) => s + l.frags.length, 0) + p.rotated.length;
  const nums = new Float64Array(n * PACK);
  const texts: string[] = [];
  let k = 0;
  const put = (no: number, f: Frag) => {
    nums.set([no, f.x0, f.x1, f.y, f.size, f.font, f.soft ? 1 : 0], k);
    k += PACK;
    texts.push(f.text.replace(/\0/g, ''));
  };
  for (const l of p.lines) for (const f of l.frags) put(l.no, f);
  for (const f of p.rotated) put(0, f);
  return { page: p.page, width: p.width, height: p.height, bodyFont: p.bodyFont, chars: p.chars, nums, texts: texts.join('\0') };
}

export function unpackPage(q: PackedPage): PageLines {
  const texts = q.texts.length || q.nums.length ? q.texts.split('\0') : [];
  const lines: Line[] = [];
  const rotated: Frag[] = [];
  let cur: Frag[] = [];
  let curNo = -1;
  const flush = () => {
    if (cur.length) {
      const l = makeLine(q.page, cur);
      l.no = curNo;
      lines.push(l);
    }
    cur = [];
  };
  for (let i = 0, k = 0; k < q.nums.length; i++, k += PACK) {
    const no = q.nums[k]!;
    const f: Frag = { x0: q.nums[k + 1]!, x1: q.nums[k + 2]!, y: q.nums[k + 3]!, size: q.nums[k + 4]!, font: q.nums[k + 5]!, text: texts[i] ?? '' };
    if (q.nums[k + 6]) f.soft = true;
    if (no === 0) {
      rotated.push(f);
      continue;
    }
    if (no !== curNo) {
      flush();
      curNo = no;
    }
    cur.push(f);
  }
  flush();
  return { page: q.page, width: q.width, height: q.height, lines, rotated, bodyFont: q.bodyFont, chars: q.chars };
}

function fragText(items: Item[]): string {
  let text = '';
  let prev: Item | null = null;
  for (const it of items) {
    if (prev) {
      const gap = it.x0 - prev.x1;
      const needSpace = gap > 0.12 * Math.max(prev.size, it.size) && !/\s$/.test(text) && !/^\s/.test(it.s);
      if (needSpace) text += ' ';
    }
    text += it.s;
    prev = it;
  }
  return collapse(text);
}

function makeFrag(items: Item[], soft = false): Frag {
  let size = 0;
  let y = 0;
  let font = 0;
  let longest = -1;
  for (const it of items) {
    if (it.size > size) (size = it.size), (y = it.y);
    if (it.s.length > longest) (longest = it.s.length), (font = it.font);
  }
  let x1 = -Infinity;
  for (const it of items) x1 = Math.max(x1, it.x1);
  const f: Frag = { x0: items[0]!.x0, x1, y, size, text: fragText(items), font };
  if (soft) f.soft = true;
  return f;
}

/**
 * Settle soft splits with the whole document's evidence: a soft fragment stays separate only
 * where it starts at a column edge of multi-column lines elsewhere (a header row alone at a
 * page foot whose columns show on the next page); otherwise it rejoins the text before it.
 */
export function settleSoftSplits(pages: PageLines[]): void {
  const edges = new Map<number, number>();
  for (const p of pages)
    for (const l of p.lines) {
      const hard = l.frags.filter((f) => !f.soft);
      if (hard.length < 2) continue;
      for (const f of hard) edges.set(Math.round(f.x0), (edges.get(Math.round(f.x0)) ?? 0) + 1);
    }
  const isEdge = (x: number) => {
    const k = Math.round(x);
    return (edges.get(k - 1) ?? 0) + (edges.get(k) ?? 0) + (edges.get(k + 1) ?? 0) >= 3;
  };
  for (const p of pages)
    for (const l of p.lines) {
      if (!l.frags.some((f) => f.soft)) continue;
      const out: Frag[] = [];
      for (const f of l.frags) {
        const prev = out[out.length - 1];
        if (f.soft && prev && !isEdge(f.x0)) {
          out[out.length - 1] = { ...prev, x1: Math.max(prev.x1, f.x1), size: Math.max(prev.size, f.size), text: `${prev.text} ${f.text}` };
          continue;
        }
        const { soft: _soft, ...hard } = f;
        out.push(hard);
      }
      l.frags = out;
    }
}

// ---------------------------------------------------------------------------------------
// Running headers and footers

/**
 * Mark lines that repeat (digits normalised) at the same height in the top or bottom band of
 * many pages. Only the first and last few lines of a page are candidates.
 */
/** A line that is one word and a number, the word not a page label (`Unit 2`, `Section 3`). */
const NUMBERED_LABEL = /^(?!(?:page|p|pg|pp|folio)\b)[a-z]{2,}\.?\s+\d{1,4}[a-z]?\s*[:.]?$/i;

/** A page number on its own: `7`, `Page 7`, `Page 7 of 12`, `7/12`, `- 7 -`. */
const PAGE_NUMBER_LINE = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/i;

export function markFurniture(pages: PageLines[]): number {
  const n = pages.length;
  // A page number alone at the top or bottom edge needs no repetition to be known (a one-page
  // document has nothing to repeat).
  let numbers = 0;
  for (const p of pages) {
    for (const l of [p.lines[0], p.lines[p.lines.length - 1]]) {
      if (!l || l.furniture || (l.y > p.height * 0.1 && l.y < p.height * 0.9)) continue;
      if (PAGE_NUMBER_LINE.test(l.frags.map((f) => f.text).join(' ').trim())) (l.furniture = true), numbers++;
    }
  }
  if (n < 2) return numbers;
  const need = Math.max(2, Math.ceil(0.25 * n));
  const K = 3;
  interface Cand {
    line: Line;
    key: string;
    page: number;
    /** The page's first (last) line alone, set apart from the body by a wide gap. */
    apart: boolean;
  }
  const byKey = new Map<string, Cand[]>();
  const byStrict = new Map<string, Cand[]>();
  for (const p of pages) {
    const ls = p.lines;
    // Candidates: the lines at the top (bottom) edge up to the first wide gap towards the body,
    // at most K, inside the outer fifth of the page.
    const picks = new Map<Line, boolean>();
    const wide = (a: Line, b: Line) => b.top - a.bottom >= 0.6 * Math.min(a.size, b.size);
    for (let i = 0; i < Math.min(K, ls.length); i++) {
      if (ls[i]!.y >= p.height * 0.2) break;
      const gapAfter = i + 1 >= ls.length || wide(ls[i]!, ls[i + 1]!);
      picks.set(ls[i]!, i === 0 && gapAfter);
      if (gapAfter) break;
      if (i === Math.min(K, ls.length) - 1) for (let j = 1; j <= i; j++) picks.delete(ls[j]!); // no gap: only the edge line
    }
    for (let i = ls.length - 1, n = 0; i >= 0 && n < K; i--, n++) {
      if (ls[i]!.y <= p.height * 0.8 || picks.has(ls[i]!)) break;
      const gapBefore = i === 0 || wide(ls[i - 1]!, ls[i]!);
      picks.set(ls[i]!, i === ls.length - 1 && gapBefore);
      if (gapBefore) break;
      if (n === K - 1) for (let j = i; j < ls.length - 1; j++) picks.delete(ls[j]!);
    }
    // A row of three or more cells close to the text beside it is a table's (header) row,
    // repeated at the top of each page the table fills (the table drops those repeats) and
    // needed where a table starts at the top of a page; nor is what lies beyond it, from the
    // page edge, furniture (a header's second line).
    const tableRow = new Set<string>();
    for (const [l, apart] of picks) {
      const band = l.y < p.height / 2 ? 't' : 'b';
      if (tableRow.has(band)) continue;
      if (!apart && l.frags.length >= 3) {
        tableRow.add(band);
        continue;
      }
      const plain = l.frags.map((f) => f.text).join(' ').replace(/\s+/g, ' ').toLowerCase();
      // `Unit 2` or `Section 3` alone starts a page as a heading: its number is not a page number.
      const text = NUMBERED_LABEL.test(plain) ? plain : plain.replace(/\d+/g, '#');
      // Roman page numbers too.
      const key = `${band}|${/^[ivxlc]+$/.test(text) ? '#' : text}`;
      let arr = byKey.get(key);
      if (!arr) byKey.set(key, (arr = []));
      arr.push({ line: l, key, page: p.page, apart });
      if (apart) {
        // Only a page number at either end may differ here ("Unit 301 Widgets   Page 5").
        const exact = l.frags.map((f) => f.text).join(' ').replace(/\s+/g, ' ').toLowerCase();
        const strict = `${band}|${exact.replace(/^(page\s+)?\d+(\s+of\s+\d+)?(\s|$)/, '#$3').replace(/(^|\s)(page\s+)?\d+(\s+of\s+\d+)?$/, '$1#')}`;
        let sa = byStrict.get(strict);
        if (!sa) byStrict.set(strict, (sa = []));
        sa.push({ line: l, key: strict, page: p.page, apart });
      }
    }
  }
  // The body text size: heading-size lines whose numbers change from page to page are
  // headings (`Unit 1` on the page where unit 1 starts, `Unit 2` on the next), not page numbers.
  const sizeChars = new Map<number, number>();
  for (const p of pages) for (const l of p.lines) for (const f of l.frags) sizeChars.set(Math.round(f.size), (sizeChars.get(Math.round(f.size)) ?? 0) + f.text.length);
  let body = 0;
  let bodyChars = -1;
  for (const [size, c] of sizeChars) if (c > bodyChars) (bodyChars = c), (body = size);
  const exactText = (l: Line) => l.frags.map((f) => f.text).join(' ').replace(/\s+/g, ' ');
  let marked = 0;
  // Repeated (digits aside) on a quarter of the pages; or, alone at the page edge and set apart,
  // repeated (page numbers aside) on three (a running header that changes with the section).
  const groups: Array<[Cand[], number]> = [...[...byKey.values()].map((a): [Cand[], number] => [a, need]), ...[...byStrict.values()].map((a): [Cand[], number] => [a, Math.min(3, need)])];
  for (const [arr, want] of groups) {
    if (new Set(arr.map((c) => c.page)).size < want) continue;
    // Same height (within 2pt of the most common height).
    const ys = arr.map((c) => c.line.y).sort((a, b) => a - b);
    let bestY = ys[0]!;
    let bestN = 0;
    for (const y of ys) {
      let k = 0;
      for (const z of ys) if (Math.abs(z - y) <= 2) k++;
      if (k > bestN) (bestN = k), (bestY = y);
    }
    const hits = arr.filter((c) => Math.abs(c.line.y - bestY) <= 2);
    if (new Set(hits.map((c) => c.page)).size < want) continue;
    if (hits.every((c) => c.line.size >= 1.15 * body) && new Set(hits.map((c) => exactText(c.line))).size > 1) continue;
    for (const c of hits) if (!c.line.furniture) (c.line.furniture = true), marked++;
  }
  return marked + numbers;
}

// ---------------------------------------------------------------------------------------
// Paragraph building

interface PLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  top: number;
  bottom: number;
  size: number;
  font: number;
  page: number;
  no: number;
  /** The line's text before its list marker was taken off (first line of a paragraph). */
  text0?: string;
  /** Where the text starts after a number set apart from it (`2.2⇥Check that…`): its hanging indent. */
  hang?: number;
}

/** A paragraph under construction (internal geometry kept for joins across pages). */
interface Para {
  lines: PLine[];
  text: string;
  depth: number;
  top: number;
  bottom: number;
  page: number;
  no: number;
  size: number;
}

const BULLET_START = /^([\u2022\u25CF\u25AA\u25E6\u00B7\uF0B7\uF0A7\uF076\uF0D8\u2023\u2043\u25A0\u25A1\u25BA\u27A2*\u2013\u2014-]|o(?=\s))\s*/;
/** A generic enumerator that starts a list item: `1.`, `2)`, `1.1`, `1.1.`, `(a)`, `a)`. */
const ENUM_START = /^(\(?\d+(\.\d+)*[.)]|\d+\.\d+|\(?[a-z][.)]|\([ivx]+\))\s/;

function startsItem(text: string): boolean {
  return BULLET_START.test(text) || ENUM_START.test(text);
}

/** Join two lines of one paragraph: words broken across the line end are joined. */
const SHORT_WORDS = /^(?:a|an|and|as|at|be|by|do|for|go|he|if|in|is|it|me|my|no|of|on|or|so|the|to|up|us|we|use|can|not|own|may|are|has|its|all|any|new|who|how|why)$/i;

function joinText(prev: string, prevLine: PLine, next: string, fullWidth: number): string {
  if (!prev) return next;
  if (!next) return prev;
  const last = prev.slice(-1);
  // `L/` + `506/1905`: a break after a slash.
  if (last === '/') return prev + next;
  // Hyphenated compounds keep the hyphen.
  if (last === '-' && /\p{L}-$/u.test(prev) && /^\p{Ll}/u.test(next)) return prev + next;
  // A single word too wide for its column, broken without a hyphen (a whole word that happens
  // to fill a narrow column's line is commoner: only when a stub that is no word follows).
  const word = prevLine.text.trim();
  const nextWord = /^\S+/u.exec(next)?.[0] ?? '';
  if (!/\s/.test(word) && nextWord.length <= 3 && !SHORT_WORDS.test(nextWord) && /^\p{Ll}/u.test(next) && /\p{L}$/u.test(prev) && prevLine.x1 >= fullWidth - 0.6 * prevLine.size) {
    return prev + next;
  }
  return `${prev} ${next}`;
}

/** Group a column's lines (top-down) into paragraphs. `right` is the column's text right edge. */
function firstWordFits(prev: PLine, l: PLine, text: string, right: number): boolean {
  const word = /^\S+/.exec(text)?.[0];
  if (!word || !l.text.length) return false;
  const charW = (l.x1 - l.x0) / l.text.length;
  return prev.x1 + (word.length + 4) * charW < right;
}

/** Connecting words a wrapped line may end with: the sentence goes on below. */
const GOES_ON = /(?:\b(?:the|a|an|of|and|or|to|for|in|on|with|by|from|at|as|that|which|their|its|own|be|is|are|must|can|will)|[,;:\-–/(&])$/i;

function paragraphsOf(lines: PLine[], right: number, margin: number | null = null, pitch = 0, lockstep?: (a: PLine, b: PLine) => boolean): Para[] {
  const out: Para[] = [];
  let cur: Para | null = null;
  const stack: number[] = [];
  for (const l of lines) {
    let text = l.text;
    let depth = 0;
    const bullet = BULLET_START.exec(text);
    if (bullet && bullet[0].length < text.length && (bullet[1] !== '-' || /\s/.test(bullet[0]))) {
      text = text.slice(bullet[0].length);
      while (stack.length && stack[stack.length - 1]! > l.x0 + 0.5 * l.size) stack.pop();
      if (!stack.length || stack[stack.length - 1]! < l.x0 - 0.5 * l.size) stack.push(l.x0);
      depth = stack.length;
    }
    const prev: PLine | undefined = cur?.lines[cur.lines.length - 1];
    const cont =
      cur &&
      prev &&
      !bullet &&
      !ENUM_START.test(text) &&
      prev.page === l.page &&
      // Next line of the paragraph: within one and a half lines, or the document's usual line pitch.
      l.y - prev.y <= Math.max(1.5 * Math.max(prev.size, l.size), 1.08 * pitch) &&
      Math.abs(prev.size - l.size) < 0.15 * prev.size &&
      // An outdented line starts something new; so does one left of a numbered item's hanging
      // indent (`2.2⇥Check that prices…`, then `Learning outcome 3:` at the number's place).
      l.x0 >= prev.x0 - 1.5 - (cur.lines.length === 1 ? 2 * l.size : 0) &&
      !(cur.lines[0]!.hang != null && l.x0 < cur.lines[0]!.hang - 0.5 * l.size) &&
      // So does a line indented further: a nested list item whose marker is not text (only a
      // bullet glyph's hanging indent moves a paragraph's second line right).
      (l.x0 <= prev.x0 + 1.2 * l.size || (cur.lines.length === 1 && BULLET_START.test(cur.lines[0]!.text0 ?? ''))) &&
      // A short line ends its paragraph (unless it is in a narrow column whose lines are all short).
      prev.x1 >= right - Math.max(6 * prev.size, 0.3 * (right - prev.x0)) &&
      // A line whose first word would have fitted at the end of the line before did not wrap
      // there: it is the next list item (its marker drawn, not written).
      !firstWordFits(prev, l, text, right) &&
      // In a table whose rows have no space between them, a line level with lines in every
      // other column starts the next row unless the sentence plainly goes on (a lower-case
      // start, a connecting word at the end of the line above).
      !(lockstep?.(prev, l) && !/^\p{Ll}/u.test(text) && !GOES_ON.test(prev.text.trim()));
    if (cont && cur && prev) {
      cur.text = joinText(cur.text, prev, text, right);
      cur.lines.push({ ...l, text });
      cur.bottom = l.bottom;
    } else {
      if (!bullet) {
        // A non-list line at or left of the list's indent ends the list.
        while (stack.length && stack[stack.length - 1]! >= l.x0 - 0.5 * l.size) stack.pop();
        // Body text indented from the margin (not centred): a list item whose marker is not text.
        if (margin != null && l.x0 >= margin + 0.8 * l.size && Math.abs(l.x0 - margin - (right - l.x1)) > 1.5 * l.size) {
          stack.push(l.x0);
          depth = stack.length;
        }
      }
      cur = { lines: [{ ...l, text, text0: l.text }], text, depth, top: l.top, bottom: l.bottom, page: l.page, no: l.no, size: l.size };
      out.push(cur);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Tables

interface Span {
  x0: number;
  x1: number;
}

interface Region {
  lines: Line[];
  spans: Span[];
  /** Starts with lines that continue the previous page's table. */
  continued: boolean;
  /** Its table goes on at the top of the next page. */
  continues?: boolean;
  /** Rows whose cell spans several columns (`Learning outcome 1: …` across the table). */
  spanning?: Set<Line>;
}

function mergeSpans(spans: Span[], add: Array<{ x0: number; x1: number }>): Span[] {
  const all = [...spans, ...add.map((f) => ({ x0: f.x0, x1: f.x1 }))].sort((a, b) => a.x0 - b.x0);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.x0 <= last.x1 + 0.5) last.x1 = Math.max(last.x1, s.x1);
    else out.push({ ...s });
  }
  return out;
}

/** Column index of a fragment under `spans`, or -1 when it does not fit (sticks out left or crosses a gutter). */
function columnOf(f: { x0: number; x1: number }, spans: Span[], slack = 1.5): number {
  // `slack` lets text stick out left of the first column; inner column starts allow a little.
  if (f.x0 < spans[0]!.x0 - slack) return -1;
  const inner = Math.min(slack, 3);
  let c = 0;
  for (let k = spans.length - 1; k > 0; k--) {
    if (f.x0 >= spans[k]!.x0 - inner) {
      c = k;
      break;
    }
  }
  const next = spans[c + 1];
  if (next && f.x1 > next.x0 - 0.5) return -1;
  return c;
}

/** Every fragment of the line starts inside one of the spans (its text may run past the span's end). */
function startsIn(l: Line, spans: Span[], slack = 3): boolean {
  return l.frags.every((f) => spans.some((s) => f.x0 >= s.x0 - slack && f.x0 <= s.x1));
}

function fits(l: Line, spans: Span[], slack = 1.5): boolean {
  return l.frags.every((f) => columnOf(f, spans, slack) >= 0);
}

/** Whether a line has text beside it (in a separate x-range) within about a line's height. */
function besideOthers(lines: Line[], i: number): boolean {
  const l = lines[i]!;
  if (l.frags.length >= 2) return true;
  const f = l.frags[0]!;
  const reach = 1.1 * l.size;
  for (const dir of [-1, 1]) {
    for (let j = i + dir; j >= 0 && j < lines.length; j += dir) {
      const m = lines[j]!;
      const gap = dir < 0 ? l.top - m.bottom : m.top - l.bottom;
      if (gap > reach) break;
      for (const g of m.frags) {
        const sep = 0.5 * Math.max(l.size, m.size);
        if (g.x0 >= f.x1 + sep || g.x1 <= f.x0 - sep) return true;
      }
    }
  }
  return false;
}

/** Find table regions on one page. `carry` is the previous page's last table, when it ended the page. */
function findRegions(lines: Line[], carry: Span[] | null, carrySize = 0): Region[] {
  const n = lines.length;
  const regions: Region[] = [];
  const inRegion = new Array<boolean>(n).fill(false);
  const beside = lines.map((_, i) => besideOthers(lines, i));

  let i = 0;
  let prevEnd = -1;
  // Continuation of the previous page's table.
  const maxGap = (a: Line, b: Line) => b.y - a.y <= 3.5 * Math.max(a.size, b.size);
  if (carry) {
    let j = 0;
    const spanning = new Set<Line>();
    while (j < n) {
      // A heading in larger type at the top of the page is not the table going on.
      if (carrySize && lines[j]!.size > 1.15 * carrySize) break;
      if (fits(lines[j]!, carry, 3)) {
        j++;
        continue;
      }
      const k = j > 0 ? spanningRun(lines, j, carry, maxGap) : j;
      if (k === j) break;
      for (let m = j; m < k; m++) spanning.add(lines[m]!);
      j = k;
    }
    if (j > 0) {
      const r: Region = { lines: lines.slice(0, j), spans: carry.map((s) => ({ ...s })), continued: true, spanning };
      for (let k = 0; k < j; k++) inRegion[k] = true;
      regions.push(r);
      i = j;
      prevEnd = j;
    }
  }

  while (i < n) {
    if (!beside[i]) {
      i++;
      continue;
    }
    // A run of lines that sit beside other text, not crossing each other's gutters.
    let spans = mergeSpans([], lines[i]!.frags);
    let j = i + 1;
    const spanning = new Set<Line>();
    // A first row spanning the columns of the rows under it (`Learning outcome 1: …`).
    const below = lines[i + 1];
    if (below && beside[i + 1] && maxGap(lines[i]!, below) && below.frags.length > lines[i]!.frags.length && Math.abs(below.size - lines[i]!.size) <= 0.15 * below.size) {
      const under = mergeSpans([], below.frags);
      if (twoInOne(below.frags, spans) && spanningRun([lines[i]!, lines[i]!, below], 1, under, () => true) === 2) {
        spanning.add(lines[i]!);
        spans = under;
        j = i + 2;
      }
    }
    while (j < n && beside[j] && maxGap(lines[j - 1]!, lines[j]!)) {
      // Type of another size (a heading over the table) is not the same table.
      if (Math.abs(lines[j]!.size - lines[j - 1]!.size) > 0.15 * Math.max(lines[j]!.size, lines[j - 1]!.size)) break;
      const next = mergeSpans(spans, lines[j]!.frags);
      if (next.length < spans.length && wrapsBack(lines[j - 1]!, lines[j]!) && numberColumnsJoin(spans, next, lines.slice(i, j))) {
        // A cell's text wrapping back under the number it starts with (`1  Understand the…` /
        // `development`): the number and its text are one column.
        spans = next;
        j++;
        continue;
      }
      if (next.length < spans.length) {
        // A row spanning columns inside the table (rows of the same columns follow): kept,
        // without merging the columns it crosses.
        const k = spanningRun(lines, j, spans, maxGap);
        if (k > j) {
          for (let m = j; m < k; m++) spanning.add(lines[m]!);
          j = k;
          continue;
        }
        break;
      }
      // Two fragments of this line under one column so far: another table's columns start
      // here (a label table's wide value cell above an outcome table's narrower columns).
      if (lines[j]!.frags.length >= 2 && (twoInOne(lines[j]!.frags, next) || startsInside(lines[j]!, spans, lines.slice(i, j)))) break;
      spans = next;
      j++;
    }
    if (spans.length < 2) {
      i = j;
      continue;
    }
    // Table left edge: the leftmost fragment start; nothing may stick out left of it.
    let start = i;
    let end = j;
    // Lines that fit the columns join; a line beside other text may also reach left of the
    // first column (a cell's text left of a header label centred above it).
    // A line in larger type (a heading just above or below the table) is not a table row.
    const runSize = lines[i]!.size;
    const joins = (k: number) => lines[k]!.size <= 1.15 * runSize && (fits(lines[k]!, spans) || (beside[k]! && fits(lines[k]!, spans, Infinity)));
    // Extend up over lines that fit (not already taken).
    while (start > 0 && !inRegion[start - 1] && maxGap(lines[start - 1]!, lines[start]!) && joins(start - 1)) {
      start--;
      spans = mergeSpans(spans, lines[start]!.frags);
    }
    // Extend down, also across following runs that fit.
    while (end < n && maxGap(lines[end - 1]!, lines[end]!) && joins(end)) {
      spans = mergeSpans(spans, lines[end]!.frags);
      end++;
    }
    const prev = regions[regions.length - 1];
    const region: Region = { lines: lines.slice(start, end), spans, continued: false, spanning };
    // Touching the previous region with the same columns: one table.
    if (prev && prevEnd === start && sameColumns(prev.spans, spans)) {
      for (const l of region.lines) prev.lines.push(l);
      for (const l of spanning) (prev.spanning ??= new Set()).add(l);
      prev.spans = mergeSpans(prev.spans, spans);
    } else regions.push(region);
    for (let k = start; k < end; k++) inRegion[k] = true;
    prevEnd = end;
    i = end;
  }
  return regions.map((r) => ({ ...r, spans: finalSpans(r) }));
}

const lineKey = (l: Line) => l.frags.map((f) => f.text).join('\t');

/**
 * A row whose cell text starts well left of a column it runs into (the header of an outcome
 * table under a four-column label table): a new table with other columns.
 */
function startsInside(l: Line, spans: Span[], above: Line[]): boolean {
  // Only a column whose left edge several cells above share (left-aligned values, not a
  // header label centred over its column).
  const edge = (sp: Span) => above.reduce((n, a) => n + a.frags.filter((g) => Math.abs(g.x0 - sp.x0) <= 1).length, 0) >= 2;
  return l.frags.some(
    (f) =>
      f.x1 - f.x0 > 3 * l.size &&
      spans.some((sp, k) => f.x1 > sp.x0 + l.size && f.x0 < sp.x0 - 1.5 * l.size && f.x0 > (spans[k - 1]?.x1 ?? -Infinity) && edge(sp)),
  );
}

/**
 * Lines from `j` that cross the columns `spans` but each start at a column's left edge, when
 * a line that fits the columns (two or more cells) follows them: rows whose cell spans
 * columns. Returns the index after them, or `j` when they are not such rows.
 */
function spanningRun(lines: Line[], j: number, spans: Span[], near: (a: Line, b: Line) => boolean): number {
  let k = j;
  while (k < lines.length && k < j + 3 && near(lines[k - 1]!, lines[k]!)) {
    const l = lines[k]!;
    if (k > j && Math.abs(l.size - lines[j]!.size) > 0.15 * l.size) return j;
    if (l.frags.length >= 2 && fits(l, spans)) return k > j ? k : j;
    const atEdges = l.frags.every((f) => spans.some((sp) => Math.abs(f.x0 - sp.x0) <= 3));
    if (!atEdges || l.frags[0]!.x0 > spans[0]!.x0 + 3 && l.frags.length === 1 && fits(l, spans)) return j;
    k++;
  }
  return j;
}

/** A line that reads as the wrapped continuation of the one above: lower-case, or at line spacing. */
function wrapsBack(above: Line, l: Line): boolean {
  return /^[a-z]/.test(l.frags[0]!.text) || l.y - above.y <= 1.6 * Math.max(l.size, above.size);
}

const NUMBER_ONLY = /^(?:AC|LO)?\s*\d{1,2}(?:\.\d{1,2})?[.)]?$/i;

/**
 * Whether merging `spans` into `next` only joins number columns (every fragment so far in
 * them a bare number like `1`, `1.1`, `AC2.3`) with the column right of them.
 */
function numberColumnsJoin(spans: Span[], next: Span[], above: Line[]): boolean {
  for (const big of next) {
    const inside = spans.filter((sp) => sp.x0 >= big.x0 - 0.01 && sp.x1 <= big.x1 + 0.01);
    if (inside.length <= 1) continue;
    if (inside.length !== 2) return false;
    const [num] = inside as [Span, Span];
    const frags = above.flatMap((l) => l.frags).filter((f) => f.x0 >= num.x0 - 0.01 && f.x1 <= num.x1 + 0.01);
    if (!frags.length || !frags.every((f) => NUMBER_ONLY.test(f.text.trim()))) return false;
  }
  return true;
}

function twoInOne(frags: Frag[], spans: Span[]): boolean {
  const seen = new Set<number>();
  for (const f of frags) {
    const k = spans.findIndex((sp) => f.x0 >= sp.x0 - 0.01 && f.x1 <= sp.x1 + 0.01);
    if (k >= 0 && seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

function sameColumns(a: Span[], b: Span[]): boolean {
  return a.length === b.length && a.every((s, k) => Math.abs(s.x0 - b[k]!.x0) < 3);
}

/** Recompute a region's column spans from its own fragments (keeping carried columns). */
function finalSpans(r: Region): Span[] {
  const frags = r.lines.filter((l) => !r.spanning?.has(l)).flatMap((l) => l.frags);
  let spans = mergeSpans(r.continued ? r.spans : [], frags);
  if (!r.continued) spans = mergeHeaderSpans(spans, r.lines);
  return spans.length >= 2 ? spans : r.spans;
}

/**
 * A header label centred (or aligned differently) over its column's values gives a span of
 * its own: a span whose text all sits in the table's first lines, above everything in the
 * nearest neighbouring span, joins that neighbour.
 */
function mergeHeaderSpans(spans: Span[], lines: Line[]): Span[] {
  const size = lines[0]!.size;
  const top = lines[0]!.top;
  for (let changed = true; changed && spans.length > 2; ) {
    changed = false;
    const ext = spans.map((sp) => {
      let t = Infinity;
      let b = -Infinity;
      for (const l of lines) for (const f of l.frags) if (f.x0 >= sp.x0 - 0.01 && f.x1 <= sp.x1 + 0.01) (t = Math.min(t, l.top)), (b = Math.max(b, l.bottom));
      return { t, b };
    });
    for (let i = 0; i < spans.length && !changed; i++) {
      const e = ext[i]!;
      if (e.t > top + 0.5 * size || e.b > top + 3.5 * size) continue;
      let best = -1;
      let dist = Infinity;
      for (const j of [i - 1, i + 1]) {
        if (j < 0 || j >= spans.length || ext[j]!.t <= e.b) continue;
        const d = j < i ? spans[i]!.x0 - spans[j]!.x1 : spans[j]!.x0 - spans[i]!.x1;
        if (d < dist) (dist = d), (best = j);
      }
      if (best < 0 || dist > 3 * size) continue;
      const a = Math.min(i, best);
      spans = [...spans.slice(0, a), { x0: Math.min(spans[i]!.x0, spans[best]!.x0), x1: Math.max(spans[i]!.x1, spans[best]!.x1) }, ...spans.slice(a + 2)];
      changed = true;
    }
  }
  return spans;
}

interface TRow {
  cells: Para[][];
  page: number;
  no: number;
  header: boolean;
  /** The row continues the previous page's last row. */
  continuation: boolean;
}

interface TTable {
  rows: TRow[];
  spans: Span[];
  page: number;
  no: number;
  /** Right text edge per column. */
  rights: number[];
}

/** A region's column paragraphs, computed once. */
interface RegionCols {
  cols: Para[][];
  rights: number[];
  anchorCol: number;
  /** Anchors level with a paragraph start in another column. */
  aligned: number;
}

function regionColumns(r: Region, pitch: number): RegionCols {
  const ncol = r.spans.length;
  const colLines: PLine[][] = Array.from({ length: ncol }, () => []);
  const rights = new Array<number>(ncol).fill(-Infinity);
  for (const l of r.lines) {
    let last: { c: number; pl: PLine } | null = null;
    for (const f of l.frags) {
      let c = columnOf(f, r.spans, 3);
      if (c < 0) c = nearestColumn(f, r.spans);
      rights[c] = Math.max(rights[c]!, f.x1);
      // Fragments of one line in one column (a number and its text) are one line of the cell.
      if (last && last.c === c) {
        // A number hangs left of its text: the line's indent is the text's.
        if (NUMBER_ONLY.test(last.pl.text.trim())) last.pl.x0 = f.x0;
        last.pl.text = `${last.pl.text} ${f.text}`;
        last.pl.x1 = Math.max(last.pl.x1, f.x1);
        continue;
      }
      const pl: PLine = { text: f.text, x0: f.x0, x1: f.x1, y: f.y, top: f.y - 0.8 * f.size, bottom: f.y + 0.25 * f.size, size: f.size, font: f.font, page: l.page, no: l.no };
      colLines[c]!.push(pl);
      last = { c, pl };
    }
  }
  // A column's left text edge: lines indented from it (not centred) are list items whose
  // markers are drawn, not printed (browsers' and word processors' bullets).
  // Lines level with a line in every other (non-empty) column.
  const ysOf = colLines.map((ls) => ls.map((l) => l.y));
  const level = (c: number, y: number, size: number) => ysOf.every((ys, k) => k === c || !ys.length || ys.some((z) => Math.abs(z - y) <= 0.3 * size));
  const cols = colLines.map((ls, c) =>
    paragraphsOf(ls, rights[c]!, ls.length ? Math.min(...ls.map((l) => l.x0)) : null, pitch, ysOf.filter((ys) => ys.length).length >= 2 ? (_a, b) => level(c, b.y, b.size) : undefined),
  );
  // Rows follow the leftmost column (for a continued table, its first column, even when empty here).
  const anchorCol = r.continued ? 0 : Math.max(0, cols.findIndex((ps) => ps.length > 0));
  let aligned = 0;
  for (const a of cols[anchorCol] ?? []) if (alignedWith(cols, anchorCol, a)) aligned++;
  return { cols, rights, anchorCol, aligned };
}

function alignedWith(cols: Para[][], col: number, a: Para): Para | undefined {
  for (let c = 0; c < cols.length; c++) {
    if (c === col) continue;
    for (const p of cols[c]!) if (Math.abs(p.top - a.top) <= 0.3 * a.size) return p;
  }
  return undefined;
}

/**
 * How a document places the text of a cell that spans several rows of another column:
 * 'top' when (nearly) every anchor is level with the first paragraph beside it, else 'centre'.
 */
export type CellAlign = 'top' | 'centre';

/** Build rows from a region's column paragraphs. */
function regionRows(r: Region, rc: RegionCols, bodyFont: number, align: CellAlign): TRow[] {
  const { cols, anchorCol } = rc;
  const ncol = cols.length;
  const all = cols.flatMap((ps, c) => ps.map((p) => ({ p, c })));
  const size = r.lines[0]!.size;
  const anchors = cols[anchorCol] ?? [];
  const regionTop = r.lines.reduce((m, l) => Math.min(m, l.top), Infinity) - 1;

  // Free vertical gaps between paragraphs (any column).
  const blocked = all.map(({ p }) => [p.top, p.bottom] as [number, number]).sort((a, b) => a[0] - b[0]);
  const gaps: Array<[number, number]> = [];
  let reach = -Infinity;
  for (const [t, b] of blocked) {
    if (reach > -Infinity && t > reach) gaps.push([reach, t]);
    reach = Math.max(reach, b);
  }
  const gapsIn = (lo: number, hi: number) => gaps.filter((g) => g[1] > lo && g[0] < hi);
  /** The free gap that ends right above an anchor level with another column's paragraph. */
  const topGap = (a: Para): [number, number] | undefined => {
    const al = alignedWith(cols, anchorCol, a);
    if (!al) return undefined;
    const y = Math.min(al.top, a.top);
    return gaps.find((g) => g[1] >= y - 0.3 * a.size && g[0] < y);
  };
  const largest = (cands: Array<[number, number]>) => cands.reduce<[number, number] | undefined>((b, g) => (!b || g[1] - g[0] > b[1] - b[0] + 0.5 ? g : b), undefined);

  // Cuts, bottom-up: each is the free gap where a row starts.
  const cuts: number[] = [];
  let bottom = all.reduce((m, { p }) => Math.max(m, p.bottom), -Infinity);
  const spanningLine = new Set([...(r.spanning ?? [])].map((l) => `${l.page}:${l.no}`));
  for (let k = anchors.length - 1; k >= 0; k--) {
    const a = anchors[k]!;
    const lo = k > 0 ? anchors[k - 1]!.bottom : regionTop;
    // A row whose cell spans the columns is a row of its own.
    if (spanningLine.has(`${a.page}:${a.no}`)) {
      cuts.push(a.top - 0.01);
      bottom = a.top;
      continue;
    }
    const cands = gapsIn(lo, a.top);
    const above = all.some(({ p }) => p.top < a.top - 0.3 * a.size && p.bottom > lo);
    if (!above) {
      // Nothing beside the anchor starts above it: the row starts with the anchor.
      if (k > 0) cuts.push(cands.length ? (Math.max(cands[cands.length - 1]![0], lo) + Math.min(cands[cands.length - 1]![1], a.top)) / 2 : a.top - 0.01);
      bottom = cands.length ? cands[cands.length - 1]![0] : a.top;
      continue;
    }
    let g: [number, number] | undefined;
    if (align === 'top') g = topGap(a) ?? (k > 0 ? largest(cands) : undefined);
    else if (k === anchors.length - 1 && r.continues && topGap(a)) {
      // The last row goes on over the page: its first cell is not centred on this part.
      g = topGap(a);
    } else {
      // Centred: the row's first paragraph starts as far above the anchor as its last ends below it.
      const est = a.top + a.bottom - bottom;
      // The text above is part of the first anchor's row.
      if (k === 0 && est < regionTop + 0.5 * a.size) continue;
      if (est >= lo - a.size && cands.length) {
        const near = cands.reduce((b, x) => (Math.abs(x[1] - est) < Math.abs(b[1] - est) ? x : b));
        g = Math.abs(near[1] - est) <= 1.5 * a.size ? near : undefined;
      }
      if (!g) g = topGap(a);
      if (!g && k > 0) g = largest(cands);
    }
    if (!g) {
      if (k > 0 || !r.continued) {
        cuts.push(a.top - 0.01);
        bottom = a.top;
      }
      continue;
    }
    cuts.push((Math.max(g[0], lo) + Math.min(g[1], a.top)) / 2);
    bottom = g[0];
  }
  cuts.sort((a, b) => a - b);

  const bands: Para[][][] = Array.from({ length: cuts.length + 1 }, () => Array.from({ length: ncol }, () => [] as Para[]));
  for (const { p, c } of all) {
    let b = 0;
    while (b < cuts.length && p.top > cuts[b]!) b++;
    bands[b]![c]!.push(p);
  }
  const firstAnchorBand = anchors.length ? bands.findIndex((cells) => cells[anchorCol]!.length > 0) : -1;
  const rows: TRow[] = [];
  bands.forEach((cells, bi) => {
    const paras = cells.flat();
    if (!paras.length) return;
    const firstPara = paras.reduce((a, b) => (b.top < a.top ? b : a));
    const continuation = r.continued && bi === 0 && (firstAnchorBand < 0 || firstAnchorBand > 0);
    // Sub-rows: columns whose paragraphs pair up top-aligned.
    const others = cells.map((ps, c) => ({ ps, c })).filter(({ ps, c }) => c !== anchorCol && ps.length > 0);
    const k = others[0]?.ps.length ?? 0;
    const paired =
      others.length >= 2 &&
      k >= 2 &&
      others.every(({ ps }) => ps.length === k) &&
      others.every(({ ps }) => ps.every((p, i) => Math.abs(p.top - others[0]!.ps[i]!.top) <= 0.3 * p.size));
    if (paired) {
      for (let i = 0; i < k; i++) {
        const sub = cells.map((ps, c) => (c === anchorCol ? (i === 0 ? ps : []) : ps[i] ? [ps[i]!] : []));
        const lead = others[0]!.ps[i]!;
        rows.push({ cells: sub, page: lead.page, no: lead.no, header: false, continuation: continuation && i === 0 });
      }
    } else {
      rows.push({ cells, page: firstPara.page, no: firstPara.no, header: false, continuation });
    }
  });
  // Header row: the first row of a new table, short cells, all in another font than the body.
  // (A header of two lines level across the columns may come as two rows: both are header.)
  if (!r.continued) {
    for (const h of rows) {
      const filled = h.cells.filter((c) => c.length > 0);
      if (
        filled.length >= 2 &&
        filled.every((c) => c.length === 1 && c[0]!.lines.length <= 3 && c[0]!.text.length <= 60) &&
        filled.every((c) => c[0]!.lines.every((l) => l.font !== bodyFont))
      ) {
        h.header = true;
      } else break;
    }
  }
  return rows;
}

function nearestColumn(f: { x0: number }, spans: Span[]): number {
  let best = 0;
  for (let c = 0; c < spans.length; c++) if (f.x0 >= spans[c]!.x0 - 3) best = c;
  return best;
}

// ---------------------------------------------------------------------------------------
// Assembly

export interface LayoutResult {
  blocks: Block[];
  notes: AdapterNote[];
}

type Out = { kind: 'para'; para: Para; heading: number } | { kind: 'table'; table: TTable };

/** Turn every page's lines into the block stream. */
export function layout(pages: PageLines[]): LayoutResult {
  const notes: AdapterNote[] = [];
  settleSoftSplits(pages);
  markFurniture(pages);

  // Body size: the size carrying most characters; larger sizes are headings, ranked.
  const sizeChars = new Map<number, number>();
  for (const p of pages)
    for (const l of p.lines) for (const f of l.frags) sizeChars.set(Math.round(f.size * 2) / 2, (sizeChars.get(Math.round(f.size * 2) / 2) ?? 0) + f.text.length);
  let body = 0;
  let bestChars = -1;
  for (const [s, c] of sizeChars) if (c > bestChars) (bestChars = c), (body = s);
  const headingSizes = [...sizeChars.keys()].filter((s) => s >= body * 1.15 && (sizeChars.get(s) ?? 0) > 0).sort((a, b) => b - a);
  const headingLevel = (size: number) => {
    if (size < body * 1.15) return 0;
    const k = headingSizes.findIndex((s) => Math.abs(s - Math.round(size * 2) / 2) < 0.01);
    return Math.min(6, (k < 0 ? headingSizes.length : k) + 1);
  };

  // The usual line pitch of body text (line spacing differs between word processors): the
  // commonest baseline step between lines of body size, capped at twice the size.
  const steps = new Map<number, number>();
  for (const p of pages) {
    const ls = p.lines.filter((l) => !l.furniture && Math.abs(l.size - body) < 0.1 * body);
    for (let k = 1; k < ls.length; k++) {
      const dy = Math.round((ls[k]!.y - ls[k - 1]!.y) * 2) / 2;
      if (dy >= body && dy <= 2 * body) steps.set(dy, (steps.get(dy) ?? 0) + 1);
    }
  }
  let pitch = 0;
  let pitchVotes = 0;
  for (const [dy, n] of steps) if (n > pitchVotes || (n === pitchVotes && dy < pitch)) (pitchVotes = n), (pitch = dy);

  // Pass 1: table regions and their column paragraphs, page by page.
  interface PageWork {
    p: PageLines;
    lines: Line[];
    regions: Region[];
    cols: Map<Region, RegionCols>;
  }
  const work: PageWork[] = [];
  let carry: Span[] | null = null;
  let carrySize = 0;
  const headerKeys = new Set<string>();
  let anchors = 0;
  let aligned = 0;
  const marginVotes = new Map<number, number>();
  for (const p of pages) {
    const lines = p.lines.filter((l) => !l.furniture);
    // A header row repeated at the top of the page that is not the continued table's own (Word
    // repeats the first header row of tables it joined), over rows that go on with that table.
    while (carry && lines.length > 1 && headerKeys.has(lineKey(lines[0]!)) && lines[0]!.frags.every((f) => f.font !== p.bodyFont) && !fits(lines[0]!, carry, 3) && startsIn(lines[1]!, carry)) {
      lines[0]!.furniture = true;
      lines.shift();
    }
    let regions = findRegions(lines, carry, carrySize);
    // A continuation that starts with the table's repeated header row: drop those lines (lines
    // in a font other than the body's that the table already had on an earlier page).
    if (carry && regions[0]?.continued && headerKeys.size) {
      const r = regions[0]!;
      while (r.lines.length && headerKeys.has(lineKey(r.lines[0]!)) && r.lines[0]!.frags.every((f) => f.font !== p.bodyFont)) {
        const dropped = r.lines.shift()!;
        dropped.furniture = true;
        lines.splice(lines.indexOf(dropped), 1);
      }
      if (!r.lines.length) regions = regions.slice(1);
    }
    const cols = new Map<Region, RegionCols>();
    for (const r of regions) {
      const rc = regionColumns(r, pitch);
      cols.set(r, rc);
      anchors += rc.cols[rc.anchorCol]?.length ?? 0;
      aligned += rc.aligned;
      // Header-like lines (every fragment in a font other than the body's) of the tables so
      // far (a table may be cut into regions by full-width rows).
      for (const l of r.lines) if (l.frags.every((f) => f.font !== p.bodyFont)) headerKeys.add(lineKey(l));
    }
    const taken = new Set(regions.flatMap((r) => r.lines));
    for (const l of lines) if (!taken.has(l) && Math.abs(l.size - body) < 0.1 * body) marginVotes.set(Math.round(l.x0), (marginVotes.get(Math.round(l.x0)) ?? 0) + 1);
    const prevWork = work[work.length - 1];
    if (prevWork && regions[0]?.continued) {
      const pr = prevWork.regions[prevWork.regions.length - 1];
      if (pr) pr.continues = true;
    }
    const last = regions[regions.length - 1];
    carry = last && lines.length && last.lines[last.lines.length - 1] === lines[lines.length - 1] ? last.spans : null;
    carrySize = carry ? last!.lines[last!.lines.length - 1]!.size : 0;
    work.push({ p, lines, regions, cols });
  }
  const align: CellAlign = anchors >= 3 && aligned >= 0.85 * anchors ? 'top' : 'centre';
  // The body's left margin: where most body-size lines outside tables start.
  let margin: number | null = null;
  let votes = 0;
  for (const [x, n] of marginVotes) if (n > votes || (n === votes && margin != null && x < margin)) (votes = n), (margin = x);
  if (margin != null) margin -= 0.5;

  // Pass 2: rows, paragraphs, tables continued across pages.
  const out: Out[] = [];
  let open: TTable | null = null; // the table that ended the previous page, if any
  for (const { p, lines, regions, cols } of work) {
    const regionOf = new Map<Line, Region>();
    for (const r of regions) for (const l of r.lines) regionOf.set(l, r);

    let bodyRun: Line[] = [];
    const flushBody = () => {
      if (!bodyRun.length) return;
      const plines: PLine[] = bodyRun.map((l) => ({
        text: l.frags.map((f) => f.text).join(' '),
        hang: l.frags.length > 1 && NUMBER_ONLY.test(l.frags[0]!.text.trim()) ? l.frags[1]!.x0 : undefined,
        x0: l.x0,
        x1: l.x1,
        y: l.y,
        top: l.top,
        bottom: l.bottom,
        size: l.size,
        font: l.frags[0]!.font,
        page: l.page,
        no: l.no,
      }));
      let right = p.width * 0.5;
      for (const l of plines) if (l.size <= body * 1.05) right = Math.max(right, l.x1);
      for (const para of paragraphsOf(plines, rightEdge(plines, right), margin)) out.push({ kind: 'para', para, heading: headingLevel(para.size) });
      bodyRun = [];
    };
    let lastWasTable = false;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const r = regionOf.get(l);
      if (!r) {
        bodyRun.push(l);
        lastWasTable = false;
        continue;
      }
      if (r.lines[0] !== l) continue;
      flushBody();
      const rc = cols.get(r)!;
      const rows = regionRows(r, rc, p.bodyFont, align);
      if (r.continued && open) {
        mergeInto(open, rows, rc.rights);
      } else {
        const t: TTable = { rows, spans: r.spans, page: p.page, no: r.lines[0]!.no, rights: rc.rights };
        out.push({ kind: 'table', table: t });
        open = t;
      }
      open!.spans = r.spans;
      lastWasTable = true;
      i += r.lines.length - 1;
    }
    flushBody();
    if (!lastWasTable) open = null;
    for (const f of p.rotated) out.push({ kind: 'para', para: { lines: [], text: f.text, depth: 0, top: f.y, bottom: f.y, page: p.page, no: 0, size: f.size }, heading: 0 });
  }

  // Emit blocks with page breaks.
  const blocks: Block[] = [];
  let page = 1;
  const toPara = (q: Para, heading = 0): Paragraph => {
    const b: Paragraph = { type: 'paragraph', text: collapse(q.text), place: { page: q.page, line: q.no || null } };
    if (q.depth) b.depth = q.depth;
    if (heading) b.heading = heading;
    return b;
  };
  const breakTo = (pg: number) => {
    while (page < pg) blocks.push({ type: 'page', page: ++page });
  };
  for (const o of out) {
    if (o.kind === 'para') {
      if (!collapse(o.para.text)) continue;
      breakTo(o.para.page);
      blocks.push(toPara(o.para, o.heading));
    } else {
      const t = o.table;
      breakTo(t.page);
      const rows: Row[] = t.rows.map((r) => {
        const row: Row = {
          cells: r.cells.map((ps): Cell => ({ blocks: ps.map((q) => toPara(q)).filter((b) => b.text), colSpan: 1, rowSpan: 1 })),
          place: { page: r.page, line: r.no },
        };
        if (r.header) row.header = true;
        return row;
      });
      const table: Table = { type: 'table', rows, place: { page: t.page, line: t.no } };
      blocks.push(table);
    }
  }
  breakTo(pages.length ? pages[pages.length - 1]!.page : 1);
  return { blocks, notes };
}

/** The right edge full lines reach: a high percentile of body line ends. */
function rightEdge(lines: PLine[], fallback: number): number {
  const xs = lines.map((l) => l.x1).sort((a, b) => a - b);
  if (xs.length < 4) return fallback;
  return Math.max(xs[Math.floor(xs.length * 0.9)]!, xs[xs.length - 1]! - 20);
}

/** Append a continued region's rows to the open table; a continuation row merges into the last row. */
function mergeInto(t: TTable, rows: TRow[], rights: number[]) {
  for (let c = 0; c < rights.length; c++) t.rights[c] = Math.max(t.rights[c] ?? -Infinity, rights[c]!);
  rows.forEach((r, i) => {
    const last = t.rows[t.rows.length - 1];
    // A first row whose first cell goes on with the text of the last row's first cell
    // (a row, even a header row, broken across the page) continues that row.
    const head = r.cells[0]?.[0];
    const tail = last?.cells[0]?.[last.cells[0].length - 1];
    const goesOn = i === 0 && !!head && !!tail && /^\p{Ll}/u.test(head.text) && continuesParagraph(tail, head, t.rights[0]!);
    if ((r.continuation || goesOn) && last && last.cells.length === r.cells.length) {
      r.cells.forEach((ps, c) => {
        if (!ps.length) return;
        const cell = last.cells[c]!;
        const tail = cell[cell.length - 1];
        const head = ps[0]!;
        if (tail && continuesParagraph(tail, head, t.rights[c]!)) {
          const prevLine = tail.lines[tail.lines.length - 1]!;
          tail.text = joinText(tail.text, prevLine, head.text, t.rights[c]!);
          for (const l of head.lines) tail.lines.push(l);
          for (const q of ps.slice(1)) cell.push(q);
        } else for (const q of ps) cell.push(q);
      });
    } else t.rows.push(r);
  });
}

/** Whether the first paragraph of a cell's continuation on a new page continues the last paragraph before the break. */
function continuesParagraph(tail: Para, head: Para, right: number): boolean {
  if (head.depth || startsItem(head.lines[0]?.text ?? head.text)) return false;
  if (/^\p{Ll}/u.test(head.text)) return true;
  const last = tail.lines[tail.lines.length - 1];
  if (!last) return false;
  const full = last.x1 >= right - Math.max(6 * last.size, 0.3 * (right - last.x0));
  return full && !/[.:;!?]$/.test(tail.text);
}
