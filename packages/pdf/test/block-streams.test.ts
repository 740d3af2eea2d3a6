/**
 * The PDF adapter's block stream for one page of each office-suite table fixture
 * (`fixtures/office`), compared as a whole with the stream checked by eye against the page as
 * LibreOffice printed it (`streams/NAME.pN.blocks.json`), so that a layout change shows as a
 * diff of blocks, not only as a score:
 *
 *  - pmd-grid-ruled p1: a ruled Pass / Merit / Distinction grid, outcome rows spanning Pass and
 *    Merit, Distinction cells spanning the rows under them, two Pass criteria in one cell, the
 *    grid going on over the page (its rows from page 2 join it, its repeated header dropped);
 *  - criterion-rows-centred p2: one row per criterion, the number centred in its own column,
 *    the outcome cell merged down and centred beside its criteria;
 *  - brief-codes-columns p1: codes centred in narrow columns of their own beside their texts;
 *  - pmd-grid-borderless p1: a grid drawn as a shaded header row alone, its rows from the text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block } from '@qualspec/blocks';
import { pdfToBlocks } from '@qualspec/pdf';

const streams = new URL('./streams/', import.meta.url);
const office = new URL('../../../fixtures/office/', import.meta.url);

/** The blocks on page `page`: those after its page break (or from the start, for page 1). */
function onPage(blocks: Block[], page: number): Block[] {
  let cur = 1;
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type === 'page') cur = b.page;
    else if (cur === page) out.push(b);
  }
  return out;
}

describe('PDF block streams of office-suite tables, compared as a whole', () => {
  const cases = readdirSync(streams).filter((f) => f.endsWith('.blocks.json'));
  it('has a page of each of the four shapes', () => expect(cases.length).toBe(4));
  for (const f of cases) {
    const [, name, page] = /^(.+)\.p(\d+)\.blocks\.json$/.exec(f)!;
    it(`${name}, page ${page}`, async () => {
      const { blocks } = await pdfToBlocks(new Uint8Array(readFileSync(new URL(`${name}.pdf`, office))), { threads: 0 });
      expect(JSON.parse(JSON.stringify(onPage(blocks, Number(page))))).toEqual(JSON.parse(readFileSync(new URL(f, streams), 'utf8')));
    });
  }
});
