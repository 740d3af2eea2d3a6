/**
 * Every rule's own examples: the lines it must match and the lines it must not. A unit
 * heading rule must also read a heading from each `yes` line.
 */
import { describe, expect, it } from 'vitest';
import { HEADING_RULES, RULES, matches } from '../src/rules/index.js';

describe('the rule table', () => {
  it('gives every rule a unique id, and examples both ways', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect([r.id, r.yes.length > 0, r.no.length > 0]).toEqual([r.id, true, true]);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const heading = HEADING_RULES.find((h) => h.id === rule.id);
      for (const yes of rule.yes) {
        it(`matches ${JSON.stringify(yes)}`, () => {
          expect(matches(rule, yes)).toBe(true);
          if (heading) expect(heading.read(heading.pattern.exec(yes)!, yes.split('\t')[0]!, yes.includes('\t') ? yes : null)).not.toBeNull();
        });
      }
      for (const no of rule.no) {
        it(`does not match ${JSON.stringify(no)}`, () => {
          const m = matches(rule, no);
          if (heading && m) expect(heading.read(heading.pattern.exec(no)!, no.split('\t')[0]!, no.includes('\t') ? no : null)).toBeNull();
          else expect(m).toBe(false);
        });
      }
    });
  }
});
