/**
 * Page furniture: running headers, footers and page numbers, found by what repeats (digits
 * normalised) at the same height near the top or bottom of many pages, and marked so that
 * assembly drops them.
 */
import { PAGE_NUMBER_LINE, edgeKeys, recurringLines, type EdgeLine } from '@qualspec/blocks';
import type { Line, PageLines } from './lines.js';

// Running headers and footers

/**
 * Mark lines that repeat (digits normalised) at the same height in the top or bottom band of
 * many pages. Only the first and last few lines of a page are candidates. What a page number
 * is, which numbered lines are headings, how lines are compared and counted across pages is
 * the furniture core in @qualspec/blocks, shared with the text adapter.
 */
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
  // Every candidate by its key (digits folded); the page's first (last) line alone, set apart
  // from the body by a wide gap, also by its strict key (only a page number at either end folded).
  const loose: EdgeLine<Line>[] = [];
  const strict: EdgeLine<Line>[] = [];
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
      // Text inside a drawn table (a header row repeated on each page) is the table's.
      if (insideRuledBox(p, l)) {
        tableRow.add(band);
        continue;
      }
      if (!apart && l.frags.length >= 3) {
        tableRow.add(band);
        continue;
      }
      const edge = band === 't' ? 'top' : 'bottom';
      const text = l.frags.map((f) => f.text).join(' ');
      // (`Unit 2` or `Section 3` alone starts a page as a heading: its number is not folded.)
      loose.push({ item: l, page: p.page, edge, keys: edgeKeys(text) });
      if (apart) {
        // Only a page number at either end may differ here ("Unit 301 Widgets   Page 5").
        const exact = text.replace(/\s+/g, ' ').toLowerCase();
        strict.push({ item: l, page: p.page, edge, keys: [exact.replace(/^(page\s+)?\d+(\s+of\s+\d+)?(\s|$)/, '#$3').replace(/(^|\s)(page\s+)?\d+(\s+of\s+\d+)?$/, '$1#')] });
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
  const groups: Array<[EdgeLine<Line>[], number]> = [
    ...recurringLines(loose, need).map((g): [EdgeLine<Line>[], number] => [g.lines, need]),
    ...recurringLines(strict, Math.min(3, need)).map((g): [EdgeLine<Line>[], number] => [g.lines, Math.min(3, need)]),
  ];
  for (const [arr, want] of groups) {
    // Same height (within 2pt of the most common height).
    const ys = arr.map((c) => c.item.y).sort((a, b) => a - b);
    let bestY = ys[0]!;
    let bestN = 0;
    for (const y of ys) {
      let k = 0;
      for (const z of ys) if (Math.abs(z - y) <= 2) k++;
      if (k > bestN) (bestN = k), (bestY = y);
    }
    const hits = arr.filter((c) => Math.abs(c.item.y - bestY) <= 2);
    if (new Set(hits.map((c) => c.page)).size < want) continue;
    if (hits.every((c) => c.item.size >= 1.15 * body) && new Set(hits.map((c) => exactText(c.item))).size > 1) continue;
    for (const c of hits) if (!c.item.furniture) (c.item.furniture = true), marked++;
  }
  return marked + numbers;
}

/** A line drawn between two vertical rules whose extents cover it, or on shaded cells: inside a drawn table. */
function insideRuledBox(p: PageLines, l: Line): boolean {
  const mid = l.y - 0.3 * l.size;
  let shaded = 0;
  for (let k = 0; k + 3 < p.boxes.length; k += 4) {
    if (mid >= p.boxes[k + 1]! && mid <= p.boxes[k + 3]! && l.frags.some((f) => f.x0 >= p.boxes[k]! - 1 && f.x1 <= p.boxes[k + 2]! + 1)) shaded++;
  }
  // Two or more shaded cells under one line: a table's header row, not a running header.
  if (shaded >= 2) return true;
  let left = false;
  let right = false;
  for (let k = 0; k + 3 < p.rules.length; k += 4) {
    const [x0, y0, x1, y1] = [p.rules[k]!, p.rules[k + 1]!, p.rules[k + 2]!, p.rules[k + 3]!];
    if (x0 !== x1 || mid < y0 || mid > y1) continue;
    if (x0 <= l.x0 + 1) left = true;
    if (x0 >= l.x1 - 1) right = true;
  }
  return left && right;
}
