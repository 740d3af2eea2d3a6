import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paragraphs, type Table } from '@qualspec/blocks';
import { markdownToBlocks } from '../src/index.js';
import { SEEDS } from '../../../tests/helpers/fixtures.js';

const md = async (text: string) => (await markdownToBlocks(new TextEncoder().encode(text))).blocks;

describe('markdown adapter', () => {
  it('reads tab-separated rows with HTML cells through an HTML parser: lists, paragraphs, italics', async () => {
    const blocks = (await markdownToBlocks(new Uint8Array(readFileSync(SEEDS.habcL3Markdown)))).blocks;
    const table = blocks.find((b): b is Table => b.type === 'table' && b.rows.some((r) => r.cells[0]?.blocks[0]?.text.startsWith('1. Understand how to organise')))!;
    const row = table.rows.find((r) => r.cells[0]?.blocks[0]?.text.startsWith('1. Understand how to organise'))!;
    expect(row.cells[1]!.blocks.map((p) => p.text.slice(0, 4))).toEqual(['1.1.', '1.2.', '1.3.', '1.4.', '1.5.', '1.6.']);
    const sub = table.rows[1]!.cells.map((c) => c.blocks[0]);
    expect(sub.map((p) => [p?.text, p?.emphasis])).toEqual([
      ['The learner will', 'italic'],
      ['The learner can', 'italic'],
    ]);
  });

  it('keeps an ordered item’s printed number and strips markdown emphasis', async () => {
    const blocks = await md('3. Be able to promote the benefits\n\n- 3.1 Evaluate the **benefits**\n');
    expect([...paragraphs(blocks)].map((p) => [p.text, p.depth ?? 0])).toEqual([
      ['3. Be able to promote the benefits', 0],
      ['3.1 Evaluate the benefits', 1],
    ]);
  });

  it('reads GFM pipe tables with a header row', async () => {
    const blocks = await md('| Unit | Title |\n| --- | --- |\n| 1 | Deliver customer service |\n');
    const t = blocks[0] as Table;
    expect(t.rows.map((r) => [r.header, r.cells.map((c) => c.blocks[0]?.text)])).toEqual([
      [true, ['Unit', 'Title']],
      [false, ['1', 'Deliver customer service']],
    ]);
  });

  it('reads HTML outside tables (a <p> cell text at line start) as paragraphs', async () => {
    const blocks = await md('<p>2. Understand the relationship</p>\t<p>2.1 Explain the importance</p>\n');
    expect([...paragraphs(blocks)].map((p) => p.text)).toEqual(['2. Understand the relationship', '2.1 Explain the importance']);
  });
});

describe('markdown past a measured bound is refused, not left to run', () => {
  const md = (text: string) => markdownToBlocks(new TextEncoder().encode(text));
  const refusal = (text: string) => md(text).then(() => null, (e: unknown) => e as { code: string; message: string });

  it('thousands of emphasis markers in one block (micromark resolves them in quadratic time)', async () => {
    expect(await refusal(`# Unit 1\n\n${'*_'.repeat(3000)}\n`)).toMatchObject({ code: 'too-complex', message: 'markdown block at line 3 has over 4000 emphasis markers (* _ ~): too many to resolve' });
  });

  it('quotes nested past 100 levels, and lists indented as deep', async () => {
    expect(await refusal(`# Unit 1\n\n${'>'.repeat(150)} deep\n`)).toMatchObject({ code: 'too-deep' });
    expect(await refusal(`# Unit 1\n\n${Array.from({ length: 120 }, (_, k) => `${'  '.repeat(k)}- item`).join('\n')}\n`)).toMatchObject({ code: 'too-deep' });
  });

  it('what real documents have stays well inside: bold labels in a long table, lists six deep', async () => {
    const rows = Array.from({ length: 300 }, (_, k) => `| **${k + 1}.1** | Explain the **duty** of _care_ |`).join('\n');
    const { blocks } = await md(`# Unit 1\n\n| AC | Text |\n| --- | --- |\n${rows}\n\n${Array.from({ length: 6 }, (_, k) => `${'  '.repeat(k)}- level ${k + 1}`).join('\n')}\n`);
    expect(blocks.filter((b) => b.type === 'table')).toHaveLength(1);
    expect([...paragraphs(blocks)].map((p) => p.text)).toContain('level 6');
  });
});
