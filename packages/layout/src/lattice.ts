/**
 * Ruled tables (the "lattice" approach of Camelot and pdfplumber): a table the page draws is
 * read from its drawing, not guessed from its text. Horizontal and vertical rules (and the
 * edges of shaded cells) that touch form a grid; a cell is a box of the grid no rule crosses,
 * so a merged cell spans the rows and columns it covers, and text belongs to the cell whose box
 * holds it (a number centred beside a multi-line cell belongs to that row). Where a table draws
 * only its horizontal rules, its columns come from the gutters of its text.
 *
 * Nothing here knows what the table holds.
 */
import type { Frag, Line, PageLines } from './lines.js';
import { LABEL_ONLY } from './paragraphs.js';

/** Rules whose positions differ by less than this (pt) are one line of the grid. */
export const SNAP = 2;
/** Pieces of one rule with gaps up to this (pt) are one rule (word processors draw a border per cell). */
const JOIN_GAP = 1.5;
/** A boundary covers a band of the grid when it runs along at least this share of it. */
const COVER = 0.6;
/** A band between two rules with no text in it, taller than this many text lines, separates two tables. */
const EMPTY_BAND_LINES = 2;
/** Rules without vertical rules between them, further apart than this many lines, are not rows of one table. */
const MAX_ROW_LINES = 15;
/** A box around a single line of text, no taller than this many times its size, highlights that line: no cell. */
const HIGHLIGHT_LINES = 1.5;
/** Boxes over this share of the page are backgrounds, not cells. */
const BACKGROUND_SHARE = 0.5;
/** A text gutter in a table without vertical rules is at least this wide (pt). */
const MIN_GUTTER = 4;
/** Rows starting level in two columns or more inside one band, from which on a grid's bands are not its rows. */
const UNDRAWN_ROWS = 2;
/** A line this many line pitches below the one above it in its column starts a paragraph. */
const PARAGRAPH_STEP = 1.4;
/** A table's column boundary from its text may be crossed by this share of its lines (its spanning rows). */
const SPANNING_SHARE = 0.2;
/** Fragments starting within this (pt) of each other start at one left edge. */
const EDGE_TOLERANCE = 3;
/** A column's left edge is where at least this many fragments start. */
const ALIGNED_STARTS = 3;
/** The gutter before a column's left edge is sought at most this far (pt) left of it. */
const MAX_EDGE_GAP = 40;
/** A drawn box with no inner rules holding more than this many lines is a frame around a table, not a row of one. */
const FRAME_LINES = 4;
/** Text sticking out of a table's outline by up to this (pt) is still inside it. */
const INSIDE = 1.5;

/** A horizontal (`at` = y, from `a` to `b` in x) or vertical (`at` = x, `a`..`b` in y) rule. */
export interface Seg {
  at: number;
  a: number;
  b: number;
}

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The fragments inside the cell, top-down. */
  frags: { frag: Frag; line: Line }[];
}

export interface RuledGrid {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Column and row lines of the grid. */
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** The columns came from the text's gutters (the table draws no vertical rules). */
  textColumns: boolean;
  /** The rules it was read from, and its row lines before the text added any. */
  rules: { h: Seg[]; v: Seg[] };
  bands: number[];
}

/**
 * The boxes that are cells: not inside another box (shading drawn per line inside a shaded cell
 * is not a cell of its own), and not a highlight behind one line of text (a box hugging a
 * single line, no taller than HIGHLIGHT_LINES of it).
 */
