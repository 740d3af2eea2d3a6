import { describe, expect, it } from 'vitest';
import { paragraphs, type Table } from '@qualspec/blocks';
import { LINE_END_HYPHEN, layout, pageLines, settleHyphens, type RawPage } from '@qualspec/layout';

/** A page from [x, baseline y, text, size?] items (10-point type unless given), 0.6 em a character. */
function page(n: number, items: Array<[number, number, string, number?]>): RawPage {
  const num: number[] = [];
  for (const [x, y, s, size = 10] of items) num.push(x, y, s.length * 0.6 * size, size, 0, 0);
  return { page: n, width: 600, height: 800, str: items.map((i) => i[2]), num, fonts: ['f'] };
}

describe('layout of positioned text', () => {
  const pages = [1, 2, 3].map((n) =>
    page(n, [
      [60, 40, `Widget handbook ${n}`],
      [60, 100, `Heading of page ${n}`, 14],
      [60, 140, 'Learning outcome'],
      [300, 140, 'Assessment criteria'],
      [60, 160, `${n}. Know widget part ${n}`],
      [300, 160, `${n}.1 Describe part ${n}`],
      [300, 174, `${n}.2 Explain part ${n}`],
      [60, 760, `Page ${n} of 3`],
    ]),
  );
  const { blocks } = layout(pages.map(pageLines));

  it('drops what repeats at the page edges and keeps the rest in reading order', () => {
    const texts = [...paragraphs(blocks)].map((p) => p.text);
    expect(texts.some((t) => /Widget handbook|Page \d of 3/.test(t))).toBe(false);
    expect(texts.filter((t) => t.startsWith('Heading of page'))).toEqual(['Heading of page 1', 'Heading of page 2', 'Heading of page 3']);
  });

  it('reads side-by-side text as table rows and cells', () => {
    const tables = blocks.filter((b): b is Table => b.type === 'table');
    expect(tables).toHaveLength(3);
    expect(tables[0]!.rows.map((r) => r.cells.map((c) => c.blocks.map((p) => p.text)))).toEqual([
      [['Learning outcome'], ['Assessment criteria']],
      [['1. Know widget part 1'], ['1.1 Describe part 1', '1.2 Explain part 1']],
    ]);
  });
});

describe('hyphens that ended lines', () => {
  const words = new Set(['organisation', 'whole-life', 'person-centred', 'costs']);
  it('a word the document prints whole, and never with that hyphen, was hyphenated at the line end', () => {
    expect(settleHyphens(`the organi${LINE_END_HYPHEN}sation's costs`, words)).toBe("the organisation's costs");
  });
  it('a compound printed whole elsewhere, or a word printed nowhere else, keeps its hyphen', () => {
    expect(settleHyphens(`whole${LINE_END_HYPHEN}life costs`, words)).toBe('whole-life costs');
    expect(settleHyphens(`person${LINE_END_HYPHEN}centred care`, words)).toBe('person-centred care');
    expect(settleHyphens(`non${LINE_END_HYPHEN}technical audience`, words)).toBe('non-technical audience');
  });
});
