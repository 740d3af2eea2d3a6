import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSpecs, DiffReport, DIFF_REPORT_SCHEMA_URL } from '@qualspec/diff';
import { renderHtml, renderJson, renderMarkdown, HTML_CSP } from '../src/index.js';

// The gold models of the ProQual and Highfield Level 3 diplomas, one criterion of the second
// carrying markup a hostile or careless specification could contain.
const load = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/seeds/${name}.gold.json`, import.meta.url), 'utf8'));
const a = load('001_f68a613929ff46c3');
const b = load('003_46569ff9cfb36880');
const evil = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> & *bold* [link](http://x)';
b.units.find((u: { ref: string }) => u.ref === 'K/502/8622').outcomes[0].criteria[0].text += ' ' + evil;
const report = diffSpecs([a, b]);

describe('renderJson', () => {
  it('is the report, valid against the schema', () => {
    const back = JSON.parse(renderJson(report));
    expect(DiffReport.parse(back)).toEqual({ $schema: DIFF_REPORT_SCHEMA_URL, ...report });
    expect(back.$schema).toMatch(/^https:\/\/.*\/@qualspec\/diff@\d+\.\d+\.\d+\/schema\/diff-report\.json$/);
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(report);
  it('starts with the summary and the reference findings', () => {
    expect(md).toMatch(/^# Unit differences across awarding bodies\n\n\*\*2 documents, 45 units compared: /);
    expect(md.indexOf('## Reference findings')).toBeLessThan(md.indexOf('## Diverging units'));
    expect(md).toContain('**check-letter** (error): F/502/4397');
  });
  it('escapes document text', () => {
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\*bold\\*');
    expect(md).toContain('\\[link\\]');
  });
  it('marks inserted and deleted words', () => {
    expect(md).toContain('Buyer behaviour in sales situations');
    expect(md).toMatch(/<ins>[^<]*&lt;script&gt;/);
  });
});

describe('renderHtml', () => {
  const html = renderHtml(report);
  it('is one file with a CSP that forbids network and foreign scripts', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`);
    expect(HTML_CSP).toMatch(/^default-src 'none';/);
    expect(HTML_CSP).not.toContain('unsafe');
    expect(html).not.toMatch(/<[^>]*\ssrc=/);
    // Links only to places in the page itself.
    expect(html.match(/\shref="[^"]*"/g)!.every((h) => h.startsWith(' href="#u-'))).toBe(true);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
  it('escapes document text', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    expect(html).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;');
  });
  it('lists each diverging unit once, side by side, and counts identical ones', () => {
    const articles = html.match(/<article class="unit"/g) ?? [];
    expect(articles.length).toBe(report.summary.diverging);
    expect(html).toContain(`${report.summary.identical} identical units are counted, not listed.`);
  });
});