function outerBoxes(p: PageLines, lines: Line[]): [number, number, number, number][] {
  const all: [number, number, number, number][] = [];
  for (let k = 0; k + 3 < p.boxes.length; k += 4) {
    const b: [number, number, number, number] = [p.boxes[k]!, p.boxes[k + 1]!, p.boxes[k + 2]!, p.boxes[k + 3]!];
    if ((b[2] - b[0]) * (b[3] - b[1]) > BACKGROUND_SHARE * p.width * p.height) continue;
    const within = lines.filter((l) => l.y - 0.3 * l.size >= b[1] && l.y - 0.3 * l.size <= b[3] && l.frags.some((f) => f.x0 < b[2] && f.x1 > b[0]));
    if (within.length === 1 && b[3] - b[1] < HIGHLIGHT_LINES * within[0]!.size) continue;
    all.push(b);
  }
  const inside = (a: number[], b: number[]) => a !== b && a[0]! >= b[0]! - 0.5 && a[1]! >= b[1]! - 0.5 && a[2]! <= b[2]! + 0.5 && a[3]! <= b[3]! + 0.5;
  return all.filter((a, i) => !all.some((b, j) => j !== i && inside(a, b) && !(inside(b, a) && j > i)));
}

/** Merge collinear pieces: rules on one line (within SNAP) whose pieces touch or nearly do. */
function mergeSegs(segs: Seg[]): Seg[] {
  segs.sort((s, t) => s.at - t.at || s.a - t.a);
  const lines: Seg[][] = [];
  for (const s of segs) {
    const line = lines.find((l) => Math.abs(l[0]!.at - s.at) <= SNAP);
    if (line) line.push(s);
    else lines.push([s]);
  }
  const out: Seg[] = [];
  for (const l of lines) {
    const at = l.reduce((sum, s) => sum + s.at, 0) / l.length;
    l.sort((s, t) => s.a - t.a);
    let cur: Seg | null = null;
    for (const s of l) {
      if (cur && s.a <= cur.b + JOIN_GAP) cur.b = Math.max(cur.b, s.b);
      else {
        if (cur) out.push(cur);
        cur = { at, a: s.a, b: s.b };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** The page's rules as horizontal and vertical segments, with the edges of its shaded boxes. */
function segments(p: PageLines, lines: Line[]): { h: Seg[]; v: Seg[] } {
  const h: Seg[] = [];
  const v: Seg[] = [];
  for (let k = 0; k + 3 < p.rules.length; k += 4) {
    const [x0, y0, x1, y1] = [p.rules[k]!, p.rules[k + 1]!, p.rules[k + 2]!, p.rules[k + 3]!];
    if (Math.abs(y1 - y0) <= 0.5) h.push({ at: (y0 + y1) / 2, a: x0, b: x1 });
    else if (Math.abs(x1 - x0) <= 0.5) v.push({ at: (x0 + x1) / 2, a: y0, b: y1 });
  }
  for (const [x0, y0, x1, y1] of outerBoxes(p, lines)) {
    h.push({ at: y0, a: x0, b: x1 }, { at: y1, a: x0, b: x1 });
    v.push({ at: x0, a: y0, b: y1 }, { at: x1, a: y0, b: y1 });
  }
  return { h: mergeSegs(h), v: mergeSegs(v) };
}

/** Groups of rules that form one table: rules that touch, or horizontal rules stacked over the same width. */
function components(h: Seg[], v: Seg[], maxRowHeight: number): { h: Seg[]; v: Seg[] }[] {
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (i: number, j: number) => (parent[find(i)] = find(j));
  h.forEach((hs, i) =>
    v.forEach((vs, j) => {
      if (vs.at >= hs.a - SNAP && vs.at <= hs.b + SNAP && hs.at >= vs.a - SNAP && hs.at <= vs.b + SNAP) join(i, h.length + j);
    }),
  );
  // Horizontal rules no vertical rule touches, over (nearly) the same width, one under the
  // other and not far apart: the rows of a table that draws no vertical rules. (Tables that
  // draw vertical rules hold together by them, so two such tables one under the other stay two.)
  const touched = new Set<number>();
  h.forEach((hs, i) => v.forEach((vs) => vs.at >= hs.a - SNAP && vs.at <= hs.b + SNAP && hs.at >= vs.a - SNAP && hs.at <= vs.b + SNAP && touched.add(i)));
  const free = h.map((s, i) => ({ s, i })).filter(({ i }) => !touched.has(i)).sort((a, b) => a.s.at - b.s.at);
  for (let k = 1; k < free.length; k++) {
    const a = free[k - 1]!.s;
    const b = free[k]!.s;
    const overlap = Math.min(a.b, b.b) - Math.max(a.a, b.a);
    if (overlap >= 0.9 * Math.max(a.b - a.a, b.b - b.a) && b.at - a.at <= maxRowHeight) join(free[k - 1]!.i, free[k]!.i);
  }
  const groups = new Map<number, { h: Seg[]; v: Seg[] }>();
  const group = (i: number) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((s, i) => group(i).h.push(s));
  v.forEach((s, j) => group(h.length + j).v.push(s));
  return [...groups.values()];
}

/** Distinct positions, within SNAP of each other merged. */
function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (!out.length || x - out[out.length - 1]! > SNAP) out.push(x);
  return out;
}

/** Whether a segment at `at` (within SNAP) runs along at least COVER of [lo, hi]. */
function covers(segs: Seg[], at: number, lo: number, hi: number): boolean {
  let run = 0;
  for (const s of segs) if (Math.abs(s.at - at) <= SNAP) run += Math.max(0, Math.min(s.b, hi) - Math.max(s.a, lo));
  return run >= COVER * (hi - lo);
}

/**
 * Column boundaries from the text's gutters. A column is where the text of many lines starts
 * at one x (its left edge) with (nearly) no line crossing the space left of it: up to
 * SPANNING_SHARE of the lines may (rows spanning the columns: a title row, outcome rows over
 * the criteria), and the boundary goes where the fewest do, nearest that edge. A gutter no line
 * crosses at all is a boundary whatever aligns after it (centred or right-aligned columns). A
 * gutter with nothing but labels left of it (list numbers hanging before their items) is no
 * column boundary.
 */
function textColumns(texts: { frag: Frag; line: Line }[], x0: number, x1: number): number[] {
  const lines = new Map<Line, Frag[]>();
  for (const t of texts) lines.set(t.line, [...(lines.get(t.line) ?? []), t.frag]);
  const w = Math.max(1, Math.ceil(x1 - x0));
  // Lines covering each point (pt) of the table's width.
  const cov = new Array<number>(w + 1).fill(0);
  for (const frags of lines.values()) {
    const mark = new Uint8Array(w + 1);
    for (const f of frags) for (let x = Math.max(0, Math.floor(f.x0 - x0)); x <= Math.min(w, Math.ceil(f.x1 - x0)); x++) mark[x] = 1;
    mark.forEach((m, x) => (cov[x]! += m));
  }
  const frags = texts.map((t) => t.frag);
  const limit = Math.floor(SPANNING_SHARE * lines.size);
  const candidates: number[] = [];
  // Gutters no line crosses.
  for (let x = 0; x <= w; x++) {
    if (cov[x]! > 0) continue;
    let end = x;
    while (end + 1 <= w && cov[end + 1] === 0) end++;
    if (x > 0 && end < w && end - x + 1 >= MIN_GUTTER) candidates.push(x0 + (x + end) / 2);
    x = end;
  }
  // Left edges shared by ALIGNED_STARTS fragments or more, and the least-crossed point left of each.
  const starts = frags.map((f) => f.x0).sort((a, b) => a - b);
  const edges: number[] = [];
  for (let k = 0; k < starts.length; ) {
    let j = k;
    while (j + 1 < starts.length && starts[j + 1]! - starts[k]! <= EDGE_TOLERANCE) j++;
    if (j - k + 1 >= ALIGNED_STARTS) edges.push(starts[k]!);
    k = j + 1;
  }
  for (const e of edges) {
    const hi = Math.floor(e - x0) - 1;
    if (hi < MIN_GUTTER) continue;
    let b = hi;
    for (let x = hi; x >= 0 && e - x0 - x <= MAX_EDGE_GAP; x--) if (cov[x]! < cov[b]!) b = x;
    if (cov[b]! > limit || cov[b]! === 0) continue; // (gutters no line crosses are found above)
    let a = b;
    while (a - 1 >= 0 && cov[a - 1] === cov[b]) a--;
    if (b - a + 1 >= MIN_GUTTER / 2) candidates.push(x0 + (a + b) / 2);
  }
  const out: number[] = [];
  let prev = x0;
  for (const at of distinct(candidates)) {
    const left = frags.filter((f) => (f.x0 + f.x1) / 2 > prev && (f.x0 + f.x1) / 2 < at);
    if (!left.length) continue;
    // Labels alone left of it, each on the line of the text it numbers: a list's hanging
    // numbers, not a column (codes in a column of their own sit level with any line of the
    // text beside them, often on a line of their own).
    const hanging = (f: Frag) => texts.some((t) => t.frag.y === f.y && t.frag.x0 > at && t.frag.x0 - at <= MAX_EDGE_GAP);
    if (left.every((f) => LABEL_ONLY.test(f.text.trim()) && hanging(f))) continue;
    out.push(at);
    prev = at;
  }
  return out;
}

/** The ruled grids on a page, each with its cells and the fragments inside them. */
export function ruledGrids(p: PageLines, lines: Line[]): RuledGrid[] {
  if (!p.rules.length && !p.boxes.length) return [];
  const { h, v } = segments(p, lines);
  const grids: RuledGrid[] = [];
  const size = medianSize(lines);
  for (const g of components(h, v, MAX_ROW_LINES * 1.5 * size)) {
    // Horizontal rules alone (rows ruled off, no column drawn) leave the table to its text's
    // gutters and rows (stream.ts), which read them with what the text shows.
    if (!g.v.length) continue;
    const hx = g.h.flatMap((s) => [s.a, s.b]);
    const vy = g.v.flatMap((s) => [s.a, s.b]);
    const x0 = Math.min(...hx, ...g.v.map((s) => s.at));
    const x1 = Math.max(...hx, ...g.v.map((s) => s.at));
    const y0 = Math.min(...vy, ...g.h.map((s) => s.at));
    const y1 = Math.max(...vy, ...g.h.map((s) => s.at));
    if (!(x1 - x0 > 3 * size && y1 - y0 > size)) continue;
    // Bands between rules with nothing in them and taller than a few lines part two tables.
    const ys = distinct([y0, y1, ...g.h.map((s) => s.at), ...g.v.flatMap((s) => [s.a, s.b])]);
    const inside = (f: Frag, top: number, bottom: number) => f.x0 + 0.5 * (f.x1 - f.x0) >= x0 - INSIDE && f.x0 + 0.5 * (f.x1 - f.x0) <= x1 + INSIDE && f.y - 0.3 * f.size >= top - INSIDE && f.y - 0.3 * f.size <= bottom + INSIDE;
    // The fragments within the outline, found once; each band takes its share of them.
    const within = lines.flatMap((l) => l.frags.filter((f) => inside(f, y0, y1)).map((frag) => ({ frag, line: l })));
    const frags = (top: number, bottom: number) => within.filter(({ frag: f }) => inside(f, top, bottom));
    // Two tables drawn one against the other (a label table, then an outcome table) share a
    // rule but no column boundary: the band above and the band below both have inner
    // boundaries, none in common. (A row spanning the columns has none: it stays in its table.)
    const inner = distinct(g.v.filter((s) => s.at > x0 + SNAP && s.at < x1 - SNAP).map((s) => s.at));
    const walls = (k: number) => inner.filter((x) => covers(g.v, x, ys[k]!, ys[k + 1]!));
    let from = 0;
    for (let k = 0; k + 1 < ys.length; k++) {
      const empty = ys[k + 1]! - ys[k]! > EMPTY_BAND_LINES * 1.5 * size && frags(ys[k]!, ys[k + 1]!).length === 0;
      if (!empty && k + 2 < ys.length) {
        const here = walls(k);
        const next = walls(k + 1);
        if (here.length && next.length && !here.some((x) => next.includes(x))) {
          const grid = buildGrid(g, x0, x1, ys.slice(from, k + 2), frags);
          if (grid) grids.push(grid);
          from = k + 1;
        }
        continue;
      }
      const last = empty ? k : k + 1;
      if (last > from) {
        const grid = buildGrid(g, x0, x1, ys.slice(from, last + 1), frags);
        if (grid) grids.push(grid);
      }
      from = k + 1;
    }
  }
  // Drawing inside a table's outline (shading inset in a cell) is the table's, not another table.
  const kept: RuledGrid[] = [];
  for (const g of grids.sort((a, b) => (b.x1 - b.x0) * (b.y1 - b.y0) - (a.x1 - a.x0) * (a.y1 - a.y0))) {
    if (kept.some((k) => g.x0 >= k.x0 - SNAP && g.x1 <= k.x1 + SNAP && g.y0 >= k.y0 - SNAP && g.y1 <= k.y1 + SNAP)) continue;
    kept.push(g);
  }
  kept.sort((a, b) => a.y0 - b.y0);
  return kept.map((g, k) => (g.ys.length === 2 && g.xs.length >= 3 ? extendByText(g, lines, kept[k + 1]?.y0 ?? Infinity, size) : g));
}

/** Lines under a drawn header row further apart than this many sizes are no longer its table's. */
const HEADER_TABLE_GAP = 2.5;

/**
 * A table whose drawing is its header row alone (shaded column heads, no rules under them):
 * the lines under it that keep to its outline are its rows, their columns those of the header.
 * A line whose text crosses a column line is a row spanning the columns; the lines between
 * such rows are one row, each column's text its cell.
 */
function extendByText(g: RuledGrid, lines: Line[], limit: number, size: number): RuledGrid {
  const below: Line[] = [];
  let last = g.y1;
  for (const l of lines) {
    if (l.y - 0.3 * l.size <= g.y1 || l.top >= limit) continue;
    if (l.top - last > HEADER_TABLE_GAP * size || l.size > 1.15 * size) break;
    if (l.frags.some((f) => f.x0 < g.x0 - size || f.x1 > g.x1 + size)) break;
    below.push(l);
    last = l.bottom;
  }
  if (!below.length) return g;
  const texts = [...g.cells.flatMap((c) => c.frags), ...below.flatMap((l) => l.frags.map((frag) => ({ frag, line: l })))];
  const ys = [g.y0, g.y1, ...spanningCuts(below.flatMap((l) => l.frags.map((frag) => ({ frag, line: l }))), [g.y1, Infinity], g.xs.slice(1, -1)).map((c) => c.y), below[below.length - 1]!.bottom + 1];
  const y1 = ys[ys.length - 1]!;
  const grid = buildGrid({ h: [], v: [] }, g.x0, g.x1, ys, () => texts, g.xs);
  return grid ? { ...grid, y1 } : g;
}

/**
 * Row lines the text gives inside the bands a table's rules leave (`ys`): a line whose text
 * crosses a column line (`inner`) starts a row spanning the columns; its paragraph goes on in
 * the lines under it that start at its left edge at the line pitch (not opening with a label),
 * and lines set within its height (labels centred beside it) are that row's too. A row line
 * falls between such a row and the lines around it.
 */
function spanningCuts(texts: { frag: Frag; line: Line }[], ys: number[], inner: number[]): TextRowLine[] {
  const byLine = new Map<Line, Frag[]>();
  for (const t of texts) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t.frag]);
  const lines = [...byLine.keys()].sort((a, b) => a.y - b.y);
  const fragsOf = (l: Line) => byLine.get(l)!;
  const crossingFrag = (l: Line) => fragsOf(l).find((f) => inner.some((x) => f.x0 < x - 1 && f.x1 > x + 1));
  // Spanning rows: their first line, their wrapped lines, and their height.
  const groups: { top: number; bottom: number }[] = [];
  const spanningText = new Set<Frag>();
  for (let k = 0; k < lines.length; k++) {
    const first = crossingFrag(lines[k]!);
    if (!first || groups.some((g) => lines[k]!.y - 0.3 * lines[k]!.size <= g.bottom)) continue;
    let last = lines[k]!;
    const g = { top: last.top, bottom: last.bottom };
    spanningText.add(first);
    for (let j = k + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.y - last.y > 1.5 * Math.max(l.size, last.size)) break;
      const wrap = fragsOf(l).find((f) => Math.abs(f.x0 - first.x0) <= 0.5 * l.size);
      const labelsOnly = fragsOf(l).every((f) => LABEL_ONLY.test(f.text.trim()) || /^&\s*\d{1,2}$/.test(f.text.trim()));
      if (wrap && !LABEL_ONLY.test(wrap.text.split(/\s+/)[0] ?? '')) {
        last = l;
        g.bottom = l.bottom;
        spanningText.add(wrap);
      } else if (!labelsOnly) break;
    }
    groups.push(g);
  }
  const groupOf = (l: Line) => groups.findIndex((g) => l.y - 0.3 * l.size >= g.top - 0.3 * l.size && l.y - 0.3 * l.size <= g.bottom + 0.3 * l.size);
  const band = (l: Line) => ys.findIndex((y, k) => k + 1 < ys.length && l.y - 0.3 * l.size >= y && l.y - 0.3 * l.size < ys[k + 1]!);
  const cuts: TextRowLine[] = [];
  for (let k = 1; k < lines.length; k++) {
    const [a, b] = [lines[k - 1]!, lines[k]!];
    if (band(a) !== band(b) || groupOf(a) === groupOf(b)) continue;
    // A column whose paragraph goes on across the row line (a cell merged down beside the
    // spanning row) is not parted there.
    const flows = (lo: number, hi: number) => {
      const inCol = (l: Line) => fragsOf(l).find((f) => (f.x0 + f.x1) / 2 > lo && (f.x0 + f.x1) / 2 < hi);
      const [fa, fb] = [inCol(a), inCol(b)];
      return (
        !!fa &&
        !!fb &&
        !spanningText.has(fa) &&
        !spanningText.has(fb) &&
        Math.abs(fa.x0 - fb.x0) <= 0.5 * b.size &&
        b.y - a.y <= 1.5 * Math.max(a.size, b.size) &&
        !LABEL_ONLY.test(fb.text.split(/\s+/)[0] ?? '')
      );
    };
    cuts.push({ y: (a.bottom + b.top) / 2, flows });
  }
  return cuts;
}

