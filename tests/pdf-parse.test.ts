/**
 * PDF end to end: parseSpec and the parse-spec CLI on the PDF fixtures and on bad PDFs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from 'qualspec';
import { fixture, root } from './helpers/fixtures.js';

const PDFS = ['proqual-l2-diploma', 'habc-l3-diploma', 'sfj-l2-certificate-draft'];

describe('parseSpec on PDF fixtures: every unit, outcome and criterion has its page', () => {
  for (const name of PDFS) {
    it(name, async () => {
      const doc = await parseSpec(fixture(`documents/${name}.pdf`));
      expect(doc.source.format).toBe('pdf');
      const pages = doc.source.pages!;
      expect(pages).toBeGreaterThan(10);
      expect(doc.units.length).toBeGreaterThan(10);
      let last = 0;
      for (const u of doc.units) {
        expect(u.location.page, u.title).toBeGreaterThanOrEqual(Math.max(1, last));
        expect(u.location.page!).toBeLessThanOrEqual(pages);
        last = u.location.page!;
        for (const o of u.outcomes) {
          expect(o.location.page, `${u.title} ${o.number}`).toBeGreaterThanOrEqual(u.location.page!);
          for (const c of o.criteria) expect(c.location.page, `${u.title} ${c.number}`).toBeGreaterThanOrEqual(u.location.page!);
        }
      }
    });
  }

  it('places units and criteria on the pages they are printed on', async () => {
    const doc = await parseSpec(fixture('documents/proqual-l2-diploma.pdf'));
    const u = doc.units.find((x) => x.ref === 'D/506/2119')!;
    expect(u.location.page).toBe(10);
    const c29 = u.outcomes.find((o) => o.number === '2')!.criteria.find((c) => c.number === '2.9')!;
    // Printed across the page 10/11 break: starts on page 10, text joined.
    expect(c29.location.page).toBe(10);
    expect(c29.text).toBe('Check that customers have understood what has been communicated');
    expect(u.outcomes.find((o) => o.number === '2')!.criteria.find((c) => c.number === '2.10')!.location.page).toBe(11);
  });

  it('lets no running header or footer into any text', async () => {
    const doc = await parseSpec(fixture('documents/habc-l3-diploma.pdf'));
    const texts = doc.units.flatMap((u) => [u.title, u.guidance ?? '', ...u.outcomes.flatMap((o) => [o.text, ...o.criteria.map((c) => c.text)])]);
    expect(texts.some((t) => /Highfield Qualifications|Version 4\.0|HABC Level 3 Diploma/.test(t))).toBe(false);
  });
});

describe('parse-spec CLI on bad PDFs', () => {
  const bin = join(root, 'packages/qualspec/dist/cli/parse-spec.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  const dir = mkdtempSync(join(tmpdir(), 'qualspec-pdf-'));

  it('a password-protected PDF: one line asking for --password, exit 2; --password opens it', () => {
    const enc = fixture('bad/encrypted.pdf');
    const r = run(enc);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/encrypted\.pdf: password-protected PDF: pass --password/);
    const wrong = run(enc, '--password', 'nope');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/incorrect password/);
    const ok = run(enc, '--password', 'qualspec', '-o', join(dir, 'enc.json'));
    // Parsed (no units in this one-page file, so exit 1 with an error diagnostic), not refused.
    expect([0, 1]).toContain(ok.status);
    expect(JSON.parse(readFileSync(join(dir, 'enc.json'), 'utf8')).source.format).toBe('pdf');
  });

  it('a truncated PDF and garbage after a %PDF header: one line, exit 2, no stack trace', () => {
    const bytes = readFileSync(fixture('documents/sfj-l2-certificate-draft.pdf'));
    writeFileSync(join(dir, 'cut.pdf'), bytes.subarray(0, bytes.length >> 1));
    writeFileSync(join(dir, 'junk.pdf'), Buffer.concat([Buffer.from('%PDF-1.5\n'), Buffer.alloc(3000, 0x41)]));
    for (const [f, msg] of [
      ['cut.pdf', /cut\.pdf: truncated PDF/],
      ['junk.pdf', /junk\.pdf: damaged PDF/],
    ] as const) {
      const r = run(join(dir, f));
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a page limit', () => {
    const r = run(fixture('documents/proqual-l2-diploma.pdf'), '--max-pages', '5');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/40 pages, over the 5-page limit/);
  });
});
