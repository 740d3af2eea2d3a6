#!/usr/bin/env node
// The qualspec command (see start.js).
const start = await import('./start.js');
start.checkNode('qualspec');
await start.useCompileCache();
await import('../dist/cli/qualspec.js');
