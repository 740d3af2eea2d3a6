/**
 * Drawn rules: the page's lines and rectangles reach the layout through the text-extraction
 * pass (a hook in the vendored pdf.js core), and a ruled table's cells are its grid.
 */
import { describe, expect, it } from 'vitest';
import type { Table } from '@qualspec/blocks';
import { pdfToBlocks } from '@qualspec/pdf';
import { miniPdf, textOps } from './minipdf.js';

/**
 * A two-column table, ruled: a header row; a criterion row whose number, vertically centred,
 * sits between the two lines of its text in the next column; an outcome row spanning both
 * columns (no vertical rule through it). Columns at x 72 | 122 | 380 (the criterion's text wraps at the cell's edge); rows at y (top down)
 * 700 | 680 | 630 | 610. The vertical rules are stroked lines, the horizontal ones thin filled
 * rectangles (as word processors draw borders).
 */
const content = [
  // Horizontal rules as filled 0.5pt rectangles.
  ...[700, 680, 630, 610].map((y) => `72 ${y - 0.25} 308 0.5 re f`),
  // Vertical rules as stroked lines: the outer ones all the way, the inner one not through the last row.
  '0.5 w 72 610 m 72 700 l S 380 610 m 380 700 l S 122 630 m 122 700 l S',
  textOps([
    [76, 686, 10, 'No.', true],
    [126, 686, 10, 'Assessment criterion', true],
    // The number centred between the two lines of its text.
    [90, 656, 10, '1.1'],
    [126, 662, 10, 'Describe the functions of a warehouse within the'],
    [126, 650, 10, 'supply chain'],
    [76, 616, 10, 'Learning outcome 2 spans both columns of this table'],
  ]),
].join('\n');

describe('ruled tables from the drawing', () => {
  it('reads the grid: the centred number in its row, the spanning row as one cell, the header bold', async () => {
    const { blocks } = await pdfToBlocks(miniPdf([{ content }]), { threads: 0 });
    const tables = blocks.filter((b): b is Table => b.type === 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows.map((r) => r.cells.map((c) => ({ text: c.blocks.map((p) => p.text).join(' / '), colSpan: c.colSpan })));
    expect(rows).toEqual([
      [{ text: 'No.', colSpan: 1 }, { text: 'Assessment criterion', colSpan: 1 }],
      // The number joins the paragraph it labels (centred beside its two lines), leaving its
      // own cell empty; the two lines are one paragraph (the text wraps at the cell's edge).
      [{ text: '', colSpan: 1 }, { text: '1.1 Describe the functions of a warehouse within the supply chain', colSpan: 1 }],
      [{ text: 'Learning outcome 2 spans both columns of this table', colSpan: 2 }],
    ]);
    expect(tables[0]!.rows[0]!.header).toBe(true);
    expect(tables[0]!.rows[0]!.cells[0]!.blocks[0]!.emphasis).toBe('bold');
  });

  it('without the rules, the same text is no such table (the rules made the cells)', async () => {
    const bare = textOps([
      [90, 652, 10, '1.1'],
      [126, 662, 10, 'Describe the functions of a warehouse within the'],
      [126, 644, 10, 'supply chain'],
    ]);
    const { blocks } = await pdfToBlocks(miniPdf([{ content: bare }]), { threads: 0 });
    const text = JSON.stringify(blocks);
    // The number is not the first word of the text it is centred beside.
    expect(text).not.toContain('1.1 Describe');
  });
});
