/**
 * The recogniser reads the block stream as a flat list of items: each paragraph once, in
 * reading order, with where it sits (table, row, column) so rules can ask "is this the
 * outcome column?" without knowing the source format.
 */
import { collapse, type Block, type Paragraph, type Place } from '@qualspec/blocks';

export interface Cellpos {
  table: number;
  row: number;
  /** Column, counting spans. */
  col: number;
  /** Index of the cell in its row (into `cells`). */
  index: number;
  cols: number;
  /** The adapter marked the row as a header row. */
  header: boolean;
  /** All text of the row, cells joined by tabs (for label: value rows). */
  rowText: string;
  /** Texts of the row's cells. */
  cells: string[];
  /** The grid column of each of the row's cells. */
  colOf: number[];
}

export interface Item {
  kind: 'text' | 'page' | 'break';
  text: string;
  place: Place;
  depth: number;
  heading: number;
  emphasis: 'bold' | 'italic' | null;
  cell: Cellpos | null;
  /** Index of this item in the list. */
  i: number;
}

const NO_PLACE: Place = { page: null, line: null };

export function itemsOf(blocks: Block[]): Item[] {
  const items: Item[] = [];
  let tableNo = 0;
  const push = (it: Omit<Item, 'i'>) => items.push({ ...it, i: items.length });
  for (const b of blocks) {
    if (b.type === 'page') push({ kind: 'page', text: '', place: { page: b.page, line: null }, depth: 0, heading: 0, emphasis: null, cell: null });
    else if (b.type === 'break') push({ kind: 'break', text: '', place: NO_PLACE, depth: 0, heading: 0, emphasis: null, cell: null });
    else if (b.type === 'paragraph') {
      if (!/[\p{L}\p{N}]/u.test(b.text)) continue;
      push({ kind: 'text', text: b.text, place: b.place, depth: b.depth ?? 0, heading: b.heading ?? 0, emphasis: b.emphasis ?? null, cell: null });
    } else {
      const t = tableNo++;
      // The last row each grid column is taken by a cell from a row above (row spans).
      const until: number[] = [];
      b.rows.forEach((r, ri) => {
        const cells = r.cells.map((c) => collapse(c.blocks.map((p) => p.text).join(' ')));
        const rowText = cells.join('\t');
        // Grid columns count column spans and skip columns a cell above still spans, so a
        // cell's column is stable across rows.
        const colOf: number[] = [];
        let x = 0;
        for (const c of r.cells) {
          while ((until[x] ?? -1) >= ri) x++;
          colOf.push(x);
          for (let k = 0; k < (c.colSpan || 1); k++) until[x + k] = ri + Math.max(1, c.rowSpan || 1) - 1;
          x += c.colSpan || 1;
        }
        const width = Math.max(x, until.length);
        const order = r.cells.flatMap((c, ci) => c.blocks.map((p) => ({ p, ci })));
        for (const { p, ci } of order) {
          const col = colOf[ci]!;
          {
            // Cells holding only rules or dashes (`--`) carry nothing.
            if (!/[\p{L}\p{N}]/u.test(p.text)) continue;
            push({
              kind: 'text',
              text: p.text,
              place: p.place.page != null || p.place.line != null ? p.place : r.place,
              depth: p.depth ?? 0,
              heading: p.heading ?? 0,
              emphasis: p.emphasis ?? null,
              cell: { table: t, row: ri, col, index: ci, cols: width, header: !!r.header, rowText, cells, colOf },
            });
          }
        }
      });
    }
  }
  return items;
}

/**
 * The text of a logical line: for a table row, its cells joined by a tab (so `Level` + `3`
 * reads `Level\t3`); for a paragraph, its text. Label rules match against this.
 */
export function lineText(it: Item): string {
  return it.cell ? it.cell.rowText : it.text;
}
