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
for (const dir of ['seeds', 'documents', 'styles', 'word', 'whole', 'copied', 'pandoc']) {
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
    // copies their text; four Word files as pandoc's markdown.
    expect(['seeds', 'documents', 'styles', 'word', 'whole', 'copied', 'pandoc'].map(count)).toEqual([5, 10, 48, 10, 12, 3, 4]);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const doc = await parseSpec(c.source);
      const s = score(JSON.parse(readFileSync(c.gold, 'utf8')), doc);
      const floor = c.name.startsWith('seeds/') ? 0.995 : 0.99;
      expect({ units: s.units.f1, fields: s.fields }).toEqual({ units: 1, fields: { ref: 1, title: 1, level: 1, credits: 1, glh: 1 } });
      expect(s.criteria.f1, s.misses.slice(0, 5).join('\n')).toBeGreaterThanOrEqual(floor);
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