/** A row line the text gives, and whether a column's text goes on across it (`lo`..`hi` in x). */
interface TextRowLine {
  y: number;
  flows: (lo: number, hi: number) => boolean;
}

/**
 * The most rows any band of a grid holds beyond its first: heights where paragraphs start level
 * (within half a line) in two columns or more. A paragraph starts at a column's first line in
 * the band and after a step of PARAGRAPH_STEP line pitches.
 */
function undrawnRows(texts: { frag: Frag; line: Line }[], ys: number[], xs: number[]): number {
  let most = 0;
  for (let r = 0; r + 1 < ys.length; r++) {
    const inBand = texts.filter((t) => t.frag.y - 0.3 * t.frag.size >= ys[r]! && t.frag.y - 0.3 * t.frag.size < ys[r + 1]!);
    const starts: { y: number; size: number }[] = [];
    for (let c = 0; c + 1 < xs.length; c++) {
      const col = inBand.filter((t) => (t.frag.x0 + t.frag.x1) / 2 > xs[c]! && (t.frag.x0 + t.frag.x1) / 2 < xs[c + 1]!).map((t) => t.frag).sort((a, b) => a.y - b.y);
      const steps = col.slice(1).flatMap((f, k) => (f.y - col[k]!.y > 0.5 * f.size ? [f.y - col[k]!.y] : []));
      const pitch = steps.length ? [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)]! : Infinity;
      col.forEach((f, k) => {
        if (k > 0 && f.y - col[k - 1]!.y > 0.5 * f.size && f.y - col[k - 1]!.y > PARAGRAPH_STEP * pitch) starts.push({ y: f.y, size: f.size });
      });
    }
    // Heights where two or more columns start a paragraph.
    starts.sort((a, b) => a.y - b.y);
    let rows = 0;
    for (let k = 0; k < starts.length; ) {
      let j = k;
      while (j + 1 < starts.length && starts[j + 1]!.y - starts[k]!.y <= 0.5 * starts[k]!.size) j++;
      if (j > k) rows++;
      k = j + 1;
    }
    most = Math.max(most, rows);
  }
  return most;
}

