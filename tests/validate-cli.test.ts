/** qualspec validate (and parse-spec --validate): every schema problem with its path; the qualspec command. */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runBin, tmp } from './helpers/cli.js';
import { SEEDS, root } from './helpers/fixtures.js';

const dir = tmp('qualspec-validate-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const doc = JSON.parse(runBin('parse-spec', [SEEDS.sfjDraft]).out);
const file = (name: string, data: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};

describe('qualspec validate', () => {
  it('a valid SpecDocument, an array of them and a DiffReport: exit 0, one line each', () => {
    const one = file('one.json', doc);
    const many = file('many.json', [doc, doc]);
    const report = file('report.json', runBin('diff-spec', [SEEDS.proqualL3Pdftext, SEEDS.habcL3Markdown, '-f', 'json']).out);
    const r = runBin('qualspec', ['validate', one, many, report]);
    expect(r).toEqual({ code: 0, out: `${one}: valid SpecDocument\n${many}: valid array of 2 SpecDocuments\n${report}: valid DiffReport\n`, err: '' });
  });

  it('prints every problem with its path: wrong types, missing fields, fields the schema lacks; exit 1', () => {
    const bad = structuredClone(doc);
    bad.units[0].ref = 5;
    delete bad.units[1].title;
    bad.units[2].outcomes[0].criteria[0].number = null;
    bad.units[2].outcomes[0].colour = 'red';
    bad.extra = true;
    const p = file('bad.json', [doc, bad]);
    const r = runBin('qualspec', ['validate', p]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(lines(r.err)).toEqual([
      `qualspec validate: ${p}: [1].units[0].ref: Invalid input: expected string, received number`,
      `qualspec validate: ${p}: [1].units[1].title: Invalid input: expected string, received undefined`,
      `qualspec validate: ${p}: [1].units[2].outcomes[0].criteria[0].number: Invalid input: expected string, received null`,
      `qualspec validate: ${p}: [1].units[2].outcomes[0].colour: not a field of the schema`,
      `qualspec validate: ${p}: [1].extra: not a field of the schema`,
    ]);
  });

  it('parse-spec --validate is the same check', () => {
    const p = file('extra.json', { ...doc, extra: 1 });
    const r = runBin('parse-spec', ['--validate', p]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`parse-spec: ${p}: extra: not a field of the schema\n`);
  });

  it.each([
    ['not JSON', 'units: none', /: not valid JSON \(/],
    ['empty', '', /: empty file$/],
  ])('%s: one line, exit 2', (_what, text, message) => {
    const p = file('x.json', text);
    const r = runBin('qualspec', ['validate', p]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toHaveLength(1);
    expect(lines(r.err)[0]).toMatch(message);
  });

  it('reads standard input with -', () => {
    const r = runBin('qualspec', ['validate', '-'], { input: JSON.stringify(doc) });
    expect(r).toEqual({ code: 0, out: '<stdin>: valid SpecDocument\n', err: '' });
  });
});

describe('the qualspec command', () => {
  it('qualspec parse and qualspec diff are parse-spec and diff-spec', () => {
    const parsed = runBin('qualspec', ['parse', SEEDS.sfjDraft]);
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.out)).toEqual(doc);
    const diffed = runBin('qualspec', ['diff', SEEDS.sfjDraft]);
    expect(diffed.code).toBe(2);
    expect(diffed.err).toBe(`qualspec diff: needs at least two specifications to compare, got one (${SEEDS.sfjDraft})\nTry 'qualspec diff --help'.\n`);
  });

  it.each([
    [[], "qualspec: no command: parse, diff or validate\nTry 'qualspec --help'.\n"],
    [['frobnicate'], "qualspec: unknown command frobnicate: parse, diff or validate\nTry 'qualspec --help'.\n"],
    [['validate'], "qualspec validate: no JSON file to validate\nTry 'qualspec validate --help'.\n"],
    [['validate', '--strict', 'x.json'], "qualspec validate: unknown option --strict\nTry 'qualspec validate --help'.\n"],
  ])('%j: usage error, exit 2', (args, err) => {
    expect(runBin('qualspec', args as string[])).toEqual({ code: 2, out: '', err });
  });
});

// The README's way to run the commands in the workspace: pnpm runs the linked bin, so the
// output is the command's alone (no "> qualspec-monorepo@ parse-spec" banner in the JSON).
const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['pnpm'];
describe('pnpm parse-spec FILE > out.json in the workspace', () => {
  it.each([[['parse-spec']], [['exec', 'parse-spec']], [['-s', 'parse-spec']]])('pnpm %j gives the JSON alone', (words) => {
    const r = spawnSync(pnpm[0]!, [...pnpm.slice(1), ...words, 'fixtures/seeds/004_310dec6ea9f8f7ac.txt'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ...doc, source: { ...doc.source, path: 'fixtures/seeds/004_310dec6ea9f8f7ac.txt' } });
  });

  it('from a sub-folder, with paths relative to it', () => {
    const r = spawnSync(pnpm[0]!, [...pnpm.slice(1), 'parse-spec', 'seeds/004_310dec6ea9f8f7ac.txt'], { cwd: join(root, 'fixtures'), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).source.path).toBe('seeds/004_310dec6ea9f8f7ac.txt');
  });
});
