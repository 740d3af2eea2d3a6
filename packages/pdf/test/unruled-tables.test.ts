/**
 * Tables drawn without rules (Word's "no borders"): columns from the text's gutters, rows from
 * the column that numbers them. The shape: a City & Guilds style outcome / number / criterion
 * table whose outcome cell is merged down its criteria and centred on them.
 */
import { describe, expect, it } from 'vitest';
import type { Table } from '@qualspec/blocks';
import { pdfToBlocks } from '@qualspec/pdf';
import { miniPdf, textOps } from './minipdf.js';

// Columns at x 72 (outcome), 200 (number), 240 (criterion); each outcome's lines centred on
// the rows of its criteria, each number centred on its criterion's lines.
const content = textOps([
  [72, 770, 14, 'Unit 303 Manage building maintenance', true],
  // Body text at the document's line pitch (12 pt for 10 pt type).
  [72, 750, 10, 'This unit covers maintenance strategies and the management of planned and'],
  [72, 738, 10, 'reactive maintenance work in buildings, from the schedule to the permit that'],
  [72, 726, 10, 'controls high-risk work, and the records that are kept of each job.'],
  [72, 700, 10, 'Learning outcome', true],
  [200, 700, 10, 'AC', true],
  [240, 700, 10, 'Assessment criterion', true],
  [200, 680, 10, '1.1'],
  [240, 680, 10, 'Explain the difference between planned and reactive work'],
  [72, 662, 10, '1. Understand maintenance'],
  [72, 650, 10, 'strategies'],
  [200, 656, 10, '1.2'],
  [240, 662, 10, 'Describe the content of a planned maintenance schedule for'],
  [240, 650, 10, 'a building and its services'],
  [200, 632, 10, '1.3'],
  [240, 632, 10, 'Analyse the factors that affect the choice of strategy'],
  [72, 601, 10, '2. Be able to manage work'],
  [200, 610, 10, '2.1'],
  [240, 610, 10, 'Prioritise incoming maintenance requests'],
  [200, 592, 10, '2.2'],
  [240, 592, 10, 'Issue work orders to maintenance staff or contractors'],
  [72, 560, 10, 'Relationship to occupational standards: this unit is linked to two standards.'],
]);

describe('unruled tables', () => {
  it('rows follow the numbers, and a cell merged down the rows stands in the first of its rows', async () => {
    const { blocks } = await pdfToBlocks(miniPdf([{ content }]), { threads: 0 });
    const tables = blocks.filter((b): b is Table => b.type === 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows.map((r) => r.cells.map((c) => c.blocks.map((p) => p.text).join(' / ')));
    expect(rows).toEqual([
      ['Learning outcome', 'AC', 'Assessment criterion'],
      ['1. Understand maintenance strategies', '1.1', 'Explain the difference between planned and reactive work'],
      ['', '1.2', 'Describe the content of a planned maintenance schedule for a building and its services'],
      ['', '1.3', 'Analyse the factors that affect the choice of strategy'],
      ['2. Be able to manage work', '2.1', 'Prioritise incoming maintenance requests'],
      ['', '2.2', 'Issue work orders to maintenance staff or contractors'],
    ]);
  });
});
