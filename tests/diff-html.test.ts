/**
 * The HTML report in headless Chromium (Debian chromium + playwright-core): it renders, the
 * filters work, nothing in the documents executes, and nothing is fetched.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { parseSpec, diffSpecs, renderHtml, type DiffReport, type SpecDocument } from '../packages/qualspec/dist/index.js';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url);
const EVIL_SCRIPT = '<script>window.pwned = "script"</script>';
const EVIL_IMG = '<img src="x" onerror="window.pwned = \'img\'">';

let browser: BrowserContext;
let page: Page;
let report: DiffReport;
let dir: string;
const requests: string[] = [];

beforeAll(async () => {
  const files = readdirSync(SEEDS).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
  const docs: SpecDocument[] = [];
  for (const f of files) docs.push(await parseSpec(new URL(f, SEEDS)));
  // A hostile specification: markup in a criterion and in a title.
  const hl = docs.find((d) => d.awardingBody === 'Highfield')!;
  const unit = hl.units.find((u) => u.ref === 'K/502/8622')!;
  unit.outcomes[0]!.criteria[0]!.text += ` ${EVIL_SCRIPT} ${EVIL_IMG}`;
  unit.title += ` ${EVIL_IMG}`;
  report = diffSpecs(docs);
  dir = mkdtempSync(join(tmpdir(), 'qualspec-html-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, renderHtml(report));

  // A fresh profile directory (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const visibleUnits = () => page.locator('article.unit:visible').count();
const setBox = async (filter: string, value: string, checked: boolean) => page.locator(`input[data-filter="${filter}"][value="${value}"]`).setChecked(checked);

describe('HTML report in Chromium', () => {
  it('renders the summary, the findings and every diverging unit', async () => {
    expect(await page.title()).toBe('Unit differences across awarding bodies');
    const summary = await page.locator('#summary').innerText();
    expect(summary).toContain(`${report.summary.unitsCompared}\nunits compared`);
    expect(summary).toContain(`${report.summary.diverging}\ndiverging`);
    expect(await page.locator('li.finding').count()).toBe(report.findings.length);
    expect(await page.locator('li.finding[data-kind="check-letter"]').innerText()).toContain('F/502/4397');
    expect(await page.locator('article.unit').count()).toBe(report.summary.diverging);
    expect(await visibleUnits()).toBe(report.summary.diverging);
    // The filter script ran (allowed by its hash): it wrote the count.
    expect(await page.locator('#shown').innerText()).toBe(`${report.summary.diverging} of ${report.summary.diverging} diverging units shown`);
  });

  it('shows insertions and deletions side by side', async () => {
    const row = page.locator('#u-K-502-8622 tr.d').filter({ hasText: 'criterion 1.1' }).first();
    expect(await row.locator('td.b ins').first().innerText()).toContain('<script>');
    expect(await row.locator('td.a ins').count()).toBe(0);
  });

  it('runs nothing from the documents and shows their markup as text', async () => {
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    expect(await page.locator('#units img').count()).toBe(0);
    expect(await page.locator('#units script').count()).toBe(0);
    expect(await page.getByText(EVIL_SCRIPT, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });

  it('fetches nothing but the file itself', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((u) => u.startsWith('file://') && u.endsWith('/report.html'))).toBe(true);
  });

  it('filters by class', async () => {
    for (const k of ['cosmetic', 'wording', 'structural']) await setBox('class', k, false);
    const expected = report.units.filter((u) => u.counts.spelling > 0).length;
    expect(expected).toBeGreaterThan(0);
    expect(await visibleUnits()).toBe(expected);
    const classes = await page.locator('tr.d:visible').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-class')))]);
    expect(classes).toEqual(['spelling']);
    for (const k of ['cosmetic', 'wording', 'structural']) await setBox('class', k, true);
    expect(await visibleUnits()).toBe(report.summary.diverging);
  });

  it('filters by body', async () => {
    const bodies = [...new Set(report.documents.map((d) => d.awardingBody ?? 'Unknown body'))];
    const hl = bodies.indexOf('Highfield');
    await setBox('body', String(hl), false);
    const bodyOf = (d: number) => report.documents[d]!.awardingBody;
    const expected = report.units.filter((u) => u.comparisons.some((c) => c.a.some((d) => bodyOf(d) !== 'Highfield') && c.b.some((d) => bodyOf(d) !== 'Highfield'))).length;
    expect(expected).toBeLessThan(report.summary.diverging);
    expect(await visibleUnits()).toBe(expected);
    // Buyer behaviour (K/502/8622) is only compared with Highfield: hidden.
    expect(await page.locator('#u-K-502-8622').isVisible()).toBe(false);
    await setBox('body', String(hl), true);
    expect(await page.locator('#u-K-502-8622').isVisible()).toBe(true);
  });
});
