/** parse-spec as a user runs it: real files in, JSON or a summary out, one-line errors, exit codes. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS, root } from './helpers/fixtures.js';

const bin = join(root, 'packages/qualspec/dist/cli/parse-spec.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, INIT_CWD: root } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'qualspec-cli-'));

describe('parse-spec', () => {
  it('prints the SpecDocument of one file as JSON and exits 0', () => {
    const r = run(SEEDS.proqualL3Pdftext);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.schemaVersion).toBe('1');
    // A text file has no page count; its printed page numbers (footers) still place units.
    expect(doc.source).toMatchObject({ format: 'text', pages: null });
    expect(doc.units.find((u: { ref: string }) => u.ref === 'F/502/4397').location.page).toBe(30);
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.units).toHaveLength(45);
  });

  it('prints a summary table with diagnostics by severity and the first warnings', () => {
    const r = run('--format', 'summary', SEEDS.proqualL3Pdftext);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^units\s+45$/m);
    expect(r.out).toMatch(/^criteria\s+617$/m);
    expect(r.out).toMatch(/^diagnostics\s+0 errors, 2 warnings/m);
    expect(r.out).toContain('warning: ref-check-letter: F/502/4397');
  });

  it('writes one JSON per file into a directory with -o', () => {
    const dir = tmp();
    const r = run(SEEDS.proqualCertMarkdown, SEEDS.sfjDraft, '-o', join(dir, 'out'));
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['002_ad01b6a3c5de5f33.json', '004_310dec6ea9f8f7ac.json']);
    expect(JSON.parse(readFileSync(join(dir, 'out', '004_310dec6ea9f8f7ac.json'), 'utf8')).qualification.draft).toBe(true);
  });

  it('documents options and exit codes in --help', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    for (const s of ['--format json|summary', '-o, --output', '--password', '--max-pages', 'Exit codes', '0  every file', '1  a file parsed', '2  usage error']) expect(r.out).toContain(s);
  });

  describe('bad input: one line naming the file and the reason, no stack trace', () => {
    const oneLine = (err: string, file: string, reason: RegExp) => {
      const lines = err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(reason);
      expect(err).not.toMatch(/\n\s+at /);
    };

    it('an empty file: exit 2', () => {
      const f = join(tmp(), 'empty.txt');
      writeFileSync(f, '');
      const r = run(f);
      expect(r.code).toBe(2);
      oneLine(r.err, 'empty.txt', /empty file/);
      expect(r.out).toBe('');
    });

    it('a binary file named .txt: exit 2', () => {
      const f = join(tmp(), 'photo.txt');
      writeFileSync(f, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
      const r = run(f);
      expect(r.code).toBe(2);
      oneLine(r.err, 'photo.txt', /binary content, not text/);
    });

    it('a text with no units: exit 1, the JSON still written with the error diagnostic', () => {
      const f = join(tmp(), 'letter.txt');
      writeFileSync(f, 'Dear centre,\n\nThank you for your application to offer our qualifications.\n\nYours faithfully\n');
      const r = run(f);
      expect(r.code).toBe(1);
      oneLine(r.err, 'letter.txt', /no units found/);
      expect(JSON.parse(r.out).diagnostics[0]).toMatchObject({ severity: 'error', code: 'no-units' });
    });

    it('a missing file: exit 2', () => {
      const r = run('no/such/spec.pdf');
      expect(r.code).toBe(2);
      oneLine(r.err, 'no/such/spec.pdf', /no such file/);
    });

    it('an unknown option: exit 2 with a hint', () => {
      const r = run('--colour', SEEDS.sfjDraft);
      expect(r.code).toBe(2);
      expect(r.err).toContain('unknown option --colour');
    });

    it('several files, one bad: the good one is written, the bad one reported, exit 2, no partial file', () => {
      const dir = tmp();
      const bad = join(dir, 'bad.pdf');
      writeFileSync(bad, 'this is not a PDF');
      const r = run(SEEDS.sfjDraft, bad, '-o', join(dir, 'out'));
      expect(r.code).toBe(2);
      oneLine(r.err, 'bad.pdf', /not a PDF/);
      expect(readdirSync(join(dir, 'out'))).toEqual(['004_310dec6ea9f8f7ac.json']);
      expect(existsSync(join(dir, 'out', 'bad.json'))).toBe(false);
    });
  });
});
