import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, paragraphs, type Block, type Paragraph, type Table } from '@qualspec/blocks';
import { pdfToBlocks } from '@qualspec/pdf';
import { miniPdf, textOps } from './minipdf.js';

const doc = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/documents/${name}`, import.meta.url))));
const bad = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/bad/${name}`, import.meta.url))));

const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.type === 'table');
const texts = (blocks: Block[]) => [...paragraphs(blocks)].map((p) => p.text);
const cellTexts = (t: Table) => t.rows.map((r) => r.cells.map((c) => c.blocks.map((p) => p.text)));
/** The row of any table whose first cell starts with `lead`. */
function rowStarting(blocks: Block[], lead: string) {
  for (const t of tables(blocks)) for (const r of t.rows) if (r.cells[0]?.blocks[0]?.text.startsWith(lead)) return r;
  return undefined;
}

async function expectInputError(p: Promise<unknown>, code: string, message: RegExp) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(InputError);
  expect((e as InputError).code).toBe(code);
  expect((e as InputError).message).toMatch(message);
  expect((e as InputError).message).not.toContain('\n');
}

describe('pdfToBlocks on ProQual (centred outcome cells, running footer)', async () => {
  const { blocks, pages, notes } = await pdfToBlocks(doc('proqual-l2-diploma.pdf'));

  it('reads every page, warns of nothing, and notes what the layout decided', () => {
    expect(pages).toBe(40);
    expect(notes.filter((n) => n.severity !== 'info')).toEqual([]);
    expect(notes.map((n) => n.code)).toEqual(['layout-furniture', 'layout-tables']);
    // The running footer (with its page number), one line on every page.
    expect(notes[0]!.message).toMatch(/^40 lines of page furniture .* on 40 of 40 pages$/);
    expect(notes[1]!.message).toMatch(/^\d+ tables read: \d+ from their drawn rules; \d+ page breaks inside a table joined$/);
  });

  it('drops the running footer and page numbers', () => {
    const all = texts(blocks);
    expect(all.some((t) => /ProQual, November 2017/.test(t))).toBe(false);
    expect(all.some((t) => /Page \d+$/.test(t))).toBe(false);
  });

  it('puts the unit heading on its page and every paragraph on a page', () => {
    const h = [...paragraphs(blocks)].find((p) => p.text === 'Unit D/506/2119');
    expect(h?.place.page).toBe(10);
    expect(h?.heading).toBeGreaterThan(0);
    expect([...paragraphs(blocks)].every((p) => typeof p.place.page === 'number' && p.place.page >= 1 && p.place.page <= 40)).toBe(true);
    for (const t of tables(blocks)) for (const r of t.rows) expect(r.place.page).toBeGreaterThan(0);
  });

  it('gives the centred outcome cell the criteria beside it, one paragraph per criterion', () => {
    const row = rowStarting(blocks, '1 Understand how to communicate verbally');
    expect(row).toBeDefined();
    const crit = row!.cells[1]!.blocks.map((p) => p.text);
    expect(crit).toEqual([
      '1.1 Explain the importance of effective communication in customer service',
      '1.2 Explain how tone of voice, choice of expression and body language can affect the way customers perceive their experience',
      '1.3 Explain why “customer service language” is used',
      '1.4 Describe different questioning techniques that can be used when communicating with customers',
      '1.5 Describe verbal and non-verbal signals that show how a customer may be feeling',
      '1.6 Describe the types of information needed when communicating verbally with customers',
    ]);
  });

  it('continues a row broken across a page, joining the split criterion', () => {
    const row = rowStarting(blocks, '2 Be able to use customer service language');
    const crit = row!.cells[1]!.blocks;
    const split = crit.find((p) => p.text.startsWith('2.9 '));
    expect(split?.text).toBe('2.9 Check that customers have understood what has been communicated');
    expect(split?.place.page).toBe(10);
    const next = crit.find((p) => p.text.startsWith('2.10 '));
    expect(next?.place.page).toBe(11);
    // No row of its own for the continuation.
    expect(rowStarting(blocks, 'been communicated')).toBeUndefined();
    expect(tables(blocks).some((t) => t.rows.some((r) => !r.cells[0]!.blocks.length && r.cells[1]?.blocks[0]?.text === 'been communicated'))).toBe(false);
  });

  it('reads the structure table as rows of reference, title, level, credit', () => {
    const row = rowStarting(blocks, 'A/506/1964');
    expect(row!.cells.map((c) => c.blocks.map((p) => p.text).join(' '))).toEqual(['A/506/1964', 'Understand employer organisations', '2', '4', '']);
    const header = tables(blocks).find((t) => t.rows[0]?.cells[0]?.blocks[0]?.text === 'Unit reference');
    expect(header?.rows[0]?.header).toBe(true);
  });
});

