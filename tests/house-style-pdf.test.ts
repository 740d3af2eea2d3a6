/**
 * A layout no seed shows, as a web page and as the PDF a browser prints from it (bullets drawn,
 * not printed): the same units, outcomes and criteria from both, checked by eye once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSpec, type SpecDocument } from 'qualspec';
import { fixture } from './helpers/fixtures.js';

const shape = (d: SpecDocument) =>
  d.units.map((u) => [u.ref, u.number, u.title, u.level, u.credits, u.glh, u.outcomes.map((o) => [o.number, o.text, o.criteria.map((c) => `${c.number} ${c.text}`)])]);

const expected = [
  ['A/506/2130', '4', 'Principles of marketing', 2, 3, 20, [
    ['1', 'Understand the role of marketing in an organisation', [
      '1.1 Explain what is meant by marketing',
      '1.2 Describe the marketing mix and how each element contributes to the success of a product in a competitive market place with many rival organisations offering similar goods',
      '1.3 Explain the importance of market research',
    ]],
    ['2', 'Be able to plan a marketing campaign', [
      '2.1 Identify the target market for a product',
      '2.2 Produce a marketing plan that includes: objectives; budget; timescales',
      '2.3 Evaluate the plan',
    ]],
  ]],
  ['F/506/2131', '5', 'Customer service in business', 2, 2, null, [
    ['1', 'Know how to deliver customer service', ['1.1 Describe good customer service', '1.2 Explain how to handle complaints']],
  ]],
];

describe('label tables and outcome/criterion tables, as a web page and as a browser-printed PDF', () => {
  it.each(['two-unit-tables.html', 'two-unit-tables.pdf'])('%s', async (name) => {
    const d = await parseSpec(fixture(`house-styles/${name}`));
    expect(d.awardingBody).toBe('Pearson');
    expect(d.qualification).toMatchObject({ title: 'Pearson BTEC Level 2 Certificate in Business', number: '601/3576/1', level: 2 });
    expect(shape(d)).toEqual(expected);
  });
});

describe('one table row per criterion, the number in its own column, outcome cells spanning rows', () => {
  // The expected content is the hand-checked gold of seed 003 for the three units laid out here.
  const gold = JSON.parse(readFileSync(fixture('seeds/003_46569ff9cfb36880.gold.json'), 'utf8')) as SpecDocument;
  const units = ['K/506/2169', 'D/506/1942', 'Y/506/2166'].map((r) => gold.units.find((u) => u.ref === r)!);
  const want = units.map((u) => [u.ref, u.number, u.title, u.level, u.credits, u.glh, u.outcomes.map((o) => [o.number, o.text, o.criteria.map((c) => `${c.number} ${c.text}`)])]);

  it.each(['criterion-rows.html', 'criterion-rows.pdf'])('%s', async (name) => {
    const d = await parseSpec(fixture(`house-styles/${name}`));
    expect(shape(d)).toEqual(want);
    // Nothing to warn of (the PDF's layout notes say what it decided: info).
    expect(d.diagnostics.filter((x) => x.severity !== 'info')).toEqual([]);
    // The browser's running header and footer (date, title, file URL, page N/M) stay out.
    expect(JSON.stringify(d.units)).not.toMatch(/file:|\d+\/\d+\/\d+,|Example Awards/);
  });
});
