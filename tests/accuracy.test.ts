/**
 * Accuracy on every committed fixture that has a hand-checked expected output beside it, and
 * (optional) the same through the shared scorer when ../shared is present.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from 'qualspec';
// @ts-expect-error plain JS module without types
import { score } from '../scripts/lib/score.mjs';
import { root } from './helpers/fixtures.js';

const SOURCES = ['.txt', '.md', '.pdf', '.docx', '.docx.pdf', '.web.html', '.html'];
const cases: { name: string; source: string; gold: string }[] = [];
for (const dir of ['seeds', 'documents', 'styles', 'word', 'whole', 'copied', 'pandoc', 'office', 'office-variants', 'realshapes']) {
  for (const g of readdirSync(join(root, 'fixtures', dir)).filter((f) => f.endsWith('.gold.json'))) {
    const base = g.slice(0, -'.gold.json'.length);
    for (const ext of SOURCES) {
      const source = join(root, 'fixtures', dir, base + ext);
      if (existsSync(source)) cases.push({ name: `${dir}/${base}${ext}`, source, gold: join(root, 'fixtures', dir, g) });
    }
  }
}

describe('accuracy against the expected outputs', () => {
  it('finds every fixture: seeds, documents, house styles, Word documents, whole specifications', () => {
    const count = (dir: string) => cases.filter((c) => c.name.startsWith(`${dir}/`)).length;
    // Five seeds; three documents as PDF, Word and web page, and the combined PDF; twelve house
    // styles as web page, Word, browser PDF and word-processor PDF; five Word files
    // (also as PDF); three whole specifications in four forms; three pages as a browser
    // copies their text; four Word files as pandoc's markdown; five office-suite tables
    // (centred criterion rows, Pass/Merit/Distinction grids ruled and borderless, a brief's
    // code columns) as Word file and LibreOffice PDF, and six variants of how such tables are
    // drawn (no rules, inner horizontal rules only, frame only, banded, a brief grid without
    // fill); shapes of real third parties' documents in invented words.
    expect(['seeds', 'documents', 'styles', 'word', 'whole', 'copied', 'pandoc', 'office', 'office-variants', 'realshapes'].map(count)).toEqual([5, 10, 48, 10, 12, 3, 4, 10, 12, 5]);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const doc = await parseSpec(c.source);
      const s = score(JSON.parse(readFileSync(c.gold, 'utf8')), doc);
      const floor = c.name.startsWith('seeds/') ? 0.995 : 0.99;
      expect({ units: s.units.f1, fields: s.fields }).toEqual({ units: 1, fields: { ref: 1, title: 1, level: 1, credits: 1, glh: 1 } });
      expect(s.criteria.f1, s.misses.slice(0, 5).join('\n')).toBeGreaterThanOrEqual(floor);
      expect(s.outcomes.f1, s.misses.slice(0, 5).join('\n')).toBeGreaterThanOrEqual(floor);
      const q = s.qualification as Record<string, boolean>;
      for (const f of ['title', 'number', 'level', 'credits', 'glh', 'tqt']) if (f in q) expect(q[f], `qualification ${f}`).toBe(true);
    });
  }
});

const shared = join(root, '..', 'shared', 'eval');
describe.skipIf(!existsSync(join(shared, 'score.mjs')))('the shared scorer (optional: only where ../shared is present)', () => {
  it('scores every seed at units F1 1.000 and criteria F1 >= 0.995', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qualspec-acc-'));
    for (const g of readdirSync(join(shared, 'gold'))) {
      const src = join(root, 'fixtures', 'seeds', g.replace('.json', '.txt'));
      const out = join(dir, g);
      writeFileSync(out, JSON.stringify(await parseSpec(src)));
      const text = execFileSync(process.execPath, [join(shared, 'score.mjs'), join(shared, 'gold', g), out], { encoding: 'utf8' });
      expect(text).toMatch(/^units\s+P 1\.000\s+R 1\.000\s+F1 1\.000/m);
      expect(Number(/criteria F1 ([\d.]+)/.exec(text)![1])).toBeGreaterThanOrEqual(0.995);
      expect(text).not.toContain('WRONG');
    }
  });
});

/**
 * The real specifications in ../shared/real, as their publishers printed them (read in place:
 * they are not the project's to copy). Each must read completely: every unit and its fields,
 * criteria F1 at least 0.98, the qualification fields as expected (null where the document
 * states none).
 */
const real = join(root, '..', 'shared', 'real');
const realCases = existsSync(real)
  ? readdirSync(real)
      .filter((f) => f.endsWith('.gold.json'))
      .flatMap((g) => readdirSync(real).filter((f) => f.startsWith(g.slice(0, -'.gold.json'.length) + '.') && !f.endsWith('.gold.json')).map((source) => ({ gold: join(real, g), source: join(real, source) })))
  : [];
describe.skipIf(!realCases.length)('real specifications (../shared/real, where present)', () => {
  for (const c of realCases) {
    it(c.source.slice(real.length + 1), async () => {
      const doc = await parseSpec(c.source);
      const s = score(JSON.parse(readFileSync(c.gold, 'utf8')), doc);
      expect({ units: s.units.f1, fields: s.fields }).toEqual({ units: 1, fields: { ref: 1, title: 1, level: 1, credits: 1, glh: 1 } });
      expect(s.criteria.f1, s.misses.slice(0, 5).join('\n')).toBeGreaterThanOrEqual(0.98);
      expect(s.outcomes.f1, s.misses.slice(0, 5).join('\n')).toBeGreaterThanOrEqual(0.98);
      for (const [f, ok] of Object.entries(s.qualification as Record<string, boolean>)) expect(ok, `qualification ${f}`).toBe(true);
      expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
});

/**
 * The unlabelled real PDFs (Pearson Higher Nationals unit descriptors): what a correct parse
 * must show, as ../shared/real/README.md gives it.
 */
const unlabelled = join(real, 'unlabelled');
const unlabelledPdfs = existsSync(unlabelled) ? readdirSync(unlabelled).filter((f) => f.endsWith('.pdf')) : [];
describe.skipIf(!unlabelledPdfs.length)('unlabelled real PDFs (../shared/real/unlabelled, where present)', () => {
  for (const f of unlabelledPdfs) {
    it(`${f}: one unit, its code, level and credits, four outcomes, graded criteria each once without gaps`, async () => {
      const doc = await parseSpec(join(unlabelled, f));
      expect(doc.units).toHaveLength(1);
      const u = doc.units[0]!;
      expect(u.ref).toMatch(/^[A-Z]\/\d{3}\/\d{4}$/);
      expect([4, 5]).toContain(u.level);
      expect(u.credits).toBe(15);
      expect(u.outcomes).toHaveLength(4);
      const codes = u.outcomes.flatMap((o) => o.criteria.map((c) => c.number));
      for (const grade of ['P', 'M', 'D']) {
        const ns = codes.filter((n) => n.startsWith(grade)).map((n) => Number(n.slice(1)));
        expect(ns.length, grade).toBeGreaterThan(0);
        expect([...ns].sort((a, b) => a - b)).toEqual(ns.map((_, k) => k + 1));
      }
      expect(codes.every((n) => /^[PMD]\d+$/.test(n))).toBe(true);
      for (const o of u.outcomes) for (const c of o.criteria) expect(c.text).not.toMatch(/Unit Descriptors|Pearson Education Limited|Issue \d/);
      expect(doc.diagnostics.filter((d) => d.code === 'criteria-unread' || d.severity === 'error')).toEqual([]);
    });
  }
});
