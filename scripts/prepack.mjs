#!/usr/bin/env node
// prepack of every published package (run by `pnpm pack` and `pnpm publish` in the package's
// folder): refuse npm, which would leave `workspace:*` in the tarball's dependencies, then build
// the package from a clean dist/ (so no output of a deleted source file is shipped).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const agent = process.env.npm_config_user_agent ?? '';
const dir = process.cwd();
if (!agent.startsWith('pnpm/')) {
  console.error(
    `prepack: ${dir}: pack and publish with pnpm (pnpm pack, pnpm -r pack, pnpm publish -r): ` +
      `${agent.split(' ')[0] || 'this client'} would leave workspace:* dependencies in the tarball`,
  );
  process.exit(1);
}
rmSync(join(dir, 'dist'), { recursive: true, force: true });
rmSync(join(dir, 'tsconfig.tsbuildinfo'), { force: true });
const ts = createRequire(new URL('../package.json', import.meta.url)).resolve('typescript/package.json');
const tsc = join(dirname(ts), JSON.parse(readFileSync(ts, 'utf8')).bin.tsc);
execFileSync(process.execPath, [tsc, '-b', dir], { stdio: 'inherit' });
