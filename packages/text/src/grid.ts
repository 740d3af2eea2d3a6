/**
 * Tab-separated rows back into a grid. Text copied from a rendered table (a browser's
 * innerText, "select all, copy") keeps one tab between cells, but a cell spanning several rows
 * is written once, in its first row, and a line break inside a cell breaks the row's line. So
 * a two-line header cell splits the header row in two, and the rows under a cell spanning
 * rows are short on the left. This module puts both back: split header rows are merged, and
 * a short row's missing leading cells become row spans of the cells above them.
 */

/** Text of a table header: short, no numbers. */
export const headerWords = (text: string): boolean => text.length <= 40 && !/\d/.test(text);

export interface TextRow {
  line: number;
  cells: string[];
  /** Cells in the source line, trailing empty ones included. */
  width: number;
  /** Rows each cell spans (1 when absent). */
  rowSpans?: number[];
}

/** What a table continued on the next page needs from its first part. */
export interface GridCarry {
  width: number;
  shapes: Map<string, number>[];
}

/** A cell's leading token in outline: digits 9, letters a (`1.2 Explain` -> `9.9`, `Witness` -> `a`). */
function cellShape(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? '';
  return first.replace(/\d+/g, '9').replace(/[A-Za-z]+/g, 'a');
}

/**
 * Rows whose cell counts sum to the table's width (one tab fewer per join) at the top of a
 * table are one header row broken by line breaks in its cells: merge them, the cell at each
 * join taking both lines.
 */
function mergeSplitHeader(rows: TextRow[], width: number): TextRow[] {
  let sum = 0;
  let k = 0;
  for (; k < rows.length && k < 4; k++) {
    if (rows[k]!.width >= width) break;
    sum += rows[k]!.width - (k ? 1 : 0);
    if (sum >= width) break;
  }
  if (k < 1 || k >= rows.length || sum !== width) return rows;
  const parts = rows.slice(0, k + 1);
  // Header words only: short cells, no numbers (a label table's rows have values).
  if (!parts.every((r) => r.cells.every((c) => c.split('\n').every(headerWords)))) return rows;
  const cells: string[] = [];
  for (const r of parts) {
    const own = [...r.cells];
    while (own.length < r.width) own.push('');
    if (cells.length) cells[cells.length - 1] = `${cells[cells.length - 1]}\n${own.shift()}`;
    cells.push(...own);
  }
  while (cells.length > 1 && !cells[cells.length - 1]!.trim()) cells.pop();
  return [{ line: parts[0]!.line, cells, width }, ...rows.slice(k + 1)];
}

/**
 * Rebuild the grid of one table's rows. `carry` describes the same table's part on the
 * previous page, if it continues there; returns what the next part needs.
 */
export function gridRows(input: TextRow[], carry: GridCarry | null): { rows: TextRow[]; carry: GridCarry } {
  const own = input.reduce((w, r) => Math.max(w, r.width), -Infinity);
  const width = Math.max(carry?.width ?? 0, own);
  // A header split over lines is the table's own (not under a part on the page before).
  const rows = mergeSplitHeader(input, own);
  // How often each leading-token outline starts a cell of each column, in the full rows.
  const shapes: Map<string, number>[] =
    carry && carry.width === width ? carry.shapes.map((m) => new Map(m)) : Array.from({ length: width }, () => new Map<string, number>());
  for (const r of rows) {
    if (r.width !== width) continue;
    r.cells.forEach((c, x) => {
      if (c.trim()) shapes[x]!.set(cellShape(c), (shapes[x]!.get(cellShape(c)) ?? 0) + 1);
    });
  }
  const share = (x: number, c: string) => {
    let all = 0;
    for (const n of shapes[x]!.values()) all += n;
    return all ? (shapes[x]!.get(cellShape(c)) ?? 0) / all : 0;
  };
  const fit = (r: TextRow, offset: number) => r.cells.reduce((s, c, x) => s + (c.trim() ? share(x + offset, c) : 0), 0);

  // owner[x]: the row and cell covering column x in the row above.
  let owner: ({ row: TextRow; cell: number } | null)[] = Array.from({ length: width }, () => null);
  const out: TextRow[] = [];
  for (const r of rows) {
    const missing = width - r.width;
    // Short on the left (its cells belong under the columns to their right) only when its cells
    // look more like those columns' cells than like the columns they would otherwise start under.
    const shifted = missing > 0 && r.width >= 2 && fit(r, missing) > fit(r, 0) + 0.5;
    let row = r;
    let first = 0; // the grid column of row.cells[0]
    if (shifted && owner.slice(0, missing).every(Boolean)) {
      for (const o of owner.slice(0, missing)) {
        o!.row.rowSpans ??= o!.row.cells.map(() => 1);
        o!.row.rowSpans[o!.cell]!++;
      }
      first = missing;
    } else if (shifted) {
      // Nothing above to span (the table's first rows on a page): empty cells.
      row = { ...r, cells: [...Array.from({ length: missing }, () => ''), ...r.cells] };
    }
    out.push(row);
    const next: typeof owner = owner.map((o, x) => (x < first ? o : null));
    row.cells.forEach((_, i) => (next[first + i] = { row, cell: i }));
    owner = next;
  }
  return { rows: out, carry: { width, shapes } };
}
