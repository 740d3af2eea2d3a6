/**
 * The recogniser on the five real seed specifications (through their real adapters):
 * the shapes each seed is known for, and the diagnostics MODEL.md names, each on the seed
 * where it occurs.
 */
import { describe, expect, it } from 'vitest';
import { parseSpec, type SpecDocument } from 'qualspec';
import { SEEDS } from '../../../tests/helpers/fixtures.js';

const cache = new Map<string, Promise<SpecDocument>>();
const parse = (p: string) => cache.get(p) ?? cache.set(p, parseSpec(p)).get(p)!;
const unit = (d: SpecDocument, key: string) => d.units.find((u) => u.ref === key || u.title === key)!;
const criterion = (d: SpecDocument, key: string, n: string) => unit(d, key).outcomes.flatMap((o) => o.criteria).find((c) => c.number === n)!;
const codes = (d: SpecDocument, code: string) => d.diagnostics.filter((x) => x.code === code);

describe('000: course-advert web page with pasted PDF text', () => {
  it('drops the advert lines and page footers, and splits an outcome from the criterion sharing its line', async () => {
    const d = await parse(SEEDS.proqualL2Web);
    expect(d.units).toHaveLength(39);
    const a = unit(d, 'A/506/2130');
    expect(a.outcomes.map((o) => o.number)).toEqual(['1', '2', '3', '4', '5']);
    // `4 Be able to provide customer service 4.1 Maintain … and` / `behaviour when providing customer service`
    expect(a.outcomes[3]!.text).toBe('Be able to provide customer service');
    expect(a.outcomes[3]!.criteria[0]).toMatchObject({ number: '4.1', text: 'Maintain organisational standards of presentation and behaviour when providing customer service' });
    // The last criterion of the page ends before the footer `ProQual, November 2017 / … / 10`.
    expect(a.outcomes[4]!.criteria[1]!.text).toBe('Share information and ideas with colleagues and/or service partners to support the improvement of service delivery');
    const all = JSON.stringify(d.units);
    expect(all).not.toMatch(/ProQual, November 2017|Registration Open|Add your comment/);
    // Level and credits come from the structure table (the unit pages do not print them).
    expect(a).toMatchObject({ level: 2, credits: 5, glh: null, refValid: true });
  });

  it('reads the profile and the rules of combination with group credit limits', async () => {
    const d = await parse(SEEDS.proqualL2Web);
    expect(d.awardingBody).toBe('ProQual');
    expect(d.qualification).toMatchObject({ title: 'ProQual Level 2 Diploma in Customer Service', number: '601/3576/1', level: 2, credits: 45, glh: 245, tqt: 450, draft: false });
    const groups = d.qualification.rules!.groups.map((g) => [g.name, g.kind, g.minCredits, g.maxCredits, g.units.length]);
    expect(groups).toEqual([
      ['Group A Mandatory Units', 'mandatory', 19, 19, 5],
      ['Group B Optional Units', 'optional', 3, null, 2],
      ['Group C Optional Units', 'optional', 16, null, 17],
      ['Group D Optional Units', 'optional', null, 7, 15],
    ]);
    // A title wrapped across two lines of the flattened table stays one row.
    expect(d.qualification.rules!.groups[2]!.units.find((r) => r.ref === 'T/506/2143')).toEqual({
      ref: 'T/506/2143', title: 'Deliver customer service whilst working on customers’ premises', level: 2, credits: 4, glh: null,
    });
  });

  it('joins numbered sub-items into the criterion with "; "', async () => {
    const d = await parse(SEEDS.proqualL2Web);
    expect(criterion(d, 'T/505/4673', '1.1').text).toBe('Define the main responsibilities for health and safety in the workplace of the following: a) employers; b) employees');
  });
});

describe('001: pdftotext output', () => {
  it('flags the mistyped F/502/4397 heading: ref-check-letter and ref-mismatch-table, fields from the table row by title', async () => {
    const d = await parse(SEEDS.proqualL3Pdftext);
    const u = unit(d, 'F/502/4397');
    expect(u).toMatchObject({ ref: 'F/502/4397', refValid: false, title: 'Bespoke Software', level: 3, credits: 4 });
    const check = codes(d, 'ref-check-letter');
    expect(check).toHaveLength(1);
    expect(check[0]).toMatchObject({ severity: 'warning', unit: 'F/502/4397', source: 'qualspec:recognise' });
    expect(check[0]!.message).toContain('J/502/4397');
    expect(check[0]!.location?.line).toBeGreaterThan(2800);
    const mismatch = codes(d, 'ref-mismatch-table');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.message).toMatch(/F\/502\/4397.*J\/502\/4397/);
  });

  it('reads a unit whose heading is a bare reference and whose title wraps', async () => {
    const d = await parse(SEEDS.proqualL3Pdftext);
    expect(unit(d, 'J/506/1921').title).toBe('Manage individuals’ performance');
    expect(unit(d, 'Y/506/2166').title).toBe('Develop resources to support consistency of customer service delivery');
  });
});

