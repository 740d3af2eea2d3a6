/**
 * Pack and install, as a user outside the monorepo meets qualspec: a copy of the workspace
 * without any build output is packed with `pnpm -r pack` (so prepack must build), every
 * tarball is checked (built code, LICENSE, README, metadata, no `workspace:` left), and the
 * tarballs are installed with npm into a fresh project outside the workspace, which then runs
 * the commands, an ESM script and a TypeScript type-check against the installed packages.
 * Needs the npm registry for the third-party dependencies (zod, mammoth, unified, ...).
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './helpers/fixtures.js';

const work = join(tmpdir(), `qualspec-pack-${process.pid}`);
const copy = join(work, 'workspace');
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['pnpm'];
const npm = 'npm';
const PACKAGES = readdirSync(join(root, 'packages')).filter((n) => existsSync(join(root, 'packages', n, 'package.json')));
const names = Object.fromEntries(PACKAGES.map((n) => [n, JSON.parse(readFileSync(join(root, 'packages', n, 'package.json'), 'utf8')).name as string]));
const tsc = (() => {
  const ts = join(root, 'node_modules/typescript/package.json');
  return join(root, 'node_modules/typescript', JSON.parse(readFileSync(ts, 'utf8')).bin.tsc);
})();

/** The environment of a user's shell: none of the settings pnpm passes to the scripts it runs. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|pnpm_|INIT_CWD$)/i.test(k)));

function sh(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} (in ${cwd}) exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Entries of a tarball, and its package.json. */
function tarball(file: string) {
  const entries = execFileSync('tar', ['tzf', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const manifest = JSON.parse(execFileSync('tar', ['xzf', file, '-O', 'package/package.json'], { encoding: 'utf8' }));
  return { entries, manifest };
}

beforeAll(() => {
  mkdirSync(work, { recursive: true });
  // The workspace as a clean clone has it: sources, no node_modules, no dist.
  const skip = /(^|\/)(node_modules|dist|\.node|coverage)(\/|$)|\.tsbuildinfo$/;
  for (const entry of ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'tsconfig.json', 'tsconfig.base.json', '.npmrc', 'LICENSE', 'scripts', 'packages']) {
    cpSync(join(root, entry), join(copy, entry), { recursive: true, filter: (src) => !skip.test(relative(root, src)) });
  }
  // From the local store only, and without the root `prepare` build: prepack has to build.
  sh(pnpm[0]!, [...pnpm.slice(1), 'install', '--frozen-lockfile', '--offline', '--ignore-scripts', '--reporter=silent'], copy);
  expect(existsSync(join(copy, 'packages/qualspec/dist'))).toBe(false);
  // The commands are linked although nothing is built yet (their bin files are sources).
  for (const name of ['parse-spec', 'diff-spec', 'qualspec']) expect(existsSync(join(copy, 'node_modules/.bin', name)), name).toBe(true);
  sh(pnpm[0]!, [...pnpm.slice(1), '-r', 'pack', '--pack-destination', tarballs], copy);

  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'qualspec-user', private: true, type: 'module' }));
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  const typesNode = JSON.parse(readFileSync(join(root, 'node_modules/@types/node/package.json'), 'utf8')).version;
  sh(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files, `@types/node@${typesNode}`], app);
}, 600_000);

describe('the tarballs', () => {
  it('one per package, each with built code, its LICENSE and README, and no workspace: dependency', () => {
    const files = readdirSync(tarballs).sort();
    expect(files).toHaveLength(PACKAGES.length);
    for (const file of files) {
      const { entries, manifest } = tarball(join(tarballs, file));
      const what = `${basename(file)}: `;
      expect(entries, what).toContain('package/LICENSE');
      expect(entries, what).toContain('package/README.md');
      expect(entries, what).toContain('package/dist/index.js');
      expect(entries, what).toContain('package/dist/index.d.ts');
      expect(JSON.stringify(manifest), what).not.toMatch(/workspace:/);
      for (const target of [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {}), ...Object.values(manifest.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e as object)))]) {
        expect(entries, `${what}${target}`).toContain(`package/${String(target).replace(/^\.\//, '')}`);
      }
      for (const field of ['description', 'keywords', 'homepage', 'bugs', 'repository', 'license', 'author', 'engines']) expect(manifest[field], `${what}${field}`).toBeTruthy();
      expect(manifest.license).toBe('MIT');
      expect(manifest.engines.node).toBe('>=22.13');
      expect(manifest.publishConfig, what).toEqual({ access: 'public' });
      expect(manifest.sideEffects, what).toBeDefined();
      expect(manifest.exports['./package.json'], what).toBe('./package.json');
    }
  });

  it('ship the JSON Schemas the help and the $schema URLs point to, and pdf.js with its licence', () => {
    const entries = (dir: string) => tarball(join(tarballs, readdirSync(tarballs).find((f) => f.startsWith(dir))!)).entries;
    expect(entries('qualspec-model-')).toContain('package/schema/spec-document.json');
    expect(entries('qualspec-diff-')).toContain('package/schema/diff-report.json');
    expect(entries('qualspec-pdf-')).toEqual(expect.arrayContaining(['package/dist/pdfjs/pdf.min.mjs', 'package/dist/pdfjs/pdf.worker.min.mjs', 'package/dist/pdfjs/LICENSE', 'package/dist/page-worker.js']));
  });
});

describe('packing with npm', () => {
  it('is refused by prepack, with the reason (npm would keep workspace:* in the tarball)', () => {
    const r = spawnSync(npm, ['pack', '--dry-run'], { cwd: join(copy, 'packages/qualspec'), encoding: 'utf8', env });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('pack and publish with pnpm (pnpm pack, pnpm -r pack, pnpm publish -r): npm/');
    expect(r.stderr).toContain('would leave workspace:* dependencies in the tarball');
  });
});

