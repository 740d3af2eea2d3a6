/**
 * The recogniser alone, on block streams in the shapes real specifications have (hand-written
 * copies of their shapes, in invented words: `streams/NAME.blocks.json`, as
 * `scripts/dump-blocks.mjs --json` prints a stream), each compared as a whole document with
 * its expected SpecDocument (`streams/NAME.spec.json`, checked by hand), in the way remark's
 * and mdast-util-from-markdown's fixture tests compare whole trees.
 *
 *  - handbook-local-numbering: a City & Guilds-shaped handbook (unit number and title side by
 *    side, `The learner will:` / `The learner can:`, criteria numbered afresh per outcome in one
 *    unit and `1.1` in the next, `a.` items, Range sections, an outcome heading split by a page
 *    break, an appendix heading side by side);
 *  - descriptor-graded-grid: a Pearson Higher Nationals-shaped unit descriptor (outcome list,
 *    essential content, the Pass / Merit / Distinction grid with spanning outcome rows and
 *    Distinction cells spanning rows, a "Links" section naming another unit);
 *  - brief-front-sheet: an assignment brief (a cover naming the unit and its qualification, a
 *    front sheet naming another unit, `LO1 & 2` over a shared Distinction criterion);
 *  - nationals-learning-aims: a BTEC Nationals unit (learning aims A, B, C; `A.P1`; `BC.D2`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recognise } from '../src/index.js';

const dir = new URL('./streams/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.blocks.json')).map((f) => f.slice(0, -'.blocks.json'.length));

describe('the recogniser on block streams, compared as whole documents', () => {
  it('has the four shapes', () => expect(names.sort()).toEqual(['brief-front-sheet', 'descriptor-graded-grid', 'handbook-local-numbering', 'nationals-learning-aims']));
  for (const name of names) {
    it(name, () => {
      const stream = JSON.parse(readFileSync(new URL(`${name}.blocks.json`, dir), 'utf8'));
      const doc = recognise(stream, { source: { path: `${name}.blocks.json`, format: 'pdf', sha256: '0'.repeat(64), pages: stream.pages } });
      const expected = JSON.parse(readFileSync(new URL(`${name}.spec.json`, dir), 'utf8'));
      expect(JSON.parse(JSON.stringify(doc))).toEqual(expected);
    });
  }
});