function medianSize(lines: Line[]): number {
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  return sizes.length ? sizes[Math.floor(sizes.length / 2)]! : 10;
}

/** One table's grid from its rules: elementary boxes merged where no rule separates them. */
function buildGrid(
  g: { h: Seg[]; v: Seg[] },
  x0: number,
  x1: number,
  bands: number[],
  fragsIn: (top: number, bottom: number) => { frag: Frag; line: Line }[],
  /** Column lines known already (a drawn header row's), else found here. */
  columns: number[] | null = null,
  /** Columns of the same table on another page, to read this part's text by (its own too few to show them). */
  borrowed: number[] | null = null,
): RuledGrid | null {
  let ys = bands;
  const y0 = ys[0]!;
  const y1 = ys[ys.length - 1]!;
  const texts = fragsIn(y0, y1);
  if (!texts.length) return null;
  const inner = g.v.filter((s) => s.at > x0 + SNAP && s.at < x1 - SNAP && s.b > y0 + SNAP && s.a < y1 - SNAP);
  // Column lines: vertical rules and shaded cells' edges, and where horizontal rules stop short
  // inside the table (a rule under the criteria cells only, the merged outcome cell beside them).
  const stops = g.h.flatMap((s) => [s.a, s.b]).filter((x) => x > x0 + SNAP && x < x1 - SNAP);
  let xs: number[];
  let byText = false;
  /** Row lines the text gives (no rule drawn there). */
  const textRows = new Map<number, TextRowLine>();
  if (columns) xs = columns;
  else if (inner.length) xs = distinct([x0, x1, ...inner.map((s) => s.at), ...stops]);
  else {
    // No column drawn: the text's gutters give the columns (with where rules stop short).
    const drawn = distinct(stops);
    const own = borrowed ? borrowed.slice(1, -1) : textColumns(texts, x0, x1);
    const text = own.filter((x) => !drawn.some((d) => Math.abs(d - x) <= 3 * MIN_GUTTER));
    // A frame around a table with no rule inside it (its text shows columns): not the table's
    // drawing (its gutters and rows are read as for a table drawing nothing, stream.ts), unless
    // it is one row's. (A frame around text of one column stays a box.)
    if (!drawn.length && text.length && ys.length === 2 && new Set(texts.map((t) => t.line)).size > FRAME_LINES) return null;
    xs = distinct([x0, x1, ...drawn, ...text]);
    byText = text.length > 0;
    // Rows the rules do not part: a line crossing a column boundary is a row spanning the
    // columns, the lines between such rows are rows of their own.
    if (byText) {
      for (const cut of spanningCuts(texts, ys, xs.slice(1, -1))) textRows.set(cut.y, cut);
      ys = distinct([...ys, ...textRows.keys()]);
      // Rows neither drawn nor spanning (paragraphs starting level in two columns or more,
      // again and again, inside one band): the drawing is not the table's rows, which are read
      // as for a table drawing nothing.
      if (undrawnRows(texts, ys, xs) >= UNDRAWN_ROWS) return null;
    }
  }
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  // Is there a boundary between columns c-1 and c in band r? A vertical rule along it says so;
  // where the drawing says nothing (a table drawing only some of its column lines), the text
  // does: no line of it crosses there.
  const crosses = (x: number, r: number) => texts.some(({ frag: f }) => f.x0 < x - 1 && f.x1 > x + 1 && f.y - 0.3 * f.size >= ys[r]! && f.y - 0.3 * f.size <= ys[r + 1]!);
  const vWall = (r: number, c: number) => covers(g.v, xs[c]!, ys[r]!, ys[r + 1]!) || (!g.v.some((s) => Math.abs(s.at - xs[c]!) <= SNAP && s.b > ys[r]! + SNAP && s.a < ys[r + 1]! - SNAP) && !crosses(xs[c]!, r) && (byText || bandHasText(r)));
  const bandHasText = (r: number) => texts.some(({ frag: f }) => f.y - 0.3 * f.size >= ys[r]! && f.y - 0.3 * f.size <= ys[r + 1]!);
  // (Rows a drawn header's text was cut into: every row line is a boundary.)
  const hWall = (r: number, c: number) => !!columns || (textRows.has(ys[r]!) && !textRows.get(ys[r]!)!.flows(xs[c]!, xs[c + 1]!)) || covers(g.h, ys[r]!, xs[c]!, xs[c + 1]!);
  const id = (r: number, c: number) => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      if (c > 0 && !vWall(r, c)) parent[find(id(r, c))] = find(id(r, c - 1));
      if (r > 0 && !hWall(r, c)) parent[find(id(r, c))] = find(id(r - 1, c));
    }
  const sets = new Map<number, [number, number][]>();
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      const k = find(id(r, c));
      let s = sets.get(k);
      if (!s) sets.set(k, (s = []));
      s.push([r, c]);
    }
  const cells: GridCell[] = [];
  const cellOf = new Map<number, GridCell>();
  for (const members of sets.values()) {
    const rs = members.map((m) => m[0]);
    const cs = members.map((m) => m[1]);
    const [r0, r1, c0, c1] = [Math.min(...rs), Math.max(...rs), Math.min(...cs), Math.max(...cs)];
    // A merged region that is not a rectangle (rules drawn unevenly): its boxes stay apart.
    const parts = members.length === (r1 - r0 + 1) * (c1 - c0 + 1) ? [[r0, r1, c0, c1]] : members.map(([r, c]) => [r, r, c, c]);
    for (const [a, b, c, d] of parts as [number, number, number, number][]) {
      const cell: GridCell = { row: a, col: c, rowSpan: b - a + 1, colSpan: d - c + 1, x0: xs[c]!, y0: ys[a]!, x1: xs[d + 1]!, y1: ys[b + 1]!, frags: [] };
      cells.push(cell);
      for (let r = a; r <= b; r++) for (let k = c; k <= d; k++) cellOf.set(id(r, k), cell);
    }
  }
  // Text into the cell whose box holds its middle.
  for (const t of texts) {
    const mx = t.frag.x0 + 0.5 * (t.frag.x1 - t.frag.x0);
    const my = t.frag.y - 0.3 * t.frag.size;
    let c = xs.findIndex((x, k) => k < nc && mx >= x - INSIDE && mx <= xs[k + 1]! + INSIDE && (k === nc - 1 || mx < xs[k + 1]!));
    let r = ys.findIndex((y, k) => k < nr && my >= y - INSIDE && my <= ys[k + 1]! + INSIDE && (k === nr - 1 || my < ys[k + 1]!));
    if (c < 0) c = mx < xs[0]! ? 0 : nc - 1;
    if (r < 0) r = my < ys[0]! ? 0 : nr - 1;
    cellOf.get(id(r, c))!.frags.push(t);
  }
  for (const cell of cells) cell.frags.sort((a, b) => a.frag.y - b.frag.y || a.frag.x0 - b.frag.x0);
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { x0, y0, x1, y1, xs, ys, cells, textColumns: byText, rules: g, bands };
}

/**
 * A part of a table whose own text is too little to show its columns (a few rows at a page's
 * foot), read again by the columns the rest of the table shows on the next page; null when
 * that reading is no grid.
 */
export function withColumns(g: RuledGrid, xs: number[]): RuledGrid | null {
  const texts = g.cells.flatMap((c) => c.frags);
  return buildGrid(g.rules, g.x0, g.x1, g.bands, () => texts, null, xs);
}
