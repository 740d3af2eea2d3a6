/**
 * The numbering schemes' own examples: each line with what the scheme must read from it (or
 * that it reads nothing there).
 */
import { describe, expect, it } from 'vitest';
import { SCHEMES } from '../src/schemes/index.js';

describe('numbering schemes', () => {
  for (const scheme of SCHEMES) {
    describe(scheme.id, () => {
      it('has examples of tokens and of lines that are none', () => {
        expect(scheme.examples.some((e) => e.expect)).toBe(true);
        expect(scheme.examples.some((e) => !e.expect)).toBe(true);
      });
      for (const ex of scheme.examples) {
        it(`${ex.expect ? 'reads' : 'does not read'} ${JSON.stringify(ex.text)}${ex.listed ? ' as a list item' : ''}${ex.region ? ` in a ${ex.region} region` : ''}`, () => {
          const tok = scheme.parse(ex.text, ex.region ?? null, ex.listed ?? false);
          if (ex.expect) expect(tok).toMatchObject(ex.expect);
          else expect(tok).toBeNull();
        });
      }
      it('numbers outcomes both ways', () => {
        for (const k of [1, 2, 5]) expect(scheme.outcomeOrdinal(scheme.outcomeAt(k))).toBe(k);
      });
    });
  }
});
