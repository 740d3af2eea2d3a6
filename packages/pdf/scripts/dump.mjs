#!/usr/bin/env node
// Debug aid: print the PDF adapter's block stream. Usage: node packages/pdf/scripts/dump.mjs FILE.pdf [--threads N] [--json]
import { readFileSync } from 'node:fs';
import { pdfToBlocks } from '../dist/index.js';
const args = process.argv.slice(2);
const file = args[0];
const ti = args.indexOf('--threads');
const t0 = performance.now();
const { blocks, pages, notes } = await pdfToBlocks(new Uint8Array(readFileSync(file)), { threads: ti >= 0 ? Number(args[ti + 1]) : undefined });
const ms = performance.now() - t0;
if (args.includes('--json')) {
  console.log(JSON.stringify({ blocks, pages, notes }, null, 1));
  process.exit(0);
}
const where = (p) => `${p.page ?? '-'}:${p.line ?? '-'}`;
const para = (b, pre = '') => `${pre}${where(b.place)}${b.depth ? ` d${b.depth}` : ''}${b.heading ? ` h${b.heading}` : ''}${b.emphasis ? ` ${b.emphasis}` : ''} | ${b.text}`;
console.log(`# pages ${pages}, ${blocks.length} blocks, ${ms.toFixed(0)} ms, notes ${JSON.stringify(notes)}`);
for (const b of blocks) {
  if (b.type === 'paragraph') console.log(para(b));
  else if (b.type === 'page') console.log(`---- page ${b.page}`);
  else if (b.type === 'break') console.log('==== break');
  else {
    console.log(`[table ${where(b.place)} rows ${b.rows.length}]`);
    b.rows.forEach((r, i) => {
      console.log(`  row ${i}${r.header ? ' (header)' : ''} ${where(r.place)}`);
      r.cells.forEach((c, j) => {
        if (!c.blocks.length) return;
        console.log(`    cell ${j}${c.colSpan > 1 ? ` colspan ${c.colSpan}` : ''}${c.rowSpan > 1 ? ` rowspan ${c.rowSpan}` : ''}`);
        for (const p of c.blocks) console.log(para(p, '      '));
      });
    });
  }
}
