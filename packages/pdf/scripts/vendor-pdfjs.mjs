#!/usr/bin/env node
// Copy the two pdf.js files @qualspec/pdf runs (the minified legacy build's API and core)
// from the pdfjs-dist devDependency into dist/pdfjs/, with pdf.js's licence. The published
// package ships these instead of depending on pdfjs-dist, whose 38 MB (viewer, fonts, cMaps,
// two builds) and optional 33 MB @napi-rs/canvas addon text extraction never uses.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist', 'pdfjs');
const src = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const { version, license } = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));

mkdirSync(out, { recursive: true });
const same = (a, b) => {
  try {
    return statSync(a).size === statSync(b).size && statSync(a).mtimeMs <= statSync(b).mtimeMs;
  } catch {
    return false;
  }
};
for (const [from, to] of [
  ['legacy/build/pdf.min.mjs', 'pdf.min.mjs'],
  ['legacy/build/pdf.worker.min.mjs', 'pdf.worker.min.mjs'],
  ['LICENSE', 'LICENSE'],
]) {
  if (!same(join(src, from), join(out, to))) copyFileSync(join(src, from), join(out, to));
}
writeFileSync(
  join(out, 'README.md'),
  `pdf.js ${version} (Mozilla Foundation, ${license}: see LICENSE), the files\n` +
    `legacy/build/pdf.min.mjs and legacy/build/pdf.worker.min.mjs of pdfjs-dist@${version}, unmodified.\n`,
);
