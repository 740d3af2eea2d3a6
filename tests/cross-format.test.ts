/**
 * The same document as PDF, Word and web page must give the same SpecDocument: the same units,
 * outcomes and criteria, qualification and awarding body. Only the source, locations and
 * diagnostics may differ; any other difference is a bug in an adapter.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSpec } from 'qualspec';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url));

/** The document without what legitimately differs between formats. */
function comparable(doc: unknown): unknown {
  const { source, diagnostics, ...rest } = doc as Record<string, unknown>;
  void source;
  void diagnostics;
  return JSON.parse(JSON.stringify(rest, (k, v) => (k === 'location' ? undefined : v)));
}

describe.each(['habc-l3-diploma', 'proqual-l2-diploma', 'sfj-l2-certificate-draft'])('%s', (name) => {
  it('gives the same units, outcomes and criteria as PDF, DOCX and web page', async () => {
    const [pdf, docx, web] = await Promise.all([
      parseSpec(fixture(`${name}.pdf`)),
      parseSpec(fixture(`${name}.docx`)),
      parseSpec(fixture(`${name}.web.html`)),
    ]);
    expect([pdf.source.format, docx.source.format, web.source.format]).toEqual(['pdf', 'docx', 'html']);
    expect(docx.units.length).toBeGreaterThan(10);
    expect(comparable(docx)).toEqual(comparable(web));
    expect(comparable(pdf)).toEqual(comparable(docx));
  });
});
