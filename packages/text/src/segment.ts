/**
 * Line-level layout of a plain-text document: page furniture (running headers and footers
 * around page numbers), site chrome repeated at both ends of a pasted web page, tab-separated
 * table rows, and runs of ordinary lines. Shared by the text and markdown adapters.
 */
import { NUMBERED_LABEL, PAGE_NUMBER_LINE, collapse, edgeKeys, printedPageKey, recurringLines, type EdgeLine } from '@qualspec/blocks';
import { gridRows, headerWords, type GridCarry, type TextRow } from './grid.js';

export interface SourceLine {
  /** 1-based line number in the source. */
  line: number;
  text: string;
}

export type Segment =
  | { kind: 'lines'; lines: SourceLine[] }
  | { kind: 'table'; rows: { line: number; cells: string[]; rowSpans?: number[] }[] }
  /** A page ends; `printed` is its printed page number when furniture showed it. */
  | { kind: 'page'; printed: number | null; formFeed: boolean }
  | { kind: 'break' };

/** A page number on its own, and a numbered heading alone: the furniture core's (@qualspec/blocks). */
const PAGE_NUMBER = PAGE_NUMBER_LINE;

/** A line's shape for repetition counting: digits folded, white space collapsed, lower case. */
function shape(text: string): string {
  return collapse(text).toLowerCase().replace(/\d+/g, '#');
}

/** How a line next to a page number is compared across pages: the furniture core's key. */
const furnitureKey = printedPageKey;

/**
 * Find page furniture: a bare page number with the lines next to it that recur next to other
 * page numbers; also a line whose shape recurs at least three times with its number rising
 * each time (`… Page 9`, `… Page 10`). Returns the indexes to drop and where pages end.
 */
