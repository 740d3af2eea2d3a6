/**
 * The Word and web-page fixtures, unit by unit, against their gold: every outcome with its
 * criteria in order. (tests/accuracy.test.ts scores units, fields and criteria as multisets per
 * unit; this checks what that cannot see: which outcome each criterion belongs to, as the
 * source's table rows say, and their order.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSpec } from 'qualspec';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url));

interface Unit {
  ref: string | null;
  title: string | null;
  outcomes: { number: string | null; text: string; criteria: { number: string | null; text: string }[] }[];
}

/** White space, quotes and dashes normalised, trailing punctuation dropped. */
const norm = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.;:,]+$/, '');

const outline = (u: Unit) => u.outcomes.map((o) => [`${o.number} ${norm(o.text)}`, o.criteria.map((c) => `${c.number} ${norm(c.text)}`)]);

const CASES = ['habc-l3-diploma', 'proqual-l2-diploma', 'sfj-l2-certificate-draft'].flatMap((n) => [`${n}.docx`, `${n}.web.html`]);

describe('Word and web-page fixtures: outcomes and their criteria as the gold has them', () => {
  it.each(CASES)('%s', async (file) => {
    const gold = JSON.parse(readFileSync(fixture(file.replace(/\.(docx|web\.html)$/, '.gold.json')), 'utf8')) as { units: Unit[] };
    const doc = await parseSpec(fixture(file));
    expect(doc.source.format).toBe(file.endsWith('.docx') ? 'docx' : 'html');
    const units = doc.units as unknown as Unit[];
    expect(units.map((u) => u.ref ?? u.title)).toEqual(gold.units.map((u) => u.ref ?? u.title));
    gold.units.forEach((g, i) => expect(outline(units[i]!), `${g.ref ?? g.title}`).toEqual(outline(g)));
  });
});
