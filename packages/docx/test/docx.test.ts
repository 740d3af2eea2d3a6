import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, type Block, type Paragraph, type Table } from '@qualspec/blocks';
import { htmlToBlocks } from '@qualspec/html';
import { docxToBlocks } from '../src/index.js';
import { CONTENT_TYPES, RELS, deflated, documentXml, stored, zerosDeflated, zip } from './zipkit.js';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/documents/${name}`, import.meta.url))));

const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.type === 'table');
const paras = (blocks: Block[]) => blocks.filter((b): b is Paragraph => b.type === 'paragraph');

/** Blocks without places, to compare the same document in two formats. */
function shape(blocks: Block[]): unknown {
  const p = (x: Paragraph) => ({ text: x.text, depth: x.depth ?? 0, heading: x.heading ?? 0, emphasis: x.emphasis ?? null });
  return blocks.map((b) =>
    b.type === 'paragraph'
      ? p(b)
      : b.type === 'table'
        ? b.rows.map((r) => ({ header: !!r.header, cells: r.cells.map((c) => ({ span: [c.colSpan, c.rowSpan], blocks: c.blocks.map(p) })) }))
        : b,
  );
}

async function refusal(bytes: Uint8Array, opts = {}): Promise<InputError> {
  try {
    await docxToBlocks(bytes, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toMatch(/\n/);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('docxToBlocks on a real Word specification', () => {
  it('keeps the outcome/criteria tables: a bold heading row, an italic row, one paragraph per criterion', async () => {
    const { blocks, pages } = await docxToBlocks(fixture('habc-l3-diploma.docx'));
    expect(pages).toBeNull();
    const heading = paras(blocks).find((b) => b.text === 'Unit 1: Organise and deliver customer service');
    expect(heading).toMatchObject({ heading: 2 });
    const at = blocks.indexOf(heading!);
    const table = blocks.slice(at).find((b): b is Table => b.type === 'table')!;
    expect(table.rows[0]!.header).toBe(true);
    expect(table.rows[0]!.cells.map((c) => c.blocks.map((b) => [b.text, b.emphasis]))).toEqual([
      [['Learning Outcomes', 'bold']],
      [['Assessment Criteria', 'bold']],
    ]);
    expect(table.rows[1]!.header).toBeFalsy();
    expect(table.rows[1]!.cells.map((c) => c.blocks.map((b) => b.emphasis))).toEqual([['italic'], ['italic']]);
    const row = table.rows[2]!;
    expect(row.cells[0]!.blocks.map((b) => b.text)).toEqual(['1. Understand how to organise customer service delivery']);
    expect(row.cells[1]!.blocks.map((b) => b.text)).toEqual([
      '1.1. Explain how different methods of promoting products and/or services impact on customer service delivery',
      '1.2. Explain who should be involved in the organisation of customer service delivery',
      '1.3. Explain the importance of differentiating between customers’ wants, needs and expectations',
      '1.4. Explain different ways of segmenting customer groups',
      '1.5. Explain how customer segmentation is used in organising customer service delivery',
      '1.6. Explain how to analyse the “customer journey”',
    ]);
  });

  it('numbers places in reading order with no page (Word has none mammoth sees)', async () => {
    const { blocks } = await docxToBlocks(fixture('proqual-l2-diploma.docx'));
    const lines: number[] = [];
    for (const b of blocks) {
      if (b.type === 'paragraph') lines.push(b.place.line!);
      if (b.type === 'table') for (const r of b.rows) for (const c of r.cells) for (const p of c.blocks) lines.push(p.place.line!);
    }
    expect(lines[0]).toBe(1);
    expect(lines.every((l, i) => Number.isInteger(l) && (i === 0 || l > lines[i - 1]!))).toBe(true);
    expect(blocks.every((b) => b.type !== 'paragraph' || b.place.page === null)).toBe(true);
  });

  it.each(['habc-l3-diploma', 'proqual-l2-diploma', 'sfj-l2-certificate-draft'])(
    '%s gives the same blocks as the web page that pasted it',
    async (name) => {
      const docx = await docxToBlocks(fixture(`${name}.docx`));
      const web = await htmlToBlocks(fixture(`${name}.web.html`));
      expect(tables(docx.blocks).length).toBeGreaterThan(5);
      expect(shape(docx.blocks)).toEqual(shape(web.blocks));
    },
  );
});

describe('docxToBlocks on hand-made documents', () => {
  const doc = (body: string, extra: ReturnType<typeof stored>[] = []) =>
    zip([stored('[Content_Types].xml', CONTENT_TYPES), stored('_rels/.rels', RELS), deflated('word/document.xml', documentXml(body)), ...extra]);
  const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const tc = (content: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content}</w:tc>`;

  it('reads column and row spans (gridSpan, vMerge) into colSpan and rowSpan', async () => {
    const body = `<w:tbl>
      <w:tr>${tc(p('Unit'), '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${tc(p('1 Outcome'), '<w:vMerge w:val="restart"/>')}${tc(p('1.1 First') + p('1.2 Second'))}</w:tr>
      <w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p('1.3 Third'))}</w:tr>
    </w:tbl>`;
    const { blocks } = await docxToBlocks(doc(body));
    const [t] = tables(blocks);
    expect(t!.rows.map((r) => r.cells.map((c) => [c.colSpan, c.rowSpan, c.blocks.map((b) => b.text).join(' / ')]))).toEqual([
      [[2, 1, 'Unit']],
      [[1, 2, '1 Outcome'], [1, 1, '1.1 First / 1.2 Second']],
      [[1, 1, '1.3 Third']],
    ]);
  });

  it('takes bold and italic from paragraph styles (through basedOn) and outline levels as headings', async () => {
    const styles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:styleId="Strongish"><w:name w:val="Strongish"/><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Child"><w:name w:val="Child"/><w:basedOn w:val="Strongish"/><w:rPr><w:i/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="NotBold"><w:name w:val="Not bold"/><w:basedOn w:val="Strongish"/><w:rPr><w:b w:val="0"/><w:bCs/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="UnitTitle"><w:name w:val="Unit Title"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
    </w:styles>`;
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
    const body = [
      p('Bold by style', '<w:pStyle w:val="Strongish"/>'),
      p('Bold and italic, bold wins', '<w:pStyle w:val="Child"/>'),
      p('Plain after all', '<w:pStyle w:val="NotBold"/>'),
      p('Unit 7 Title', '<w:pStyle w:val="UnitTitle"/>'),
      `<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Direct italic</w:t></w:r></w:p>`,
    ].join('');
    const { blocks } = await docxToBlocks(doc(body, [stored('word/styles.xml', styles), stored('word/_rels/document.xml.rels', rels)]));
    expect(paras(blocks).map((b) => [b.text, b.emphasis ?? null, b.heading ?? null])).toEqual([
      ['Bold by style', 'bold', null],
      ['Bold and italic, bold wins', 'bold', null],
      ['Plain after all', null, null],
      ['Unit 7 Title', 'bold', 2],
      ['Direct italic', 'italic', null],
    ]);
  });

  it('prints Word list numbers (levels, starts, overrides, styles) and keeps list depth; bullets stay unprinted', async () => {
    const lvl = (i: number, fmt: string, text: string, extra = '') => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
    const numbering = `<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="10">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2')}${lvl(2, 'bullet', '\u2022')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="20">${lvl(0, 'lowerLetter', '%1)')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="20"/></w:num>
    </w:numbering>`;
    const styles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:styleId="Crit"><w:name w:val="Criterion"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    </w:styles>`;
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
    const item = (text: string, numId: number, ilvl: number) => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
    const body = [
      item('Understand things', 1, 0),
      item('Explain a', 1, 1),
      item('Explain b', 1, 1),
      item('detail', 1, 2),
      item('Be able to do', 1, 0),
      item('Do c', 1, 1),
      p('From a style', '<w:pStyle w:val="Crit"/>'),
      p('Plain paragraph'),
      item('Fifth', 2, 0),
      item('x', 3, 0),
      item('y', 3, 0),
    ].join('');
    const { blocks } = await docxToBlocks(
      doc(body, [stored('word/numbering.xml', numbering), stored('word/styles.xml', styles), stored('word/_rels/document.xml.rels', rels)]),
    );
    expect(paras(blocks).map((b) => [b.text, b.depth ?? 0])).toEqual([
      ['1. Understand things', 1],
      ['1.1 Explain a', 2],
      ['1.2 Explain b', 2],
      ['detail', 3],
      ['2. Be able to do', 1],
      ['2.1 Do c', 2],
      ['2.2 From a style', 2],
      ['Plain paragraph', 0],
      ['5. Fifth', 1],
      ['a) x', 1],
      ['b) y', 1],
    ]);
  });

  it('prints capitals where Word shows them, and leaves footnotes out of the text', async () => {
    const footnotes = `<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>See the act of 2010.</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`;
    const body = [
      `<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>Unit one title</w:t></w:r></w:p>`,
      `<w:p><w:r><w:t>1.1 Explain the law</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`,
      p('1.2 Last criterion'),
    ].join('');
    const { blocks, notes } = await docxToBlocks(doc(body, [stored('word/footnotes.xml', footnotes), stored('word/_rels/document.xml.rels', rels)]));
    expect(paras(blocks).map((b) => b.text)).toEqual(['UNIT ONE TITLE', '1.1 Explain the law', '1.2 Last criterion']);
    expect(notes.map((n) => n.code)).toEqual(['docx-notes-omitted']);
  });

  it('drops images without reading them', async () => {
    // The image part is a bomb (512 MiB of zeros declared as 4 bytes): reading it would show in memory.
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/></Relationships>`;
    const drawing = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="logo" descr="Company logo"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t>After the logo</w:t></w:r></w:p>`;
    const bomb = { name: 'word/media/logo.png', data: zerosDeflated(512), method: 8 as const, size: 4 };
    const before = process.memoryUsage();
    const { blocks } = await docxToBlocks(doc(drawing, [stored('word/_rels/document.xml.rels', rels), bomb]));
    const after = process.memoryUsage();
    expect(paras(blocks).map((b) => b.text)).toEqual(['After the logo']);
    expect(after.rss - before.rss).toBeLessThan(128 * 1024 * 1024);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(32 * 1024 * 1024);
  });
});

