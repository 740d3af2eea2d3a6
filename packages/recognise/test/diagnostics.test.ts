/**
 * Diagnostics that no seed triggers as it stands, proven on a real seed with one thing
 * changed: a unit body removed, a structure-table credit or level altered.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSpec } from 'qualspec';
import { SEEDS } from '../../../tests/helpers/fixtures.js';

const habc = readFileSync(SEEDS.habcL3Markdown, 'utf8');
const proqual = readFileSync(SEEDS.proqualL2Web, 'utf8');
const parseText = (text: string, path: string) => parseSpec({ text, path });

describe('diagnostics on edited seeds', () => {
  it('unit-without-body: a structure-table unit whose body was cut out still gets an entry', async () => {
    const start = habc.indexOf('Unit 44: Processing sales orders');
    const end = habc.indexOf('Unit 45: Bespoke Software');
    expect(start).toBeGreaterThan(0);
    const d = await parseText(habc.slice(0, start) + habc.slice(end), 'habc.md');
    const u = d.units.find((x) => x.ref === 'M/502/8587')!;
    expect(u).toMatchObject({ title: 'Processing sales orders', level: 2, credits: 2, outcomes: [] });
    expect(d.units.indexOf(u)).toBe(d.units.length - 1);
    const diag = d.diagnostics.filter((x) => x.code === 'unit-without-body');
    expect(diag).toHaveLength(1);
    expect(diag[0]).toMatchObject({ severity: 'warning', unit: 'M/502/8587' });
  });

  it('credits-mismatch-table and level-mismatch-table: the page wins, the table disagreement is reported', async () => {
    const edited = habc
      .replace('1\tL/506/2150\tOrganise and deliver customer service\t3\t5', '1\tL/506/2150\tOrganise and deliver customer service\t2\t6');
    expect(edited).not.toBe(habc);
    const d = await parseText(edited, 'habc.md');
    expect(d.units.find((u) => u.ref === 'L/506/2150')).toMatchObject({ level: 3, credits: 5 });
    const credits = d.diagnostics.filter((x) => x.code === 'credits-mismatch-table');
    const level = d.diagnostics.filter((x) => x.code === 'level-mismatch-table');
    expect(credits.map((x) => [x.unit, x.message])).toEqual([['L/506/2150', 'unit page gives credits 5 but the structure table gives 6']]);
    expect(level.map((x) => [x.unit, x.message])).toEqual([['L/506/2150', 'unit page gives level 3 but the structure table gives 2']]);
  });

  it('criterion-number-gap on a flattened text table with a criterion removed', async () => {
    const edited = proqual.replace('1.3 Explain the importance of treating customers as\n\nindividuals\n\n', '');
    expect(edited).not.toBe(proqual);
    const d = await parseText(edited, 'proqual.txt');
    const gap = d.diagnostics.filter((x) => x.code === 'criterion-number-gap');
    expect(gap.map((x) => [x.unit, x.message])).toEqual([['A/506/2130', 'criterion 1.4 follows 1.2']]);
    expect(gap[0]!.location?.line).toBeGreaterThan(380);
  });

  it('a structure table and no unit bodies: the units listed, reported, no error; numbered criteria no heading introduces stay an error', async () => {
    const tableOnly = habc.slice(0, habc.indexOf('Unit 1: Organise and deliver customer service'));
    const d = await parseText(tableOnly, 'habc.md');
    expect(d.units.length).toBeGreaterThan(10);
    expect(d.units.every((u) => u.outcomes.length === 0)).toBe(true);
    expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(d.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'no-unit-bodies' });
    expect(d.diagnostics.filter((x) => x.code === 'unit-without-body')).toHaveLength(d.units.length);
    // The bodies there but nothing that heads them left (headings and reference labels cut):
    // a failure to read, loud.
    const headless = habc.replace(/^Unit (?:\d+: .*|number: .*)\n/gm, '');
    expect(headless).not.toBe(habc);
    const e = await parseText(headless, 'habc.md');
    expect(e.diagnostics.filter((x) => x.severity === 'error').map((x) => x.code)).toEqual(['no-criteria']);
    expect(e.diagnostics.find((x) => x.code === 'no-criteria')!.message).toMatch(/lines are numbered as criteria but no unit heading introduces them/);
  });

  it('no-units is an error diagnostic on a text that specifies no units', async () => {
    const intro = proqual.slice(0, proqual.indexOf('Qualification Structure'));
    const d = await parseText(intro, 'intro.txt');
    expect(d.units).toEqual([]);
    expect(d.diagnostics.filter((x) => x.severity === 'error').map((x) => x.code)).toEqual(['no-units']);
  });
});
