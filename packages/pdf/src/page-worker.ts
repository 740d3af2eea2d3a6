/**
 * Page worker: loads pdf.js as soon as it starts (so a pre-started worker is warm), then
 * serves jobs: open the document and read the text of every `count`-th page starting at page
 * `index + 1`, posting each page (already grouped into lines) as it is read.
 */
import { parentPort } from 'node:worker_threads';
import { packPage, pageLines, type PackedPage } from '@qualspec/layout';
import { useOneShotInflate } from './inflate.js';
import { keepCanvasUnloaded, loadPdfjs, openDocument, readPage, toInputError } from './pdfjs.js';

export interface WorkerJob {
  id: number;
  bytes: Uint8Array;
  password?: string;
  maxPages?: number;
  index: number;
  count: number;
}

export type WorkerMessage =
  | { id: number; type: 'meta'; pages: number }
  | { id: number; type: 'page'; page: PackedPage }
  | { id: number; type: 'error'; code: string; message: string }
  | { id: number; type: 'done' };

useOneShotInflate();

const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m, m.type === 'page' ? [m.page.nums.buffer as ArrayBuffer] : undefined);
keepCanvasUnloaded();
const warm = loadPdfjs().catch(() => {});

async function run(job: WorkerJob) {
  const { id } = job;
  try {
    await warm;
    const doc = await openDocument(job.bytes, { password: job.password, maxPages: job.maxPages });
    try {
      post({ id, type: 'meta', pages: doc.numPages });
      for (let p = job.index + 1; p <= doc.numPages; p += job.count) post({ id, type: 'page', page: packPage(pageLines(await readPage(doc, p))) });
    } finally {
      await doc.destroy().catch(() => {});
    }
    post({ id, type: 'done' });
  } catch (e) {
    const err = toInputError(e, job.password);
    post({ id, type: 'error', code: err.code, message: err.message });
  }
}

// Jobs run one at a time, in order.
let queue: Promise<void> = Promise.resolve();
port.on('message', (job: WorkerJob) => {
  queue = queue.then(() => run(job));
});
