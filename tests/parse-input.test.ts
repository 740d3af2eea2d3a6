/**
 * parseSpec's inputs as library users have them: a Buffer from readFile (the usual case), a
 * Uint8Array view into a larger buffer, an ArrayBuffer, a path, a file: URL, or { text, path };
 * every format reads the same from each. What it cannot read is an InputError with a code and a
 * one-line message, whichever adapter failed.
 */
import { readFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, parseSpec, type ParseInput } from 'qualspec';
import { adapterError } from '../packages/qualspec/dist/parse.js';
import { fixture, root } from './helpers/fixtures.js';

const FILES = {
  pdf: fixture('styles/cg-early-years.pdf'),
  docx: fixture('styles/cg-early-years.docx'),
  html: fixture('styles/cg-early-years.html'),
  markdown: fixture('pandoc/focus-security.md'),
  text: fixture('seeds/001_f68a613929ff46c3.txt'),
} as const;

/** The criteria of a document, as one comparable list. */
const criteria = (doc: Awaited<ReturnType<typeof parseSpec>>) => doc.units.flatMap((u) => u.outcomes.flatMap((o) => o.criteria.map((c) => `${u.ref} ${c.number} ${c.text}`)));

async function refusal(input: unknown, options = {}): Promise<InputError> {
  const e = await parseSpec(input as ParseInput, options).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(InputError);
  expect((e as InputError).message).not.toContain('\n');
  return e as InputError;
}

describe.each(Object.entries(FILES))('%s: the same document from every kind of input', (format, path) => {
  const inputs = async (): Promise<[string, ParseInput, object][]> => {
    const buffer = await readFile(path);
    // A view into the middle of a larger buffer: only its own bytes are the document.
    const big = new Uint8Array(buffer.length + 64).fill(0x20);
    big.set(buffer, 32);
    const view = big.subarray(32, 32 + buffer.length);
    const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    const list: [string, ParseInput, object][] = [
      ['a Buffer', buffer, { path }],
      ['a Buffer with format and no path', buffer, { format }],
      ['a Uint8Array view', view, { path }],
      ['an ArrayBuffer', arrayBuffer, { path }],
      ['a file: URL', pathToFileURL(path), {}],
      ['a file:// string', pathToFileURL(path).href, {}],
    ];
    if (format !== 'pdf' && format !== 'docx') list.push(['{ text, path }', { text: buffer.toString('utf8'), path }, {}]);
    return list;
  };

  it('gives the units, outcomes and criteria the path gives', async () => {
    const expected = await parseSpec(path);
    expect(expected.source.format).toBe(format);
    expect(expected.units.length).toBeGreaterThan(0);
    for (const [what, input, options] of await inputs()) {
      const doc = await parseSpec(input, options);
      expect(doc.source.format, what).toBe(format);
      expect(doc.source.sha256, what).toBe(expected.source.sha256);
      expect(criteria(doc), what).toEqual(criteria(expected));
    }
  });
});

describe('parseSpec leaves the caller\u2019s bytes alone', () => {
  it('a Buffer of a PDF is still whole after parsing (pdf.js gets a copy)', async () => {
    const buffer = await readFile(FILES.pdf);
    const before = Buffer.from(buffer);
    await parseSpec(buffer, { format: 'pdf' });
    expect(buffer.byteLength).toBe(before.byteLength);
    expect(buffer.equals(before)).toBe(true);
  });
});

