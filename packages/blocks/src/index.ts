/**
 * The block stream: what a format adapter (pdf, docx, html, markdown, text) hands the
 * structure recogniser. It describes layout only (paragraphs, list items, tables, rows,
 * cells, pages) and knows nothing of units, outcomes or criteria.
 */

/** Where a block starts in the source: 1-based page (null when the format has none) and line (null when unknown). */
export interface Place {
  page: number | null;
  line: number | null;
}

/**
 * One paragraph of text: a physical line of a text file, a `<p>` or list item, one line or
 * paragraph of a PDF. Adapters keep text as printed (no numbering stripped), with white space
 * collapsed; words broken across lines are joined by the adapter when it can see the break.
 */
export interface Paragraph {
  type: 'paragraph';
  text: string;
  place: Place;
  /** List nesting: 0 = not a list item, 1 = top-level item, 2 = sub-item, ... */
  depth?: number;
  /** Heading level 1-6 when the source marks it as a heading. */
  heading?: number;
  /** The whole paragraph is bold or italic in the source. */
  emphasis?: 'bold' | 'italic';
}

export interface Cell {
  /** The cell's paragraphs and list items in reading order. */
  blocks: Paragraph[];
  colSpan: number;
  rowSpan: number;
}

export interface Row {
  cells: Cell[];
  place: Place;
  /** The adapter saw this row marked as a header (`<th>`, a repeated header row, bold header band). */
  header?: boolean;
}

export interface Table {
  type: 'table';
  rows: Row[];
  place: Place;
}

/** A page boundary: everything after it is on `page`. */
export interface PageBreak {
  type: 'page';
  page: number;
}

/**
 * A discontinuity that is not a page break: the adapter removed something between the text
 * before and after (site chrome, a repeated advert), so the two do not form one flow.
 */
export interface Break {
  type: 'break';
}

export type Block = Paragraph | Table | PageBreak | Break;

export interface BlockStream {
  blocks: Block[];
  /** Number of pages, when the format has pages. */
  pages: number | null;
}

/** Layout-level notes an adapter raises (the recogniser turns them into diagnostics). */
export interface AdapterNote {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  place: Place | null;
}

/** Collapse white space (including non-breaking and zero-width spaces) to single spaces and trim. */
const NEEDS_COLLAPSE = /[\t\n\v\f\r\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u3000\uFEFF]|  |^ | $/;

/**
 * Append `items` to `target`. `target.push(...items)` passes every item as an argument, and a
 * long enough list (a document's lines, ~125k) overflows the call stack.
 */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

export function collapse(text: string): string {
  if (!NEEDS_COLLAPSE.test(text)) return text;
  return text
    .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '')
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

export function paragraph(text: string, place: Place, extra: Partial<Paragraph> = {}): Paragraph {
  return { type: 'paragraph', text: collapse(text), place, ...extra };
}

/** The plain text of a cell, its paragraphs joined by single spaces. */
export function cellText(cell: Cell): string {
  return cell.blocks.map((b) => b.text).filter(Boolean).join(' ');
}

/** Every paragraph of a stream in reading order, table cells row by row, left to right. */
export function* paragraphs(blocks: Block[]): Generator<Paragraph> {
  for (const b of blocks) {
    if (b.type === 'paragraph') yield b;
    else if (b.type === 'table') for (const r of b.rows) for (const c of r.cells) yield* c.blocks;
  }
}

/** An error an adapter throws for input it cannot read; the CLI prints `file: message` and exits 2. */
export class InputError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    // A message may quote the file (a part name, a content type): its control characters are
    // written out (`\u001b`), so that no file can drive the terminal that shows the message.
    super(message.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), options);
    this.name = 'InputError';
    this.code = code;
  }
}

/** Options every format adapter accepts (each reads the ones that apply to it). */
export interface AdapterOptions {
  /** The file's path, for messages only. */
  path?: string;
  /** Password for an encrypted PDF. */
  password?: string;
  /** Refuse documents with more pages than this (PDF). */
  maxPages?: number;
  /** Refuse input (or, for .docx, uncompressed archive content) larger than this many bytes. */
  maxBytes?: number;
}

/** What a format adapter returns: the block stream and any layout-level notes. */
export interface AdapterResult extends BlockStream {
  notes: AdapterNote[];
}

/** A format adapter: bytes in, block stream out. Throws InputError for unreadable input. */
export type Adapter = (bytes: Uint8Array, options?: AdapterOptions) => Promise<AdapterResult>;

/** Decode text bytes: UTF-8 (BOM dropped) or UTF-16 with a byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const wide = utf16WithoutBom(bytes);
  if (wide) return new TextDecoder(wide).decode(bytes);
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/**
 * UTF-16 text saved without a byte-order mark: in a sample of mostly Latin text, nearly every
 * byte on one side of each pair is zero and almost none on the other.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 16) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= 0.7 * pairs && evenZero <= 0.05 * pairs) return 'utf-16le';
  if (evenZero >= 0.7 * pairs && oddZero <= 0.05 * pairs) return 'utf-16be';
  return null;
}

/** A label on its own: a number or a short code before one (`1.1`, `2.`, `AC 1.2`, `P3`). */
const LABEL = /^(?:[A-Za-z]{1,2}\s?)?\d{1,2}(?:\.\d{1,2})*\.?$/;

/**
 * Tables whose rows set labels in a cell of their own beside the text they label, one label
 * per paragraph (`1.1` / `1.2` beside `Describe …` / `Explain …`, as Word and web tables are
 * often typed): each label joins the paragraph beside it (`1.1 Describe …`), as a reader pairs
 * them, and its own cell is left empty. Rows with a single label are left as they are (the
 * label and the cell beside it read in order already). Tables are changed in place.
 */
export function pairLabelCells(blocks: Block[]): Block[] {
  for (const b of blocks) {
    if (b.type !== 'table') continue;
    for (const r of b.rows)
      for (let k = 0; k + 1 < r.cells.length; k++) {
        const labels = r.cells[k]!.blocks.filter((p) => /[\p{L}\p{N}]/u.test(p.text));
        const texts = r.cells[k + 1]!.blocks.filter((p) => /[\p{L}\p{N}]/u.test(p.text));
        if (labels.length < 2 || labels.length !== texts.length || !labels.every((p) => LABEL.test(p.text.trim()))) continue;
        texts.forEach((p, i) => (p.text = `${labels[i]!.text.trim()} ${p.text}`));
        r.cells[k]!.blocks = [];
        k++;
      }
  }
  return blocks;
}

export { workerExecArgv } from './worker-options.js';
export { PAGE_NUMBER_LINE, NUMBERED_LABEL, edgeKeys, printedPageKey, recurringLines, type EdgeLine, type Recurring } from './furniture.js';
