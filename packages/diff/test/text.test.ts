import { describe, expect, it } from 'vitest';
import { classifyChange, textDiff, canonWord } from '../src/index.js';

describe('classifyChange', () => {
  it.each([
    ['Explain the importance of a brand to customers and to an organisation', 'Explain the importance of a brand to customers and to an organization', 'spelling'],
    ['Provide post-transaction customer service', 'Provide post transaction customer service', 'spelling'],
    ['Provide post-transaction customer service', 'Provide posttransaction customer service', 'spelling'],
    ['Be able to help customers to use selfservice equipment', 'Be able to help customers to use self-service equipment', 'spelling'],
    ['Analyse the behaviour of buyers', 'Analyze the behavior of buyers', 'spelling'],
    ['the centre of the catalogue', 'the center of the catalog', 'spelling'],
    ['a licence for defence', 'a license for defense', 'spelling'],
    ['travelled to the programme', 'traveled to the program', 'spelling'],
    ['Buyer behaviour in sales situations', 'Buyer behaviours in sales situations', 'wording'],
    ['Resolve customers’ problems', "Resolve customers' problems", 'cosmetic'],
    ['Bespoke Software', 'Bespoke software', 'cosmetic'],
    ['Explain the process – step by step.', 'Explain the process - step by step', 'cosmetic'],
    ['work  with   colleagues', 'work with colleagues', 'cosmetic'],
    ['four hours', 'for hours', 'wording'],
    ['win a prize', 'win a prise', 'wording'],
    ['Explain the purpose and scope of customer service', 'Explain the purpose of customer service', 'wording'],
  ])('%s / %s: %s', (a, b, cls) => {
    expect(classifyChange(a, b)).toBe(cls);
    expect(classifyChange(b, a)).toBe(cls);
  });

  it('folds the spelling rules to one form', () => {
    expect(canonWord('organization')).toBe(canonWord('organisation'));
    expect(canonWord('organizational')).toBe(canonWord('organisational'));
    expect(canonWord('behaviours')).not.toBe(canonWord('behaviour'));
    expect(canonWord('colour')).toBe(canonWord('color'));
    expect(canonWord('dialogue')).toBe(canonWord('dialog'));
    expect(canonWord('skilful')).toBe(canonWord('skillful'));
  });
});

describe('textDiff', () => {
  it('returns null for equal texts', () => {
    expect(textDiff('same text', 'same text')).toBeNull();
  });

  it('changes whole words, not letters', () => {
    const d = textDiff('Buyer behaviour in sales situations', 'Buyer behaviours in sales situations')!;
    expect(d.class).toBe('wording');
    expect(d.segments).toEqual([
      { op: 'equal', text: 'Buyer ', class: null },
      { op: 'delete', text: 'behaviour', class: 'wording' },
      { op: 'insert', text: 'behaviours', class: 'wording' },
      { op: 'equal', text: ' in sales situations', class: null },
    ]);
  });

  it('classes each change and the text by its worst change', () => {
    const d = textDiff('Describe an organisation’s values and the rules', "Describe an organization's values and its rules")!;
    expect(d.class).toBe('wording');
    const classes = d.segments.filter((s) => s.op !== 'equal').map((s) => s.class);
    expect(classes).toContain('wording');
    expect(classes.some((c) => c === 'spelling' || c === 'cosmetic')).toBe(true);
    // the sides rebuild from the segments
    expect(d.segments.filter((s) => s.op !== 'insert').map((s) => s.text).join('')).toBe('Describe an organisation’s values and the rules');
    expect(d.segments.filter((s) => s.op !== 'delete').map((s) => s.text).join('')).toBe("Describe an organization's values and its rules");
  });

  it('is symmetric: swapping the sides swaps deletions and insertions', () => {
    const a = 'Select and use appropriate techniques to link and combine information of different forms or from different sources within the software';
    const b = 'Select and use appropriate techniques to link and combine information within the application and across different software applications';
    const ab = textDiff(a, b)!;
    const ba = textDiff(b, a)!;
    expect(ba.class).toBe(ab.class);
    const flip = (s: { op: string; text: string; class: unknown }) => ({ ...s, op: s.op === 'delete' ? 'insert' : s.op === 'insert' ? 'delete' : s.op });
    const norm = (segs: typeof ab.segments) => segs.map((s) => `${s.op}:${s.text}`).sort();
    expect(norm(ba.segments.map(flip) as typeof ab.segments)).toEqual(norm(ab.segments));
  });
});
