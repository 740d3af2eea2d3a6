#!/usr/bin/env node
// The diff-spec command (see start.js).
const start = await import('./start.js');
start.checkNode('diff-spec');
await start.useCompileCache();
await start.startPdfReaderFor(process.argv.slice(2));
await import('../dist/cli/diff-spec.js');