describe('pdfToBlocks on Highfield (unit lines, label lines, italic sub-header row)', async () => {
  const { blocks } = await pdfToBlocks(doc('habc-l3-diploma.pdf'), { threads: 0 });

  it('drops the running header and footer', () => {
    const ps = [...paragraphs(blocks)];
    expect(ps.filter((p) => p.text === 'HABC Level 3 Diploma in Customer Service (QCF)').every((p) => p.place.page === 1)).toBe(true);
    expect(ps.some((p) => /Highfield Qualifications Version/.test(p.text))).toBe(false);
  });

  it('keeps "Unit N: title" and each label on its own paragraph', () => {
    const all = texts(blocks);
    const i = all.indexOf('Unit 1: Organise and deliver customer service');
    expect(i).toBeGreaterThan(0);
    expect(all.slice(i + 1, i + 5)).toEqual(['Unit number: L/506/2150', 'Credit: 5', 'GLH: 27', 'Level: 3']);
  });

  it('joins words broken in a narrow column', () => {
    const row = rowStarting(blocks, 'L/506/1905');
    expect(row?.cells[1]?.blocks.map((p) => p.text)).toEqual(['Employee rights and responsibilities']);
  });

  it('continues the criterion split across pages 5 and 6', () => {
    const row = rowStarting(blocks, '2. Be able to plan the delivery of customer service');
    const crit = row!.cells[1]!.blocks.map((p) => p.text);
    expect(crit).toContain('2.3. Confirm that systems and structures are in place to enable the delivery of agreed standards of customer service');
    expect(crit.at(-1)).toBe('2.6. Allocate priorities to address points of service failure');
    const three = rowStarting(blocks, '3. Be able to deliver customer service');
    expect(three!.cells[1]!.blocks[0]!.text).toMatch(/^3\.1\. /);
  });

  it('gives the same blocks whether pages are read in worker threads or in this thread', async () => {
    const threaded = await pdfToBlocks(doc('habc-l3-diploma.pdf'), { threads: 2 });
    expect(threaded.blocks).toEqual(blocks);
  });
});

describe('pdfToBlocks on SFJ (a centred outcome level with a middle criterion)', async () => {
  const { blocks } = await pdfToBlocks(doc('sfj-l2-certificate-draft.pdf'));
  it('continues a header row broken across pages 1 and 2, words in narrow columns joined', () => {
    const t = tables(blocks).find((x) => x.rows[0]?.cells[0]?.blocks[0]?.text === 'Unit reference' && x.rows.length > 15)!;
    expect(t.rows[0]!.cells.map((c) => c.blocks.map((p) => p.text).join(' '))).toEqual(['Unit reference', 'Unit title', 'Level', 'Credit', 'GLH']);
    expect(t.rows[0]!.header).toBe(true);
    expect(t.rows[1]!.cells.map((c) => c.blocks.map((p) => p.text).join(' '))).toEqual(['TBC', 'Communicate verbally with customers', '2', '3', '14']);
    expect(t.rows[1]!.place.page).toBe(2);
  });

  it('starts the row where its criteria start, not where the outcome text sits', () => {
    const two = rowStarting(blocks, '2. Be able to plan customer service handovers');
    expect(two!.cells[1]!.blocks.map((p) => p.text.split(' ')[0])).toEqual(['2.1.', '2.2.', '3.2.']);
    const three = rowStarting(blocks, '3. Be able to carry out customer service handovers');
    expect(three!.cells[1]!.blocks.map((p) => p.text.split(' ')[0])).toEqual(['3.3.', '3.4.', '3.5.', '3.6.', '3.7.']);
    expect(three!.place.page).toBe(21);
  });
});

