/**
 * Assembly: every page's lines into the block stream. Furniture is dropped, tables are found
 * (ruled ones from their drawn grid, the rest from their gutters), everything else becomes
 * paragraphs (larger type marked as headings), and tables broken over pages are joined.
 */
import { collapse, type AdapterNote, type Block, type Cell, type Paragraph, type Row, type Table } from '@qualspec/blocks';
import { markFurniture } from './furniture.js';
import { ruledGrids, withColumns, type GridCell, type RuledGrid } from './lattice.js';
import { makeLine, settleSoftSplits, type Frag, type Line, type PageLines } from './lines.js';
import type { FontStyle } from './raw.js';
import { GOES_ON, LABEL_ONLY, attachLabels, centredLines, LINE_END_HYPHEN, joinText, paragraphsOf, settleHyphens, startsItem, type Para, type PLine } from './paragraphs.js';
import { NUMBER_ONLY, findRegions, fits, lineKey, regionColumns, regionRows, startsIn, type CellAlign, type Region, type RegionCols, type Span, type TRow, type TTable } from './stream.js';

// Assembly

export interface LayoutResult {
  blocks: Block[];
  notes: AdapterNote[];
}

type Out = { kind: 'para'; para: Para; heading: number } | { kind: 'table'; table: TTable };

