/** The diff-spec command line: inputs, formats, -o written atomically, one-line errors and exit codes. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIFF_REPORT_SCHEMA_URL, parseSpec } from 'qualspec';
import { DiffReport } from '../packages/diff/dist/index.js';
import { fixture, root } from './helpers/fixtures.js';
import { lines, runBin, screen, tmp } from './helpers/cli.js';

const PQ3 = 'fixtures/seeds/001_f68a613929ff46c3.txt';
const HF3 = 'fixtures/seeds/003_46569ff9cfb36880.txt';
const SFJ = 'fixtures/seeds/004_310dec6ea9f8f7ac.txt';
const dir = tmp('qualspec-diff-cli-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LETTER = join(dir, 'letter.txt');
writeFileSync(LETTER, 'Dear centre,\n\nThank you for your application.\n\nYours faithfully\n');

const run = (...args: string[]) => runBin('diff-spec', args);
const NO_UNITS = 'no units found: no unit heading followed by learning outcomes or assessment criteria';

describe('diff-spec', () => {
  it('--help documents the options and exit codes', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    for (const s of ['--format json|md|html', '-o, --output OUT', '--keep-failed', '--input-format', '--password', '--max-pages', '--max-bytes', '-v, --version']) expect(r.out).toContain(s);
    expect(r.out).toMatch(/Exit codes:\n\s+0 [^\n]*\n\s+1 [^\n]*\n(.*\n)*?\s+2 /);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'packages/qualspec/package.json'), 'utf8'));
    expect(run('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('writes Markdown to standard output by default', () => {
    const r = run(PQ3, HF3);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^# Unit differences across awarding bodies\n/);
    expect(r.out).toContain('**check-letter** (error): F/502/4397');
  });

  it('writes JSON (naming its schema) and HTML to -o by its extension, leaving no temporary file', () => {
    const out = join(dir, 'reports');
    mkdirSync(out);
    expect(run(PQ3, HF3, '-o', join(out, 'report.json')).code).toBe(0);
    expect(run(PQ3, HF3, '--output', join(out, 'report.html')).code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.$schema).toBe(DIFF_REPORT_SCHEMA_URL);
    const report = DiffReport.parse(json);
    expect(report.documents.map((d) => d.path)).toEqual([PQ3, HF3]);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(readdirSync(out).sort()).toEqual(['report.html', 'report.json']);
  });

  it('--format overrides the extension', () => {
    const out = join(dir, 'x.txt');
    expect(run('--format', 'json', PQ3, HF3, '-o', out).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).kind).toBe('qualspec-diff-report');
    rmSync(out);
  });

  it('refuses an -o extension that names no format, writing nothing', () => {
    const out = join(dir, 'report.pdf');
    const r = run(PQ3, HF3, '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`diff-spec: cannot tell the report format from the extension .pdf of ${out}: name it .json, .md or .html, or give --format\nTry 'diff-spec --help'.\n`);
    expect(existsSync(out)).toBe(false);
  });

  describe('inputs', () => {
    it('takes SpecDocument JSON as input', async () => {
      const doc = await parseSpec(join(root, HF3));
      const file = join(dir, 'hf3.json');
      writeFileSync(file, JSON.stringify(doc));
      const r = run(PQ3, file, '--format', 'json');
      expect(r.code).toBe(0);
      const report = DiffReport.parse(JSON.parse(r.out));
      expect(report.documents[1]!.awardingBody).toBe('Highfield');
      expect(report.summary.unitsCompared).toBe(45);
      rmSync(file);
    });

    it("takes parse-spec's own array output, from a file or standard input", () => {
      const array = runBin('parse-spec', [PQ3, HF3]).out;
      const file = join(dir, 'both.json');
      writeFileSync(file, array);
      for (const r of [run(file, '-f', 'json'), runBin('diff-spec', ['-', '-f', 'json'], { input: array })]) {
        expect(r.code).toBe(0);
        const report = DiffReport.parse(JSON.parse(r.out));
        expect(report.documents.map((d) => d.awardingBody)).toEqual(['ProQual', 'Highfield']);
        expect(report.summary.unitsCompared).toBe(45);
      }
      rmSync(file);
    });

    it('takes a folder of specifications', () => {
      const folder = join(dir, 'specs');
      mkdirSync(folder);
      copyFileSync(join(root, PQ3), join(folder, 'pq3.txt'));
      copyFileSync(join(root, HF3), join(folder, 'hf3.txt'));
      const r = runBin('diff-spec', ['specs', '-f', 'json'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(DiffReport.parse(JSON.parse(r.out)).documents.map((d) => d.path)).toEqual(['specs/hf3.txt', 'specs/pq3.txt']);
      rmSync(folder, { recursive: true });
    });

    it('takes --input-format, --max-bytes and --max-pages as parse-spec does', () => {
      const md = join(dir, 'sfj.data');
      copyFileSync(join(root, SFJ), md);
      expect(run('--input-format', 'markdown', md, SFJ, '-f', 'json').code).toBe(0);
      const big = run('--max-bytes', '1000', PQ3, HF3);
      expect(big.code).toBe(1);
      expect(lines(big.err)).toEqual([
        expect.stringMatching(/^diff-spec: fixtures\/seeds\/001_f68a613929ff46c3\.txt: file is \d+ bytes, over the 1000-byte limit$/),
        expect.stringMatching(/^diff-spec: fixtures\/seeds\/003_46569ff9cfb36880\.txt: file is \d+ bytes, over the 1000-byte limit$/),
        'diff-spec: nothing to compare: no document left from 2 inputs',
      ]);
      const pages = run('--max-pages', '3', fixture('styles/cg-early-years.pdf'), PQ3, HF3, '-f', 'json');
      expect(pages.code).toBe(1);
      expect(lines(pages.err)).toEqual([expect.stringMatching(/cg-early-years\.pdf: PDF has \d+ pages, over the 3-page limit$/)]);
      expect(JSON.parse(pages.out).documents).toHaveLength(2);
    });

    it('--password opens an encrypted PDF, as in parse-spec', () => {
      const pdf = fixture('bad/encrypted.pdf');
      const without = run(pdf, PQ3);
      expect(without.code).toBe(1);
      expect(lines(without.err)[0]).toMatch(/encrypted\.pdf: password-protected PDF: pass --password$/);
      const wrong = run('--password', 'nope', pdf, PQ3);
      expect(lines(wrong.err)[0]).toMatch(/encrypted\.pdf: incorrect password for this PDF$/);
      // The right password opens it: it is read (and has no units of its own to compare).
      const r = run('--password', 'qualspec', pdf, PQ3);
      expect(lines(r.err).some((l) => /password/.test(l))).toBe(false);
    });
  });

  describe('inputs it cannot use: named on stderr, left out, exit 1', () => {
    it('a file with no units: exit 1 naming it, and nothing to compare with one document left', () => {
      const r = run(PQ3, LETTER);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`diff-spec: ${LETTER}: ${NO_UNITS} (left out of the report)\ndiff-spec: nothing to compare: only one document left from 2 inputs\n`);
      expect(r.out).toBe('');
    });

    it('with two good documents besides it, the report is written without it', () => {
      const r = run(PQ3, HF3, LETTER, '-f', 'json');
      expect(r.code).toBe(1);
      expect(r.err).toBe(`diff-spec: ${LETTER}: ${NO_UNITS} (left out of the report)\n`);
      expect(DiffReport.parse(JSON.parse(r.out)).documents).toHaveLength(2);
    });

    it('--keep-failed keeps it in the report, still exit 1', () => {
      const r = run(PQ3, HF3, LETTER, '-f', 'json', '--keep-failed');
      expect(r.code).toBe(1);
      expect(r.err).toBe(`diff-spec: ${LETTER}: ${NO_UNITS} (kept: --keep-failed)\n`);
      expect(DiffReport.parse(JSON.parse(r.out)).documents.map((d) => d.path)).toEqual([PQ3, HF3, LETTER]);
    });

    it.each([
      [['no-such-file.txt'], /^diff-spec: no-such-file\.txt: no such file$/],
      [['fixtures/seeds/003_46569ff9cfb36880.gold.json'], /^diff-spec: fixtures\/seeds\/003_46569ff9cfb36880\.gold\.json: not a SpecDocument \(source: [^\n]*\)$/],
      [['fixtures/bad/encrypted.pdf'], /^diff-spec: fixtures\/bad\/encrypted\.pdf: password-protected PDF: pass --password$/],
    ])('%j', (args, message) => {
      const r = run(PQ3, HF3, ...(args as string[]), '-f', 'json');
      expect(r.code).toBe(1);
      expect(lines(r.err)).toHaveLength(1);
      expect(lines(r.err)[0]).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(DiffReport.parse(JSON.parse(r.out)).documents).toHaveLength(2);
    });

    it('JSON that does not parse', () => {
      const file = join(dir, 'broken.json');
      writeFileSync(file, '{"schemaVersion": "1", "units": [');
      const r = run(PQ3, file);
      expect(r.code).toBe(1);
      expect(lines(r.err)[0]).toMatch(/^diff-spec: .*broken\.json: not valid JSON \(.*\)$/);
      rmSync(file);
    });

    it('--progress lists each input with what became of it', () => {
      const r = run(PQ3, HF3, LETTER, '--progress');
      expect(r.code).toBe(1);
      const shown = screen(r.err);
      expect(shown.some((l) => /^\[3\/3\] \S+letter\.txt {2}\d+\.\d s$/.test(l))).toBe(true);
      expect(shown.slice(-4).map((l) => l.trim().split(/\s+/)[0])).toEqual(['ok', 'ok', 'errors', '3']);
    });
  });

  describe('usage errors: exit 2, nothing written', () => {
    it.each([
      [['--format', 'pdf', PQ3, HF3], 'diff-spec: --format must be json, md or html, not pdf'],
      [[], 'diff-spec: no input file'],
      [['--bogus', PQ3], 'diff-spec: unknown option --bogus'],
      [[PQ3], `diff-spec: needs at least two specifications to compare, got one (${PQ3})`],
      [['--max-pages', 'ten', PQ3, HF3], 'diff-spec: --max-pages must be a positive whole number, not ten'],
      [['-o', '--format', 'json', PQ3, HF3], 'diff-spec: option -o needs a value, not the option --format (for a value that starts with "-", write -o--format)'],
    ])('%j', (args, message) => {
      const r = run(...(args as string[]));
      expect(r.code).toBe(2);
      expect(r.err).toBe(`${message}\nTry 'diff-spec --help'.\n`);
      expect(r.out).toBe('');
    });

    it('one JSON file holding a single document', () => {
      const file = join(dir, 'one.json');
      writeFileSync(file, runBin('parse-spec', [SFJ]).out);
      const r = run(file);
      expect(r.code).toBe(2);
      expect(lines(r.err)[0]).toBe('diff-spec: needs at least two specifications to compare, got one');
      rmSync(file);
    });

    it('leaves no partial file when the output cannot be written', () => {
      const sub = join(dir, 'sub');
      const out = join(sub, 'taken.md');
      mkdirSync(out, { recursive: true });
      const r = run(PQ3, HF3, '-o', out);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`diff-spec: ${out}: cannot write: is a directory\n`);
      expect(readdirSync(sub)).toEqual(['taken.md']);
      expect(readdirSync(out)).toEqual([]);
      rmSync(sub, { recursive: true });
    });
  });
});