describe('pdfToBlocks on generated layouts', () => {
  // Two pages of a two-column table with a bold header row repeated on page 2, a row broken
  // across the page, a running header and footer; page 3 has a three-column table with the
  // criterion number in its own column, a list and a paragraph.
  const H = (page: number) => textOps([
    [60, 810, 9, 'Acme Awards Level 9 Certificate in Testing'],
    [60, 30, 9, `Acme Awards    Version 2    Page ${page}`],
  ]);
  const page1 = [
    H(1),
    textOps([
      [60, 760, 16, 'Unit 7: Test things properly', true],
      [62, 720, 10, 'Outcome', true],
      [300, 720, 10, 'Criteria', true],
      [62, 690, 10, '1 Know how to plan tests'],
      [300, 690, 10, '1.1 Describe what a test plan has to'],
      [300, 678, 10, 'cover in every case'],
      [300, 652, 10, '1.2 Explain why plans change'],
      [62, 620, 10, '2 Be able to run tests'],
      [300, 620, 10, '2.1 Run the tests in the agreed order'],
      [300, 594, 10, '2.2 Check that all of the results are'],
    ]),
  ].join('\n');
  const page2 = [
    H(2),
    textOps([
      [62, 770, 10, 'Outcome', true],
      [300, 770, 10, 'Criteria', true],
      [300, 745, 10, 'recorded on the sheet'],
      [300, 719, 10, '2.3 Report failures to the team'],
      [60, 680, 10, 'Guidance for assessors follows in this section of the document, and it runs'],
      [60, 668, 10, 'over two lines so that the two lines form one paragraph.'],
    ]),
  ].join('\n');
  const page3 = [
    H(3),
    textOps([
      [62, 760, 10, '3 Understand tools'],
      [250, 760, 10, '3.1'],
      [290, 760, 10, 'Explain what a test tool does'],
      [250, 734, 10, '3.2'],
      [290, 734, 10, 'Describe two kinds of tool used'],
      [290, 722, 10, 'in testing'],
      [60, 680, 10, '\x95 first point of a list'],
      [60, 666, 10, '\x95 second point of a list'],
    ]),
  ].join('\n');
  const bytes = miniPdf([{ content: page1 }, { content: page2 }, { content: page3 }]);

  it('drops running header, footer and the repeated header row; continues the broken row', async () => {
    const { blocks, pages } = await pdfToBlocks(bytes);
    expect(pages).toBe(3);
    const all = texts(blocks);
    expect(all.some((t) => /Acme Awards/.test(t))).toBe(false);
    const t = tables(blocks)[0]!;
    expect(t.rows[0]!.header).toBe(true);
    expect(cellTexts(t)).toEqual([
      [['Outcome'], ['Criteria']],
      [['1 Know how to plan tests'], ['1.1 Describe what a test plan has to cover in every case', '1.2 Explain why plans change']],
      [['2 Be able to run tests'], ['2.1 Run the tests in the agreed order', '2.2 Check that all of the results are recorded on the sheet', '2.3 Report failures to the team']],
    ]);
    expect(all.filter((x) => x === 'Outcome')).toHaveLength(1);
    const guidance = [...paragraphs(blocks)].find((p) => p.text.startsWith('Guidance'));
    expect(guidance?.text).toBe('Guidance for assessors follows in this section of the document, and it runs over two lines so that the two lines form one paragraph.');
    expect(guidance?.place.page).toBe(2);
    const heading = [...paragraphs(blocks)].find((p) => p.text.startsWith('Unit 7'));
    expect(heading?.heading).toBe(1);
    expect(blocks.filter((b) => b.type === 'page').map((b) => (b as { page: number }).page)).toEqual([2, 3]);
  });

  it('gives one row per criterion when the number has its own column', async () => {
    const { blocks } = await pdfToBlocks(bytes);
    const t = tables(blocks).find((x) => x.rows.some((r) => r.cells.some((c) => c.blocks.some((p) => p.text === '3.1'))))!;
    expect(cellTexts(t)).toEqual([
      [['3 Understand tools'], ['3.1'], ['Explain what a test tool does']],
      [[], ['3.2'], ['Describe two kinds of tool used in testing']],
    ]);
    expect(t.rows.every((r) => r.place.page === 3)).toBe(true);
  });

  it('turns bullets into list items', async () => {
    const { blocks } = await pdfToBlocks(bytes);
    const items = [...paragraphs(blocks)].filter((p: Paragraph) => p.depth);
    expect(items.map((p) => [p.text, p.depth])).toEqual([
      ['first point of a list', 1],
      ['second point of a list', 1],
    ]);
  });
});

