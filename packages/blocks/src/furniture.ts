/**
 * The core of page furniture finding, shared by every adapter that knows pages (the PDF
 * layout, which has each line's position, and the text adapter, which has pdftotext's form
 * feeds or printed page numbers): what a page number looks like, which numbered lines are
 * headings instead, how a line is compared across pages, and which lines recur at the same
 * edge of enough pages to be running headers and footers. Which lines are candidates (how near
 * the edge, set apart by how much space) is each adapter's, since only the PDF has geometry.
 */
import { collapse } from './index.js';

/** A page number on its own: `7`, `Page 7`, `Page 7 of 12`, `7/12`, `- 7 -`. */
export const PAGE_NUMBER_LINE = /^\s*(?:page\s+)?(\d{1,4})(?:\s*(?:of|\/)\s*\d{1,4})?\s*$|^\s*[-–]\s*(\d{1,4})\s*[-–]\s*$/i;

/**
 * A label of a word or three and a number, nothing else (`Unit 2`, `Learning outcome 3`), the
 * word not a page label: a heading that may start a page, not a running line. Its number is
 * never folded as a page number.
 */
export const NUMBERED_LABEL = /^(?!(?:page|p|pg|pp|folio)\b)[a-z]{2,}(?:\s+[a-z]{2,}){0,2}\.?\s+\d{1,4}[a-z]?\s*[:.]?$/i;

/** How far a printed page number may be from the page's place in the file (covers, front matter). */
const PRINTED_PAGE_OFFSET = 15;

const clean = (text: string) => collapse(text).replace(/\s+/g, ' ').toLowerCase();

/**
 * The keys a line is compared by across pages: its text with a page number folded to `#`.
 * With the page's place in the file, each number near it gives a key (`3/3` on page 3 may be
 * `#/3` or `3/#`; other numbers, such as unit references, stay); without it, every number is
 * folded and a Roman numeral alone is a page number. A numbered heading keeps its number.
 */
export function edgeKeys(text: string, page: number | null = null): string[] {
  const t = clean(text);
  if (NUMBERED_LABEL.test(t)) return [t];
  if (page === null) return [/^[ivxlc]+$/.test(t) ? '#' : t.replace(/\d+/g, '#')];
  const out: string[] = [];
  for (const m of t.matchAll(/\d+/g)) {
    if (Math.abs(Number(m[0]) - page) <= PRINTED_PAGE_OFFSET) out.push(`${t.slice(0, m.index)}#${t.slice(m.index + m[0].length)}`);
  }
  return out.length ? out : [t];
}

/**
 * The key of a line next to a printed page number, where the pages are known only by those
 * numbers (text without page breaks): its text with that number, where it repeats it, folded
 * (`Page 9 of 40`).
 */
export function printedPageKey(text: string, printed: string): string {
  return clean(text).replace(new RegExp(`\\b${printed}\\b`, 'g'), '#');
}

export interface EdgeLine<T> {
  item: T;
  /** The page it is on (any numbering, one value per page). */
  page: number;
  /** The edge it was taken from. */
  edge: 'top' | 'bottom';
  /** Its keys (edgeKeys); lines are grouped by the key the most pages share. */
  keys: string[];
}

/** A group of lines sharing a key at one edge, on at least the pages asked for. */
export interface Recurring<T> {
  key: string;
  edge: 'top' | 'bottom';
  lines: EdgeLine<T>[];
  pages: number;
}

/**
 * Lines that recur at the same edge: each line takes, of its keys, the one most pages share
 * at its edge; the groups of a key found on at least `minPages` pages are returned.
 */
export function recurringLines<T>(lines: EdgeLine<T>[], minPages: number): Recurring<T>[] {
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) {
    for (const k of l.keys) {
      const id = `${l.edge}|${k}`;
      (pagesOf.get(id) ?? pagesOf.set(id, new Set()).get(id)!).add(l.page);
    }
  }
  const groups = new Map<string, Recurring<T>>();
  for (const l of lines) {
    let best = l.keys[0]!;
    for (const k of l.keys) if ((pagesOf.get(`${l.edge}|${k}`)?.size ?? 0) > (pagesOf.get(`${l.edge}|${best}`)?.size ?? 0)) best = k;
    const id = `${l.edge}|${best}`;
    const g = groups.get(id) ?? groups.set(id, { key: best, edge: l.edge, lines: [], pages: pagesOf.get(id)!.size }).get(id)!;
    g.lines.push(l);
  }
  return [...groups.values()].filter((g) => new Set(g.lines.map((l) => l.page)).size >= minPages);
}
