import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecDocument } from '../src/schema.js';
import { specDocumentJsonSchema } from '../src/json-schema.js';

describe('SpecDocument schema', () => {
  it('ships a JSON Schema that matches the zod schema (run `pnpm schema` after changing the model)', () => {
    const committed = JSON.parse(readFileSync(new URL('../schema/spec-document.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(specDocumentJsonSchema())));
  });

  it('uses exactly the MODEL.md field names', () => {
    const json = specDocumentJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    // `$schema` (optional) names the JSON Schema a document follows; the model's fields follow it.
    expect(Object.keys(json.properties)).toEqual(['$schema', 'schemaVersion', 'source', 'awardingBody', 'qualification', 'units', 'diagnostics']);
    expect((json as unknown as { required: string[] }).required).not.toContain('$schema');
    expect(Object.keys(json.properties.qualification!.properties!)).toEqual(['title', 'number', 'level', 'credits', 'glh', 'glhMax', 'tqt', 'draft', 'rules']);
  });

  it('accepts a hand-checked gold document once source and diagnostics are added, and rejects a renamed field', () => {
    const gold = JSON.parse(readFileSync(new URL('../../../fixtures/seeds/003_46569ff9cfb36880.gold.json', import.meta.url), 'utf8'));
    const withLocations = {
      ...gold,
      source: { path: 'x.txt', format: 'text', sha256: 'a'.repeat(64), pages: null },
      diagnostics: [],
      units: gold.units.map((u: Record<string, unknown>) => ({ location: null, ...u, outcomes: (u.outcomes as Record<string, unknown>[]).map((o) => ({ location: null, ...o, criteria: (o.criteria as object[]).map((c) => ({ location: null, grade: null, ...c })) })) })),
    };
    expect(SpecDocument.safeParse(withLocations).success).toBe(true);
    const renamed = { ...withLocations, units: [{ ...withLocations.units[0], reference: 'X' }].map(({ ref: _r, ...rest }) => rest) };
    expect(SpecDocument.safeParse(renamed).success).toBe(false);
  });
});