describe('pdfToBlocks on a web-printed style (centred header labels, list markers drawn as graphics)', () => {
  const page = textOps([
    [60, 780, 16, 'Unit 12: Look after widgets', true],
    [60, 750, 10, 'Evidence must come from real work in the workplace and must be kept for three'],
    [60, 736, 10, 'years by the centre.'],
    [60, 716, 10, 'Evidence must include:'],
    [90, 702, 10, 'a witness statement'],
    [90, 688, 10, 'a product, which is:'],
    [120, 674, 10, 'signed by the assessor'],
    [60, 654, 10, 'Learners must complete every unit.'],
    // A table whose header labels are centred over left-aligned values.
    [80, 620, 10, 'Unit ref', true],
    [215, 620, 10, 'Title', true],
    [402, 620, 10, 'Level', true],
    [452, 620, 10, 'Credit', true],
    [62, 600, 10, 'A/100/0001'],
    [150, 600, 10, 'Look after widgets'],
    [395, 600, 10, '3'],
    [447, 600, 10, '4'],
    [62, 580, 10, 'B/100/0002'],
    [150, 580, 10, 'Store widgets well'],
    [395, 580, 10, '2'],
    [447, 580, 10, '3'],
  ]);
  const bytes = miniPdf([{ content: page }]);

  it('gives indented body lines list depth by indentation', async () => {
    const { blocks } = await pdfToBlocks(bytes);
    const ps = [...paragraphs(blocks)].filter((p) => !tables(blocks).some((t) => t.rows.some((r) => r.cells.some((c) => c.blocks.includes(p)))));
    expect(ps.map((p) => [p.text, p.depth ?? 0])).toEqual([
      ['Unit 12: Look after widgets', 0],
      ['Evidence must come from real work in the workplace and must be kept for three years by the centre.', 0],
      ['Evidence must include:', 0],
      ['a witness statement', 1],
      ['a product, which is:', 1],
      ['signed by the assessor', 2],
      ['Learners must complete every unit.', 0],
    ]);
  });

  it('keeps a centred header label in the column of the values under it', async () => {
    const { blocks } = await pdfToBlocks(bytes);
    const t = tables(blocks)[0]!;
    expect(cellTexts(t)).toEqual([
      [['Unit ref'], ['Title'], ['Level'], ['Credit']],
      [['A/100/0001'], ['Look after widgets'], ['3'], ['4']],
      [['B/100/0002'], ['Store widgets well'], ['2'], ['3']],
    ]);
    expect(t.rows[0]!.header).toBe(true);
  });
});