describe('002: Word converted to markdown', () => {
  it('splits criteria run together without spaces and keeps sub-bullets', async () => {
    const d = await parse(SEEDS.proqualCertMarkdown);
    const u = unit(d, 'R/506/4854');
    expect(u.outcomes[0]!.criteria.map((c) => c.number)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(u.outcomes[0]!.criteria[0]!.text).toBe('Describe the products and services of commercial, public and third sector organisations');
    expect(criterion(d, 'R/506/4854', '4.4').text).toBe(
      'Outline sources of support for their role within the organisation to include issues relating to: equality; health and safety; career progression',
    );
    expect(criterion(d, 'Y/506/4855', '3.1').text).toBe('Outline the customer service offers of two organisations to include, one commercial organisation; one public or third sector organisation');
  });

  it('continues a row split across a page break (outcome number before, text after the repeated header row)', async () => {
    const d = await parse(SEEDS.proqualCertMarkdown);
    const o4 = unit(d, 'R/506/4854').outcomes[3]!;
    expect(o4.text).toBe('Understand how employees are supported within the customer service role');
    expect(o4.criteria.map((c) => c.number)).toEqual(['4.1', '4.2', '4.3', '4.4']);
    expect(d.qualification.credits).toBeNull();
  });
});

describe('003: Highfield PDF converted to markdown', () => {
  it('takes the units of Appendix 2 and not the sample assessment and tracking sheets', async () => {
    const d = await parse(SEEDS.habcL3Markdown);
    expect(d.units).toHaveLength(45);
    expect(new Set(d.units.map((u) => u.ref)).size).toBe(45);
    expect(unit(d, 'J/502/4397').outcomes.flatMap((o) => o.criteria)).toHaveLength(9);
    expect(unit(d, 'L/506/2150')).toMatchObject({ number: '1', level: 3, credits: 5, glh: 27, guidance: null });
    // Repeated header rows at page breaks do not leak into criteria.
    expect(criterion(d, 'L/506/2150', '3.4').text).toBe("Adapt their own customer service delivery to meet customers' changing expectations");
  });

  it('reads GLH ranges and credits at level', async () => {
    const d = await parse(SEEDS.habcL3Markdown);
    expect(d.awardingBody).toBe('Highfield');
    expect(d.qualification).toMatchObject({ glh: 289, glhMax: 375, credits: 55, level: 3 });
    expect(d.qualification.rules).toMatchObject({ totalCredits: 55, minCreditsAtLevel: { level: 3, credits: 40 } });
    expect(d.qualification.rules!.groups.map((g) => [g.name, g.minCredits, g.maxCredits])).toEqual([
      ['Mandatory Group', 31, 31],
      ['Optional Group A', 15, null],
      ['Optional Group B', null, 9],
    ]);
  });
});

describe('004: SFJ consultation draft', () => {
  it('keeps TBC references null, reads credit cells with comments, marks the draft', async () => {
    const d = await parse(SEEDS.sfjDraft);
    expect(d.qualification.draft).toBe(true);
    expect(d.awardingBody).toBe('SFJ Awards');
    const p = unit(d, 'Principles of customer service');
    expect(p).toMatchObject({ ref: null, refValid: null, credits: 3, glh: 22, level: 2 });
    const notes = codes(d, 'value-with-comment').filter((x) => x.unit === 'Principles of customer service');
    expect(notes.map((n) => n.severity)).toEqual(['info', 'info']);
    expect(codes(d, 'ref-pending').length).toBe(2);
  });

  it('keeps a misnumbered criterion where it is printed, with criterion-outside-outcome', async () => {
    const d = await parse(SEEDS.sfjDraft);
    const u = unit(d, 'J/506/2163');
    expect(u.outcomes[1]!.criteria.map((c) => c.number)).toContain('1.8');
    const diag = codes(d, 'criterion-outside-outcome').find((x) => x.unit === 'J/506/2163');
    expect(diag?.message).toBe('criterion 1.8 is under outcome 2');
    // The handover unit numbers 3.1 and 3.2 under outcomes 1 and 2, then 3.3 opens outcome 3.
    const h = unit(d, 'T/506/2157');
    expect(h.outcomes.map((o) => o.criteria.map((c) => c.number))).toEqual([
      ['1.1', '1.2', '1.3', '3.1'],
      ['2.1', '2.2', '3.2'],
      ['3.3', '3.4', '3.5', '3.6', '3.7'],
    ]);
    expect(codes(d, 'criterion-number-gap').map((x) => x.message)).toEqual(['criterion 3.3 follows outcome 3']);
  });
});