/** Turn every page's lines into the block stream. */
export function layout(pages: PageLines[]): LayoutResult {
  const notes: AdapterNote[] = [];
  /** What the layout decided, reported as notes: tables by how they were read, tables joined over pages. */
  const decided = { ruled: 0, unruled: 0, continued: 0 };
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
    /** Ruled tables, from the page's drawing; their text is not in `lines`. */
    grids: RuledGrid[];
  }
  const work: PageWork[] = [];
  let carry: Span[] | null = null;
  let carrySize = 0;
  const headerKeys = new Set<string>();
  let anchors = 0;
  let aligned = 0;
  const marginVotes = new Map<number, number>();
  for (const p of pages) {
    // Ruled tables first: their cells come from the drawing, their text leaves the flow.
    const grids = ruledGrids(p, p.lines.filter((l) => !l.furniture));
    const lines = withoutGridText(p.lines.filter((l) => !l.furniture), grids);
    if (grids.length) carry = null;
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
    work.push({ p, lines, regions, cols, grids });
  }
  // A ruled table's part at a page's foot too short to show its columns (a title, a header and
  // a row) is read again by the columns its part at the next page's top shows.
  for (let k = 0; k + 1 < work.length; k++) {
    const [a, b] = [work[k]!, work[k + 1]!];
    const g = a.grids[a.grids.length - 1];
    const h = b.grids[0];
    if (!g || !h || g.xs.length >= h.xs.length || !sharedColumns(g.xs, h.xs)) continue;
    if (a.lines.some((l) => l.top > g.y1) || b.lines.some((l) => l.bottom < h.y0)) continue;
    const again = withColumns(g, h.xs);
    if (again) a.grids[a.grids.length - 1] = again;
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
  /** The ruled table that ended the previous page, with its columns and header row. */
  let openGrid: { table: TTable; xs: number[]; heads: string[] } | null = null;
  for (const { p, lines, regions, cols, grids } of work) {
    const pendingGrids = [...grids];
    let emitted = 0;
    /** Emit the ruled tables above `y` (all of them when y is Infinity). */
    const flushGrids = (y: number) => {
      while (pendingGrids.length && pendingGrids[0]!.y0 < y) {
        const g = pendingGrids.shift()!;
        const first = emitted === 0;
        emitted++;
        if (g.xs.length <= 2) {
          // A box around text (one column) is no table: its paragraphs, cell by cell.
          for (const cell of g.cells) for (const para of cellParagraphs(cell, pitch)) out.push({ kind: 'para', para, heading: headingLevel(para.size) });
          openGrid = null;
          continue;
        }
        // The table goes on from the previous page when its frame is that table's and one
        // page's column lines are among the other's (a page whose rows leave a column line
        // undrawn or unevidenced reads fewer columns): both are read on the finer lines.
        const xs = first && openGrid ? sharedColumns(openGrid.xs, g.xs) : null;
        if (xs && openGrid && xs.length > openGrid.xs.length) {
          refineTable(openGrid.table, openGrid.xs, xs);
          openGrid.xs = xs;
        }
        const rows = gridRows(xs && xs.length > g.xs.length ? refineGrid(g, xs) : g, p, pitch);
        if (xs && openGrid) {
          // The first rows it repeats there (its header rows, however many) are dropped.
          for (const head of openGrid.heads) {
            if (!rows[0] || rowKey(rows[0]) !== head) break;
            rows.shift();
          }
          appendRows(openGrid.table, rows, openGrid.xs.length - 1);
          decided.continued++;
        } else {
          const t: TTable = { rows, spans: [], page: p.page, no: rows[0]?.no ?? 0, rights: [] };
          out.push({ kind: 'table', table: t });
          // A table going on over a page repeats its first rows there, header or not.
          openGrid = { table: t, xs: g.xs, heads: rows.slice(0, MAX_REPEATED_ROWS).map(rowKey) };
          decided.ruled++;
        }
      }
    };
    const regionOf = new Map<Line, Region>();
    for (const r of regions) for (const l of r.lines) regionOf.set(l, r);

    let bodyRun: Line[] = [];
    const flushBody = () => {
      if (!bodyRun.length) return;
      const plines: PLine[] = bodyRun.map((l) => ({
        text: l.frags.map((f) => f.text).join(' '),
        hang: hangingIndent(l.frags, l.size),
        x0: l.x0,
        x1: l.x1,
        y: l.y,
        top: l.top,
        bottom: l.bottom,
        size: l.size,
        font: l.frags[0]!.font,
        fonts: l.frags.map((f) => f.font),
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
      if (pendingGrids.length && pendingGrids[0]!.y0 < l.top) {
        flushBody();
        flushGrids(l.top);
        lastWasTable = false;
      }
      emitted++;
      openGrid = null;
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
        decided.continued++;
      } else {
        const t: TTable = { rows, spans: r.spans, page: p.page, no: r.lines[0]!.no, rights: rc.rights };
        decided.unruled++;
        out.push({ kind: 'table', table: t });
        open = t;
      }
      open!.spans = r.spans;
      lastWasTable = true;
      i += r.lines.length - 1;
    }
    flushBody();
    if (pendingGrids.length) {
      flushGrids(Infinity);
      lastWasTable = false;
    }
    if (!lastWasTable) open = null;
    for (const f of p.rotated) out.push({ kind: 'para', para: { lines: [], text: f.text, depth: 0, top: f.y, bottom: f.y, page: p.page, no: 0, size: f.size }, heading: 0 });
  }

  // Emit blocks with page breaks.
  const blocks: Block[] = [];
  let page = 1;
  const stylesOf = new Map(pages.map((p) => [p.page, p.fontStyles]));
  // Words the document prints whole on a line (hyphenated compounds as printed), to settle the
  // hyphens that ended lines.
  let known: Set<string> | null = null;
  const words = () => {
    if (known) return known;
    known = new Set<string>();
    for (const p of pages) for (const l of p.lines) for (const f of l.frags) for (const w of f.text.toLowerCase().split(/[^\p{L}-]+/u)) if (w) known.add(w);
    return known;
  };
  const toPara = (q: Para, heading = 0): Paragraph => {
    const b: Paragraph = { type: 'paragraph', text: collapse(q.text.includes(LINE_END_HYPHEN) ? settleHyphens(q.text, words()) : q.text), place: { page: q.page, line: q.no || null } };
    if (q.depth) b.depth = q.depth;
    if (heading) b.heading = heading;
    const emphasis = emphasisOf(q, stylesOf.get(q.page) ?? []);
    if (emphasis) b.emphasis = emphasis;
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
          cells: r.cells.map((ps, k): Cell => ({ blocks: ps.map((q) => toPara(q)).filter((b) => b.text), colSpan: r.spans?.[k]?.colSpan ?? 1, rowSpan: r.spans?.[k]?.rowSpan ?? 1 })),
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
  notes.push(...layoutNotes(pages, decided));
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

/** The page's lines without the fragments the ruled tables took. */
function withoutGridText(lines: Line[], grids: RuledGrid[]): Line[] {
  if (!grids.length) return lines;
  const taken = new Set<Frag>(grids.flatMap((g) => g.cells.flatMap((c) => c.frags.map((t) => t.frag))));
  const out: Line[] = [];
  for (const l of lines) {
    if (!l.frags.some((f) => taken.has(f))) {
      out.push(l);
      continue;
    }
    const rest = l.frags.filter((f) => !taken.has(f));
    if (!rest.length) continue;
    const kept = makeLine(l.page, rest);
    kept.no = l.no;
    out.push(kept);
  }
  return out;
}

/** A cell's text as paragraphs: its fragments line by line, then paragraphs as in a column. */
export function cellParagraphs(cell: GridCell, pitch: number): Para[] {
  const byLine = new Map<Line, Frag[]>();
  for (const { frag, line } of cell.frags) {
    let fs = byLine.get(line);
    if (!fs) byLine.set(line, (fs = []));
    fs.push(frag);
  }
  const toPLine = (line: Line, fs: Frag[]): PLine => {
    const size = Math.max(...fs.map((f) => f.size));
    const y = fs.reduce((m, f) => (f.size >= m.size ? f : m)).y;
    return {
      text: fs.map((f) => f.text).join(' '),
      hang: hangingIndent(fs, size),
      x0: fs[0]!.x0,
      x1: fs[fs.length - 1]!.x1,
      y,
      top: y - 0.8 * size,
      bottom: y + 0.25 * size,
      size,
      font: fs[0]!.font,
      fonts: fs.map((f) => f.font),
      page: line.page,
      no: line.no,
    };
  };
  const entries = [...byLine].map(([line, fs]) => {
    fs.sort((a, b) => a.x0 - b.x0);
    return { line, fs };
  });
  const plines = entries.map(({ line, fs }) => toPLine(line, fs)).sort((a, b) => a.y - b.y || a.x0 - b.x0);
  if (!plines.length) return [];
  const wrapAt = (lines: PLine[]) => {
    // Text wraps at the cell's inner edge: its right side less the padding its left side shows.
    const left = Math.min(...lines.map((l) => l.x0));
    return { left, right: Math.max(Math.max(...lines.map((l) => l.x1)), cell.x1 - Math.max(0, Math.min(...plines.map((l) => l.x0)) - cell.x0)) };
  };
  const plain = () => {
    const { left, right } = wrapAt(plines);
    return paragraphsOf(plines, right, left, pitch, undefined, { wrapKnown: true, centred: centredLines(plines) });
  };
  // Labels set apart left of the cell's text (a code centred beside it, or hanging before its
  // first line): the text is paragraphed alone, then each label joins the paragraph it is level with.
  const labels: { text: string; top: number; bottom: number }[] = [];
  const body: PLine[] = [];
  const split = entries.map(({ line, fs }) => {
    const f = fs[0]!;
    const apart = fs.length === 1 || fs[1]!.x0 - f.x1 > LABEL_GAP * f.size;
    return LABEL_ONLY.test(f.text.trim()) && apart ? { label: f, line, rest: fs.slice(1) } : { label: null, line, rest: fs };
  });
  const textLeft = Math.min(...split.filter((e) => e.rest.length).map((e) => e.rest[0]!.x0));
  // Labels hanging before their items' first lines (the cell's first line carries one), or
  // centred beside their paragraphs (then no line is a paragraph's start for it).
  const top = split.reduce((m, e) => (e.line.y < m.line.y ? e : m));
  const hanging = !!top.label && top.rest.length > 0;
  for (const e of split) {
    const apart = !!e.label && e.label.x1 < textLeft - 0.5 * e.label.size;
    if (apart) labels.push({ text: e.label!.text.trim(), top: e.label!.y - 0.8 * e.label!.size, bottom: e.label!.y + 0.25 * e.label!.size });
    else if (e.label) e.rest = [e.label, ...e.rest];
    if (!e.rest.length) continue;
    const pl = toPLine(e.line, e.rest);
    // Text on a label's own baseline (a number hanging before its item) starts a paragraph.
    if (apart && hanging) pl.start = true;
    body.push(pl);
  }
  if (!labels.length || !body.length) return plain();
  body.sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const { left, right } = wrapAt(body);
  const paras = paragraphsOf(body, right, left, pitch, undefined, { wrapKnown: true, centred: centredLines(body) });
  return attachLabels(labels, paras) ? paras : plain();
}

/** The commonest baseline step between the lines of one cell, over the table's cells; null without two. */
function gridPitch(g: RuledGrid): number | null {
  const votes = new Map<number, number>();
  for (const c of g.cells) {
    const ys = [...new Set(c.frags.map((t) => t.line))].map((l) => l.y).sort((a, b) => a - b);
    for (let k = 1; k < ys.length; k++) {
      const dy = Math.round((ys[k]! - ys[k - 1]!) * 2) / 2;
      if (dy > 0) votes.set(dy, (votes.get(dy) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let n = 0;
  for (const [dy, v] of votes) if (v > n || (v === n && best != null && dy < best)) (n = v), (best = dy);
  return n >= 2 ? best : null;
}

/** The layout's decisions as info notes (page furniture dropped; tables read from drawn rules or from gutters, and joined over page breaks). */
function layoutNotes(pages: PageLines[], decided: { ruled: number; unruled: number; continued: number }): AdapterNote[] {
  const out: AdapterNote[] = [];
  const furniture = pages.map((p) => p.lines.filter((l) => l.furniture).length);
  const lines = furniture.reduce((a, b) => a + b, 0);
  if (lines) {
    const on = furniture.filter(Boolean).length;
    out.push({ severity: 'info', code: 'layout-furniture', message: `${lines} line${lines === 1 ? '' : 's'} of page furniture (running headers, footers, page numbers) left out, on ${on} of ${pages.length} page${pages.length === 1 ? '' : 's'}`, place: null });
  }
  const tables = decided.ruled + decided.unruled;
  if (tables) {
    const how = [decided.ruled && `${decided.ruled} from their drawn rules`, decided.unruled && `${decided.unruled} from their text's gutters`].filter(Boolean).join(', ');
    const joined = decided.continued ? `; ${decided.continued} page break${decided.continued === 1 ? '' : 's'} inside a table joined` : '';
    out.push({ severity: 'info', code: 'layout-tables', message: `${tables} table${tables === 1 ? '' : 's'} read: ${how}${joined}`, place: null });
  }
  return out;
}

/** A table going on over a page repeats at most this many of its first rows there. */
const MAX_REPEATED_ROWS = 3;

/** A label is set apart from the text after it on its line by a gap of at least this many sizes. */
const LABEL_GAP = 0.8;

/** A ruled table's rows: the cells starting in each row of its grid, with their spans. */
function gridRows(g: RuledGrid, p: PageLines, docPitch: number): TRow[] {
  const rows: TRow[] = [];
  // The table's own line pitch (its cells may be set tighter than the body text): the commonest
  // step between lines of one cell.
  const pitch = gridPitch(g) ?? docPitch;
  const nr = g.ys.length - 1;
  for (let r = 0; r < nr; r++) {
    const cells = g.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
    const paras = cells.map((c) => cellParagraphs(c, pitch));
    // A cell of labels alone (codes in a narrow column of their own) beside the cell they label:
    // each label joins the paragraph it is level with.
    for (let k = 0; k + 1 < cells.length; k++) {
      const ps = paras[k]!;
      const next = paras[k + 1]!;
      if (!ps.length || ps.length !== next.length || cells[k + 1]!.col !== cells[k]!.col + cells[k]!.colSpan) continue;
      // Labels in a narrow column beside text (not a column of numbers beside another).
      if (!ps.every((q) => LABEL_ONLY.test(q.text.trim())) || !next.every((q) => q.text.split(/\s+/).length >= 3)) continue;
      if (cells[k]!.x1 - cells[k]!.x0 > 0.6 * (cells[k + 1]!.x1 - cells[k + 1]!.x0)) continue;
      if (attachLabels(ps.map((q) => ({ text: q.text.trim(), top: q.top, bottom: q.bottom })), next)) paras[k] = [];
    }
    const first = cells.flatMap((c) => c.frags).reduce<GridCell['frags'][number] | undefined>((m, t) => (!m || t.line.no < m.line.no ? t : m), undefined);
    rows.push({
      cells: paras,
      spans: cells.map((c) => ({ colSpan: c.colSpan, rowSpan: c.rowSpan })),
      cols: cells.map((c) => c.col),
      // Where each cell's text wraps: its right side less the padding its left side shows.
      rights: cells.map((c) => c.x1 - Math.max(0, Math.min(...c.frags.map((t) => t.frag.x0), c.x1) - c.x0)),
      page: p.page,
      no: first?.line.no ?? 0,
      header: false,
      continuation: false,
    });
  }
  // Header row: the first row, its cells short and all in another font than the body's.
  const h = rows[0];
  if (h) {
    const filled = h.cells.filter((c) => c.length > 0);
    const cellsOf = g.cells.filter((c) => c.row === 0);
    const short = (c: Para[]) => c.length <= 3 && c.reduce((n, q) => n + q.lines.length, 0) <= 4 && c.reduce((n, q) => n + q.text.length, 0) <= 80;
    if (filled.length >= 2 && filled.every(short) && cellsOf.every((c) => c.frags.every((t) => t.frag.font !== p.bodyFont))) h.header = true;
  }
  return rows.filter((r) => r.cells.length > 0);
}

/** A row's text, cell by cell (empty cells left out: two pages may read different columns). */
const rowKey = (r: TRow) =>
  r.cells
    .map((c) => c.map((q) => q.text).join(' '))
    .filter(Boolean)
    .join('\t');

/** An enumerator this far (sizes) from its text is set apart (a tab, not a word space). */
const SET_APART = 0.8;

/**
 * Where a line's text starts after an enumerator set apart from it (`1.1⇥Describe…`): the
 * hanging indent its wrapped lines keep. None after an enumerator a word space from its text.
 */
function hangingIndent(frags: { text: string; x0: number; x1: number }[], size: number): number | undefined {
  if (frags.length < 2 || !NUMBER_ONLY.test(frags[0]!.text.trim())) return undefined;
  return frags[1]!.x0 - frags[0]!.x1 > SET_APART * size ? frags[1]!.x0 : undefined;
}

/** Column lines this close (pt) are one line drawn on two pages. */
const SAME_LINE = 3;

const nearest = (xs: number[], x: number) => xs.reduce((best, v, k) => (Math.abs(v - x) < Math.abs(xs[best]! - x) ? k : best), 0);

/**
 * The column lines two pages of one ruled table share: the finer page's, when the frame is the
 * same and every line of the coarser is among them; null when the grids are not one table's.
 */
function sharedColumns(a: number[], b: number[]): number[] | null {
  const [coarse, fine] = a.length <= b.length ? [a, b] : [b, a];
  if (Math.abs(coarse[0]! - fine[0]!) > SAME_LINE || Math.abs(coarse[coarse.length - 1]! - fine[fine.length - 1]!) > SAME_LINE) return null;
  return coarse.every((x) => fine.some((v) => Math.abs(v - x) <= SAME_LINE)) ? fine : null;
}

/** A grid's cells on finer column lines (a cell between two of its lines spans the lines between). */
function refineGrid(g: RuledGrid, xs: number[]): RuledGrid {
  const cells = g.cells.map((c) => {
    const col = nearest(xs, g.xs[c.col]!);
    return { ...c, col, colSpan: Math.max(1, nearest(xs, g.xs[c.col + c.colSpan]!) - col) };
  });
  return { ...g, xs, cells };
}

/** A table's rows, read on one page's column lines, moved onto finer lines. */
function refineTable(t: TTable, from: number[], xs: number[]) {
  const map = from.map((x) => nearest(xs, x));
  for (const r of t.rows) {
    if (!r.cols) continue;
    r.cols.forEach((c, k) => {
      const span = r.spans?.[k];
      if (span) span.colSpan = Math.max(1, map[c + span.colSpan]! - map[c]!);
      r.cols![k] = map[c]!;
    });
  }
  t.bottom = bottomCells(t.rows, xs.length - 1);
}

/** Per grid column, the row and cell that covers the last row of a ruled table's rows. */
function bottomCells(rows: TRow[], columns: number): ({ row: number; cell: number } | null)[] {
  const out: ({ row: number; cell: number } | null)[] = new Array(columns).fill(null);
  const until: number[] = new Array(columns).fill(-1);
  rows.forEach((r, ri) =>
    r.cells.forEach((_, k) => {
      const col = r.cols?.[k] ?? k;
      const span = r.spans?.[k] ?? { colSpan: 1, rowSpan: 1 };
      for (let c = col; c < Math.min(columns, col + span.colSpan); c++) {
        out[c] = { row: ri, cell: k };
        until[c] = ri + span.rowSpan - 1;
      }
    }),
  );
  // A column whose covering cell ends above the last row has nothing at the bottom.
  return out.map((b, c) => (b && until[c]! >= rows.length - 1 ? b : null));
}

/**
 * A ruled table's rows from its next page appended. A cell of the first row whose text plainly
 * goes on from the cell above it (a cell broken by the page: a merged outcome cell, or a whole
 * row) joins that cell, which then also spans the rows it covers here; the rest stay a row of
 * their own. (Only a plain continuation counts: a lower-case start, or a line above ending on a
 * connecting word. A capitalised cell after a short one is a row of its own.)
 */
function appendRows(t: TTable, rows: TRow[], columns: number) {
  const bottom = t.bottom ?? bottomCells(t.rows, columns);
  const head = rows[0];
  const last = t.rows[t.rows.length - 1];
  if (head && head.cols && last) {
    const joins = head.cells.map((ps, k) => {
      const b = bottom[head.cols![k]!];
      const above = b ? t.rows[b.row]!.cells[b.cell] : undefined;
      const tail = above?.[above.length - 1];
      // An empty cell under a cell with text is that cell going on (a merged cell split by the
      // page); not under a header row, whose cells end where they are.
      if (!ps.length) return b && tail && !t.rows[b.row]!.header ? b : null;
      return b && tail && goesOnBelow(tail, ps[0]!) ? b : null;
    });
    // The last row itself broken by the page: a cell of it goes on here (or is empty here under
    // its text), so every cell of this first row goes on with the cell above it.
    const lastRow = t.rows.length - 1;
    const broken = joins.some((b) => b && b.row === lastRow && (t.rows[b.row]!.spans?.[b.cell]?.rowSpan ?? 1) === 1);
    const whole = broken || joins.every((b, k) => b || !head.cells[k]!.length);
    if (joins.some(Boolean) && (broken || head.cells.some((ps) => ps.length))) {
      head.cells.forEach((ps, k) => {
        const b = joins[k] ?? (broken ? bottom[head.cols![k]!] : null);
        if (!b) return;
        const aboveRow = t.rows[b.row]!;
        const above = aboveRow.cells[b.cell]!;
        const tail = above[above.length - 1];
        const right = aboveRow.rights?.[b.cell] ?? Infinity;
        if (ps.length && tail && joins[k]) {
          tail.text = joinText(tail.text, tail.lines[tail.lines.length - 1]!, ps[0]!.text, right);
          for (const l of ps[0]!.lines) tail.lines.push(l);
          for (const q of ps.slice(1)) above.push(q);
        } else for (const q of ps) above.push(q);
        // The joined cell also covers the rows its part on this page spans.
        const span = aboveRow.spans?.[b.cell];
        const here = head.spans?.[k]?.rowSpan ?? 1;
        if (span) span.rowSpan += whole ? here - 1 : here;
      });
      const keep = head.cells.map((_, k) => k).filter((k) => !joins[k] && !(broken && bottom[head.cols![k]!]));
      if (whole) rows = rows.slice(1);
      else rows[0] = { ...head, cells: keep.map((k) => head.cells[k]!), spans: keep.map((k) => head.spans![k]!), cols: keep.map((k) => head.cols![k]!), rights: keep.map((k) => head.rights![k]!) };
    }
  }
  for (const r of rows) t.rows.push(r);
  t.bottom = bottomCells(t.rows, columns);
}

/** Whether a cell's first paragraph on a new page plainly goes on from the cell's last paragraph above. */
function goesOnBelow(tail: Para, head: Para): boolean {
  if (head.depth || startsItem(head.lines[0]?.text ?? head.text)) return false;
  return /^\p{Ll}/u.test(head.text) || GOES_ON.test(tail.text.trim());
}

/** Bold (or italic) when every fragment of every line of the paragraph is set in a bold (italic) font. */
function emphasisOf(q: Para, styles: (FontStyle | null)[]): 'bold' | 'italic' | null {
  if (!styles.some(Boolean)) return null;
  let bold = true;
  let italic = true;
  let any = false;
  for (const l of q.lines)
    for (const f of l.fonts ?? [l.font]) {
      const st = styles[f];
      any = true;
      bold &&= st === 'bold' || st === 'bold-italic';
      italic &&= st === 'italic' || st === 'bold-italic';
      if (!bold && !italic) return null;
    }
  return !any ? null : bold ? 'bold' : italic ? 'italic' : null;
}
