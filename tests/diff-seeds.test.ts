/**
 * The differ on the five real seed specifications, parsed by parseSpec (not the gold files).
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSpec, diffSpecs, renderMarkdown, type DiffReport, type SpecDocument } from '../packages/qualspec/dist/index.js';
import { classifyChange, DiffReport as DiffReportSchema } from '../packages/diff/dist/index.js';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url);
let docs: SpecDocument[];
let report: DiffReport;
// Seeds by role (indices into docs): 000 ProQual L2 diploma, 001 ProQual L3 diploma,
// 002 ProQual L2 certificate, 003 Highfield L3 diploma, 004 SFJ L2 certificate draft.
const PQ2 = 0, PQ3 = 1, HF3 = 3, SFJ = 4;

beforeAll(async () => {
  const files = readdirSync(SEEDS).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
  expect(files).toHaveLength(5);
  docs = [];
  for (const f of files) docs.push(await parseSpec(new URL(f, SEEDS)));
  report = diffSpecs(docs);
});

const unit = (key: string) => report.units.find((u) => u.key === key)!;
const findings = (kind: string) => report.findings.filter((f) => f.kind === kind);

describe('diffSpecs on the seeds', () => {
  it('identifies the documents and validates against the schema', () => {
    expect(DiffReportSchema.parse(report)).toEqual(report);
    expect(report.documents.map((d) => d.awardingBody)).toEqual(['ProQual', 'ProQual', 'ProQual', 'Highfield', 'SFJ Awards']);
    expect(report.documents[PQ3]!.number).toBe('601/3577/3');
    expect(report.documents[PQ3]!.path).toMatch(/001_f68a613929ff46c3\.txt$/);
    const s = report.summary;
    expect(s.identical + s.diverging).toBe(s.unitsCompared);
    expect(s.unitsCompared + s.onlyInOne).toBe(s.units);
    expect(s.identical).toBeGreaterThan(10);
    expect(s.diverging).toBeGreaterThan(10);
  });

  it('finds the F/502/4397 check-letter error with the corrected reference', () => {
    const [f, ...more] = findings('check-letter').filter((x) => x.ref === 'F/502/4397');
    expect(more).toEqual([]);
    expect(f).toMatchObject({ suggestion: 'J/502/4397', title: 'Bespoke Software', severity: 'error' });
    expect(f!.occurrences.some((o) => o.doc === PQ3 && o.where === 'unit')).toBe(true);
    // No other reference in the seeds has a wrong check letter.
    expect(findings('check-letter').map((x) => x.ref)).toEqual(['F/502/4397']);
  });

  it('finds that the page headed F/502/4397 is listed as J/502/4397 in its structure table', () => {
    const f = findings('ref-mismatch-table').find((x) => x.ref === 'F/502/4397');
    expect(f).toMatchObject({ suggestion: 'J/502/4397' });
    expect(f!.occurrences.map((o) => o.doc)).toContain(PQ3);
  });

  it("finds ProQual L3's Bespoke Software page printing F/502/4396's level-2 body, unlike Highfield's J/502/4397", () => {
    const f = findings('duplicate-body').find((x) => x.ref === 'F/502/4397')!;
    expect(f).toBeDefined();
    expect(f.occurrences.map((o) => [o.doc, o.ref])).toEqual([
      [PQ3, 'F/502/4397'],
      [PQ2, 'F/502/4396'],
    ]);
    expect(f.differing.map((o) => [o.doc, o.ref])).toEqual([[HF3, 'J/502/4397']]);
    // The unit is compared under its corrected reference, and diverges in wording and structure.
    const u = unit('J/502/4397');
    expect(u.versions.map((v) => [v.doc, v.ref, v.match.by])).toEqual([
      [PQ3, 'F/502/4397', 'corrected-ref'],
      [HF3, 'J/502/4397', 'ref'],
    ]);
    expect(u.status).toBe('diverging');
    expect(u.counts.wording).toBeGreaterThan(3);
    const added = u.comparisons[0]!.differences.filter((d) => d.change === 'added' && d.field === 'criterion');
    expect(added.map((d) => d.b!.text)).toContain('Identify and respond appropriately to quality problems to ensure that outcomes are fit for purpose and meet needs');
  });

  it('finds Bespoke Software under two references (level 2 and level 3)', () => {
    const f = findings('same-title-different-ref').find((x) => x.title === 'Bespoke Software')!;
    const keys = [...new Set(f.occurrences.map((o) => o.key))].sort();
    expect(keys).toEqual(['F/502/4396', 'J/502/4397']);
    expect(f.occurrences.filter((o) => o.key === 'F/502/4396').map((o) => [o.doc, o.level])).toEqual([[PQ2, 2]]);
    expect(f.occurrences.filter((o) => o.key === 'J/502/4397').map((o) => o.doc).sort()).toEqual([PQ3, HF3]);
  });

  it("classes Highfield's organization against ProQual's organisation in Y/506/2152 criterion 2.1 as spelling", () => {
    const u = unit('Y/506/2152');
    const c = u.comparisons.find((x) => x.a.includes(PQ3) && x.b.includes(HF3))!;
    const d = c.differences.find((x) => x.field === 'criterion' && x.a?.number === '2.1' && x.change === 'changed')!;
    expect(d.class).toBe('spelling');
    const changed = d.segments!.filter((s) => s.op !== 'equal').map((s) => [s.op, s.text]);
    expect(changed).toEqual([
      ['delete', 'organisation'],
      ['insert', 'organization'],
    ]);
  });

  it('finds K/502/8622 titled "Buyer behaviour" and "Buyer behaviours in sales situations", a wording difference', () => {
    const f = findings('same-ref-different-title').find((x) => x.ref === 'K/502/8622')!;
    expect(f).toBeDefined();
    const titles = [...new Set(f.occurrences.map((o) => o.title))];
    expect(titles).toContain('Buyer behaviour in sales situations');
    expect(titles).toContain('Buyer behaviours in sales situations');
    expect(classifyChange('Buyer behaviour in sales situations', 'Buyer behaviours in sales situations')).toBe('wording');
  });

  it("matches SFJ's TBC Principles of customer service to J/506/2132, with credits 4 against 3 and the removed criteria", () => {
    const u = unit('J/506/2132');
    const sfj = u.versions.find((v) => v.doc === SFJ)!;
    expect(sfj).toMatchObject({ ref: null, title: 'Principles of customer service', match: { by: 'title' } });
    expect(sfj.match.score).toBeGreaterThan(0.6);
    const c = u.comparisons.find((x) => x.a.includes(PQ2) && x.b.includes(SFJ))!;
    expect(c.differences.find((d) => d.field === 'credits')).toMatchObject({ class: 'structural', a: { value: 4 }, b: { value: 3 } });
    const removed = c.differences.filter((d) => d.field === 'criterion' && d.change === 'removed').map((d) => d.a!.text);
    expect(removed).toEqual([
      'Explain the importance of keeping up to date with knowledge of competitors’ activities',
      'Describe the features of effective follow-up service',
      'Describe how sales and consumer-related legislation and regulations affect the delivery of customer service',
      'Explain the difference between customers’ wants, needs and their expectations',
      'Explain the uses of systems to manage customer service information',
      'Identify the features of an effective customer complaints process',
    ]);
    // The criteria after a removed one are renumbered, not deleted and added again.
    expect(c.differences.filter((d) => d.change === 'added')).toEqual([]);
  });

  it("leaves SFJ's TBC Deal with customers face to face unmatched", () => {
    const u = report.units.find((x) => x.title === 'Deal with customers face to face')!;
    expect(u.status).toBe('only-in-one');
    expect(u.versions.map((v) => v.doc)).toEqual([SFJ]);
  });

  it('never counts a running number or a location as a difference', () => {
    // Highfield numbers its units (Unit 1..45) and ProQual does not; shared units still compare identical.
    const u = unit('T/506/2952');
    expect(u.versions.map((v) => v.number)).toEqual([null, '6']);
    expect(u.status).toBe('identical');
  });

  it('renders Markdown with the findings at the top', () => {
    const md = renderMarkdown(report);
    expect(md.indexOf('**check-letter** (error): F/502/4397')).toBeGreaterThan(0);
    expect(md.indexOf('**check-letter**')).toBeLessThan(md.indexOf('## Diverging units'));
    expect(md).toContain('### J/506/2132 Principles of customer service');
  });
});