describe('pdfToBlocks on a dense table: one row per criterion, centred merged outcome cells, two-line header repeated', () => {
  // Laid out like a browser prints an HTML table with rowspan and a repeated thead: equal
  // gaps everywhere, each outcome centred beside its criteria, the row split by the page
  // break starting level with its first criterion.
  type T = [number, number, number, string, boolean?];
  const pages: T[][] = [[], []];
  const header = (pg: number, y: number) => {
    pages[pg]!.push([83, y, 10, 'Learning outcome', true], [350, y, 10, 'Assessment criteria', true]);
    pages[pg]!.push([88, y - 11, 10, 'The learner will:', true], [359, y - 11, 10, 'The learner can:', true]);
  };
  for (const pg of [0, 1]) pages[pg]!.push([40, 30, 8, `Widget Awards unit handbook page ${pg + 1}`]);
  header(0, 760);
  header(1, 800);
  let pg = 0;
  let y = 730;
  for (let o = 1; o <= 3; o++) {
    const start = { pg, y };
    const tops: Array<{ pg: number; y: number }> = [];
    for (let c = 1; c <= 8; c++) {
      if (y < 150) {
        pg = 1;
        y = 770;
      }
      tops.push({ pg, y });
      pages[pg]!.push([222, y, 10, `${o}.${c} Explain factor ${c} of area ${o}, giving examples from`]);
      pages[pg]!.push([222, y - 11, 10, 'the workplace and saying how each shows the factor']);
      y -= 31;
    }
    const onStart = tops.filter((t) => t.pg === start.pg);
    const text = [`${o}. Understand area of practice`, `number ${o} well enough to apply it`];
    let oy: number;
    if (onStart.length < tops.length) oy = onStart[0]!.y; // split: level with the first criterion
    else oy = Math.round((onStart[0]!.y + onStart.at(-1)!.y - 11) / 2 + 5);
    pages[start.pg]!.push([38, oy, 10, text[0]!], [38, oy - 11, 10, text[1]!]);
  }
  const bytes = miniPdf(pages.map((p) => ({ content: textOps(p) })));

  it('gives each outcome exactly its own criteria and drops the repeated header', async () => {
    const { blocks } = await pdfToBlocks(bytes);
    const ts = tables(blocks);
    expect(ts).toHaveLength(1);
    // The two-line header (`Learning outcome` / `The learner will:`) is header rows.
    const all = ts[0]!.rows;
    expect(all[0]!.header).toBe(true);
    const rows = all.filter((r) => !r.header);
    expect(rows.map((r) => [r.cells[0]!.blocks.map((p) => p.text.split(' ')[0]).join(' '), r.cells[1]!.blocks.map((p) => p.text.split(' ')[0]).join(' ')])).toEqual([
      ['1.', '1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8'],
      ['2.', '2.1 2.2 2.3 2.4 2.5 2.6 2.7 2.8'],
      ['3.', '3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8'],
    ]);
    // The third row is split by the page break (3.1-3.3 on page 1, 3.4-3.8 on page 2).
    expect(rows[2]!.cells[1]!.blocks.map((p) => p.place.page)).toEqual([1, 1, 1, 2, 2, 2, 2, 2]);
    expect(texts(blocks).filter((t) => t.startsWith('Learning outcome'))).toHaveLength(1);
    expect(texts(blocks).some((t) => /Widget Awards unit handbook/.test(t))).toBe(false);
  });
});

describe('running headers that change with the section', () => {
  const pages = Array.from({ length: 16 }, (_, i) => ({
    content: textOps([
      [60, 810, 9, i < 3 ? 'Section A: widget handbook' : 'Section B: widget reference'],
      [60, 770, 12, `Topic ${i + 1}: a title of its own for page ${i + 1}`, true],
      [60, 752, 10, 'Credit: 5'],
      [60, 730, 10, `Body text of page ${i + 1}.`],
      [290, 30, 9, `${i + 1}`],
    ]),
  }));
  it('drops a header set apart at the page edge on three pages; keeps repeated body lines', async () => {
    const { blocks } = await pdfToBlocks(miniPdf(pages));
    const all = texts(blocks);
    expect(all.some((t) => t.startsWith('Section A') || t.startsWith('Section B'))).toBe(false);
    expect(all.some((t) => /^\d+$/.test(t))).toBe(false);
    expect(all.filter((t) => t === 'Credit: 5')).toHaveLength(16);
    expect(all.filter((t) => t.startsWith('Topic '))).toHaveLength(16);
  });
});

