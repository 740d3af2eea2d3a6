#!/usr/bin/env node
// Copy the two pdf.js files @qualspec/pdf runs (the minified legacy build's API and core)
// from the pdfjs-dist devDependency into dist/pdfjs/, with pdf.js's licence, and add two hooks
// to the core: its text-extraction loop and its decoding streams' buffer (below). The published
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
  ['LICENSE', 'LICENSE'],
]) {
  if (!same(join(src, from), join(out, to))) copyFileSync(join(src, from), join(out, to));
}

/*
 * One hook in the core: the text-extraction loop hands every content-stream operator (with its
 * arguments and the graphics state, whose `ctm` pdf.js keeps) to `globalThis.__qualspecOps`
 * when a reader has set it. That is how @qualspec/pdf reads the page's drawn rules in the same
 * pass as its text: pdf.js's getOperatorList would parse every page a second time, map every
 * glyph again and decode every image (+45-58% on a 184-page document). The loop is found by
 * its shape, which the minifier's renaming does not change; if a pdf.js update changes it, the
 * build stops here rather than ship a reader that silently sees no rules.
 */
const LOOP = /if\(!([\w$]+)\.read\(([\w$]+)\)\)break;([\w$]+)=([\w$]+)\.state;([\w$]+)\|\|=\3\.clone\(\);const ([\w$]+)=\2\.fn;([\w$]+)=\2\.args;/g;
const worker = readFileSync(join(src, 'legacy/build/pdf.worker.min.mjs'), 'utf8');
const found = [...worker.matchAll(LOOP)];
if (found.length !== 1) {
  console.error(`vendor-pdfjs: expected pdf.js ${version}'s text-extraction loop once in pdf.worker.min.mjs, found it ${found.length} times; update the LOOP pattern`);
  process.exit(1);
}
const m = found[0];
// Only the operators the reader asked for (globalThis.__qualspecWanted, by id) are handed over.
let hooked = worker.slice(0, m.index + m[0].length) + `if(globalThis.__qualspecWanted?.[${m[6]}])globalThis.__qualspecOps(${m[6]},${m[7]},${m[3]});` + worker.slice(m.index + m[0].length);

/*
 * A second hook: the buffer a decoding stream grows (pdf.js's DecodeStream.ensureBuffer, which
 * doubles it) stops at `globalThis.__qualspecMaxDecoded` bytes when a reader has set it. A few
 * kilobytes of nested Flate can decode to gigabytes, and each doubling copies the whole buffer
 * in one native step that nothing can interrupt; refused here, such a stream costs at most the
 * bound, and is counted (`globalThis.__qualspecOverDecoded`) so that the reader can say so
 * (pdf.js itself goes on without the stream). Found by its shape too; the build stops if it is
 * not there exactly once.
 */
const GROW = /ensureBuffer\(([\w$]+)\)\{const ([\w$]+)=this\.buffer;if\(\1<=\2\.byteLength\)return \2;let ([\w$]+)=this\.minBufferLength;for\(;\3<\1;\)\3\*=2;/g;
const grows = [...hooked.matchAll(GROW)];
if (grows.length !== 1) {
  console.error(`vendor-pdfjs: expected pdf.js ${version}'s DecodeStream.ensureBuffer once in pdf.worker.min.mjs, found it ${grows.length} times; update the GROW pattern`);
  process.exit(1);
}
const g = grows[0];
hooked =
  hooked.slice(0, g.index + g[0].length) +
  `if(${g[3]}>(globalThis.__qualspecMaxDecoded??1/0)){globalThis.__qualspecOverDecoded=(globalThis.__qualspecOverDecoded||0)+1;throw new Error("qualspec: a stream decodes to over "+globalThis.__qualspecMaxDecoded+" bytes")}` +
  hooked.slice(g.index + g[0].length);
writeFileSync(join(out, 'pdf.worker.min.mjs'), hooked);
writeFileSync(
  join(out, 'README.md'),
  `pdf.js ${version} (Mozilla Foundation, ${license}: see LICENSE), the files\n` +
    `legacy/build/pdf.min.mjs (unmodified) and legacy/build/pdf.worker.min.mjs of pdfjs-dist@${version},\n` +
    `the latter with one call added to its text-extraction loop, \`globalThis.__qualspecOps(fn, args, state)\` for the\n` +
    `operators \`globalThis.__qualspecWanted[fn]\` marks,\n` +
    `which hands each content-stream operator to @qualspec/pdf, and a bound on the buffer a decoding stream\n` +
    `grows to, \`globalThis.__qualspecMaxDecoded\` bytes (see scripts/vendor-pdfjs.mjs).\n`,
);
