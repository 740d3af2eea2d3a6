/**
 * Tables in text a browser copied from a rendered page (innerText): one tab between cells, a
 * cell spanning rows written once, line breaks inside cells breaking the row's line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Table } from '@qualspec/blocks';
import { textToBlocks } from '../src/index.js';
import { fixture } from '../../../tests/helpers/fixtures.js';

const blocksOf = async (name: string) => (await textToBlocks(new Uint8Array(readFileSync(fixture(`copied/${name}`))))).blocks;
const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.type === 'table');
/** A row as its cells' paragraph texts, with the row span of cells spanning more than one row. */
const cellsOf = (t: Table, r: number) =>
  t.rows[r]!.cells.map((c) => (c.rowSpan > 1 ? { span: c.rowSpan, text: c.blocks.map((p) => p.text) } : c.blocks.map((p) => p.text)));
const tableStarting = (blocks: Block[], text: string) => tables(blocks).find((t) => t.rows.some((r) => r.cells[0]?.blocks[0]?.text.startsWith(text)))!;

describe('tables in text copied from a web page', () => {
  it('merges a header row split by line breaks in its cells, and gives the outcome cell its row span', async () => {
    const blocks = await blocksOf('tquk-logistics.txt');
    // Unit R/632/6012: outcome 1 spans its four criteria rows (1.1 on its own row, 1.2-1.4 below).
    const t = tableStarting(blocks, '1. Know the requirements for stock level management');
    expect(cellsOf(t, 0)).toEqual([['The learner will:'], ['Assessment criteria', 'The learner can:'], ['Evidence type'], ['Portfolio reference']]);
    expect(cellsOf(t, 1)).toEqual([
      { span: 4, text: ['1. Know the requirements for stock level management'] },
      ['1.1 Describe the ways in which technology can support stock level management'],
      ['Witness testimony'],
    ]);
    expect(cellsOf(t, 2)).toEqual([['1.2 Explain how to identify opportunities to improve stock level management'], ['Written assignment']]);
    expect(cellsOf(t, 5)[0]).toEqual({ span: 3, text: ['2. Understand the principles of stock level management'] });
  });

  it('keeps a list inside a cell in its row: the row goes on after the list, on a line starting with a tab', async () => {
    const blocks = await blocksOf('tquk-logistics.txt');
    const t = tableStarting(blocks, '1. Understand the principles of warehouse operations');
    expect(cellsOf(t, 2)).toEqual([
      ['1.2 Identify the documents used to record warehouse operations, to include:', 'checklists', 'incident reports', 'handover notes'],
      ['Reflective account'],
    ]);
    expect(cellsOf(t, 3)).toEqual([['1.3 Identify the risks associated with warehouse operations'], ['Written assignment']]);
  });

  it('reads a four-line header whose last line is a cell’s text alone as one header row over the body', async () => {
    const blocks = await blocksOf('ncfe-care.txt');
    const t = tableStarting(blocks, 'LO1 Understand the legislation and guidance relating to medicines');
    expect(cellsOf(t, 0)).toEqual([
      ['The learner will:'],
      ['Assessment criteria', 'The learner can:'],
      ['Evidence record', 'e.g. page number & method'],
      ['Assessor judgement achieved', 'Initial and date'],
    ]);
    expect(cellsOf(t, 1)[0]).toEqual(['LO1 Understand the legislation and guidance relating to medicines']);
  });

  it('does not take numbered headings that rise from unit to unit ("Unit 1", "Unit 2") for page footers', async () => {
    const blocks = await blocksOf('focus-security.txt');
    expect(blocks.filter((b) => b.type === 'page')).toEqual([]);
    const headings = blocks.filter((b) => b.type === 'paragraph' && /^Unit \d$/.test(b.text)).map((b) => (b as { text: string }).text);
    expect(headings).toEqual(['Unit 1', 'Unit 2', 'Unit 3']);
  });

  it('leaves label rows followed by a wider table as they are (a label table is not a split header)', async () => {
    const text = 'Unit title\tSecurity\nURN\tF/501/1451\nAC\tAssessment criteria\tAssessment method\nAC3.1\tState the searching powers\tPortfolio\n';
    const [t] = tables((await textToBlocks(new TextEncoder().encode(text))).blocks);
    expect(t!.rows.map((r) => r.cells.map((c) => c.blocks.map((p) => p.text).join(' ')))).toEqual([
      ['Unit title', 'Security'],
      ['URN', 'F/501/1451'],
      ['AC', 'Assessment criteria', 'Assessment method'],
      ['AC3.1', 'State the searching powers', 'Portfolio'],
    ]);
  });
});
