/**
 * @qualspec/pdf: PDF bytes -> the block stream, from text positions (pdf.js, legacy build,
 * no eval, no font faces, no network, no pdf.js worker). Long documents are read by two
 * worker threads taking alternate pages; the main thread assembles.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, pairLabelCells, workerExecArgv, type AdapterOptions, type AdapterResult } from '@qualspec/blocks';
import { layout, pageLines, unpackPage, type PageLines } from '@qualspec/layout';
import { MAX_DECODED_STREAM, openDocument, readPage, toInputError } from './pdfjs.js';
import type { WorkerJob, WorkerMessage } from './page-worker.js';

export { layout, pageLines, markFurniture } from '@qualspec/layout';
export { useOneShotInflate } from './inflate.js';

/** Load pdf.js now (in this thread), so that the first document read here does not wait for it. */
export async function preloadPdfjs(): Promise<void> {
  const { keepCanvasUnloaded, loadPdfjs } = await import('./pdfjs.js');
  keepCanvasUnloaded();
  await loadPdfjs();
}
export type { RawPage } from './pdfjs.js';
export type { PageLines, Line, Frag } from '@qualspec/layout';

export interface PdfOptions extends AdapterOptions {
  /**
   * Worker threads reading pages (alternate pages each): 0 reads in this thread (where pdf.js's
   * failures on a damaged file can reach the process). Default: QUALSPEC_PDF_THREADS when set,
   * else 1.
   */
  threads?: number;
  /** Time limit for reading the document in worker threads (ms; default 120 000). */
  timeoutMs?: number;
}

const DEBUG = !!process.env.QUALSPEC_PDF_DEBUG;
const mark = (what: string) => {
  if (DEBUG) process.stderr.write(`[pdf ${performance.now().toFixed(0)}ms] ${what}\n`);
};

/** Pages refused by default (a hostile file cannot make us read millions of pages). */
export const DEFAULT_MAX_PAGES = 5000;

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
  mark('start');
  try {
    pages = await extractPages(bytes, options);
  } catch (e) {
    if (truncated && e instanceof InputError && e.code === 'invalid-pdf') throw new InputError('truncated', 'truncated PDF: the file ends before its %%EOF marker');
    throw e;
  }
  mark('pages read');
  const chars = pages.reduce((s, p) => s + p.chars, 0);
  if (chars === 0) throw new InputError('no-text', 'no text layer: scanned PDFs need OCR first');
  const { blocks, notes } = layout(pages);
  mark('layout done');
  if (truncated) {
    notes.push({ severity: 'warning', code: 'pdf-truncated', message: 'the PDF ends before its %%EOF marker; some content may be missing', place: null });
  }
  const refused = pages.filter((p) => p.refusedStreams);
  if (refused.length) {
    notes.push({
      severity: 'warning',
      code: 'pdf-stream-refused',
      message: `${refused.reduce((s, p) => s + p.refusedStreams!, 0)} stream(s) decoding to over ${MAX_DECODED_STREAM / 1024 / 1024} MB were not read (a decompression bomb?), on page(s) ${summarise(refused.map((p) => p.page))}; what they hold is missing`,
      place: { page: refused[0]!.page, line: null },
    });
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
  return { blocks: pairLabelCells(blocks), pages: pages.length, notes };
}

function summarise(pages: number[]): string {
  return pages.length > 8 ? `${pages.slice(0, 8).join(', ')}, …` : pages.join(', ');
}

/** Every page's text, grouped into lines and fragments, in page order. */
export async function extractPages(bytes: Uint8Array, options: PdfOptions = {}): Promise<PageLines[]> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  // Read in a page worker by default, whatever the size: pdf.js's own failures (a rejection
  // it leaves unhandled on a damaged file) then end that worker, never the caller's process.
  let threads = options.threads ?? envThreads() ?? 1;
  if (threads > 0 && !existsSync(WORKER_FILE)) threads = 0; // running from sources
  if (threads < 1) {
    const doc = await openDocument(bytes, { password: options.password, maxPages });
    try {
      const out: PageLines[] = [];
      for (let p = 1; p <= doc.numPages; p++) out.push(pageLines(await readPage(doc, p)));
      return out;
    } catch (e) {
      // pdf.js's failures on a page, as the page workers report them.
      throw toInputError(e, options.password);
    } finally {
      await doc.destroy().catch(() => {});
    }
  }
  return readWithWorkers(bytes, options.password, maxPages, threads, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}

const WORKER_FILE = fileURLToPath(new URL('./page-worker.js', import.meta.url));
/** QUALSPEC_PDF_THREADS, when set: worker threads for every document (0 = none). */
const envThreads = (): number | undefined => {
  const raw = process.env.QUALSPEC_PDF_THREADS;
  const n = Number(raw);
  return raw != null && raw !== '' && Number.isInteger(n) && n >= 0 ? Math.min(n, 8) : undefined;
};
/**
 * Worker threads for long documents. One: pdf.js's cost is dominated by its warm-up (loading
 * and JIT-compiling ~3 MB of code), which every thread pays again, so a second worker on a
 * 2-core machine measured no faster than one, for a third more CPU (see scripts/bench-pdf.mjs).
 */
