/**
 * A short run of the fuzz harness (pnpm fuzz): a few hundred mutated fixtures of every format,
 * each ending in a document that passes the schema or in an InputError, none hanging.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmp } from './helpers/cli.js';
import { root } from './helpers/fixtures.js';

describe('pnpm fuzz, a short run', () => {
  it('300 cases from a fixed seed: no crash, hang or schema failure in any format', () => {
    const out = tmp('qualspec-fuzz-');
    const r = spawnSync(process.execPath, [join(root, 'scripts/fuzz.mjs'), '--cases', '300', '--seed', '7', '--quiet', '--out', out], { encoding: 'utf8', timeout: 240_000, killSignal: 'SIGKILL' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^(pdf|docx|html|markdown|text)\s/.test(l));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(['pdf', 'docx', 'html', 'markdown', 'text']);
    for (const row of rows) {
      const [, cases, ok, refused, limit, crash, hang, schema] = row.split(/\s+/).map(Number);
      expect(cases).toBe(60);
      expect(ok! + refused! + limit!).toBe(60);
      expect([crash, hang, schema]).toEqual([0, 0, 0]);
    }
  });
});
