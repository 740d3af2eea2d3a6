/**
 * Lines and fragments: one page's positioned text items grouped into lines by baseline, and
 * each line split into fragments where a horizontal gap (or a change of baseline at a
 * recurring left edge) separates them, as pdf.js's text layer groups items: same baseline and
 * close enough horizontally. Nothing here knows about tables, units or outcomes.
 */
import { collapse } from '@qualspec/blocks';
import { STRIDE, type FontStyle, type RawPage } from './raw.js';

// Lines and fragments

export interface Item {
  s: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  font: number;
  /** A blank item (a space pdf.js drew on its own) came just before: a word break, however narrow. */
  spaceBefore?: boolean;
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
  /** Drawn ruling lines (x0, y0, x1, y1 each, y down), when the format has them. */
  rules: number[];
  /** Filled boxes (x0, y0, x1, y1 each). */
  boxes: number[];
  /** Per page-local font index: bold, italic, both or null. */
  fontStyles: (FontStyle | null)[];
  /** Streams of the page the reader refused to decode (over its size bound), when any. */
  refusedStreams?: number;
}

/** Items whose baselines differ by less than this share of the larger size are on one line. */
const BASELINE_TOLERANCE = 0.35;
/** A horizontal gap wider than this many sizes separates fragments (columns, table cells). */
const COLUMN_GAP = 1.2;
/** A gap wider than this many sizes separates fragments where the next starts a recurring left edge or sits on a slightly other baseline. */
const WORD_GAP_AT_EDGE = 0.25;
/** A baseline step (superscripts aside) of more than this share of the size. */
const BASELINE_STEP = 0.08;
/** Gaps wider than this many sizes, but not wide enough to split, split softly (settled with the whole document's evidence). */
const SOFT_GAP = 0.5;
/** A gap wider than this share of the size between two items is a word space. */
export const WORD_SPACE = 0.12;

const WS = /^[\s\u00A0\u200B]*$/;

/** Vertical boundaries the page draws: vertical rules and the side edges of shaded boxes. */
function columnSeparators(raw: RawPage): { x: number; y0: number; y1: number }[] {
  const out: { x: number; y0: number; y1: number }[] = [];
  const r = raw.rules ?? [];
  for (let k = 0; k + 3 < r.length; k += 4) if (r[k] === r[k + 2] && r[k + 3]! - r[k + 1]! > 2) out.push({ x: r[k]!, y0: r[k + 1]!, y1: r[k + 3]! });
  const b = raw.boxes ?? [];
  for (let k = 0; k + 3 < b.length; k += 4) {
    out.push({ x: b[k]!, y0: b[k + 1]!, y1: b[k + 3]! });
    out.push({ x: b[k + 2]!, y0: b[k + 1]!, y1: b[k + 3]! });
  }
  return out;
}
export const BULLET_ONLY = /^[\u2022\u25CF\u25AA\u25E6\u00B7\uF0B7\uF0A7\uF076\uF0D8\u2023\u2043\u25A0\u25A1\u25BA\u27A2\u2013\u2014*o-]$/;

/** Group one page's items into lines and fragments. */
export function pageLines(raw: RawPage): PageLines {
  const items: Item[] = [];
  const rotated: Frag[] = [];
  const fontChars = new Map<number, number>();
  let chars = 0;
  /** Where the last blank item ended, while the next item may follow it on its baseline. */
  let blank: { x1: number; y: number; size: number } | null = null;
  for (let i = 0; i < raw.str.length; i++) {
    const s = raw.str[i]!;
    const o = i * STRIDE;
    const x = raw.num[o]!;
    const y = raw.num[o + 1]!;
    const w = raw.num[o + 2]!;
    const size = raw.num[o + 3]!;
    const font = raw.num[o + 4]!;
    if (WS.test(s)) {
      if (s.length && w > 0) blank = { x1: x + w, y, size };
      continue;
    }
    const spaceBefore = !!blank && Math.abs(y - blank.y) <= BASELINE_TOLERANCE * size && x >= blank.x1 - 1 && x - blank.x1 < size;
    blank = null;
    const n = s.length;
    chars += n;
    fontChars.set(font, (fontChars.get(font) ?? 0) + n);
    if (raw.num[o + 5]) {
      rotated.push({ x0: x, x1: x + w, y, size, text: s, font });
      continue;
    }
    // Text outside the page box is not printed.
    if (x > raw.width + 1 || x + w < -1 || y < -1 || y > raw.height + size) continue;
    const item: Item = { s, x0: x, x1: x + Math.max(w, 0), y, size, font };
    if (spaceBefore) item.spaceBefore = true;
    items.push(item);
  }
  const separators = columnSeparators(raw);
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
    if (cur.length && Math.abs(it.y - curY) <= BASELINE_TOLERANCE * Math.max(curSize, it.size)) {
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
        // A drawn column boundary (a rule, a shaded cell's edge) between them always splits.
        const drawn = separators.some((sp) => sp.x >= f!.x1 - 1 && sp.x <= it.x0 + 1 && it.y >= sp.y0 - 2 && it.y - 0.5 * size <= sp.y1 + 2);
        const split: boolean = drawn || gap > COLUMN_GAP * size || (gap > WORD_GAP_AT_EDGE * size && (dy > BASELINE_STEP * size || isEdge(it.x0)) && !bullet);
        soft = !split && gap > SOFT_GAP * size && !bullet;
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
  return { page: raw.page, width: raw.width, height: raw.height, lines, rotated, bodyFont, chars, rules: raw.rules ?? [], boxes: raw.boxes ?? [], fontStyles: raw.fontStyles ?? [], ...(raw.refusedStreams ? { refusedStreams: raw.refusedStreams } : {}) };
}

export function makeLine(page: number, frags: Frag[]): Line {
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
function fragText(items: Item[]): string {
  let text = '';
  let prev: Item | null = null;
  for (const it of items) {
    if (prev) {
      const gap = it.x0 - prev.x1;
      const needSpace = (it.spaceBefore || gap > WORD_SPACE * Math.max(prev.size, it.size)) && !/\s$/.test(text) && !/^\s/.test(it.s);
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
