/**
 * @qualspec/layout: positioned text (items with x, baseline, width, size, font per page, and
 * the page's drawn rules) -> the block stream. One file per stage:
 *
 *  - `lines.ts`: items into lines by baseline, lines into fragments by horizontal gaps;
 *  - `furniture.ts`: running headers, footers and page numbers, by repetition;
 *  - `paragraphs.ts`: a column's lines into paragraphs and list items;
 *  - `lattice.ts`: ruled tables, their cells from the drawn grid;
 *  - `stream.ts`: tables without rules, their columns from gutters and header positions;
 *  - `assembly.ts`: the pages into blocks, tables joined over page breaks;
 *  - `pack.ts`: pages packed for posting between threads.
 *
 * Shared by the PDF adapter (pdf.js positions) and the text adapter (`pdftotext -layout`
 * output, positions by character column). Nothing here knows about units, outcomes or criteria.
 */
export { layout, type LayoutResult } from './assembly.js';
export { markFurniture } from './furniture.js';
export { LINE_END_HYPHEN, settleHyphens } from './paragraphs.js';
export { pageLines, type Frag, type Line, type PageLines } from './lines.js';
export { packPage, unpackPage, type PackedPage } from './pack.js';
export { STRIDE, type FontStyle, type RawPage } from './raw.js';
