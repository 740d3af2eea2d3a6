import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffReportJsonSchema } from '../src/index.js';

describe('schema/diff-report.json', () => {
  it('is the JSON Schema generated from the zod DiffReport (run `pnpm schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../schema/diff-report.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(diffReportJsonSchema())));
  });

  it('describes the report fields', () => {
    const s = diffReportJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    // `$schema` (optional) names the JSON Schema the report follows.
    expect(Object.keys(s.properties)).toEqual(['$schema', 'schemaVersion', 'kind', 'documents', 'summary', 'findings', 'units']);
    expect(s.required).toContain('units');
    expect(s.required).not.toContain('$schema');
  });
});