describe('pdfToBlocks refuses bad PDFs with one-line errors', () => {
  const fixture = doc('proqual-l2-diploma.pdf');

  it('a truncated file', async () => {
    await expectInputError(pdfToBlocks(fixture.slice(0, Math.floor(fixture.length / 2))), 'truncated', /^truncated PDF/);
  });

  it('garbage after a %PDF header', async () => {
    const junk = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251))]);
    await expectInputError(pdfToBlocks(new Uint8Array(junk)), 'invalid-pdf', /^damaged PDF/);
    // The same garbage ending in %%EOF still fails cleanly.
    const withEof = Buffer.concat([junk, Buffer.from('\n1 0 obj\n<< >>\nendobj\n%%EOF\n')]);
    await expectInputError(pdfToBlocks(new Uint8Array(withEof)), 'invalid-pdf', /^damaged PDF/);
  });

  it('no %PDF header', async () => {
    await expectInputError(pdfToBlocks(new Uint8Array(Buffer.from('hello, world'))), 'not-pdf', /no %PDF header/);
  });

  it('a password-protected PDF: needs --password, says when it is wrong, opens with it', async () => {
    const enc = bad('encrypted.pdf');
    await expectInputError(pdfToBlocks(enc), 'password-required', /^password-protected PDF: pass --password$/);
    await expectInputError(pdfToBlocks(enc, { password: 'wrong' }), 'wrong-password', /incorrect password/);
    const { blocks } = await pdfToBlocks(enc, { password: 'qualspec' });
    expect(texts(blocks)).toEqual(['Encrypted test page', 'The password is qualspec.']);
  });

  it('a PDF with no text layer', async () => {
    const scan = miniPdf([{ content: 'q 400 0 0 600 90 100 cm 0.5 g 0 0 1 1 re f Q' }, { content: 'q 0 g 72 72 100 100 re f Q' }]);
    await expectInputError(pdfToBlocks(scan), 'no-text', /^no text layer: scanned PDFs need OCR first$/);
  });

  it('page-count and size limits', async () => {
    await expectInputError(pdfToBlocks(fixture, { maxPages: 10 }), 'too-many-pages', /40 pages, over the 10-page limit/);
    await expectInputError(pdfToBlocks(fixture, { maxPages: 10, threads: 2 }), 'too-many-pages', /40 pages, over the 10-page limit/);
    await expectInputError(pdfToBlocks(fixture, { maxBytes: 1000 }), 'too-large', /over the 1000-byte limit/);
  });

  it('runs documents side by side on the same page workers', async () => {
    const [a, b, c] = await Promise.allSettled([
      pdfToBlocks(doc('sfj-l2-certificate-draft.pdf'), { threads: 2 }),
      pdfToBlocks(bad('encrypted.pdf'), { threads: 2 }),
      pdfToBlocks(doc('proqual-l2-diploma.pdf'), { threads: 1 }),
    ]);
    expect(a.status === 'fulfilled' && a.value.pages).toBe(31);
    expect(b.status === 'rejected' && (b.reason as InputError).code).toBe('password-required');
    expect(c.status === 'fulfilled' && c.value.pages).toBe(40);
  });

  it.each([
    ['pre-started and never used', 'pdf.prewarmPdfWorkers();'],
    ['after reading a document', `await pdf.pdfToBlocks(new Uint8Array(readFileSync(${JSON.stringify(fileURLToPath(new URL('../../../fixtures/documents/sfj-l2-certificate-draft.pdf', import.meta.url)))})), { threads: 1 });`],
  ])('page workers %s never keep the process alive', (_, body) => {
    const script = `import { readFileSync } from 'node:fs'; const pdf = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)}); ${body} console.log('end of script');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-'], { input: script, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
    expect(r.signal).toBeNull();
    expect({ status: r.status, out: r.stdout }).toEqual({ status: 0, out: 'end of script\n' });
  });

  it('errors from worker threads arrive as InputErrors', async () => {
    await expectInputError(pdfToBlocks(bad('encrypted.pdf'), { threads: 2 }), 'password-required', /pass --password/);
  });

  it('leaves the caller\'s bytes intact', async () => {
    const copy = fixture.slice();
    await pdfToBlocks(copy, { threads: 0 });
    expect(copy.length).toBe(fixture.length);
    expect(Buffer.compare(Buffer.from(copy), Buffer.from(fixture))).toBe(0);
  });
});

describe('a one-page PDF', () => {
  it('drops a page number alone at the foot, which no other page repeats', async () => {
    const bytes = miniPdf([
      {
        content: textOps([
          [60, 780, 14, 'Unit 1: Handle widgets safely', true],
          [60, 750, 10, '1.1 Describe a widget'],
          [60, 736, 10, '1.2 Explain the uses of widgets'],
          [60, 40, 9, 'Page 1 of 1'],
        ]),
      },
    ]);
    const { blocks } = await pdfToBlocks(bytes, { threads: 0 });
    expect([...paragraphs(blocks)].map((p) => p.text)).toEqual(['Unit 1: Handle widgets safely', '1.1 Describe a widget', '1.2 Explain the uses of widgets']);
  });
});
