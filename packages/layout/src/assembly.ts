/**
 * Assembly: every page's lines into the block stream. Furniture is dropped, tables are found
 * (ruled ones from their drawn grid, the rest from their gutters), everything else becomes
 * paragraphs (larger type marked as headings), and tables broken over pages are joined.
 */
import { collapse, type AdapterNote, type Block, type Cell, type Paragraph, type Row, type Table } from '@qualspec/blocks';
import { markFurniture } from './furniture.js';
import { settleSoftSplits, type Line, type PageLines } from './lines.js';
import { joinText, paragraphsOf, startsItem, type Para, type PLine } from './paragraphs.js';
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
