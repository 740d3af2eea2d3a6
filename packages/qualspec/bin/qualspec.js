#!/usr/bin/env node
// The qualspec command. Its code is built into dist/ (pnpm build, or prepack before publishing); this
// file is part of the sources so that installing the workspace can link the command before
// the build has run. An older Node gets one line instead of an error from deep inside pdf.js.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(`qualspec: needs Node 22.13 or later (24 LTS recommended); this is Node ${process.versions.node}`);
  process.exit(2);
}
await import('../dist/cli/qualspec.js');
