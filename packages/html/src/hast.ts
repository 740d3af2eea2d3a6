/**
 * One hast -> block stream mechanism, shared by HTML fragments (markdown table cells), saved
 * web pages and Word documents (mammoth's HTML). Layout only: paragraphs, list items with
 * depth, headings, wholly bold/italic paragraphs, tables with rows, cells and spans.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { collapse, pushAll, type Block, type Cell, type Paragraph, type Place, type Row, type Table } from '@qualspec/blocks';

/** Where a node starts: a fixed place, or a function of the node (e.g. its source line). */
export type PlaceOf = Place | ((node: Element | Text | Root) => Place);

export interface HastToBlocksOptions {
  /** Flatten tables into their cells' paragraphs (row by row) instead of Table blocks. */
  flattenTables?: boolean;
  /**
   * Print the numbers a browser shows before ordered-list items (`1.`, `b.`, `iv.`, from type,
   * start, value and list-style-type), as the reader sees them (default true). Off when the
   * source's own numbers are already in the text (Word numbering rendered by the docx adapter).
   */
  listMarkers?: boolean;
}

/** Elements whose content is never shown as document text. */
export const INVISIBLE = new Set([
  'head', 'title', 'meta', 'link', 'base', 'script', 'style', 'noscript', 'template', 'svg', 'math',
  'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'source', 'track', 'img', 'picture', 'map',
  'area', 'input', 'select', 'textarea', 'button', 'datalist', 'option', 'optgroup', 'dialog',
]);

/** Elements that start and end a paragraph of their own (block-level in HTML rendering). */
const BLOCK = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul', 'search',
]);

const LIST = new Set(['ul', 'ol', 'menu', 'dir']);
const HEADING: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
  /** A list marker the walker added (not text of the source). */
  marker?: boolean;
}

interface Style {
  bold: boolean;
  italic: boolean;
}

/** The visible text length of an element and whether it holds a table. */
function contentOf(el: Element): { text: number; table: boolean } {
  let text = 0;
  let table = false;
  const visit = (n: ElementContent) => {
    if (n.type === 'text') text += collapse(n.value).length;
    else if (n.type === 'element' && !INVISIBLE.has(n.tagName) && !isHidden(n)) {
      if (n.tagName === 'table') table = true;
      n.children.forEach(visit);
    }
  };
  el.children.forEach(visit);
  return { text, table };
}

/**
 * A button that shows or hides the content after it (an accordion's or a collapsible panel's
 * toggle: `aria-expanded` / `aria-controls`, or a labelled button whose next element holds a
 * table or a body of text). Its text heads that content; other buttons are controls, not text.
 */
function togglesContent(button: Element, after: readonly (RootContent | ElementContent)[]): boolean {
  const p = button.properties ?? {};
  const label = contentOf(button).text;
  if (!label) return false;
  if (p.ariaExpanded !== undefined || p.ariaControls !== undefined) return true;
  const next = after.find((n) => n.type === 'element' || (n.type === 'text' && collapse(n.value) !== ''));
  if (!next || next.type !== 'element' || !BLOCK.has(next.tagName) || isHidden(next)) return false;
  const c = contentOf(next);
  return c.table || c.text >= 200;
}

/** True when the element is hidden from readers (hidden attribute, aria-hidden, display:none). */
export function isHidden(el: Element): boolean {
  const p = el.properties ?? {};
  if (p.hidden !== undefined && p.hidden !== null && p.hidden !== false) return true;
  if (String(p.ariaHidden ?? '').toLowerCase() === 'true') return true;
  const style = typeof p.style === 'string' ? p.style.toLowerCase() : '';
  return /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/.test(style);
}

