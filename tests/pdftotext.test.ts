/**
 * pdftotext's own text of two real PDFs: page furniture found at the page edges that form feeds
 * mark, units and their fields exact, outcome and criterion text mostly placed (pdftotext
 * interleaves cells, so some criteria cannot be told apart from their outcome's text).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSpec } from 'qualspec';
// @ts-expect-error plain JS module without types
import { score } from '../scripts/lib/score.mjs';
import { fixture } from './helpers/fixtures.js';

describe.each(['habc-l3-diploma', 'sfj-l2-certificate-draft'])('pdftotext output of %s.pdf', (name) => {
  it('gives every unit with its reference, title, level, credits and GLH', async () => {
    const gold = JSON.parse(readFileSync(fixture(`documents/${name}.gold.json`), 'utf8'));
    const d = await parseSpec(fixture(`pdftotext/${name}.txt`));
    const fields = (u: Record<string, unknown>) => [u.ref, u.title, u.level, u.credits, u.glh];
    expect(d.units.map(fields)).toEqual(gold.units.map(fields));
    const s = score(gold, d);
    // Outcome text printed beside its criteria comes out run into a criterion line (`1. Understand
    // how to organise customer service customers’ wants, …`): most, not all, outcomes survive.
    expect(s.outcomes.f1).toBeGreaterThanOrEqual(0.85);
    expect(s.criteria.f1).toBeGreaterThanOrEqual(0.95);
    expect(JSON.stringify(d.units)).not.toMatch(/Highfield Qualifications Version|SFJ Awards Version|\f/);
  });
});

describe.each(['habc-l3-diploma', 'sfj-l2-certificate-draft'])('pdftotext -layout output of %s.pdf (cells side by side, laid out by spaces)', (name) => {
  it('is read by position: every unit and its fields, criteria as well as from raw pdftotext', async () => {
    const gold = JSON.parse(readFileSync(fixture(`documents/${name}.gold.json`), 'utf8'));
    const d = await parseSpec(fixture(`pdftotext/${name}.layout.txt`));
    const fields = (u: Record<string, unknown>) => [u.ref, u.title, u.level, u.credits, u.glh];
    expect(d.units.map(fields)).toEqual(gold.units.map(fields));
    const s = score(gold, d);
    // A criterion continued over a page at another column offset (pdftotext places each page's
    // columns afresh) is the main loss.
    expect(s.criteria.f1).toBeGreaterThanOrEqual(0.95);
    expect(JSON.stringify(d.units)).not.toMatch(/Highfield Qualifications Version|SFJ Awards Version|\f/);
  });
});

describe('pdftotext output of a 58-page browser-printed specification (whole/tquk-logistics.pdf)', () => {
  it('keeps wrapped column values out of criteria, unit titles listed at both ends, and the wrapped qualification title', async () => {
    const gold = JSON.parse(readFileSync(fixture('whole/tquk-logistics.gold.json'), 'utf8'));
    const d = await parseSpec(fixture('pdftotext/tquk-logistics.txt'));
    const fields = (u: Record<string, unknown>) => [u.ref, u.title, u.level, u.credits, u.glh];
    // The first unit's title is also the first row of the structure table and of the mapping
    // appendix at the end: it is the document's text, not site chrome repeated at both ends.
    expect(d.units.map(fields)).toEqual(gold.units.map(fields));
    expect(d.qualification.title).toBe('TQUK Level 3 Certificate in Warehousing and Logistics Operations (RQF)');
    const criteria = d.units.flatMap((u) => u.outcomes.flatMap((o) => o.criteria));
    const first = d.units[0]!.outcomes[0]!.criteria;
    expect(first.map((c) => c.text).slice(0, 2)).toEqual([
      'Explain how to identify opportunities to improve warehouse operations',
      'Identify the documents used to record warehouse operations, to include: checklists; incident reports; handover notes',
    ]);
    // `Witness` / `testimony` on lines of their own is one value of the evidence column, not
    // criterion text. (Where pdftotext ran a value into a criterion's own lines, it stays: 5 of 184.)
    expect(criteria.filter((c) => /(?:testimony|assignment|account|evidence)$/.test(c.text)).length).toBeLessThanOrEqual(2);
    expect(score(gold, d).criteria.f1).toBeGreaterThanOrEqual(0.97);
  });
});

describe('pdftotext output of a browser-printed page with a unit per page (styles/gateway-it.pdf)', () => {
  it('keeps the reference label under each unit title, and drops the outcome text repeated before each criterion', async () => {
    const gold = JSON.parse(readFileSync(fixture('styles/gateway-it.gold.json'), 'utf8'));
    const d = await parseSpec(fixture('pdftotext/gateway-it.txt'));
    const fields = (u: Record<string, unknown>) => [u.ref, u.title, u.level, u.credits, u.glh];
    expect(d.units.map(fields)).toEqual(gold.units.map(fields));
    const first = d.units[0]!.outcomes[0]!;
    expect(first.text).toBe('Plan, select and use appropriate IT systems and software for different purposes');
    expect(first.criteria.map((c) => c.text).slice(0, 2)).toEqual([
      'Explain the purpose for using IT',
      'Explain the decisions to take about selecting IT systems and software for the task',
    ]);
    const criteria = d.units.flatMap((u) => u.outcomes.flatMap((o) => o.criteria.map((c) => c.text)));
    expect(criteria.filter((t) => /different purposes$|activities are successful$|productivity in using IT$/.test(t))).toEqual([]);
    // A lead-in's list that pdftotext put after a later criterion's row is lost (3.2 of unit 1).
    expect(score(gold, d).criteria.f1).toBeGreaterThanOrEqual(0.9);
  });
});
