/**
 * @qualspec/layout: positioned text (items with x, baseline, width, size, font per page) -> the
 * block stream: lines by baseline, running headers and footers by repetition, tables by
 * gutters, paragraphs and list depth by indentation. Shared by the PDF adapter (pdf.js
 * positions) and the text adapter (`pdftotext -layout` output, positions by character column).
 */
export { layout, pageLines, markFurniture, packPage, unpackPage } from './layout.js';
export type { PageLines, Line, Frag, PackedPage, LayoutResult } from './layout.js';
export { STRIDE, type RawPage } from './raw.js';