const defaultThreads = () => (availableParallelism() >= 2 ? 1 : 0);

// ---------------------------------------------------------------------------------------
// Page workers: started on first use (or by prewarmPdfWorkers), kept for later documents,
// never keeping the process alive while idle.

interface JobHandlers {
  onMessage(m: WorkerMessage): void;
  onFailure(e: Error): void;
}

interface PoolWorker {
  worker: Worker;
  /** Jobs in flight on this worker (it runs them one after another), by id. */
  jobs: Map<number, JobHandlers>;
}

let pool: PoolWorker[] = [];
let nextJob = 1;

function startWorker(): PoolWorker {
  const pw: PoolWorker = { worker: new Worker(WORKER_FILE, { execArgv: workerExecArgv() }), jobs: new Map() };
  pw.worker.on('message', (m: WorkerMessage) => pw.jobs.get(m.id)?.onMessage(m));
  const gone = (e: Error) => {
    pool = pool.filter((x) => x !== pw);
    for (const h of [...pw.jobs.values()]) h.onFailure(e);
  };
  pw.worker.on('error', (e) => gone(e));
  pw.worker.on('exit', (code) => gone(new Error(`page reader exited with code ${code}`)));
  // Last: adding a 'message' listener refs the worker's port again (Node), so an idle worker
  // started before its listeners were attached would keep the process alive for ever.
  pw.worker.unref();
  return pw;
}

/** The worker keeps the process alive exactly while it has jobs. */
function attach(pw: PoolWorker, id: number, h: JobHandlers) {
  pw.jobs.set(id, h);
  if (pw.jobs.size === 1) pw.worker.ref();
}
function detach(pw: PoolWorker, id: number) {
  if (pw.jobs.delete(id) && pw.jobs.size === 0) pw.worker.unref();
}

/**
 * Start the page workers now (they load pdf.js while the caller does other work), so the
 * first long PDF does not wait for them. Optional: pdfToBlocks starts them when needed.
 */
export function prewarmPdfWorkers(threads = envThreads() ?? defaultThreads()): void {
  if (!existsSync(WORKER_FILE)) return;
  if (pool.length < threads) mark('starting page workers');
  while (pool.length < threads) pool.push(startWorker());
}

/** Stop the page workers (they never keep the process alive, so this is only for tidiness). */
export async function closePdfWorkers(): Promise<void> {
  const ws = pool;
  pool = [];
  await Promise.all(ws.map((w) => w.worker.terminate()));
}

/** Default time limit for reading a document in the page workers. */
export const DEFAULT_TIMEOUT_MS = 120_000;

function readWithWorkers(bytes: Uint8Array, password: string | undefined, maxPages: number, count: number, timeoutMs: number): Promise<PageLines[]> {
  prewarmPdfWorkers(count);
  const workers = pool.slice(0, count);
  const id = nextJob++;
  return new Promise((resolve, reject) => {
    const pages: PageLines[] = [];
    let total = -1;
    let received = 0;
    let finished = 0;
    let settled = false;
    const end = () => {
      settled = true;
      clearTimeout(timer);
      for (const w of workers) detach(w, id);
    };
    const fail = (e: Error, kill: boolean) => {
      if (settled) return;
      end();
      // A worker stuck on a hostile file, or one that failed mid-job, is not reused.
      if (kill) {
        pool = pool.filter((w) => !workers.includes(w));
        for (const w of workers) void w.worker.terminate();
      }
      reject(e);
    };
    const timer = setTimeout(() => fail(new InputError('timeout', `reading the PDF took over ${Math.round(timeoutMs / 1000)} s`), true), timeoutMs);
    timer.unref();
    workers.forEach((w, index) => {
      const onMessage = (m: WorkerMessage) => {
        if (settled) return;
        if (m.type === 'meta') {
          total = m.pages;
          mark(`worker ${index} opened the document`);
        } else if (m.type === 'page') {
          pages[m.page.page - 1] = unpackPage(m.page);
          received++;
        } else if (m.type === 'error') fail(new InputError(m.code, m.message), false);
        else {
          mark(`worker ${index} done`);
          finished++;
          if (finished === count && received === total) {
            end();
            resolve(pages);
          }
        }
      };
      const onFailure = (e: Error) => fail(new InputError('invalid-pdf', `cannot read PDF: ${String(e.message).split('\n')[0]}`), true);
      attach(w, id, { onMessage, onFailure });
      const job: WorkerJob = { id, bytes, password, maxPages, index, count };
      w.worker.postMessage(job);
    });
  });
}
