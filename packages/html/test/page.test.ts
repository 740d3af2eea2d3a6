import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, paragraphs, type Block, type Table } from '@qualspec/blocks';
import { htmlToBlocks } from '../src/index.js';

const fixtureText = (name: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/documents/${name}`, import.meta.url)), 'utf8');
const enc = (s: string) => new TextEncoder().encode(s);
const texts = (blocks: Block[]) => [...paragraphs(blocks)].map((p) => p.text);
const page = (body: string, head = '<title>Site</title>') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

/** Blocks without places, to compare two pages. */
function shape(blocks: Block[]): unknown {
  return JSON.parse(JSON.stringify(blocks, (k, v) => (k === 'place' ? undefined : v)));
}

describe('htmlToBlocks on saved web pages', () => {
  it('finds the specification inside the site chrome', async () => {
    const html = fixtureText('habc-l3-diploma.web.html');
    const { blocks, pages, notes } = await htmlToBlocks(enc(html));
    expect(pages).toBeNull();
    expect(notes).toEqual([]);
    const all = texts(blocks);
    expect(all[0]).toBe('HABC Level 3 Diploma in Customer Service (QCF)');
    expect(all.at(-1)).toBe('There is no additional assessment guidance for this unit.');
    // Navigation, cookie banner, promotion, comment form and footer are all outside the content.
    for (const chrome of ['Home', 'Accept', 'Enrol now', 'Add your comment', 'Example Training']) {
      expect(all.some((t) => t.includes(chrome))).toBe(false);
    }
    expect(all.some((t) => /cookies/i.test(t))).toBe(false);
  });

  it('gives each block the source line of its element', async () => {
    const html = fixtureText('habc-l3-diploma.web.html');
    const { blocks } = await htmlToBlocks(enc(html));
    const lines = html.split('\n');
    const unit = [...paragraphs(blocks)].find((p) => p.text === 'Unit 1: Organise and deliver customer service')!;
    expect(unit.heading).toBe(2);
    expect(lines[unit.place.line! - 1]).toContain('Unit 1: Organise and deliver customer service');
    const table = blocks.find((b): b is Table => b.type === 'table' && b.rows.some((r) => r.cells.some((c) => c.blocks.some((p) => p.text.startsWith('1.1. Explain how different')))))!;
    expect(table.rows[0]!.header).toBe(true);
    const crit = table.rows[2]!.cells[1]!.blocks[0]!;
    expect(lines[crit.place.line! - 1]).toContain(crit.text);
  });

  it('finds the same content when the page has no article element (text density)', async () => {
    const html = fixtureText('proqual-l2-diploma.web.html');
    const withArticle = await htmlToBlocks(enc(html));
    const withoutArticle = await htmlToBlocks(enc(html.replace('<article>', '<div>').replace('</article>', '</div>')));
    expect(shape(withoutArticle.blocks)).toEqual(shape(withArticle.blocks));
  });

  it('drops banners with buttons, link lists, comment forms and landmark roles when content sits in body', async () => {
    const html = page(`
      <div class="x1">We use cookies to improve your visit. <button>Accept</button> <button>Reject</button></div>
      <ul><li><a href="/">Home</a></li><li><a href="/a">Courses</a></li><li><a href="/b">About us</a></li><li><a href="/c">Contact</a></li></ul>
      <div role="navigation"><a href="/x">Skip</a></div>
      <header><p>Site name</p></header>
      <h1>Level 2 Certificate in Things</h1>
      <p>This qualification is for learners who work with things, and it has <a href="/u">several units</a>.</p>
      <table><tr><th>Learning outcome</th><th>Assessment criteria</th></tr><tr><td>1 Know things</td><td><p>1.1 Describe things</p><p>1.2 List things</p></td></tr></table>
      <p style="display:none">hidden text</p><p aria-hidden="true">also hidden</p>
      <section><h3>Leave a reply</h3><form><label>Name <input name="n"></label><textarea></textarea><button>Post</button></form></section>
      <div role="contentinfo">Copyright</div>`);
    const { blocks } = await htmlToBlocks(enc(html));
    expect(texts(blocks)).toEqual([
      'Level 2 Certificate in Things',
      'This qualification is for learners who work with things, and it has several units.',
      'Learning outcome',
      'Assessment criteria',
      '1 Know things',
      '1.1 Describe things',
      '1.2 List things',
    ]);
  });

  it('prefers main, keeps an article header, drops page header and asides', async () => {
    const html = page(`
      <header><h1>Training Co</h1><p>The best training anywhere in the country, since 1990.</p></header>
      <main><article><header><h1>Unit 3 Title of the unit</h1></header><p>Body of the unit with enough text to matter here.</p><aside>Related: other courses</aside></article></main>
      <div><p>A long unrelated blurb that is not in main but has some text in it.</p></div>`);
    const { blocks } = await htmlToBlocks(enc(html));
    expect(texts(blocks)).toEqual(['Unit 3 Title of the unit', 'Body of the unit with enough text to matter here.']);
  });

  it('keeps the headings set just before the content container (the page title over an editor’s body)', async () => {
    const html = page(`
      <div class="frame"><div><h2>Unit 5 - Learning outcomes and assessment criteria</h2></div><hr>
      <div class="body"><h4>Managing food safety</h4><p>This unit helps supervisors to run the food safety controls of a kitchen, with enough text to be the content.</p>
      <table><tr><td>Unit Level</td><td>4</td></tr></table></div></div>
      <div><p>Short aside.</p></div>`);
    const { blocks } = await htmlToBlocks(enc(html));
    expect(texts(blocks)).toEqual([
      'Unit 5 - Learning outcomes and assessment criteria',
      'Managing food safety',
      'This unit helps supervisors to run the food safety controls of a kitchen, with enough text to be the content.',
      'Unit Level',
      '4',
    ]);
    // Not when something other than headings stands beside them (a menu's text, an advert).
    const other = page(`
      <div class="frame"><div><h2>Our courses</h2><p>Call us today for a quote</p></div>
      <div class="body"><h4>Managing food safety</h4><p>This unit helps supervisors to run the food safety controls of a kitchen, with enough text to be the content of the page.</p></div></div>`);
    expect(texts((await htmlToBlocks(enc(other))).blocks)).toEqual([
      'Managing food safety',
      'This unit helps supervisors to run the food safety controls of a kitchen, with enough text to be the content of the page.',
    ]);
  });

  it('reads a collapsible panel’s toggle button as the heading of what it shows; other buttons are controls', async () => {
    const html = page(`
      <div class="container">
        <button type="button" class="collapsible">Component 1: Exploring sport</button>
        <div class="panel"><table><tr><td>Level 1 Pass</td><td>A.1P1 Identify the bones used in one sporting action.</td></tr></table></div>
        <button type="button" aria-expanded="false">Component 2: Planning</button>
        <div class="panel"><p>Hidden until opened.</p></div>
        <p>Some words of the page that make it worth reading as content, long enough to be the main text here.</p>
        <button type="button">Print</button> <button type="button">Share</button><p>Short note.</p>
      </div>`);
    expect(texts((await htmlToBlocks(enc(html))).blocks)).toEqual([
      'Component 1: Exploring sport',
      'Level 1 Pass',
      'A.1P1 Identify the bones used in one sporting action.',
      'Component 2: Planning',
      'Hidden until opened.',
      'Some words of the page that make it worth reading as content, long enough to be the main text here.',
      'Short note.',
    ]);
  });

  it('decodes the charset the page declares', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<!doctype html><html><head><meta charset="windows-1252"></head><body><p>Learners', 'latin1'),
      Buffer.from([0x92]), // right single quotation mark in windows-1252
      Buffer.from(' work</p></body></html>', 'latin1'),
    ]);
    const { blocks } = await htmlToBlocks(new Uint8Array(bytes));
    expect(texts(blocks)).toEqual(['Learners\u2019 work']);
  });

  it('refuses a page with no text outside its chrome with a one-line InputError', async () => {
    const html = page('<nav><a href="/">Home</a> <a href="/b">Blog</a></nav><script>var x = "text";</script><footer>© Someone</footer>');
    await expect(htmlToBlocks(enc(html))).rejects.toSatisfy((e: unknown) => e instanceof InputError && e.code === 'no-content' && !e.message.includes('\n'));
    await expect(htmlToBlocks(enc(''))).rejects.toBeInstanceOf(InputError);
  });

  it('refuses elements nested too deeply to follow with a one-line InputError, not a stack overflow', async () => {
    const html = page(`${'<div>'.repeat(50_000)}<p>deep</p>${'</div>'.repeat(50_000)}`);
    await expect(htmlToBlocks(enc(html))).rejects.toSatisfy((e: unknown) => e instanceof InputError && e.code === 'too-deep' && !e.message.includes('\n'));
  });

  it('returns the text of a page that holds something other than a specification (judging it is the recogniser’s job)', async () => {
    const html = page('<nav><a href="/">Home</a></nav><article><h1>Ten tips for a tidy garden</h1><p>Spring is here.</p><ul><li>Prune the roses.</li></ul></article>');
    const { blocks } = await htmlToBlocks(enc(html));
    expect([...paragraphs(blocks)].map((p) => [p.text, p.depth ?? 0])).toEqual([
      ['Ten tips for a tidy garden', 0],
      ['Spring is here.', 0],
      ['Prune the roses.', 1],
    ]);
  });
});
