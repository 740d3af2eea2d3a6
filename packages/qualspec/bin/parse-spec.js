#!/usr/bin/env node
// The parse-spec command (see start.js).
const start = await import('./start.js');
start.checkNode('parse-spec');
await start.useCompileCache();
await start.startPdfReaderFor(process.argv.slice(2));
await import('../dist/cli/parse-spec.js');