function inlineStyle(el: Element, outer: Style): Style {
  const name = el.tagName;
  let { bold, italic } = outer;
  // b/strong, and what browsers' default style sheet shows bold: th and headings.
  if (name === 'b' || name === 'strong' || name === 'th' || HEADING[name]) bold = true;
  if (name === 'i' || name === 'em' || name === 'cite' || name === 'dfn' || name === 'var') italic = true;
  const style = typeof el.properties?.style === 'string' ? el.properties.style.toLowerCase() : '';
  if (style) {
    const w = /(?:^|[;\s])font-weight\s*:\s*([a-z0-9]+)/.exec(style)?.[1];
    if (w) bold = w === 'bold' || w === 'bolder' || (/^\d+$/.test(w) && Number(w) >= 600) ? true : w === 'normal' || (/^\d+$/.test(w) && Number(w) < 600) ? false : bold;
    const s = /(?:^|[;\s])font-style\s*:\s*([a-z]+)/.exec(style)?.[1];
    if (s) italic = s === 'italic' || s === 'oblique' ? true : s === 'normal' ? false : italic;
  }
  return { bold, italic };
}

function intAttr(v: unknown): number {
  const n = typeof v === 'number' ? v : parseInt(String(v ?? ''), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), 1000) : 1;
}

/** Context of a paragraph being built: what an enclosing block says about it. */
/** The marker style of an ordered list: list-style-type in style, else the type attribute. */
function olStyle(el: Element): string {
  const css = typeof el.properties?.style === 'string' ? /list-style(?:-type)?\s*:\s*([a-z-]+)/i.exec(el.properties.style)?.[1]?.toLowerCase() : undefined;
  if (css) return css;
  const t = String(el.properties?.type ?? '1');
  return t === 'a' ? 'lower-alpha' : t === 'A' ? 'upper-alpha' : t === 'i' ? 'lower-roman' : t === 'I' ? 'upper-roman' : 'decimal';
}

/** Lower-case Roman numeral (list markers); numbers outside 1-3999 as digits. */
export function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, r] of table) while (n >= v) (out += r), (n -= v);
  return out;
}

