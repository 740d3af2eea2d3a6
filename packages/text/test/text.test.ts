import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paragraphs, type Block } from '@qualspec/blocks';
import { textToBlocks } from '../src/index.js';
import { SEEDS } from '../../../tests/helpers/fixtures.js';

const blocksOf = async (path: string) => (await textToBlocks(new Uint8Array(readFileSync(path)))).blocks;
const texts = (blocks: Block[]) => [...paragraphs(blocks)].map((p) => p.text);

describe('text adapter', () => {
  it('drops running footers and page numbers found by repetition, and marks the pages they end', async () => {
    const blocks = await blocksOf(SEEDS.proqualL2Web);
    const all = texts(blocks);
    expect(all.filter((t) => t === 'ProQual, November 2017')).toEqual([]);
    expect(all.filter((t) => /^\d+$/.test(t))).toEqual([]);
    // The document's own heading that the footer repeats stays where it is the heading.
    expect(all.filter((t) => t === 'Level 2 Diploma in Customer Service')).toHaveLength(1);
    const pages = blocks.filter((b) => b.type === 'page');
    expect(pages.length).toBeGreaterThan(30);
    const unit = [...paragraphs(blocks)].find((p) => p.text === 'Unit F/506/2131')!;
    expect(unit.place).toEqual({ page: 11, line: 490 });
  });

  it('keeps a one-word numbered heading that starts each page ("Unit 1", "Unit 2"): it is no page number', async () => {
    const page = (n: number) => `Unit ${n}\n\nTitle of unit ${n}\nLevel: 3\n1. Understand things\n1.1 Describe things\n\nSpec v1 - page ${n + 1}\n`;
    const text = `Example Level 3 Certificate\nSpec v1 - page 1\n\f${page(1)}\f${page(2)}\f${page(3)}\f`;
    const all = texts((await textToBlocks(new TextEncoder().encode(text))).blocks);
    expect(all.filter((t) => /^Unit \d$/.test(t))).toEqual(['Unit 1', 'Unit 2', 'Unit 3']);
    expect(all.filter((t) => /page \d/.test(t))).toEqual([]);
  });

  it('lines whose numbers rise from unit to unit are content, not footers: titled outcome headings, references allotted in sequence, bullets, pipe rows', async () => {
    const unit = (n: number) =>
      [`Unit ${n}: Working safely part ${n}`, `Unit reference number: M/601/100${n}`, 'Level: 2', `Learning outcome ${n} Understand the topic`, `${n}.1 Describe the hazards`, `- level ${n}`, `| ${n}.2 | Explain the controls |`, ''].join('\n');
    const text = [1, 2, 3, 4].map(unit).join('\n');
    const all = texts((await textToBlocks(new TextEncoder().encode(text))).blocks);
    for (const n of [1, 2, 3, 4]) {
      expect(all).toContain(`Unit reference number: M/601/100${n}`);
      expect(all).toContain(`Learning outcome ${n} Understand the topic`);
      expect(all).toContain(`${n}.1 Describe the hazards`);
    }
    expect(all.filter((t) => /^- level|^level \d/.test(t))).toHaveLength(4);
  });

  it('a running header that repeats the title page’s heading leaves the heading; an "N/M" footer goes on the last page too', async () => {
    const text = [
      'Acme Level 2 Award in Safety', '', 'Acme Level 2 Award in Safety', 'Qualification number: 603/1234/8', '', 'file:///tmp/x.html                      1/3\f',
      'Acme Level 2 Award in Safety', '', 'Unit 1: Fire safety', '1.1 Describe the fire triangle', '', 'file:///tmp/x.html                      2/3\f',
      'Acme Level 2 Award in Safety', '', 'Unit 2: First aid', '1.2 Describe what is recorded in the accident book', '', 'file:///tmp/x.html                      3/3',
    ].join('\n');
    const all = texts((await textToBlocks(new TextEncoder().encode(text))).blocks);
    expect(all).toEqual(['Acme Level 2 Award in Safety', 'Qualification number: 603/1234/8', 'Unit 1: Fire safety', '1.1 Describe the fire triangle', 'Unit 2: First aid', '1.2 Describe what is recorded in the accident book']);
  });

  it('reads UTF-16 text saved without a byte-order mark', async () => {
    const text = 'Unit 1: Handle stock\nUnit reference: T/506/2126\n1.1 Describe safe storage\n';
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(texts((await textToBlocks(le)).blocks)).toEqual(['Unit 1: Handle stock', 'Unit reference: T/506/2126', '1.1 Describe safe storage']);
  });

  it('drops a pasted page’s repeated advert lines and marks the break', async () => {
    const blocks = await blocksOf(SEEDS.proqualL2Web);
    const all = texts(blocks);
    expect(all.filter((t) => t.startsWith('Registration Open='))).toHaveLength(1);
    const last = blocks.slice(-4).map((b) => (b.type === 'paragraph' ? b.text : b.type));
    expect(last).toEqual(['information', 'break', 'Add your comment', 'Your email address will not be published.']);
  });

  it('turns bullet glyphs into list depth and tab-separated lines into table rows', async () => {
    const { blocks } = await textToBlocks(new TextEncoder().encode('Rules:\n  • 19 credits from Group A\n      o sub point\nUnit No\tTitle\tLevel\n1\tDeliver customer service\t2\n'));
    expect(blocks[1]).toMatchObject({ type: 'paragraph', text: '19 credits from Group A', depth: 1 });
    expect(blocks[2]).toMatchObject({ type: 'paragraph', text: 'sub point', depth: 2 });
    const table = blocks[3]!;
    expect(table.type).toBe('table');
    if (table.type === 'table') expect(table.rows.map((r) => r.cells.map((c) => c.blocks.map((p) => p.text).join('')))).toEqual([
      ['Unit No', 'Title', 'Level'],
      ['1', 'Deliver customer service', '2'],
    ]);
  });
});
