/**
 * Every document is parsed in a worker within a deadline and a memory limit: past either, one
 * InputError for that document, and the process and the next documents go on. The hostile
 * files of ../shared/hostile (built to hang, exhaust or crash a parser) all end, in one process.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, parseSpec, type ParseOptions } from 'qualspec';
import { fixture, root, SEEDS } from './helpers/fixtures.js';

const LONG_PDF = fixture('documents/combined-units.pdf');
const criteria = (doc: Awaited<ReturnType<typeof parseSpec>>) => doc.units.flatMap((u) => u.outcomes.flatMap((o) => o.criteria.map((c) => `${u.ref} ${c.number} ${c.text}`)));

async function outcome(input: string, options: ParseOptions = {}) {
  return parseSpec(input, options).then(
    (doc) => ({ doc, error: null }),
    (error: unknown) => ({ doc: null, error }),
  );
}

describe('limits on one document', () => {
  it('past its time limit: InputError "timeout", and the next document parses', async () => {
    const { error } = await outcome(LONG_PDF, { timeoutMs: 100 });
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'timeout', message: 'over the time limit (0.1 s)' });
    const { doc } = await outcome(SEEDS.sfjDraft);
    expect(doc?.units.length).toBeGreaterThan(0);
  });

  it('past its memory limit: InputError "too-much-memory", and the next document parses', async () => {
    const { error } = await outcome(LONG_PDF, { maxMemoryMb: 1 });
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'too-much-memory', message: 'over the memory limit (1 MB)' });
    const { doc } = await outcome(LONG_PDF);
    expect(doc?.units.length).toBeGreaterThan(0);
  });

  it('documents given at once are parsed one after another, each within its own limits', async () => {
    const [slow, fine, also] = await Promise.all([outcome(LONG_PDF, { timeoutMs: 100 }), outcome(SEEDS.sfjDraft), outcome(SEEDS.habcL3Markdown)]);
    expect((slow.error as InputError).code).toBe('timeout');
    expect(fine.doc?.units.length).toBeGreaterThan(0);
    expect(also.doc?.units.length).toBeGreaterThan(0);
  });

  it('isolate: false parses in the calling thread, to the same document', async () => {
    const [inWorker, inThread] = await Promise.all([parseSpec(SEEDS.sfjDraft), parseSpec(SEEDS.sfjDraft, { isolate: false })]);
    expect(criteria(inThread)).toEqual(criteria(inWorker));
    expect(inThread.diagnostics).toEqual(inWorker.diagnostics);
  });

  it('a limit that is not a number of 0 or more is refused', async () => {
    const { error } = await outcome(SEEDS.sfjDraft, { timeoutMs: -1 });
    expect(error).toMatchObject({ code: 'bad-input', message: 'timeoutMs must be a number of 0 or more (0 for no limit), not -1' });
  });

  it('the trace comes back from the worker', async () => {
    let entries = 0;
    await parseSpec(SEEDS.sfjDraft, { onTrace: (e) => (entries = e.length) });
    expect(entries).toBeGreaterThan(100);
  });
});

const HOSTILE = `${root}../shared/hostile/`;
const hostile = existsSync(HOSTILE) ? readdirSync(HOSTILE).filter((f) => f !== 'README.md').sort() : [];

describe.skipIf(!hostile.length)('hostile files, all in this one process', () => {
  // What each must come to: a parse (legitimate, if odd, documents) or a refusal with this code.
  const expected: Array<[RegExp, string]> = [
    [/^txt_/, 'parsed'],
    [/^docx_guard_bypass_offset_shift/, 'parsed'],
    // (1.2 GB to convert in mammoth: over the default memory limit; --max-memory 2000 parses it.)
    [/^docx_10MB_document/, 'parsed|too-much-memory'],
    [/^docx_terminal_escape/, 'not-word'],
    [/^docx_xmldom_quadratic/, 'corrupt-docx'],
    [/^docx_guard_bypass_nonxml|^docx_oom/, 'too-large|too-much-memory'],
    [/^pdf_double_flate/, 'parsed'],
    [/^md_emphasis/, 'too-complex'],
    [/^md_nested_list|^md_blockquote/, 'too-deep'],
    [/^md_300k_entities/, 'too-much-memory'],
    [/pdf$/, 'invalid-pdf|truncated|no-text|parsed'],
  ];
  it.each(hostile)('%s ends in a parse or one InputError line', async (name) => {
    const want = expected.find(([re]) => re.test(name))?.[1];
    if (!want) return expect.fail(`no expectation for ${name}: add one`);
    const { doc, error } = await outcome(HOSTILE + name);
    if (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).not.toMatch(/[\n\u0000-\u001f]/);
    }
    expect(doc ? 'parsed' : (error as InputError).code).toMatch(new RegExp(`^(${want})$`));
    // A stream that decodes to gigabytes is not read, and the document says so.
    if (/^pdf_double_flate/.test(name)) expect(doc!.diagnostics.map((d) => d.code)).toContain('pdf-stream-refused');
    // The hidden archive behind a decoy is never read: the converter reads what the zip guard checked.
    if (doc && /offset_shift/.test(name)) expect(JSON.stringify(doc)).not.toMatch(/HIDDEN ARCHIVE/i);
  });

});