/** A markdown heading or a bulleted line (`### Learning outcome 1⇥…`, `-⇥item`, `•⇥item`): not a table row. */
const MARKED_LINE = /^\s{0,3}(?:#{1,6}\s|[-*+]\s|[\u2022\u25CF\u25AA\u25E6\u00B7\uF0B7\u2023\u2043\u25A0\u25A1\u2013](?:\s|\t))/;

/** A label and a number after a colon or tab, perhaps with its unit (`20 hours`): a field, not a page footer. */
const FIELD_VALUE = /^[A-Za-z][^\t:]{0,60}(?::\s*|\s*\t\s*)\d{1,5}(?:\s*[a-z]{1,8}\.?)?\s*$/i;


/**
 * The same label and number leading a title (`Learning outcome 3 Understand …`, `Unit 2: …`):
 * a heading whose number rises from section to section, however alike the titles after it.
 * A running line's rising number is a page number, which no such label leads.
 */
const NUMBERED_HEADING = /^(?!(?:page|p|pg|pp|folio)\b)[a-z]{2,}(?:\s+[a-z]{2,}){0,2}\.?\s+\d{1,4}[a-z]?\s*[:.\-–—]?\s+[A-Za-z]/i;

/** Fewest lines between the repeats of a running header or footer (a page's text, at the least). */
const MIN_PAGE_LINES = 5;

/** A code of three or more parts joined by slashes (`M/601/1001`, `603/1234/5`). */
const CODE = /[A-Za-z0-9]+(?:\/[A-Za-z0-9]+){2,}/g;

/** Whether the `k`-th number of `line` is part of a code. */
function inCode(line: string, k: number): boolean {
  const at = [...line.matchAll(/\d+/g)][k]?.index;
  if (at === undefined) return false;
  for (const m of line.matchAll(CODE)) if (at >= m.index && at < m.index + m[0].length) return true;
  return false;
}

/** A short label: a few words, no digits, no closing punctuation (`Credit value`, `GLH`). */
const LABEL_ABOVE = /^[A-Za-z][A-Za-z ()/&-]{1,40}:?$/;

/** The nearest non-blank line above line `i`. */
function previousText(lines: string[], i: number): string {
  for (let j = i - 1; j >= 0; j--) if (lines[j]!.trim()) return lines[j]!.trim();
  return '';
}

function findPageFurniture(lines: string[]): { drop: Set<number>; pageEnds: Map<number, number | null> } {
  const drop = new Set<number>();
  const pageEnds = new Map<number, number | null>();
  // Page-number sites: a bare page number, or a line whose shape recurs with one of its
  // numbers rising a little each time (`Version 2.1 Page 9 of 40`, `… | 10`).
  // Bare numbers count as page numbers only where they rise like page numbers.
  const sites: { i: number; page: string }[] = [];
  let lastPage = -1;
  for (let i = 0; i < lines.length; i++) {
    const m = PAGE_NUMBER.exec(lines[i]!);
    if (!m || !lines[i]!.trim()) continue;
    // A number under a short label (`Credit value` / `1`) is that label's value.
    if (/^\d+$/.test(lines[i]!.trim()) && LABEL_ABOVE.test(previousText(lines, i))) continue;
    const printed = (m[1] ?? m[2])!;
    const n = Number(printed);
    if (n > lastPage) {
      sites.push({ i, page: printed });
      lastPage = n;
    }
  }
  // Page numbers have a page of text between them: numbers on neighbouring lines are values
  // (a label table's column read line by line), not page numbers.
  for (let k = sites.length - 1; k > 0; k--) {
    if (sites[k]!.i - sites[k - 1]!.i <= 4) {
      let start = k - 1;
      while (start > 0 && sites[start]!.i - sites[start - 1]!.i <= 4) start--;
      sites.splice(start, k - start + 1);
      k = start;
    }
  }
  if (sites.length === 1) sites.pop();
  const byShape = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (!t || !/\d/.test(t) || t.length > 200 || PAGE_NUMBER.test(t)) continue;
    // A table row (`Credits⇥1⇥GLH⇥10`, `| 1.1 | … |`) is content: its numbers rise from unit to unit by chance.
    if (t.includes('\t') || /^\|.*\|$/.test(t)) continue;
    // A bulleted or numbered item (`- level 3`, `2.1 Describe …`) is content too: no footer
    // starts with a bullet or an item number.
    if (/^[-*+•▪◦]\s/.test(t) || /^\d{1,3}(?:\.\d{1,3})+\.?\s/.test(t)) continue;
    // A field and its value (`Credits: 3`, `Guided learning hours\t20`) rises from section to
    // section as often as a page number does: it is not one.
    if (FIELD_VALUE.test(t)) continue;
    // A numbered heading (`Unit 2`, `Learning outcome 3`) rises too, from section to section.
    if (NUMBERED_LABEL.test(t.replace(/^#{1,6}\s+/, '')) || NUMBERED_HEADING.test(t.replace(/^#{1,6}\s+/, ''))) continue;
    const k = shape(t);
    if (!/[a-z]{3}/.test(k)) continue;
    (byShape.get(k) ?? byShape.set(k, []).get(k)!).push(i);
  }
  for (const idx of byShape.values()) {
    if (idx.length < 3) continue;
    // A running line has a page of text between its repeats: lines of one shape close together
    // (a numbered list, a log) are content, however their numbers rise.
    const gaps = idx.slice(1).map((i, j) => i - idx[j]!).sort((a, b) => a - b);
    if (gaps[gaps.length >> 1]! < MIN_PAGE_LINES) continue;
    const numbers = idx.map((i) => (lines[i]!.match(/\d+/g) ?? []).map(Number));
    const width = numbers.reduce((w, n) => Math.min(w, n.length), Infinity);
    for (let k = 0; k < width; k++) {
      // A number inside a code (`M/601/1001`, `603/1234/5`) is that code's: unit references
      // allotted one after another rise like page numbers.
      if (inCode(lines[idx[0]!]!, k)) continue;
      const seq = numbers.map((n) => n[k]!);
      // Only the page number changes in a running footer (`Page 9 of 40`, `Version 2.1 | 9`):
      // a line whose other numbers change too is content (`Credits 1 GLH 10`, `Credits 2 GLH 17`).
      const fixed = numbers[0]!.every((v, m) => m === k || numbers.every((n) => n[m] === v));
      if (fixed && seq.every((n, j) => j === 0 || (n > seq[j - 1]! && n - seq[j - 1]! <= 5))) {
        idx.forEach((i, j) => sites.push({ i, page: String(seq[j]) }));
        break;
      }
    }
  }
  sites.sort((a, b) => a.i - b.i);
  // Lines next to page-number sites (three non-blank lines each side) that recur at other sites.
  const neighbours = (i: number): number[] => {
    const out: number[] = [];
    for (const dir of [-1, 1]) {
      let seen = 0;
      for (let j = i + dir; j >= 0 && j < lines.length && seen < 3; j += dir) {
        if (!lines[j]!.trim()) continue;
        out.push(j);
        seen++;
      }
    }
    return out;
  };
  // A key is furniture when it recurs on different lines (one line near two sites is not a
  // repeat): the furniture core's recurrence, each line its own occurrence, since the pages
  // here are known only by their printed numbers.
  const neighbourLines: EdgeLine<number>[] = [];
  for (const s of sites) for (const j of neighbours(s.i)) neighbourLines.push({ item: j, page: j, edge: 'bottom', keys: [furnitureKey(lines[j]!, s.page)] });
  const recurring = new Set(recurringLines(neighbourLines, 2).map((g) => g.key));
  const furniture = (k: string) => recurring.has(k) && k.length > 0;
  const siteLines = new Set(sites.map((s) => s.i));
  for (const s of sites) {
    // Furniture is the unbroken run of recurring lines on either side of the page number.
    const near: number[] = [];
    for (const dir of [-1, 1]) {
      let taken = 0;
      for (let j = s.i + dir; j >= 0 && j < lines.length && taken < 3; j += dir) {
        if (!lines[j]!.trim()) continue;
        if (!siteLines.has(j) && !furniture(furnitureKey(lines[j]!, s.page))) break;
        near.push(j);
        taken++;
      }
    }
    const rising = !PAGE_NUMBER.test(lines[s.i]!);
    if (near.length === 0 && !rising) continue;
    drop.add(s.i);
    for (const j of near) drop.add(j);
    pageEnds.set(s.i, Number(s.page));
  }
  return { drop, pageEnds };
}

/**
 * Page furniture when form feeds mark the pages (pdftotext): the first and last lines of each
 * page whose shape (digits folded) recurs at the same edge of many pages, and bare page numbers
 * at an edge.
 */
function findEdgeFurniture(lines: string[], ends: Set<number>): { drop: Set<number>; pageEnds: Map<number, number | null> } {
  const bounds: [number, number][] = [];
  let start = 0;
  for (const e of [...ends].sort((a, b) => a - b)) {
    bounds.push([start, e]);
    start = e + 1;
  }
  if (start < lines.length) bounds.push([start, lines.length - 1]);
  const edges = (from: number, to: number, dir: 1 | -1): number[] => {
    const out: number[] = [];
    for (let i = dir > 0 ? from : to; i >= from && i <= to && out.length < 2; i += dir) if (lines[i]!.trim()) out.push(i);
    return out;
  };
  // An edge line is compared by its text with one number near the page's position folded (its
  // printed page number; other numbers, such as unit references, stay): the furniture core's
  // keys, each line taking the one most pages share at its edge.
  const pageEdges = bounds.map(([a, b]) => ({ top: edges(a, b, 1), bottom: edges(a, b, -1) }));
  const min = Math.max(2, Math.ceil(0.3 * bounds.length));
  const candidates: EdgeLine<number>[] = [];
  pageEdges.forEach((p, k) => {
    for (const edge of ['top', 'bottom'] as const) for (const i of p[edge]) candidates.push({ item: i, page: k + 1, edge, keys: edgeKeys(lines[i]!, k + 1) });
  });
  /** Each recurring edge line's key (the same text at either edge is one furniture line). */
  const keyOf = new Map<number, string>();
  for (const g of recurringLines(candidates, min)) for (const c of g.lines) keyOf.set(c.item, g.key);
  const drop = new Set<number>();
  const furniture = new Set<string>();
  // Keys dropped at an edge of each page: a page prints its running header once (a title page
  // whose heading repeats the running header keeps the heading).
  const droppedOn = bounds.map(() => new Set<string>());
  pageEdges.forEach((p, k) => {
    for (const [side, idx] of [['top', p.top], ['bottom', p.bottom]] as const) {
      // Furniture runs from the edge: a repeated line under a line of the page's own (a unit
      // page's `Ofqual unit number` label under its title) is content.
      for (const i of idx) {
        const key = keyOf.get(i);
        if (PAGE_NUMBER.test(lines[i]!)) drop.add(i);
        else if (key !== undefined && !droppedOn[k]!.has(key)) {
          drop.add(i);
          furniture.add(key);
          droppedOn[k]!.add(key);
        } else break;
      }
    }
  });
  // pdftotext sometimes prints a page's footer among its text: the same line, anywhere on a
  // page that has not already shown it at an edge.
  if (furniture.size) {
    bounds.forEach(([a, b], k) => {
      for (let i = a; i <= b; i++) {
        if (!lines[i]!.trim()) continue;
        const kk = edgeKeys(lines[i]!, k + 1).find((x) => furniture.has(x));
        if (kk !== undefined && !droppedOn[k]!.has(kk)) {
          drop.add(i);
          droppedOn[k]!.add(kk);
        }
      }
    });
  }
  return { drop, pageEnds: new Map([...ends].map((e) => [e, null])) };
}

/**
 * Site chrome of a pasted web page: a line of some length that occurs both near the start and
 * near the end of the document (registration banners, advert strap lines). Its repeats are
 * dropped and mark a break in the flow of text.
 */
function findChrome(lines: string[], furniture: Set<number>, pages: number): Set<number> {
  const furnitureText = new Set([...furniture].map((i) => collapse(lines[i]!)));
  const n = lines.length;
  const edge = Math.max(20, Math.floor(n * 0.05));
  const positions = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const t = collapse(lines[i]!);
    // Rules and borders (`-----`, `+----+`) are no site text.
    if (t.length < 20 || furnitureText.has(t) || !/[\p{L}\d]/u.test(t)) continue;
    (positions.get(t) ?? positions.set(t, []).get(t)!).push(i);
  }
  const chrome = new Set<number>();
  for (const idx of positions.values()) {
    if (idx.length < 2) continue;
    if (idx[0]! >= edge || idx[idx.length - 1]! < n - edge) continue;
    // Chrome is only at the ends: a line also in the middle is the document's (a unit title in a
    // structure table at the start and a mapping appendix at the end), unless it recurs on half
    // the pages or more (running furniture the page's reading order left mid-page).
    const running = pages >= 3 && idx.length >= pages / 2;
    if (!running && idx.some((i) => i >= edge && i < n - edge)) continue;
    // The first occurrence stays (it may be the document's own title); the repeats go.
    for (const i of idx.slice(1)) chrome.add(i);
  }
  return chrome;
}

/** Split text into segments: runs of lines, tab-separated tables, page ends and chrome breaks. */
/** Lines of the text, and the lines after which a form feed ends a page (pdftotext output). */
function splitPages(text: string): { lines: string[]; formFeedEnds: Set<number> } {
  const lines: string[] = [];
  const formFeedEnds = new Set<number>();
  for (const l of text.split(/\r\n|\r|\n/)) {
    if (l.includes('\f')) {
      const parts = l.split('\f');
      for (let k = 0; k < parts.length; k++) {
        if (k > 0) formFeedEnds.add(lines.length - 1);
        if (k === 0 || parts[k]) lines.push(parts[k]!);
        else lines.push('');
      }
    } else lines.push(l);
  }
  return { lines, formFeedEnds };
}

/** The form-feed pages of the text, line by line, with running headers and footers blanked. */
export function pagesWithoutFurniture(text: string): string[][] {
  const { lines, formFeedEnds } = splitPages(text);
  const drop = formFeedEnds.size >= 2 ? findEdgeFurniture(lines, formFeedEnds).drop : new Set<number>();
  const pages: string[][] = [[]];
  lines.forEach((l, i) => {
    pages[pages.length - 1]!.push(drop.has(i) ? '' : l);
    if (formFeedEnds.has(i)) pages.push([]);
  });
  if (pages.length > 1 && !pages[pages.length - 1]!.some((l) => l.trim())) pages.pop();
  return pages;
}

/**
 * Where a cell broken over lines ends: from line `i` (no tab), the first line within a few
 * that starts with a tab (the cell's text ended at a line break, its row goes on), with no
 * blank line, page end or dropped line between. -1 when there is none.
 */
function cellEnd(lines: string[], i: number, usable: (j: number) => boolean, pageEnds: Map<number, number | null>): number {
  if (!usable(i)) return -1;
  for (let j = i; j < Math.min(lines.length, i + 20); j++) {
    if (j > i && /^ *\t/.test(lines[j]!)) return j;
    if (!lines[j]!.trim() || lines[j]!.includes('\t') || !usable(j) || pageEnds.has(j)) return -1;
  }
  return -1;
}

export function segment(text: string): Segment[] {
  // Form feeds mark page ends in pdftotext output.
  const { lines, formFeedEnds } = splitPages(text);
  const { drop, pageEnds } = formFeedEnds.size >= 2 ? findEdgeFurniture(lines, formFeedEnds) : findPageFurniture(lines);
  for (const e of formFeedEnds) if (!pageEnds.has(e)) pageEnds.set(e, null);
  const chrome = findChrome(lines, drop, formFeedEnds.size + 1);

  const segments: Segment[] = [];
  let run: SourceLine[] = [];
  let table: TextRow[] = [];
  let carry: GridCarry | null = null;
  let blanksInTable = 0;
  const flushRun = () => {
    if (run.length) segments.push({ kind: 'lines', lines: run });
    run = [];
  };
  /** Close the table; `continues` keeps what its part on the next page needs. */
  const flushTable = (continues = false) => {
    if (table.length) {
      const grid = gridRows(table, carry);
      segments.push({ kind: 'table', rows: grid.rows.map(({ line, cells, rowSpans }) => (rowSpans ? { line, cells, rowSpans } : { line, cells })) });
      carry = continues ? grid.carry : null;
    } else if (!continues) carry = null;
    table = [];
    blanksInTable = 0;
  };
  const usable = (j: number) => !chrome.has(j) && !drop.has(j);
  const pushRow = (line: number, text: string) => {
    const cells = text.split('\t');
    const width = cells.length;
    while (cells.length > 1 && !cells[cells.length - 1]!.trim()) cells.pop();
    table.push({ line, cells, width });
    blanksInTable = 0;
  };
  const cellsIn = (text: string) => text.split('\t').length;
  /**
   * A table row broken over lines by line breaks inside a cell: from line `i` (a row's first
   * line, or a line under a row) to the line where the row goes on after a tab. Taken only
   * when the row has no more cells than the table's rows. -1 when there is none.
   */
  const brokenRowEnd = (i: number): number => {
    const l = lines[i]!;
    if (!l.trim() || MARKED_LINE.test(l)) return -1;
    const opens = l.includes('\t');
    if (!opens && (!table.length || blanksInTable)) return -1;
    const from = opens ? i + 1 : i;
    if (from >= lines.length || lines[from]!.includes('\t') || pageEnds.has(i)) return -1;
    const end = cellEnd(lines, from, usable, pageEnds);
    if (end < 0) return -1;
    const cells = cellsIn(lines.slice(i, end + 1).join('\n'));
    const widest = table.length ? Math.max(...table.map((r) => r.width)) : end + 1 < lines.length ? cellsIn(lines[end + 1]!) : 0;
    return cells <= widest ? end : -1;
  };
  /**
   * Lines ending the last cell of a header split over lines (`Assessor judgement` / `Initial
   * and date`): the table so far is two or more short rows of header words, and the row after
   * these lines has as many cells as those rows together. The last such line, or -1.
   */
  const headerTailEnd = (i: number): number => {
    if (table.length < 2 || blanksInTable || !table.every((r) => r.cells.every(headerWords))) return -1;
    const cells = table.reduce((n, r) => n + r.width, 0) - (table.length - 1);
    if (cells <= Math.max(...table.map((r) => r.width))) return -1;
    for (let j = i; j < Math.min(lines.length, i + 3); j++) {
      if (!lines[j]!.trim() || !usable(j) || MARKED_LINE.test(lines[j]!) || (j > i && pageEnds.has(j - 1))) return -1;
      if (lines[j]!.includes('\t')) return j > i && cellsIn(lines[j]!) === cells ? j - 1 : -1;
      if (!headerWords(lines[j]!)) return -1;
    }
    return -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const tail = chrome.has(i) || drop.has(i) ? -1 : headerTailEnd(i);
    if (tail >= i) {
      const last = table[table.length - 1]!;
      while (last.cells.length < last.width) last.cells.push('');
      last.cells[last.width - 1] = [last.cells[last.width - 1], ...lines.slice(i, tail + 1)].join('\n');
      i = tail;
      continue;
    }
    if (chrome.has(i)) {
      flushRun();
      flushTable();
      if (segments[segments.length - 1]?.kind !== 'break') segments.push({ kind: 'break' });
    } else if (!drop.has(i)) {
      const end = brokenRowEnd(i);
      if (end > i) {
        // Lines broken inside a cell (a list in it) whose row goes on after a tab: one row.
        flushRun();
        pushRow(i + 1, lines.slice(i, end + 1).join('\n'));
        i = end;
      } else if (l.includes('\t') && l.trim() && !MARKED_LINE.test(l)) {
        flushRun();
        pushRow(i + 1, l);
      } else if (!l.trim()) {
        if (table.length && ++blanksInTable > 1) flushTable();
        run.push({ line: i + 1, text: '' });
      } else {
        flushTable();
        // A heading or list item with a tab after its marker or number is one line of text.
        run.push({ line: i + 1, text: l.includes('\t') ? l.replace(/\t+/g, ' ') : l });
      }
    }
    if (pageEnds.has(i)) {
      flushRun();
      // A table may continue across the page: keep it open, but mark the page.
      flushTable(true);
      segments.push({ kind: 'page', printed: pageEnds.get(i) ?? null, formFeed: formFeedEnds.has(i) });
    }
  }
  flushRun();
  flushTable();
  return segments;
}