describe('Word XML that is not well-formed is refused before the converter reads it (its error recovery is quadratic)', () => {
  const wrap = (documentPart: string, extra: ReturnType<typeof stored>[] = []) => zip([stored('[Content_Types].xml', CONTENT_TYPES), stored('_rels/.rels', RELS), deflated('word/document.xml', documentPart), ...extra]);
  const good = documentXml('<w:p><w:r><w:t>1.1 Explain</w:t></w:r></w:p>');
  it.each([
    ['cut short inside a tag', good.slice(0, good.length - 30), /word\/document\.xml is not well-formed XML \(the part ends inside/],
    ['cut short between tags', good.replace(/<\/w:body><\/w:document>$/, ''), /ends inside <w:body>/],
    ['elements after the root', `${good}${'<w:p/>'.repeat(50)}`, /more than one root element/],
    ['tags that do not match', good.replace('</w:t>', '</w:r>'), /<\/w:r> closes <w:t>/],
    ['a DOCTYPE (entity expansion)', good.replace('<w:document', '<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document'), /DOCTYPE/],
  ])('%s', async (_, part, message) => {
    const e = await docxToBlocks(wrap(part)).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe('corrupt-docx');
    expect((e as InputError).message).toMatch(message);
  });

  it('well-formed parts with quoted ">" and comments pass', async () => {
    const part = good.replace('<w:body>', '<w:body><!-- a > b --><w:p w:rsidR="a>b"><w:r><w:t>Intro</w:t></w:r></w:p>');
    const { blocks } = await docxToBlocks(wrap(part));
    expect(paras(blocks).map((b) => b.text)).toEqual(['Intro', '1.1 Explain']);
  });

  it('a part the relationships name, whatever its extension, is checked before the converter inflates it', async () => {
    const rels = RELS.replace('word/document.xml', 'word/main.bin');
    const bomb = { name: 'word/main.bin', data: zerosDeflated(64), method: 8 as const, size: 1000 };
    const e = await docxToBlocks(zip([stored('[Content_Types].xml', CONTENT_TYPES), stored('_rels/.rels', rels), deflated('word/document.xml', good), bomb])).then(() => null, (x: unknown) => x);
    expect((e as InputError).code).toBe('too-large');
  });
});

describe('docxToBlocks refuses bad input with a one-line InputError', () => {
  it('a corrupt zip named .docx', async () => {
    const e = await refusal(new Uint8Array(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)])));
    expect(e.code).toBe('corrupt-docx');
  });

  it('a legacy or password-protected Word file (OLE compound file)', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const e = await refusal(new Uint8Array(ole));
    expect(e.code).toBe('not-docx');
    expect(e.message).toMatch(/password-protected/);
  });

  it('a real .docx cut short (central directory lost)', async () => {
    const whole = fixture('sfj-l2-certificate-draft.docx');
    const e = await refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(e.code).toBe('corrupt-docx');
  });

  it('a valid zip that is not a Word document', async () => {
    const e = await refusal(new Uint8Array(zip([stored('hello.txt', 'hello'), deflated('data/sheet.xml', '<x/>')])));
    expect(e.code).toBe('not-word');
    expect(e.message).toMatch(/not a Word document/);
  });

  it('a spreadsheet package named .docx', async () => {
    const rels = RELS.replace('word/document.xml', 'xl/workbook.xml');
    const types = CONTENT_TYPES.replace('/word/document.xml', '/xl/workbook.xml').replace('wordprocessingml.document.main', 'spreadsheetml.sheet.main');
    const e = await refusal(new Uint8Array(zip([stored('[Content_Types].xml', types), stored('_rels/.rels', rels), stored('xl/workbook.xml', '<workbook/>')])));
    expect(e.code).toBe('not-word');
  });

  it('a zip bomb that declares its size is refused from the central directory, nothing inflated', async () => {
    const data = zerosDeflated(64); // 64 MiB of zeros in well under 1 MiB
    const bomb = zip([
      stored('[Content_Types].xml', CONTENT_TYPES),
      stored('_rels/.rels', RELS),
      { name: 'word/document.xml', data, method: 8, size: 64 * 1024 * 1024 },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = await refusal(new Uint8Array(bomb), { maxBytes: 16 * 1024 * 1024 });
    expect(e.code).toBe('too-large');
  });

  it('a zip bomb whose headers lie about its size is refused, and memory stays bounded', async () => {
    const data = zerosDeflated(1536); // 1.5 GiB of zeros, declared as 2 KiB
    const bomb = zip([
      stored('[Content_Types].xml', CONTENT_TYPES),
      stored('_rels/.rels', RELS),
      { name: 'word/document.xml', data, method: 8, size: 2048 },
    ]);
    const before = process.memoryUsage();
    const e = await refusal(new Uint8Array(bomb));
    const after = process.memoryUsage();
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/zip bomb/);
    expect(after.rss - before.rss).toBeLessThan(256 * 1024 * 1024);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 1024 * 1024);
  });

  it('tables nested too deeply to follow', async () => {
    const depth = 20_000;
    const body = `${'<w:tbl><w:tr><w:tc>'.repeat(depth)}<w:p><w:r><w:t>deep</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(depth)}`;
    const bytes = zip([stored('[Content_Types].xml', CONTENT_TYPES), stored('_rels/.rels', RELS), deflated('word/document.xml', documentXml(body))]);
    const e = await refusal(new Uint8Array(bytes));
    expect(['too-deep', 'corrupt-docx']).toContain(e.code);
  });

  it('an archive with more entries than the limit', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => stored(`x/${i}.xml`, ''));
    const e = await refusal(new Uint8Array(zip(many)));
    expect(e.code).toBe('too-large');
  });
});
