/**
 * Tables without drawn rules (the "stream" approach): runs of lines that sit beside other text
 * in separate x-ranges give the column gutters; neighbouring lines that fit the columns join
 * the table; a table ending at a page foot continues on the next page when the next page's
 * first lines fit its columns. Rows are cut where the anchor column's paragraphs start (or at
 * the widest free gap between them, for vertically centred merged cells); columns whose
 * paragraphs pair up top-aligned give one row per pair.
 */
import type { Frag, Line } from './lines.js';
import { LABEL_ONLY, paragraphsOf, type Para, type PLine } from './paragraphs.js';

// Tables

export interface Span {
  x0: number;
  x1: number;
}

export interface Region {
  lines: Line[];
  spans: Span[];
  /** Starts with lines that continue the previous page's table. */
  continued: boolean;
  /** Its table goes on at the top of the next page. */
  continues?: boolean;
  /** Rows whose cell spans several columns (`Learning outcome 1: …` across the table). */
  spanning?: Set<Line>;
}

export function mergeSpans(spans: Span[], add: Array<{ x0: number; x1: number }>): Span[] {
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
export function columnOf(f: { x0: number; x1: number }, spans: Span[], slack = 1.5): number {
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
export function startsIn(l: Line, spans: Span[], slack = 3): boolean {
  return l.frags.every((f) => spans.some((s) => f.x0 >= s.x0 - slack && f.x0 <= s.x1));
}

export function fits(l: Line, spans: Span[], slack = 1.5): boolean {
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
export function findRegions(lines: Line[], carry: Span[] | null, carrySize = 0): Region[] {
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

export const lineKey = (l: Line) => l.frags.map((f) => f.text).join('\t');

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

/** A bare number, or one after a short code (`1`, `1.1`, `2.`, `AC2.3`, `LO 2`): an enumerator set apart. */
export const NUMBER_ONLY = /^[A-Z]{0,3}\s?\d{1,2}(?:\.\d{1,2})?[.)]?$/i;

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

export interface TRow {
  cells: Para[][];
  /** Spans of the cells (ruled tables); one column and one row each when absent. */
  spans?: { colSpan: number; rowSpan: number }[];
  /** Grid column each cell starts in, and its right edge (ruled tables). */
  cols?: number[];
  rights?: number[];
  page: number;
  no: number;
  header: boolean;
  /** The row continues the previous page's last row. */
  continuation: boolean;
}

export interface TTable {
  rows: TRow[];
  /** Ruled tables: per grid column, the row and cell covering the table's last row. */
  bottom?: ({ row: number; cell: number } | null)[];
  spans: Span[];
  page: number;
  no: number;
  /** Right text edge per column. */
  rights: number[];
}

/** A region's column paragraphs, computed once. */
export interface RegionCols {
  cols: Para[][];
  rights: number[];
  anchorCol: number;
  /** Anchors level with a paragraph start in another column. */
  aligned: number;
}

export function regionColumns(r: Region, pitch: number): RegionCols {
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
        last.pl.fonts!.push(f.font);
        last.pl.x1 = Math.max(last.pl.x1, f.x1);
        continue;
      }
      const pl: PLine = { text: f.text, x0: f.x0, x1: f.x1, y: f.y, top: f.y - 0.8 * f.size, bottom: f.y + 0.25 * f.size, size: f.size, font: f.font, fonts: [f.font], page: l.page, no: l.no };
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
  // Rows follow the leftmost column (for a continued table, its first column, even when empty
  // here), unless a column of labels right of it has more paragraphs: the numbers set one per
  // row beside a cell merged down the rows (`1. Understand …` over 1.1, 1.2, 1.3).
  const first = r.continued ? 0 : Math.max(0, cols.findIndex((ps) => ps.length > 0));
  // (Its first paragraph may be its header, `AC`.)
  const labels = cols.findIndex((ps, c) => c > first && ps.length >= 3 && ps.length > cols[first]!.length && ps.slice(1).every((p) => LABEL_ONLY.test(p.text.trim())));
  const anchorCol = labels >= 0 ? labels : first;
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
export function regionRows(r: Region, rc: RegionCols, bodyFont: number, align: CellAlign): TRow[] {
  const { cols, anchorCol } = rc;
  const ncol = cols.length;
  const all = cols.flatMap((ps, c) => ps.map((p) => ({ p, c })));
  const size = r.lines[0]!.size;
  const anchors = cols[anchorCol] ?? [];
  const regionTop = r.lines.reduce((m, l) => Math.min(m, l.top), Infinity) - 1;

  // Free vertical gaps between paragraphs (any column but a cell merged down the rows: a column
  // left of the anchor with fewer paragraphs than it).
  const merged = (c: number) => c < anchorCol && cols[c]!.length < anchors.length;
  const rowParas = all.filter(({ c }) => !merged(c));
  const blocked = rowParas.map(({ p }) => [p.top, p.bottom] as [number, number]).sort((a, b) => a[0] - b[0]);
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
  let bottom = rowParas.reduce((m, { p }) => Math.max(m, p.bottom), -Infinity);
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
    const above = rowParas.some(({ p }) => p.top < a.top - 0.3 * a.size && p.bottom > lo);
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
  for (let c = 0; c < ncol; c++) if (merged(c) && cols[c]!.length) placeMergedCells(bands, c, align);
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

/**
 * The paragraphs of a column merged down the rows (one cell over several rows, its text centred
 * or at the top) move to the first row of the rows they cover: the rows are shared out in order,
 * each cell's text standing where its rows' middle (or top) is.
 */
function placeMergedCells(bands: Para[][][], c: number, align: CellAlign) {
  const paras = bands.flatMap((b) => b[c]!).sort((a, b) => a.top - b.top);
  // The rows: bands with text in another column, with their extent.
  const rows = bands
    .map((b, bi) => ({ bi, ps: b.filter((_, k) => k !== c).flat() }))
    .filter((r) => r.ps.length)
    .map((r) => ({ bi: r.bi, top: Math.min(...r.ps.map((p) => p.top)), bottom: Math.max(...r.ps.map((p) => p.bottom)) }));
  const n = paras.length;
  const R = rows.length;
  if (!n || R < n) return;
  const at = (p: Para) => (align === 'top' ? p.top : (p.top + p.bottom) / 2);
  const cost = (i: number, from: number, to: number) => Math.abs(at(paras[i]!) - (align === 'top' ? rows[from]!.top : (rows[from]!.top + rows[to - 1]!.bottom) / 2));
  // best[i][r]: least cost of the first i cells over the first r rows.
  const best = Array.from({ length: n + 1 }, () => new Array<number>(R + 1).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => new Array<number>(R + 1).fill(-1));
  best[0]![0] = 0;
  for (let i = 1; i <= n; i++)
    for (let r = i; r <= R - (n - i); r++)
      for (let q = i - 1; q < r; q++) {
        const v = best[i - 1]![q]! + cost(i - 1, q, r);
        if (v < best[i]![r]!) (best[i]![r] = v), (from[i]![r] = q);
      }
  if (!Number.isFinite(best[n]![R]!)) return;
  const starts: number[] = new Array(n);
  for (let i = n, r = R; i > 0; i--) (starts[i - 1] = from[i]![r]!), (r = from[i]![r]!);
  for (const b of bands) b[c] = [];
  paras.forEach((p, i) => bands[rows[starts[i]!]!.bi]![c]!.push(p));
}

export function nearestColumn(f: { x0: number }, spans: Span[]): number {
  let best = 0;
  for (let c = 0; c < spans.length; c++) if (f.x0 >= spans[c]!.x0 - 3) best = c;
  return best;
}
