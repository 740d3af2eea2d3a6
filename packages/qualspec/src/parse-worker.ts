/**
 * The parse worker: runs the pipeline (pipeline.ts) on the documents isolate.ts sends it, one
 * at a time, inside the V8 heap and stack limits it was started with. Whatever a document
 * does here (exhausts the heap, never ends, rejects a promise nobody holds), the caller's
 * thread lives on: isolate.ts terminates this thread and starts another.
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '@qualspec/blocks';
import type { Format } from '@qualspec/model';
import { laterStages, runPipeline, type PipelineOptions, type PipelineResult } from './pipeline.js';

export type WorkerRequest =
  | { type: 'warm'; pdf: boolean }
  | { type: 'parse'; id: number; bytes: Uint8Array; path: string | null; format: Format; options: PipelineOptions };

export type WorkerReply =
  | { type: 'done'; id: number; result: PipelineResult }
  | { type: 'failed'; id: number; input: true; code: string; message: string }
  | { type: 'failed'; id: number; input: false; name: string; message: string };

const port = parentPort!;

// PDFs are read in this thread (threads: 0), so that the limits on it hold for pdf.js too;
// it is ours alone, so it gets the one-shot inflater. A rejection pdf.js leaves unhandled on a
// damaged file (after the document's own error has been reported) must not end the thread.
let pdf: Promise<void> | null = null;
const pdfReady = () =>
  (pdf ??= import('@qualspec/pdf').then(async (m) => {
    m.useOneShotInflate();
    await m.preloadPdfjs();
  }));
process.on('unhandledRejection', () => {});

port.on('message', (m: WorkerRequest) => {
  if (m.type === 'warm') {
    // Load what the first document will need while the caller does other work.
    if (m.pdf) void pdfReady().catch(() => {});
    void laterStages();
    return;
  }
  (m.format === 'pdf' ? pdfReady() : Promise.resolve())
    .then(() => runPipeline(m.bytes, m.path, m.format, { ...m.options, threads: 0 }))
    .then(
    (result) => port.postMessage({ type: 'done', id: m.id, result } satisfies WorkerReply),
    (e: unknown) =>
      port.postMessage(
        (e instanceof InputError
          ? { type: 'failed', id: m.id, input: true, code: e.code, message: e.message }
          : { type: 'failed', id: m.id, input: false, name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) }) satisfies WorkerReply,
      ),
  );
});
