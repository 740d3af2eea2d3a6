/**
 * Page worker: opens the document and reads the text of every `count`-th page starting at
 * page `index + 1`, posting each page as it is read. Started by extractPages for long
 * documents so page reading is spread over the cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pageLines, type PageLines } from './layout.js';
import { openDocument, readPage, toInputError } from './pdfjs.js';

export interface WorkerInput {
  bytes: Uint8Array;
  password?: string;
  maxPages?: number;
  index: number;
  count: number;
}

export type WorkerMessage =
  | { type: 'meta'; pages: number }
  | { type: 'page'; page: PageLines }
  | { type: 'error'; code: string; message: string }
  | { type: 'done' };

const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

try {
  const doc = await openDocument(input.bytes, { password: input.password, maxPages: input.maxPages });
  post({ type: 'meta', pages: doc.numPages });
  for (let p = input.index + 1; p <= doc.numPages; p += input.count) post({ type: 'page', page: pageLines(await readPage(doc, p)) });
  await doc.destroy().catch(() => {});
  post({ type: 'done' });
} catch (e) {
  const err = toInputError(e, input.password);
  post({ type: 'error', code: err.code, message: err.message });
}