describe('what parseSpec cannot read is an InputError with a code', () => {
  it.each([
    ['a number', 42, 'bad-input', /^cannot read a number: parseSpec takes a path, a file: URL, bytes/],
    ['null', null, 'bad-input', /^cannot read null: /],
    ['an object without text', { path: 'x.txt' }, 'bad-input', /^cannot read an object without a text string/],
    ['an http: URL', new URL('https://example.org/spec.pdf'), 'bad-input', /^cannot read https: URLs: only file: URLs/],
    ['an empty path', '', 'bad-input', /^empty path$/],
    ['a missing file', `${root}no/such/spec.pdf`, 'unreadable', /^no such file$/],
    ['a folder', `${root}fixtures`, 'is-directory', /^is a directory, not a file$/],
    ['text named .pdf', { text: 'Unit 1', path: 'x.pdf' }, 'not-pdf', /^not a PDF file/],
    ['an empty Buffer', Buffer.alloc(0), 'empty', /^empty file$/],
  ])('%s', async (_what, input, code, message) => {
    const e = await refusal(input);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('an unknown forced format', async () => {
    const e = await refusal(Buffer.from('Unit 1'), { format: 'rtf' });
    expect(e).toMatchObject({ code: 'unknown-format', message: 'unknown format "rtf": use pdf, docx, html, markdown, text' });
  });

  it('bytes over maxFileBytes, whatever their kind', async () => {
    const e = await refusal(new Uint8Array(2048).fill(0x41), { maxFileBytes: 1024 });
    expect(e).toMatchObject({ code: 'too-large', message: 'input is 2048 bytes, over the 1024-byte limit' });
  });

  it('a legacy Word .doc, by content, with the way out', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 1)]);
    for (const path of ['old.doc', 'old.txt', undefined]) {
      const e = await refusal(ole, { path });
      expect(e.code).toBe('legacy-doc');
      expect(e.message).toBe('a legacy .doc or password-protected Word file, not a .docx: save it as .docx without a password');
    }
  });

  it('an RTF file', async () => {
    const e = await refusal(Buffer.from('{\\rtf1\\ansi Unit 1 Customer service}'), { path: 'spec.doc' });
    expect(e).toMatchObject({ code: 'rtf', message: 'an RTF document, not a supported format: save it as .docx or PDF' });
  });

  it('parse-spec output given back to it (one document or an array), and other JSON', async () => {
    const doc = await parseSpec(FILES.text);
    for (const [text, path] of [[JSON.stringify(doc), 'out.json'], [JSON.stringify([doc, doc]), 'out.txt'], [JSON.stringify(doc, null, 2), undefined]] as const) {
      const e = await refusal({ text, path });
      expect(e.code).toBe('already-parsed');
      expect(e.message).toMatch(/^already a SpecDocument \(parse-spec output\), not a specification/);
    }
    expect((await refusal({ text: '{"a": 1}', path: 'x.txt' })).code).toBe('json');
    expect((await refusal({ text: 'Unit 1 not json', path: 'x.json' })).message).toBe('a .json file, not a specification (and not valid JSON)');
  });

  it('text that merely starts with a bracket is still text', async () => {
    const doc = await parseSpec({ text: '[Draft]\n\nDear centre,\n\nThank you.\n', path: 'letter.txt' });
    expect(doc.source.format).toBe('text');
  });

  it('anything an adapter throws that is not an InputError becomes one, in one line', () => {
    const e = adapterError(new TypeError('Cannot read properties of undefined (reading "x")\n    at f (pdf.min.mjs:1:99999)'), 'pdf');
    expect(e).toBeInstanceOf(InputError);
    expect(e).toMatchObject({ code: 'invalid-pdf', message: 'cannot read PDF: Cannot read properties of undefined (reading "x")' });
    expect(e.cause).toBeInstanceOf(TypeError);
    expect(adapterError(new RangeError('Maximum call stack size exceeded'), 'markdown').code).toBe('too-deep');
    expect(adapterError('a string', 'docx').message).toBe('cannot read .docx: a string');
    expect(adapterError(new Error('x'.repeat(5000)), 'html').message.length).toBeLessThanOrEqual(230);
    const own = new InputError('not-pdf', 'not a PDF file');
    expect(adapterError(own, 'pdf')).toBe(own);
  });
});

// Files from the shared hostile set that pdf.js, the markdown parser or the text adapter throw
// their own errors on: parseSpec turns each into an InputError.
const HOSTILE = `${root}../shared/hostile/`;
describe.skipIf(!existsSync(HOSTILE))('hostile files whose adapter throws its own error', () => {
  it.each([
    // (It also ends before any %%EOF marker: the refusal says it is truncated.)
    ['pdf_raw_err_illegal_char_min.pdf', 'truncated'],
    ['fuzz_pdf_raw_err_invalid_number_star_orig.pdf', 'invalid-pdf'],
    ['md_blockquote_5000_rangeerror.md', 'too-deep'],
  ])('%s', async (name, code) => {
    if (!existsSync(HOSTILE + name)) return expect.fail(`${name} is missing from ../shared/hostile`);
    const e = await refusal(readFileSync(HOSTILE + name), { path: name });
    expect(e.code).toBe(code);
  });
});
