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
export const BULLET_ONLY = /^[\u2022\u25CF\u25AA\u25E6\u00B7\uF0B7\uF0A7\uF076\uF0D8\u2023\u2043\u25A0\u25A1\u25BA\u27A2\u2013\u2014*o-]$/;

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
