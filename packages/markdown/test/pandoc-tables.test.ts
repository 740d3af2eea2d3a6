/** Pandoc's grid and multiline tables, from pandoc's own conversion of fixture Word files. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Table } from '@qualspec/blocks';
import { markdownToBlocks } from '../src/index.js';
import { fixture } from '../../../tests/helpers/fixtures.js';

const blocksOf = async (name: string) => (await markdownToBlocks(new Uint8Array(readFileSync(fixture(`pandoc/${name}`))))).blocks;
const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.type === 'table');
const rowTexts = (t: Table, r: number) => t.rows[r]!.cells.map((c) => c.blocks.map((p) => p.text));

describe('pandoc markdown tables', () => {
  it('reads a headerless multiline table (dash runs above and below, rows between blank lines), wrapped cells joined', async () => {
    const blocks = await blocksOf('focus-security.md');
    const t = tables(blocks).find((x) => x.rows[0]?.cells[0]?.blocks[0]?.text === 'Unit title')!;
    expect(t.rows.map((_, r) => rowTexts(t, r))).toEqual([
      [['Unit title'], ['Principles of working in the private security industry'], [], []],
      [['URN'], ['K/501/1450'], ['Level'], ['2']],
      [['Credits'], ['1'], ['GLH'], ['10']],
    ]);
  });

  it('reads a multiline table with a header: the header row marked, a bold label wrapped over a cell’s lines read whole', async () => {
    const blocks = await blocksOf('focus-security.md');
    const t = tables(blocks).find((x) => x.rows[0]?.cells[0]?.blocks[0]?.text === 'AC')!;
    expect(t.rows[0]!.header).toBe(true);
    // `Assessment criteria\` ends with a hard line break: two lines in the cell.
    expect(rowTexts(t, 0)).toEqual([['AC'], ['Assessment criteria', 'The learner can:'], ['Assessment method']]);
    expect(rowTexts(t, 1)[0]).toEqual(['Learning outcome 1: Know the main characteristics and purposes of the private security industry']);
    expect(rowTexts(t, 2)).toEqual([['AC1.1'], ['Identify the key purposes of the private security industry'], ['MCQ exam']]);
  });

  it('reads a grid table: cells cut at the border columns, header rows above the `=` border', async () => {
    const blocks = await blocksOf('adultcare-vmerge.md');
    const t = tables(blocks).find((x) => x.rows.some((r) => r.cells[2]?.blocks[0]?.text === 'Define person-centred values'))!;
    expect(t.rows[0]!.header).toBe(true);
    const r = t.rows.findIndex((x) => x.cells[2]?.blocks[0]?.text === 'Define person-centred values');
    // The outcome cell is an ordered list item in pandoc's markdown; the narrow number column
    // wraps `1.1` as `1` / `.1`.
    expect(rowTexts(t, r)).toEqual([['1. Understand person-centred approaches for care and support'], ['1 .1'], ['Define person-centred values']]);
    expect(rowTexts(t, r + 1)[2]).toEqual(['Explain why it is important to work in a way that embeds person-centred values']);
  });

  it('leaves a markdown rule (`---`) and setext headings alone', async () => {
    const blocks = (await markdownToBlocks(new TextEncoder().encode('Unit 1\n------\n\nSome text.\n\n---\n\nMore text.\n'))).blocks;
    expect(tables(blocks)).toEqual([]);
    expect(blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text)).toEqual(['Unit 1', 'Some text.', 'More text.']);
  });
});