describe('installed with npm into a fresh project', () => {
  const bin = (name: string, ...args: string[]) => spawnSync(join(app, 'node_modules/.bin', name), args, { cwd: app, encoding: 'utf8', env });
  const PDF = join(root, 'fixtures/styles/cg-early-years.pdf');
  const LONG_PDF = join(root, 'fixtures/documents/combined-units.pdf'); // read in a page worker
  const PQ3 = join(root, 'fixtures/seeds/001_f68a613929ff46c3.txt');
  const HF3 = join(root, 'fixtures/seeds/003_46569ff9cfb36880.txt');

  it('installs every package from its tarball, and neither pdfjs-dist nor @napi-rs/canvas', () => {
    for (const n of PACKAGES) expect(existsSync(join(app, 'node_modules', names[n]!, 'dist/index.js')), n).toBe(true);
    expect(existsSync(join(app, 'node_modules/@napi-rs/canvas'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/pdfjs-dist'))).toBe(false);
  });

  it('runs parse-spec, diff-spec and qualspec validate', () => {
    const version = JSON.parse(readFileSync(join(root, 'packages/qualspec/package.json'), 'utf8')).version;
    expect(bin('parse-spec', '--version').stdout).toBe(`${version}\n`);
    const summary = bin('parse-spec', '--format', 'summary', PDF);
    expect(summary.status).toBe(0);
    expect(summary.stderr).toBe('');
    expect(summary.stdout).toMatch(/^units\s+[1-9]/m);
    const out = join(app, 'pq3.json');
    expect(bin('parse-spec', PQ3, '-o', out).status).toBe(0);
    expect(bin('qualspec', 'validate', out)).toMatchObject({ status: 0, stdout: `${out}: valid SpecDocument\n` });
    const diff = bin('diff-spec', out, HF3, '-f', 'json');
    expect(diff.status).toBe(0);
    expect(JSON.parse(diff.stdout).summary.unitsCompared).toBe(45);
    const nothing = bin('diff-spec', PQ3);
    expect(nothing.status).toBe(2);
  });

  it('runs an ESM script: parseSpec on a Buffer of a PDF, diffSpecs, a renderer, the shipped schemas', () => {
    writeFileSync(
      join(app, 'use.mjs'),
      `import { readFile } from 'node:fs/promises';
import { parseSpec, diffSpecs, renderMarkdown, InputError, SPEC_DOCUMENT_SCHEMA_URL } from 'qualspec';
import schema from '@qualspec/model/schema/spec-document.json' with { type: 'json' };
import reportSchema from '@qualspec/diff/schema/diff-report.json' with { type: 'json' };
import pkg from 'qualspec/package.json' with { type: 'json' };
const small = await parseSpec(await readFile(${JSON.stringify(PDF)}), { format: 'pdf' });
const long = await parseSpec(await readFile(${JSON.stringify(LONG_PDF)}), { path: 'combined-units.pdf' });
const report = diffSpecs([small, long]);
let refused = null;
try { await parseSpec(Buffer.from('not a pdf'), { format: 'pdf' }); } catch (e) { refused = e instanceof InputError ? e.code : String(e); }
console.log(JSON.stringify({
  small: [small.source.format, small.units.length],
  long: [long.source.pages, long.units.length],
  documents: report.summary.documents,
  markdown: renderMarkdown(report).split('\\n')[0],
  refused,
  schema: schema.$id, reportSchema: reportSchema.$id, url: SPEC_DOCUMENT_SCHEMA_URL.endsWith('@qualspec/model@' + pkg.version + '/schema/spec-document.json'),
}));
`,
    );
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(got.small[0]).toBe('pdf');
    expect(got.small[1]).toBeGreaterThan(0);
    expect(got.long).toEqual([184, expect.any(Number)]);
    expect(got.long[1]).toBeGreaterThan(0);
    expect(got).toMatchObject({ documents: 2, markdown: '# Unit differences across awarding bodies', refused: 'not-pdf', schema: 'urn:qualspec:schema:spec-document:1', reportSchema: 'urn:qualspec:schema:diff-report:1', url: true });
  });

  it('type-checks a TypeScript module against the installed declarations', () => {
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], skipLibCheck: false, resolveJsonModule: true }, files: ['check.ts'] }),
    );
    writeFileSync(
      join(app, 'check.ts'),
      `import { readFile } from 'node:fs/promises';
import { parseSpec, diffSpecs, renderMarkdown, renderHtml, InputError, type SpecDocument, type DiffReport, type ParseOptions } from 'qualspec';
import { pdfToBlocks } from '@qualspec/pdf';

const options: ParseOptions = { format: 'pdf', maxPages: 100 };
const doc: SpecDocument = await parseSpec(await readFile('spec.pdf'), options);
const again: SpecDocument = await parseSpec(new URL('file:///spec.docx'));
const fromText: SpecDocument = await parseSpec({ text: 'Unit 1', path: 'x.md' });
const report: DiffReport = diffSpecs([doc, again, fromText]);
const md: string = renderMarkdown(report);
const html: string = renderHtml(report);
const criteria: string[] = doc.units.flatMap((u) => u.outcomes.flatMap((o) => o.criteria.map((c) => c.text)));
const code: string = new InputError('x', 'y').code;
const pages: number | null = (await pdfToBlocks(new Uint8Array(0))).pages;
// @ts-expect-error a number is no input
await parseSpec(42);
// @ts-expect-error not a format
await parseSpec('x', { format: 'rtf' });
console.log(md, html, criteria, code, pages);
`,
    );
    const r = spawnSync(process.execPath, [tsc, '-p', join(app, 'tsconfig.json')], { cwd: app, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
