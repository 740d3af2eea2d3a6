/**
 * Text laid out in columns by spaces, page by page (`pdftotext -layout`): each line's runs of
 * words become positioned items (x by character column, y by line), and the shared layout
 * analysis finds the tables, running headers and paragraphs as it does for a PDF.
 */
import type { AdapterResult } from '@qualspec/blocks';
import { layout, pageLines, type RawPage } from '@qualspec/layout';
import { pagesWithoutFurniture } from './segment.js';

/** Points per character column and per line: the proportions of 10-point text. */
const COLUMN = 6.5;
const LINE = 14;
const SIZE = 10;

/**
 * Whether text is laid out in columns by spaces: pages split by form feeds, and a fifth or more
 * of its lines holding words three or more spaces apart (side-by-side cells) or set far in
 * (a right-hand cell's line with nothing beside it).
 */
export function isColumnText(text: string): boolean {
  if (!text.includes('\f')) return false;
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim());
  if (lines.length < 20) return false;
  const placed = lines.filter((l) => /\S {3,}\S/.test(l.trim()) || /^ {12,}\S/.test(l)).length;
  return placed >= 0.2 * lines.length;
}

export function columnTextToBlocks(text: string): AdapterResult {
  // Running headers and footers are found as for other text (pages end at form feeds, and
  // each page's length differs, so their height alone would not match).
  const raws: RawPage[] = pagesWithoutFurniture(text).map((sheet, k) => {
    const lines = sheet.map((l) => l.replace(/\t/g, '    '));
    const str: string[] = [];
    const num: number[] = [];
    let widest = 80;
    lines.forEach((line, n) => {
      // Words joined by single spaces are one item; two or more spaces separate items.
      for (const m of line.matchAll(/\S+(?: \S+)*/g)) {
        str.push(m[0]);
        num.push(m.index! * COLUMN, (n + 1) * LINE, m[0].length * COLUMN, SIZE, 0, 0);
      }
      widest = Math.max(widest, line.length);
    });
    return { page: k + 1, width: widest * COLUMN, height: (lines.length + 2) * LINE, str, num, fonts: ['text'] };
  });
  const { blocks, notes } = layout(raws.map(pageLines));
  return { blocks, pages: raws.length, notes };
}
