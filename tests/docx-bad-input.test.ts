/**
 * Bad .docx input through parseSpec, as a user meets it: a one-line InputError (no file name in
 * the message; the CLI adds it), never a stack trace or a hang, memory bounded.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, parseSpec } from 'qualspec';
import { CONTENT_TYPES, RELS, stored, zerosDeflated, zip } from '../packages/docx/test/zipkit.js';

const dir = mkdtempSync(join(tmpdir(), 'qualspec-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function refusal(path: string): Promise<InputError> {
  try {
    await parseSpec(path);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const msg = (e as Error).message;
    expect(msg).not.toMatch(/\n/);
    expect(msg).not.toContain(dir);
    expect(msg.length).toBeLessThan(200);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseSpec refuses bad .docx files', () => {
  it('a corrupt zip named .docx', async () => {
    const real = readFileSync(fileURLToPath(new URL('../fixtures/documents/habc-l3-diploma.docx', import.meta.url)));
    const damaged = Buffer.from(real);
    damaged.fill(0x41, 2000, damaged.length); // keeps the zip signature, loses the rest
    const e = await refusal(file('damaged.docx', damaged));
    expect(e.code).toBe('corrupt-docx');
  });

  it('a zip bomb (1.5 GiB of zeros declared as a small document)', async () => {
    const bomb = zip([
      stored('[Content_Types].xml', CONTENT_TYPES),
      stored('_rels/.rels', RELS),
      { name: 'word/document.xml', data: zerosDeflated(1536), method: 8, size: 4096 },
    ]);
    const before = process.memoryUsage().rss;
    const e = await refusal(file('bomb.docx', bomb));
    expect(e.code).toBe('too-large');
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('a zip bomb that declares its size (over the default 100 MB limit)', async () => {
    const bomb = zip([
      stored('[Content_Types].xml', CONTENT_TYPES),
      stored('_rels/.rels', RELS),
      { name: 'word/document.xml', data: zerosDeflated(128), method: 8, size: 128 * 1024 * 1024 },
    ]);
    const e = await refusal(file('honest-bomb.docx', bomb));
    expect(e.code).toBe('too-large');
  });

  it('a valid zip that is not a Word document', async () => {
    const e = await refusal(file('photos.docx', zip([stored('readme.txt', 'holiday photos'), stored('list.xml', '<photos/>')])));
    expect(e.code).toBe('not-word');
  });
});
