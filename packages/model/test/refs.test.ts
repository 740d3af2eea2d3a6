import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkQualificationNumber, checkUnitRef, normaliseUnitRef, unitRefCheckLetter } from '../src/refs.js';

const fixtures = new URL('../../../fixtures/', import.meta.url);

describe('unit reference check letters', () => {
  it('computes the MODEL.md example: J/502/4397 is valid, F/502/4397 is a typo for it', () => {
    expect(unitRefCheckLetter('5024397')).toBe('J');
    expect(checkUnitRef('J/502/4397')).toEqual({ ref: 'J/502/4397', valid: true, suggestion: null });
    expect(checkUnitRef('F/502/4397')).toEqual({ ref: 'F/502/4397', valid: false, suggestion: 'J/502/4397' });
  });

  it('normalises printed forms and refuses non-references', () => {
    expect(normaliseUnitRef(' f / 506 / 2130 ')).toBe('F/506/2130');
    expect(normaliseUnitRef('A 506 2130')).toBe('A/506/2130');
    expect(normaliseUnitRef('TBC')).toBeNull();
    expect(normaliseUnitRef('601/3576/1')).toBeNull();
    expect(checkUnitRef('TBC').ref).toBeNull();
  });

  it('agrees with every reference in the hand-checked gold files: all valid but F/502/4397', () => {
    const refs = new Set<string>();
    for (const dir of ['seeds', 'documents']) {
      for (const f of readdirSync(new URL(`${dir}/`, fixtures)).filter((n) => n.endsWith('.gold.json'))) {
        const doc = JSON.parse(readFileSync(new URL(`${dir}/${f}`, fixtures), 'utf8'));
        for (const u of doc.units) if (u.ref) refs.add(u.ref);
        for (const g of doc.qualification.rules?.groups ?? []) for (const r of g.units) if (r.ref) refs.add(r.ref);
      }
    }
    expect(refs.size).toBeGreaterThanOrEqual(60);
    const invalid = [...refs].filter((r) => !checkUnitRef(r).valid);
    expect(invalid).toEqual(['F/502/4397']);
  });
});

describe('check letters by series', () => {
  it('checks the newer /650/ and /651/ references by their own rule (digit sum plus 6), not the weighted one', () => {
    // References printed in Pearson's 2024 Higher Nationals unit descriptors.
    for (const r of ['Y/651/0734', 'F/651/0737', 'T/650/9628']) expect(checkUnitRef(r)).toEqual({ ref: r, valid: true, suggestion: null });
    expect(checkUnitRef('Y/651/0737')).toEqual({ ref: 'Y/651/0737', valid: false, suggestion: 'F/651/0737' });
    // The weighted rule would call Y/651/0734 wrong.
    expect(unitRefCheckLetter('6510734')).not.toBe('Y');
  });

  it('keeps the weighted rule for the older series and calls a series with no known rule unverifiable', () => {
    expect(checkUnitRef('H/615/1491').valid).toBe(true);
    expect(checkUnitRef('J/602/2482').valid).toBe(true);
    expect(checkUnitRef('A/700/1234')).toEqual({ ref: 'A/700/1234', valid: null, suggestion: null });
  });
});

describe('qualification numbers', () => {
  it('accepts the four sample numbers and suggests the right check digit for a wrong one', () => {
    for (const n of ['601/3576/1', '601/3577/3', '601/4768/4', '601/4027/6']) expect(checkQualificationNumber(n).valid).toBe(true);
    expect(checkQualificationNumber('601/3576/2')).toEqual({ number: '601/3576/2', valid: false, suggestion: '601/3576/1' });
  });

  it('treats a remainder of 10 as unverifiable, not wrong', () => {
    // 601/0000: 8*6 + 6*1 = 54, and 54 mod 11 = 10.
    expect(checkQualificationNumber('601/0000/0')).toEqual({ number: '601/0000/0', valid: null, suggestion: null });
  });
});
