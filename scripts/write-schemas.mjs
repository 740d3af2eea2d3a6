#!/usr/bin/env node
// Writes the JSON Schemas generated from the zod schemas into the packages that ship them.
// Run after `pnpm build`; a test fails when a committed schema is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targets = [
  ['packages/model/schema/spec-document.json', '../packages/model/dist/index.js', 'specDocumentJsonSchema'],
  ['packages/diff/schema/diff-report.json', '../packages/diff/dist/index.js', 'diffReportJsonSchema'],
];
for (const [file, mod, fn] of targets) {
  let m;
  try { m = await import(mod); } catch { continue; }
  if (typeof m[fn] !== 'function') continue;
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), JSON.stringify(m[fn](), null, 2) + '\n');
  console.log(`wrote ${file}`);
}
