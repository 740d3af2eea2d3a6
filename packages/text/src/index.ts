/**
 * Format adapter for plain text: pdftotext output, text pasted from a web page, text exports.
 * One Paragraph per non-blank line (bullets become list depth), tab-separated lines become
 * table rows, page furniture is dropped and becomes page breaks.
 */
import {
  InputError,
  collapse,
  decodeText,
  pairLabelCells,
  paragraph,
  pushAll,
  type AdapterOptions,
  type AdapterResult,
  type Block,
  type Paragraph,
  type Place,
} from '@qualspec/blocks';
import { findFlattenedGrids, flattenedGridWidths, type FlattenedGrid } from './flattened-grid.js';
import { columnTextToBlocks, isColumnText } from './positioned.js';
import { segment, type Segment, type SourceLine } from './segment.js';

export { segment };
export type { Segment, SourceLine };

const BULLET = /^(\s*)([\u2022\u25CF\u25AA\u25E6\u00B7\uF0B7\u2023\u2043\u25A0\u25A1\u2013*-]|o(?=\s))\s+/;

/** A text line as a Paragraph: leading bullet glyphs become list depth (indentation nests). */
export function lineParagraph(text: string, place: Place): Paragraph {
  const m = BULLET.exec(text);
  if (m) {
    const indent = m[1]!.replace(/\t/g, '    ').length;
    return paragraph(text.slice(m[0].length), place, { depth: 1 + Math.floor(indent / 4) });
  }
  return paragraph(text, place);
}

/**
 * A short phrase wrapped in a narrow column (`Witness` / `testimony`, `Q&A /` / `professional` /
 * `discussion`): a group of two or three short lines between blank lines, without numbers, the
 * first not in lower case and each after it going on in lower case (or the one before ending
 * in `/`, `&` or `-`), is one line. Other non-blank lines stay lines of their own.
 */
export function wrappedPhrases(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let group: SourceLine[] = [];
  const flush = () => {
    const texts = group.map((l) => l.text.trim());
    const phrase =
      group.length >= 2 &&
      group.length <= 3 &&
      texts.every((t) => t.length <= 30 && !/\d/.test(t) && !BULLET.test(t)) &&
      // Capitalised like a value; lines of a list of lower-case items are not one phrase.
      !/^\p{Ll}/u.test(texts[0]!) &&
      texts.every((t, k) => k === 0 || /^\p{Ll}/u.test(t) || /[/&-]$/.test(texts[k - 1]!)) &&
      !/[.:;]$/.test(texts[0]!);
    if (phrase) out.push({ line: group[0]!.line, text: texts.join(' ') });
    else pushAll(out, group);
    group = [];
  };
  for (const l of lines) {
    if (l.text.trim()) group.push(l);
    else flush();
  }
  flush();
  return out;
}

export interface BlocksFromSegmentsOptions {
  /** Turn one run of lines into blocks (the markdown adapter parses them as markdown). */
  lines?: (lines: SourceLine[], page: number | null) => Block[];
  /** Turn one table cell's source text into paragraphs (the markdown adapter parses HTML in cells). */
  cell?: (text: string, place: Place) => Paragraph[];
}

/** Assemble blocks from segments; shared by the text and markdown adapters. */
export function blocksFromSegments(segments: Segment[], options: BlocksFromSegmentsOptions = {}): { blocks: Block[]; pages: number | null } {
  // Pages: form feeds count them; printed page numbers (from footers) name them. The total is
  // known only from form feeds.
  const pageSegs = segments.filter((s): s is Extract<Segment, { kind: 'page' }> => s.kind === 'page');
  const paged = pageSegs.length > 0;
  const counted = pageSegs.some((s) => s.formFeed);
  let page: number | null = paged ? (pageSegs[0]!.printed ?? 1) : null;
  const blocks: Block[] = [];
  const plainLines = (lines: SourceLine[], pg: number | null) => wrappedPhrases(lines).map((l) => lineParagraph(l.text, { page: pg, line: l.line }));
  // Plain text: a grid its extractor flattened line by line is rebuilt first (flattened-grid.ts),
  // each row read with the column widths the document's other rows show.
  const widths = options.lines ? new Map() : flattenedGridWidths(segments.flatMap((s) => (s.kind === 'lines' ? [s.lines] : [])));
  const lineBlocks =
    options.lines ??
    ((lines: SourceLine[], pg: number | null) => {
      const out: Block[] = [];
      let at = 0;
      for (const g of findFlattenedGrids(lines, widths)) {
        pushAll(out, plainLines(lines.slice(at, g.from), pg));
        out.push(gridTable(g, lines[g.from]!.line, pg));
        at = g.to + 1;
      }
      pushAll(out, plainLines(lines.slice(at), pg));
      return out;
    });
  // A cell's lines (a cell broken over lines) are its paragraphs.
  const cellBlocks =
    options.cell ??
    ((text: string, place: Place) => text.split('\n').filter((t) => collapse(t)).map((t) => lineParagraph(t.trim(), place)));
  for (const s of segments) {
    if (s.kind === 'page') {
      page = s.printed != null ? s.printed + 1 : (page ?? 1) + 1;
      blocks.push({ type: 'page', page });
    } else if (s.kind === 'break') blocks.push({ type: 'break' });
    else if (s.kind === 'lines') pushAll(blocks, lineBlocks(s.lines, page));
    else {
      blocks.push({
        type: 'table',
        place: { page, line: s.rows[0]!.line },
        rows: s.rows.map((r) => ({
          place: { page, line: r.line },
          cells: r.cells.map((c, i) => ({ blocks: cellBlocks(c, { page, line: r.line }), colSpan: 1, rowSpan: r.rowSpans?.[i] ?? 1 })),
        })),
      });
    }
  }
  return { blocks: pairLabelCells(blocks), pages: counted ? page : null };
}

/** Decode text bytes, refusing input that has no text in it. */
export function readText(bytes: Uint8Array): string {
  const text = decodeText(bytes);
  if (!text.trim()) throw new InputError('empty', 'no text in file');
  return text;
}

export async function textToBlocks(bytes: Uint8Array, options: AdapterOptions = {}): Promise<AdapterResult> {
  void options;
  const text = readText(bytes);
  // `pdftotext -layout`: side-by-side cells laid out by spaces are read by position.
  if (isColumnText(text)) return columnTextToBlocks(text);
  const { blocks, pages } = blocksFromSegments(segment(text));
  return { blocks, pages, notes: [] };
}

/** A rebuilt grid as a table: its header row, rows spanning the columns, rows of column paragraphs. */
function gridTable(g: FlattenedGrid, line: number, page: number | null): Block {
  const k = g.header.length;
  const cell = (texts: string[], place: Place, colSpan = 1) => ({ blocks: texts.map((t) => paragraph(t, place)), colSpan, rowSpan: 1 });
  const headPlace = { page, line };
  return {
    type: 'table',
    place: headPlace,
    rows: [
      { place: headPlace, header: true, cells: g.header.map((h) => cell([h], headPlace)) },
      ...g.rows.map((r) => {
        const place = { page, line: r.line };
        if (!('span' in r)) return { place, cells: r.cells.map((ps) => cell(ps, place)) };
        return { place, cells: r.label ? [cell([r.span], place, k - 1), cell([r.label], place)] : [cell([r.span], place, k)] };
      }),
    ],
  };
}
