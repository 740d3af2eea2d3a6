/** The diff-spec command line: formats, -o written atomically, one-line errors and exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../packages/qualspec/dist/index.js';
import { DiffReport } from '../packages/diff/dist/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages/qualspec/dist/cli/diff-spec.js');
const PQ3 = 'fixtures/seeds/001_f68a613929ff46c3.txt';
const HF3 = 'fixtures/seeds/003_46569ff9cfb36880.txt';
const dir = mkdtempSync(join(tmpdir(), 'qualspec-diff-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, INIT_CWD: ROOT } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('diff-spec', () => {
  it('--help documents the options and exit codes', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--format json|md|html');
    expect(r.out).toContain('-o, --output OUT');
    expect(r.out).toMatch(/Exit codes:\n\s+0 [^\n]*\n\s+2 /);
  });

  it('writes Markdown to standard output by default', () => {
    const r = run(PQ3, HF3);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^# Unit differences across awarding bodies\n/);
    expect(r.out).toContain('**check-letter** (error): F/502/4397');
  });

  it('writes JSON and HTML to -o by its extension, leaving no temporary file', () => {
    const json = join(dir, 'report.json');
    const html = join(dir, 'report.html');
    expect(run(PQ3, HF3, '-o', json).code).toBe(0);
    expect(run(PQ3, HF3, '--output', html).code).toBe(0);
    const report = DiffReport.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.documents.map((d) => d.path)).toEqual([PQ3, HF3]);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.json']);
  });

  it('--format overrides the extension', () => {
    const out = join(dir, 'x.txt');
    expect(run('--format', 'json', PQ3, '-o', out).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).kind).toBe('qualspec-diff-report');
    rmSync(out);
  });

  it('takes SpecDocument JSON as input', async () => {
    const doc = await parseSpec(join(ROOT, HF3));
    const file = join(dir, 'hf3.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = run(PQ3, file, '--format', 'json');
    expect(r.code).toBe(0);
    const report = DiffReport.parse(JSON.parse(r.out));
    expect(report.documents[1]!.awardingBody).toBe('Highfield');
    expect(report.summary.unitsCompared).toBe(45);
    rmSync(file);
  });

  it.each([
    [['--format', 'pdf', PQ3], /^diff-spec: --format must be json, md or html, not pdf\n/],
    [[], /^diff-spec: no input file\n/],
    [['--bogus', PQ3], /^diff-spec: unknown option --bogus\n/],
    [[PQ3, 'no-such-file.txt'], /^diff-spec: no-such-file\.txt: no such file\n$/],
    [[PQ3, 'fixtures/seeds/003_46569ff9cfb36880.gold.json'], /^diff-spec: fixtures\/seeds\/003_46569ff9cfb36880\.gold\.json: not a SpecDocument \(source: [^\n]*\)\n$/],
  ])('%j: one-line error, exit 2', (args, message) => {
    const r = run(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });

  it('rejects JSON that does not parse', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"schemaVersion": "1", "units": [');
    const r = run(file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^diff-spec: .*broken\.json: not valid JSON \(.*\)\n$/);
    rmSync(file);
  });

  it('leaves no partial file when the output cannot be written', () => {
    const sub = join(dir, 'sub');
    const out = join(sub, 'taken');
    mkdirSync(out, { recursive: true });
    const r = run(PQ3, '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^diff-spec: .*taken: /);
    expect(readdirSync(sub)).toEqual(['taken']);
    expect(readdirSync(out)).toEqual([]);
    rmSync(sub, { recursive: true });
  });
});
