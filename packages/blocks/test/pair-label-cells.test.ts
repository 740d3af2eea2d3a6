/**
 * Labels typed in a cell of their own beside the texts they label (a Word or web table whose
 * number column holds `1.1` / `1.2` as paragraphs of one cell beside the criteria cell).
 */
import { describe, expect, it } from 'vitest';
import { pairLabelCells, paragraph, type Block, type Table } from '@qualspec/blocks';

const at = { page: null, line: null };
const cell = (...texts: string[]) => ({ blocks: texts.map((t) => paragraph(t, at)), colSpan: 1, rowSpan: 1 });
const table = (...rows: ReturnType<typeof cell>[][]): Table => ({ type: 'table', place: at, rows: rows.map((cells) => ({ cells, place: at })) });
const texts = (b: Block[]) => (b[0] as Table).rows.map((r) => r.cells.map((c) => c.blocks.map((p) => p.text)));

describe('pairLabelCells', () => {
  it('each label joins the paragraph beside it, its own cell left empty', () => {
    const blocks = pairLabelCells([table([cell('1. Understand stock'), cell('1.1', '1.2'), cell('Describe stock rotation', 'Explain why stock is counted')])]);
    expect(texts(blocks)).toEqual([[['1. Understand stock'], [], ['1.1 Describe stock rotation', '1.2 Explain why stock is counted']]]);
  });

  it('leaves a single label, unequal counts and cells of words as they are', () => {
    const one = [table([cell('1.1'), cell('Describe stock rotation')])];
    const unequal = [table([cell('1.1', '1.2'), cell('Describe stock rotation')])];
    const words = [table([cell('Level', 'Credits'), cell('3', '12')])];
    expect(texts(pairLabelCells(structuredClone(one)))).toEqual(texts(one));
    expect(texts(pairLabelCells(structuredClone(unequal)))).toEqual(texts(unequal));
    expect(texts(pairLabelCells(structuredClone(words)))).toEqual(texts(words));
  });
});
