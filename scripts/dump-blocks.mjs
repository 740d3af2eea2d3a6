#!/usr/bin/env node
// Debug aid: print the block stream a format adapter produces for a file.
// Usage: node scripts/dump-blocks.mjs FILE [--format pdf|docx|html|markdown|text] [--threads N] [--json]
import { readFileSync } from 'node:fs';
const args = process.argv.slice(2);
const file = args[0];
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const { detectFormat } = await import('../packages/qualspec/dist/index.js');
const bytes = new Uint8Array(readFileSync(file));
const format = opt('--format') ?? detectFormat(bytes, file);
const mod = await import(`../packages/${format}/dist/index.js`);
const threads = opt('--threads');
const t0 = performance.now();
const { blocks, pages, notes } = await mod[`${format}ToBlocks`](bytes, { path: file, ...(threads ? { threads: Number(threads) } : {}) });
const ms = performance.now() - t0;
if (args.includes('--json')) {
  console.log(JSON.stringify({ blocks, pages, notes }, null, 1));
  process.exit(0);
}
const where = (p) => `${p.page ?? '-'}:${p.line ?? '-'}`;
const para = (b, pre = '') =>
  `${pre}${where(b.place)}${b.depth ? ` d${b.depth}` : ''}${b.heading ? ` h${b.heading}` : ''}${b.emphasis ? ` ${b.emphasis}` : ''} | ${b.text}`;
console.log(`# ${format}, pages ${pages}, ${blocks.length} blocks, ${ms.toFixed(0)} ms, notes ${JSON.stringify(notes)}`);
for (const b of blocks) {
  if (b.type === 'paragraph') console.log(para(b));
  else if (b.type === 'page') console.log(`---- page ${b.page}`);
  else if (b.type === 'break') console.log('==== break');
  else {
    console.log(`[table ${where(b.place)} rows ${b.rows.length}]`);
    b.rows.forEach((r, i) => {
      console.log(`  row ${i}${r.header ? ' (header)' : ''} ${where(r.place)}`);
      r.cells.forEach((c, j) => {
        console.log(`    cell ${j}${c.colSpan > 1 ? ` colspan ${c.colSpan}` : ''}${c.rowSpan > 1 ? ` rowspan ${c.rowSpan}` : ''}`);
        for (const p of c.blocks) console.log(para(p, '      '));
      });
    });
  }
}
process.exit(0);
