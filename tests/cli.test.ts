/** parse-spec as a user runs it: real files in, JSON or a summary out, one-line errors, exit codes. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEC_DOCUMENT_SCHEMA_URL } from 'qualspec';
import { SEEDS, fixture, root } from './helpers/fixtures.js';
import { lines, runBin, screen, tmp } from './helpers/cli.js';

const run = (...args: string[]) => runBin('parse-spec', args);
const LETTER = 'Dear centre,\n\nThank you for your application to offer our qualifications.\n\nYours faithfully\n';

/** stderr is exactly one line, naming the file and the reason, with no stack trace. */
function oneLine(err: string, file: string, reason: RegExp) {
  const ls = lines(err);
  expect(ls).toHaveLength(1);
  expect(ls[0]).toContain(file);
  expect(ls[0]).toMatch(reason);
  expect(err).not.toMatch(/\n\s+at /);
}

describe('parse-spec', () => {
  it('prints the SpecDocument of one file as JSON, naming its JSON Schema, and exits 0', () => {
    const r = run(SEEDS.proqualL3Pdftext);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out);
    expect(doc.$schema).toBe(SPEC_DOCUMENT_SCHEMA_URL);
    expect(doc.schemaVersion).toBe('1');
    // A text file has no page count; its printed page numbers (footers) still place units.
    expect(doc.source).toMatchObject({ format: 'text', pages: null });
    expect(doc.units.find((u: { ref: string }) => u.ref === 'F/502/4397').location.page).toBe(30);
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.units).toHaveLength(45);
  });

  it('$schema is the URL of the schema file the model package ships, at its version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'packages/model/package.json'), 'utf8'));
    expect(SPEC_DOCUMENT_SCHEMA_URL).toMatch(new RegExp(`^https://[^ ]+/@qualspec/model@${version.replace(/\./g, '\\.')}/schema/spec-document\\.json$`));
    expect(existsSync(join(root, 'packages/model/schema/spec-document.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'packages/model/package.json'), 'utf8')).exports['./schema/spec-document.json']).toBe('./schema/spec-document.json');
  });

  it('reads a PDF without a word on standard error (pdf.js has no canvas to warn about)', () => {
    const small = run('--format', 'summary', fixture('styles/cg-early-years.pdf'));
    const large = run('--format', 'summary', fixture('documents/combined-units.pdf')); // read in a page worker
    expect([small.code, large.code]).toEqual([0, 0]);
    expect(small.err + large.err).toBe('');
  });

  it('prints a summary table with diagnostics by severity and the first warnings', () => {
    const r = run('--format', 'summary', SEEDS.proqualL3Pdftext);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^units\s+45$/m);
    expect(r.out).toMatch(/^criteria\s+617$/m);
    expect(r.out).toMatch(/^diagnostics\s+0 errors, 2 warnings/m);
    expect(r.out).toContain('warning: ref-check-letter: F/502/4397');
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'packages/qualspec/package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) expect(run(flag)).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('documents options and exit codes in --help', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    for (const s of ['--format json|summary', '-o, --output', '--input-format', '--password', '--max-pages', '--max-bytes', '--progress', '--validate', '-v, --version', 'Exit codes', '0  every file', '1  a file parsed', '2  usage error'])
      expect(r.out).toContain(s);
  });

  // The system's own Node, where it is older than qualspec supports (Node 20 on the project machine).
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((n) => {
    if (!existsSync(n)) return false;
    const [major, minor] = spawnSync(n, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim().split('.').map(Number);
    return major! < 22 || (major === 22 && minor! < 13);
  });
  it.skipIf(!oldNode)('on a Node older than 22.13, says so in one line, exit 2', () => {
    for (const name of ['parse-spec', 'diff-spec', 'qualspec']) {
      const r = spawnSync(oldNode!, [join(root, 'packages/qualspec/bin', `${name}.js`), '--version'], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^${name}: needs Node 22\\.13 or later \\(24 LTS recommended\\); this is Node \\d+\\.\\d+\\.\\d+\\n$`));
    }
  });

  describe('inputs', () => {
    it('- reads standard input (the format from its content)', () => {
      const r = runBin('parse-spec', ['-'], { input: readFileSync(SEEDS.sfjDraft) });
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.out);
      expect(doc.source.path).toBeNull();
      expect(doc.units).toHaveLength(23);
    });

    it('a folder stands for the specification files in it, in name order', () => {
      const dir = tmp();
      copyFileSync(SEEDS.sfjDraft, join(dir, 'b.txt'));
      copyFileSync(SEEDS.proqualCertMarkdown, join(dir, 'a.txt'));
      writeFileSync(join(dir, 'notes.json'), '{}');
      writeFileSync(join(dir, '.hidden.txt'), LETTER);
      mkdirSync(join(dir, 'sub'));
      copyFileSync(SEEDS.sfjDraft, join(dir, 'sub', 'c.txt'));
      const r = runBin('parse-spec', ['.'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).map((d: { source: { path: string } }) => d.source.path)).toEqual(['a.txt', 'b.txt']);
    });

    it('a folder without specification files: one line, exit 2', () => {
      const dir = tmp();
      writeFileSync(join(dir, 'notes.json'), '{}');
      const r = runBin('parse-spec', ['.'], { cwd: dir });
      expect(r.code).toBe(2);
      oneLine(r.err, '.', /: no specification files in this folder \(\.pdf \.docx/);
    });

    it('relative paths are from the current directory, whatever INIT_CWD says (cd specs && parse-spec file.txt in an npm script)', () => {
      const dir = tmp();
      mkdirSync(join(dir, 'specs'));
      copyFileSync(SEEDS.sfjDraft, join(dir, 'specs', 'file.txt'));
      const r = runBin('parse-spec', ['file.txt', '-o', 'out.json'], { cwd: join(dir, 'specs'), env: { INIT_CWD: dir } });
      expect(r.code).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'specs', 'out.json'), 'utf8')).source.path).toBe('file.txt');
    });
  });

  describe('outputs', () => {
    it('a structure table and no unit bodies: exit 0, the units listed, each reported without a body', () => {
      const r = run(fixture('realshapes/course-page-structure-only.html'));
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.out);
      expect(doc.units.map((u: { title: string }) => u.title)).toHaveLength(5);
      expect(doc.diagnostics.map((d: { code: string }) => d.code)).toEqual(['no-unit-bodies', ...Array(5).fill('unit-without-body')]);
    });

    it('-oOUT (value joined to the short option) writes OUT', () => {
      const dir = tmp();
      const r = runBin('parse-spec', [SEEDS.sfjDraft, '-oout.json'], { cwd: dir });
      expect(r).toMatchObject({ code: 0, out: '', err: '' });
      expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).qualification.draft).toBe(true);
    });

    it('writes one JSON per file into a folder with -o, named NAME.EXT.json', () => {
      const dir = tmp();
      const r = run(SEEDS.proqualCertMarkdown, SEEDS.sfjDraft, '-o', join(dir, 'out'));
      expect(r.code).toBe(0);
      expect(readdirSync(join(dir, 'out')).sort()).toEqual(['002_ad01b6a3c5de5f33.txt.json', '004_310dec6ea9f8f7ac.txt.json']);
      expect(JSON.parse(readFileSync(join(dir, 'out', '004_310dec6ea9f8f7ac.txt.json'), 'utf8')).qualification.draft).toBe(true);
    });

    it('inputs with the same base name never share an output: the paths below their common folder are kept', () => {
      const dir = tmp();
      for (const sub of ['a', 'b']) mkdirSync(join(dir, 'specs', sub), { recursive: true });
      copyFileSync(SEEDS.sfjDraft, join(dir, 'specs/a/spec.txt'));
      copyFileSync(SEEDS.proqualCertMarkdown, join(dir, 'specs/b/spec.txt'));
      copyFileSync(SEEDS.proqualCertMarkdown, join(dir, 'specs/a/spec.md'));
      const r = runBin('parse-spec', ['specs/a/spec.txt', 'specs/b/spec.txt', 'specs/a/spec.md', '-o', 'out'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(readdirSync(join(dir, 'out/a')).sort()).toEqual(['spec.md.json', 'spec.txt.json']);
      expect(readdirSync(join(dir, 'out/b'))).toEqual(['spec.txt.json']);
      expect(JSON.parse(readFileSync(join(dir, 'out/b/spec.txt.json'), 'utf8')).source.path).toBe('specs/b/spec.txt');
    });

    it('-o ending in / takes one input into that folder', () => {
      const dir = tmp();
      const r = runBin('parse-spec', [SEEDS.sfjDraft, '-o', 'out/'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(readdirSync(join(dir, 'out'))).toEqual(['004_310dec6ea9f8f7ac.txt.json']);
    });

    it('a write error is named as one, with the file it could not write', () => {
      const dir = tmp();
      writeFileSync(join(dir, 'taken'), 'a file where the output folder should be');
      const r = runBin('parse-spec', [SEEDS.sfjDraft, SEEDS.proqualCertMarkdown, '-o', 'taken'], { cwd: dir });
      expect(r.code).toBe(2);
      const ls = lines(r.err);
      expect(ls).toHaveLength(2); // the batch goes on: each output that cannot be written is named
      expect(ls[0]).toMatch(/^parse-spec: taken\/004_310dec6ea9f8f7ac\.txt\.json: cannot write: a file is in the way of a folder on its path$/);
      expect(r.err).not.toContain('cannot parse');
    });

    it('-o /dev/null writes into the device and leaves it a device', () => {
      const r = run(SEEDS.sfjDraft, '-o', '/dev/null');
      expect(r).toMatchObject({ code: 0, out: '', err: '' });
      expect(readFileSync('/dev/null', 'utf8')).toBe('');
    });
  });

  describe('progress, with several inputs', () => {
    it('--progress shows file N of M with its name and time, then a line per file and the totals', () => {
      const dir = tmp();
      writeFileSync(join(dir, 'letter.txt'), LETTER);
      const r = runBin('parse-spec', [SEEDS.sfjDraft, 'letter.txt', 'missing.txt', '--progress', '-o', 'out'], { cwd: dir });
      expect(r.code).toBe(2);
      const shown = screen(r.err);
      expect(shown.some((l) => l.startsWith(`[1/3] ${SEEDS.sfjDraft}  `) && / \d+\.\d s$/.test(l))).toBe(true);
      expect(shown.some((l) => /^\[2\/3\] letter\.txt {2}\d+\.\d s$/.test(l))).toBe(true);
      expect(shown.some((l) => /^\[3\/3\] missing\.txt {2}\d+\.\d s$/.test(l))).toBe(true);
      expect(shown).toContain('parse-spec: letter.txt: no units found: no unit heading followed by learning outcomes or assessment criteria');
      expect(shown).toContain('parse-spec: missing.txt: no such file');
      const summary = shown.slice(-4);
      expect(summary[0]).toMatch(/^ {2}ok {6}\S+004_310dec6ea9f8f7ac\.txt +\d+\.\d s {2}23 units, \d+ outcomes, \d+ criteria -> out\/004_310dec6ea9f8f7ac\.txt\.json$/);
      expect(summary[1]).toMatch(/^ {2}errors {2}letter\.txt +\d+\.\d s {2}0 units, 0 outcomes, 0 criteria, 1 error -> out\/letter\.txt\.json$/);
      expect(summary[2]).toMatch(/^ {2}failed {2}missing\.txt +\d+\.\d s {2}no such file$/);
      expect(summary[3]).toMatch(/^3 of 3 files in \d+\.\d s: 1 ok, 1 with errors, 1 failed$/);
    });

    it.skipIf(!existsSync('/usr/bin/script'))('on by default when standard error is a terminal', () => {
      const dir = tmp();
      // script(1) runs the command on a pseudo-terminal and copies what it shows.
      const cmd = [process.execPath, join(root, 'packages/qualspec/bin/parse-spec.js'), SEEDS.sfjDraft, SEEDS.proqualCertMarkdown, '-o', 'out'].map((a) => `'${a}'`).join(' ');
      const r = spawnSync('/usr/bin/script', ['-qec', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8' });
      expect(r.status).toBe(0);
      const shown = screen(r.stdout.replace(/\r\n/g, '\n'));
      expect(shown.some((l) => l.startsWith(`[2/2] ${SEEDS.proqualCertMarkdown}  `))).toBe(true);
      expect(shown.at(-1)).toMatch(/^2 of 2 files in \d+\.\d s: 2 ok, 0 with errors, 0 failed$/);
    });

    it('off when standard error is not a terminal: only the lines that matter', () => {
      const r = run(SEEDS.sfjDraft, SEEDS.proqualCertMarkdown);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(JSON.parse(r.out)).toHaveLength(2);
    });
  });

  describe('the command line', () => {
    it.each([
      [['--colour', SEEDS.sfjDraft], 'unknown option --colour'],
      // A PDF on the line starts the page reader before the options are read: it must not keep the command alive.
      [['--colour', 'spec.pdf'], 'unknown option --colour'],
      [['--format', '-o', 'x.json', SEEDS.sfjDraft], 'option --format needs a value, not the option -o (for a value that starts with "-", write --format=-o)'],
      [['--help=yes'], 'option --help takes no value'],
      [[SEEDS.sfjDraft, '-o'], 'option -o needs a value'],
      [['--format', 'xml', SEEDS.sfjDraft], '--format must be json or summary, not xml'],
      [['--input-format', 'rtf', SEEDS.sfjDraft], '--input-format must be pdf, docx, html, markdown or text, not rtf'],
      [['--max-pages', '0', SEEDS.sfjDraft], '--max-pages must be a positive whole number, not 0'],
      [['--max-bytes', '1e6', SEEDS.sfjDraft], '--max-bytes must be a positive whole number, not 1e6'],
      [['--timeout', 'soon', SEEDS.sfjDraft], '--timeout must be a whole number of seconds (0 for no limit), not soon'],
      [['--max-memory', '1.5', SEEDS.sfjDraft], '--max-memory must be a whole number of megabytes (0 for no limit), not 1.5'],
      [[], 'no input file'],
      [['-', '-'], 'standard input (-) is named more than once'],
    ])('%j: usage error, exit 2, a hint to --help', (args, message) => {
      const r = run(...(args as string[]));
      expect(r.code).toBe(2);
      expect(r.err).toBe(`parse-spec: ${message}\nTry 'parse-spec --help'.\n`);
      expect(r.out).toBe('');
    });

    it('-- ends the options: a file named like an option', () => {
      const dir = tmp();
      copyFileSync(SEEDS.proqualL3Pdftext, join(dir, '-spec.txt'));
      const r = runBin('parse-spec', ['--format', 'summary', '--', '-spec.txt'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^file\s+-spec\.txt \(text\)$/m);
    });
  });

  describe('bad input: one line naming the file and the reason, no stack trace', () => {
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

    it('a legacy Word .doc: exit 2, saying what to do', () => {
      const f = join(tmp(), 'old.doc');
      writeFileSync(f, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2000, 7)]));
      const r = run(f);
      expect(r.code).toBe(2);
      oneLine(r.err, 'old.doc', /^parse-spec: \S+old\.doc: a legacy \.doc or password-protected Word file, not a \.docx: save it as \.docx without a password$/);
    });

    it('its own JSON output: exit 2, not read as a specification', () => {
      const dir = tmp();
      writeFileSync(join(dir, 'out.json'), run(SEEDS.sfjDraft).out);
      const r = runBin('parse-spec', ['out.json'], { cwd: dir });
      expect(r.code).toBe(2);
      oneLine(r.err, 'out.json', /^parse-spec: out\.json: already a SpecDocument \(parse-spec output\), not a specification: check it with `qualspec validate`/);
    });

    it('a text with no units: exit 1, the JSON still written with the error diagnostic', () => {
      const f = join(tmp(), 'letter.txt');
      writeFileSync(f, LETTER);
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

    it('over --max-bytes: exit 2', () => {
      const r = run('--max-bytes', '1000', SEEDS.sfjDraft);
      expect(r.code).toBe(2);
      oneLine(r.err, '004_310dec6ea9f8f7ac.txt', /: file is \d+ bytes, over the 1000-byte limit$/);
    });

    it('a device or pipe with no size to check: read up to --max-bytes, then refused', () => {
      const r = run('--max-bytes', '4096', '/dev/zero');
      expect(r.code).toBe(2);
      oneLine(r.err, '/dev/zero', /^parse-spec: \/dev\/zero: input is over the 4096-byte limit$/);
    });

    it('several files, one bad: the good one is written, the bad one reported, exit 2, no partial file', () => {
      const dir = tmp();
      const bad = join(dir, 'bad.pdf');
      writeFileSync(bad, 'this is not a PDF');
      const r = run(SEEDS.sfjDraft, bad, '-o', join(dir, 'out'));
      expect(r.code).toBe(2);
      oneLine(r.err, 'bad.pdf', /not a PDF/);
      expect(readdirSync(join(dir, 'out'))).toEqual(['004_310dec6ea9f8f7ac.txt.json']);
    });

    it('a file past --timeout: one line naming it and the limit, exit 2, and the next file is still parsed and written', () => {
      const dir = tmp();
      // 9,999 units of text (7 MB): a parse of seconds, well past one.
      const long = join(dir, 'long.txt');
      const criteria = (o: number) => [1, 2, 3].map((c) => `${o}.${c} Describe the principles of item ${c} in outcome ${o}\n`).join('');
      const unit = (u: number) => `Unit ${u}: Part ${u} of customer service\nLevel: 2\nCredit value: 3\n${[1, 2, 3].map((o) => `Learning outcome ${o} Understand the topic\n${criteria(o)}`).join('')}\n`;
      writeFileSync(long, Array.from({ length: 9_999 }, (_, u) => unit(u + 1)).join(''));
      const r = run(long, SEEDS.sfjDraft, '--timeout', '1', '-o', join(dir, 'out'));
      expect(r.code).toBe(2);
      expect(lines(r.err)).toEqual([`parse-spec: ${long}: over the time limit (1 s)`]);
      expect(readdirSync(join(dir, 'out'))).toEqual(['004_310dec6ea9f8f7ac.txt.json']);
    });
  });
});