function alpha(n: number): string {
  let out = '';
  while (n > 0) {
    n--;
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out || String(n);
}

/** The marker text of item number n in a list of the given style ('' when the style shows none or a bullet). */
export function listMarker(style: string, n: number): string {
  switch (style) {
    case 'decimal':
      return `${n}.`;
    case 'decimal-leading-zero':
      return `${n < 10 && n >= 0 ? '0' : ''}${n}.`;
    case 'lower-alpha':
    case 'lower-latin':
      return `${alpha(n)}.`;
    case 'upper-alpha':
    case 'upper-latin':
      return `${alpha(n).toUpperCase()}.`;
    case 'lower-roman':
      return `${roman(n)}.`;
    case 'upper-roman':
      return `${roman(n).toUpperCase()}.`;
    default:
      return '';
  }
}

interface BlockCtx {
  /** List depth given to paragraphs built here (0 = not a list item). */
  depth: number;
  /** Nesting level of the innermost enclosing ul/ol (0 outside lists). */
  list: number;
  heading?: number;
  pre: boolean;
}

class Walker {
  private segments: Segment[] = [];
  private start: Element | Text | Root | null = null;
  private out: Block[] = [];

  constructor(
    private readonly placeOf: PlaceOf,
    private readonly flatten: boolean,
    private readonly markers: boolean,
  ) {}

  place(node: Element | Text | Root): Place {
    return typeof this.placeOf === 'function' ? this.placeOf(node) : { ...this.placeOf };
  }

  run(nodes: readonly (RootContent | ElementContent)[], ctx: BlockCtx, style: Style): Block[] {
    this.children(nodes, ctx, style);
    this.flush(ctx);
    return this.out;
  }

  /** Emit the pending inline text as a paragraph (or one per line inside pre). */
  private flush(ctx: BlockCtx): void {
    const segs = this.segments;
    const start = this.start;
    this.segments = [];
    this.start = null;
    if (!segs.length || !start) return;
    const raw = segs.map((s) => s.text).join('');
    const lines = ctx.pre ? raw.split(/\r?\n/) : [raw];
    const visible = segs.filter((s) => !s.marker && collapse(s.text) !== '');
    // Emphasis is judged on words: a colon or bracket left outside the bold does not count.
    const worded = visible.filter((s) => /[\p{L}\p{N}]/u.test(s.text));
    if (!visible.length) {
      // Only a list marker so far (the item opens with a block): it joins the item's first text.
      const markers = segs.filter((s) => s.marker);
      if (markers.length) {
        this.segments = markers;
        this.start = start;
      }
      return;
    }
    let emphasis: 'bold' | 'italic' | undefined;
    if (worded.length && worded.every((s) => s.bold)) emphasis = 'bold';
    else if (worded.length && worded.every((s) => s.italic)) emphasis = 'italic';
    for (const line of lines) {
      const text = collapse(line);
      if (!text) continue;
      const p: Paragraph = { type: 'paragraph', text, place: this.place(start) };
      if (ctx.depth > 0) p.depth = ctx.depth;
      if (ctx.heading) p.heading = ctx.heading;
      if (emphasis) p.emphasis = emphasis;
      this.out.push(p);
    }
  }

  private children(nodes: readonly (RootContent | ElementContent)[], ctx: BlockCtx, style: Style): void {
    nodes.forEach((n, k) => {
      // An accordion's toggle heads the content it shows: its text is a block of the document.
      if (n.type === 'element' && n.tagName === 'button' && !isHidden(n) && togglesContent(n, nodes.slice(k + 1))) {
        this.flush(ctx);
        this.children(n.children, ctx, inlineStyle(n, style));
        this.flush(ctx);
        return;
      }
      this.node(n, ctx, style);
    });
  }

  private node(n: RootContent | ElementContent, ctx: BlockCtx, style: Style): void {
    if (n.type === 'text') {
      if (!this.segments.length && collapse(n.value) === '') return; // leading white space
      if (!this.start) this.start = n;
      this.segments.push({ text: n.value, bold: style.bold, italic: style.italic });
      return;
    }
    if (n.type !== 'element') return; // comments, doctype
    const el = n;
    const name = el.tagName.toLowerCase();
    if (INVISIBLE.has(name) || isHidden(el)) return;
    if (name === 'br') {
      this.flush(ctx);
      return;
    }
    if (!BLOCK.has(name)) {
      // Inline element: its text joins the current paragraph.
      if (!this.start && el.children.length) this.start = el;
      this.children(el.children, ctx, inlineStyle(el, style));
      return;
    }
    // A block element: close the paragraph before it, build its own, close it after.
    this.flush(ctx);
    if (name === 'hr') return;
    if (name === 'table') {
      this.table(el, ctx, style);
      return;
    }
    if (name === 'ol' && this.markers) {
      this.orderedList(el, ctx, style);
      return;
    }
    const inner: BlockCtx = { ...ctx };
    if (LIST.has(name)) inner.list = ctx.list + 1;
    if (name === 'li') inner.depth = Math.max(1, ctx.list);
    if (HEADING[name]) inner.heading = HEADING[name];
    if (name === 'pre') inner.pre = true;
    this.start = null;
    this.children(el.children, inner, inlineStyle(el, style));
    this.flush(inner);
  }

  /** An ordered list: each item's paragraph starts with the number the browser prints before it. */
  private orderedList(el: Element, ctx: BlockCtx, style: Style): void {
    const listStyle = olStyle(el);
    const items = el.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li' && !isHidden(c));
    const reversed = el.properties?.reversed !== undefined && el.properties?.reversed !== false && el.properties?.reversed !== null;
    const start = el.properties?.start !== undefined ? parseInt(String(el.properties.start), 10) : NaN;
    let n = Number.isFinite(start) ? start : reversed ? items.length : 1;
    const inner: BlockCtx = { ...ctx, list: ctx.list + 1 };
    const olStyleOuter = inlineStyle(el, style);
    for (const c of el.children) {
      if (c.type === 'element' && c.tagName === 'li' && !isHidden(c)) {
        const value = c.properties?.value !== undefined ? parseInt(String(c.properties.value), 10) : NaN;
        if (Number.isFinite(value)) n = value;
        const marker = listMarker(listStyle, n);
        n += reversed ? -1 : 1;
        this.flush(inner);
        const li: BlockCtx = { ...inner, depth: Math.max(1, inner.list) };
        this.start = null;
        const liStyle = inlineStyle(c, olStyleOuter);
        // The marker takes the item's own emphasis so that it does not change the paragraph's.
        if (marker) {
          this.start = c;
          this.segments.push({ text: `${marker} `, bold: liStyle.bold, italic: liStyle.italic, marker: true });
        }
        this.children(c.children, li, liStyle);
        this.flush(li);
        // An item with no text: its marker is not printed on its own.
        this.segments = [];
        this.start = null;
      } else {
        this.node(c, inner, olStyleOuter);
      }
    }
    this.flush(inner);
  }

  private table(el: Element, ctx: BlockCtx, style: Style): void {
    const rows: Row[] = [];
    const caption: Paragraph[] = [];
    const visit = (parent: Element, inHead: boolean) => {
      for (const c of parent.children) {
        if (c.type !== 'element' || isHidden(c)) continue;
        const name = c.tagName.toLowerCase();
        if (name === 'thead') visit(c, true);
        else if (name === 'tbody' || name === 'tfoot') visit(c, false);
        else if (name === 'caption') caption.push(...sub(this.placeOf, this.markers, c.children, ctx, style));
        else if (name === 'tr') {
          const cells: Cell[] = [];
          let allTh = true;
          for (const td of c.children) {
            if (td.type !== 'element' || isHidden(td)) continue;
            const tn = td.tagName.toLowerCase();
            if (tn !== 'td' && tn !== 'th') continue;
            if (tn !== 'th') allTh = false;
            cells.push({
              blocks: sub(this.placeOf, this.markers, td.children, { depth: 0, list: 0, pre: false }, inlineStyle(td, style)),
              colSpan: intAttr(td.properties?.colSpan),
              rowSpan: intAttr(td.properties?.rowSpan),
            });
          }
          if (!cells.length) continue;
          const row: Row = { cells, place: this.place(c) };
          if (inHead || allTh || boldBand(cells)) row.header = true;
          rows.push(row);
        }
      }
    };
    visit(el, false);
    pushAll(this.out, caption);
    if (!rows.length) return;
    if (this.flatten) {
      for (const r of rows) for (const cell of r.cells) pushAll(this.out, cell.blocks);
      return;
    }
    const table: Table = { type: 'table', rows, place: this.place(el) };
    this.out.push(table);
  }
}

/** A row whose every non-empty cell is wholly bold (a header band drawn in bold, as Word's table headings). */
function boldBand(cells: Cell[]): boolean {
  const filled = cells.filter((c) => c.blocks.length > 0);
  return filled.length > 0 && filled.every((c) => c.blocks.every((b) => b.emphasis === 'bold'));
}

/** Paragraphs of a sub-tree (a table cell, a caption): tables inside are flattened. */
function sub(placeOf: PlaceOf, markers: boolean, nodes: readonly ElementContent[], ctx: BlockCtx, style: Style): Paragraph[] {
  return new Walker(placeOf, true, markers).run(nodes, ctx, style) as Paragraph[];
}

/**
 * Blocks of a hast tree in reading order: one Paragraph per block-level element (p, li, div,
 * headings, br-separated lines; text outside block elements as its own paragraph), list items
 * with depth (1 = top level), heading levels, emphasis when the whole paragraph is bold or
 * italic, and Table blocks (or, with flattenTables, their cells' paragraphs).
 */
export function hastToBlocks(tree: Root | Element, place: PlaceOf, options: HastToBlocksOptions = {}): Block[] {
  const w = new Walker(place, options.flattenTables ?? false, options.listMarkers ?? true);
  const ctx: BlockCtx = { depth: 0, list: 0, pre: false };
  return w.run(tree.type === 'root' ? tree.children : [tree], ctx, { bold: false, italic: false });
}
