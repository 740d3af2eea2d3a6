/**
 * @qualspec/pdf: PDF bytes -> the block stream, from text positions (pdf.js, legacy build,
 * no eval, no font faces, no network, no pdf.js worker). Long documents are read by two
 * worker threads taking alternate pages; the main thread assembles.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, type AdapterOptions, type AdapterResult } from '@qualspec/blocks';
import { layout, pageLines, type PageLines } from './layout.js';
import { openDocument, readPage } from './pdfjs.js';
import type { WorkerInput, WorkerMessage } from './page-worker.js';

export { layout, pageLines, markFurniture } from './layout.js';
export type { RawPage } from './pdfjs.js';
export type { PageLines, Line, Frag } from './layout.js';

export interface PdfOptions extends AdapterOptions {
  /**
   * Worker threads for reading pages: 0 reads in this thread; default: 2 (when the machine
   * has 2+ cores) for files of 256 KiB and more, else 0.
   */
  threads?: number;
}

/** Pages refused by default (a hostile file cannot make us read millions of pages). */
export const DEFAULT_MAX_PAGES = 5000;
const WORKER_MIN_BYTES = 256 * 1024;

/** Read a PDF into blocks. Throws InputError for unreadable input. */
export async function pdfToBlocks(bytes: Uint8Array, options: PdfOptions = {}): Promise<AdapterResult> {
  if (options.maxBytes != null && bytes.length > options.maxBytes) {
    throw new InputError('too-large', `PDF is ${bytes.length} bytes, over the ${options.maxBytes}-byte limit`);
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new InputError('not-pdf', 'not a PDF file (no %PDF header)');
  if (!/\d+\s+\d+\s+obj\b/.test(Buffer.from(bytes.subarray(0, 256 * 1024)).toString('latin1'))) {
    throw new InputError('invalid-pdf', 'damaged PDF: no PDF objects after the %PDF header');
  }
  // A file cut short (interrupted download) usually lacks the closing %%EOF marker.
  const truncated = !Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1').includes('%%EOF');
  let pages: PageLines[];
  try {
    pages = await extractPages(bytes, options);
  } catch (e) {
    if (truncated && e instanceof InputError && e.code === 'invalid-pdf') throw new InputError('truncated', 'truncated PDF: the file ends before its %%EOF marker');
    throw e;
  }
  const chars = pages.reduce((s, p) => s + p.chars, 0);
  if (chars === 0) throw new InputError('no-text', 'no text layer: scanned PDFs need OCR first');
  const { blocks, notes } = layout(pages);
  if (truncated) {
    notes.push({ severity: 'warning', code: 'pdf-truncated', message: 'the PDF ends before its %%EOF marker; some content may be missing', place: null });
  }
  const empty = pages.filter((p) => p.chars === 0).map((p) => p.page);
  if (empty.length) {
    notes.push({
      severity: 'warning',
      code: 'pdf-pages-without-text',
      message: `${empty.length} page(s) have no text layer (scanned?): ${summarise(empty)}`,
      place: { page: empty[0]!, line: null },
    });
  }
  return { blocks, pages: pages.length, notes };
}

function summarise(pages: number[]): string {
  return pages.length > 8 ? `${pages.slice(0, 8).join(', ')}, …` : pages.join(', ');
}

/** Every page's text, grouped into lines and fragments, in page order. */
export async function extractPages(bytes: Uint8Array, options: PdfOptions = {}): Promise<PageLines[]> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const workerFile = fileURLToPath(new URL('./page-worker.js', import.meta.url));
  let threads = options.threads ?? (bytes.length >= WORKER_MIN_BYTES ? Math.min(2, availableParallelism()) : 0);
  if (threads > 0 && !existsSync(workerFile)) threads = 0; // running from sources
  if (threads <= 1) {
    const doc = await openDocument(bytes, { password: options.password, maxPages });
    try {
      const out: PageLines[] = [];
      for (let p = 1; p <= doc.numPages; p++) out.push(pageLines(await readPage(doc, p)));
      return out;
    } finally {
      await doc.destroy().catch(() => {});
    }
  }
  return readWithWorkers(bytes, options.password, maxPages, threads, workerFile);
}

function readWithWorkers(bytes: Uint8Array, password: string | undefined, maxPages: number, count: number, file: string): Promise<PageLines[]> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const pages: PageLines[] = [];
    let total = -1;
    let received = 0;
    let finished = 0;
    let settled = false;
    const stop = () => {
      for (const w of workers) void w.terminate();
    };
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      stop();
      reject(e);
    };
    const maybeDone = () => {
      if (settled || finished < count || total < 0 || received < total) return;
      settled = true;
      stop();
      resolve(pages);
    };
    for (let index = 0; index < count; index++) {
      const data: WorkerInput = { bytes, password, maxPages, index, count };
      const w = new Worker(file, { workerData: data });
      workers.push(w);
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'meta') total = m.pages;
        else if (m.type === 'page') {
          pages[m.page.page - 1] = m.page;
          received++;
        } else if (m.type === 'error') fail(new InputError(m.code, m.message));
        else if (m.type === 'done') {
          finished++;
          maybeDone();
        }
      });
      w.on('error', (e) => fail(new InputError('invalid-pdf', `cannot read PDF: ${String(e.message).split('\n')[0]}`)));
      w.on('exit', (code) => {
        if (!settled && code !== 0) fail(new InputError('invalid-pdf', `cannot read PDF: page reader exited with code ${code}`));
      });
    }
  });
}
