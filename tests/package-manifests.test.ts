/**
 * The package files: every dependency a package declares is used by its code (or, for an
 * @types package, by its published declarations), and every bare import of its code is declared.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/fixtures.js';

const PACKAGES = readdirSync(join(root, 'packages')).filter((n) => existsSync(join(root, 'packages', n, 'package.json')));

function filesIn(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : []));
}

/** Package names a set of files imports (static, dynamic and type imports). */
function imported(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'".][^'"]*)['"]/g)) {
      const spec = m[1]!;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      if (!spec.startsWith('node:') && !builtinModules.includes(name)) names.add(name);
    }
  }
  return names;
}

describe.each(PACKAGES)('packages/%s/package.json', (n) => {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', n, 'package.json'), 'utf8'));
  const deps = Object.keys(manifest.dependencies ?? {});
  const code = imported(filesIn(join(root, 'packages', n, 'src'), /\.ts$/));
  const declarations = imported(filesIn(join(root, 'packages', n, 'dist'), /\.d\.ts$/));

  it('declares no dependency its code does not use', () => {
    const unused = deps.filter((d) => (d.startsWith('@types/') ? !declarations.has(d.slice('@types/'.length)) : !code.has(d)));
    expect(unused).toEqual([]);
  });

  it('declares every package its code imports', () => {
    const all = new Set([...deps, ...Object.keys(manifest.devDependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const undeclared = [...code].filter((d) => !all.has(d) && !all.has(`@types/${d}`));
    expect(undeclared).toEqual([]);
  });
});
