/**
 * pdf.js under Node: loading, opening a document with safe options, and reading one page's
 * text items into a compact, structured-clone-friendly form. Used both in-process and by the
 * page workers.
 */
import { createRequire, Module } from 'node:module';
import { InputError } from '@qualspec/blocks';

import { STRIDE, type RawPage } from '@qualspec/layout';
import { GraphicsCollector, type GraphicsState, type OpIds } from './graphics.js';

export type { RawPage };

/** The subset of pdf.js we use (typed locally to stay independent of pdf.js's d.ts layout). */
interface PdfjsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}
interface PdfjsPage {
  view: number[];
  getViewport(p: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(p?: { disableNormalization?: boolean }): Promise<{ items: Array<PdfjsTextItem | { type: string }> }>;
  cleanup(): boolean;
}
export interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
  destroy(): Promise<void>;
}
interface PdfjsModule {
  OPS: OpIds;
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfjsDocument>; destroy(): Promise<void> };
  PDFWorker: new (params: { port: unknown; verbosity?: number }) => { destroy(): void };
}
interface PdfjsWorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: unknown): void };
}

/**
 * The in-thread message channel between pdf.js's API side and its core, like pdf.js's own
 * LoopbackPort but without structured-cloning every message (a tenth of the extraction time).
 * Both sides live in this thread and neither keeps what it sent, except that the core reuses
 * the text-content object it streams (replacing its fields after sending), so stream chunks
 * are copied one level.
 */
class DirectPort {
  #listeners = new Set<(ev: { data: unknown }) => void>();
  #deferred = Promise.resolve();
  postMessage(obj: unknown) {
    let data = obj;
    const chunk = (obj as { chunk?: unknown } | null)?.chunk;
    if (chunk && typeof chunk === 'object' && !ArrayBuffer.isView(chunk) && !Array.isArray(chunk)) {
      // The core also empties the operator list's arrays once a chunk is sent: copy them too.
      const copy: Record<string, unknown> = { ...chunk };
      for (const k of ['fnArray', 'argsArray']) if (Array.isArray(copy[k])) copy[k] = (copy[k] as unknown[]).slice();
      data = { ...(obj as object), chunk: copy };
    }
    const ev = { data };
    void this.#deferred.then(() => {
      for (const l of this.#listeners) l.call(this, ev);
    });
  }
  addEventListener(_name: string, listener: (ev: { data: unknown }) => void) {
    this.#listeners.add(listener);
  }
  removeEventListener(_name: string, listener: (ev: { data: unknown }) => void) {
    this.#listeners.delete(listener);
  }
  terminate() {
    this.#listeners.clear();
  }
}

let loading: Promise<PdfjsModule> | null = null;
let workerModule: PdfjsWorkerModule | null = null;
/**
 * pdf.js's worker module and API: the minified legacy build (the same code as pdf.mjs, a fifth
 * quicker to load), copied from pdfjs-dist into dist/pdfjs/ by scripts/vendor-pdfjs.mjs.
 */
const WORKER_MODULE: string = new URL('./pdfjs/pdf.worker.min.mjs', import.meta.url).href;
const API_MODULE: string = new URL('./pdfjs/pdf.min.mjs', import.meta.url).href;

/**
 * In a thread that only ever extracts text, keep pdf.js from loading its optional canvas
 * package (@napi-rs/canvas, a native addon it loads at import time for rendering): that costs
 * a page worker about 60 ms of start-up. Its require of the package is answered from the
 * module cache with empty stand-ins. Threads have their own module cache, so
 * this touches no other code; call it only in a thread that does nothing but read text.
 */
export function keepCanvasUnloaded(): void {
  try {
    const req = createRequire(API_MODULE);
    const path = req.resolve('@napi-rs/canvas');
    if (req.cache[path]) return;
    // pdf.js constructs one DOMMatrix at import; rendering, which would use them, never runs here.
    class Inert {}
    const stub = new Module(path);
    stub.filename = path;
    stub.loaded = true;
    stub.exports = { DOMMatrix: class DOMMatrix extends Inert {}, ImageData: class ImageData extends Inert {}, Path2D: class Path2D extends Inert {} };
    req.cache[path] = stub;
  } catch {
    // Not installed: pdf.js does without it.
  }
}

/**
 * Largest buffer one decoding stream may grow to (a page's content or a font program: real
 * ones are a few megabytes; a decompression bomb is gigabytes). Past it the page is refused.
 */
export const MAX_DECODED_STREAM = 64 * 1024 * 1024;
const DECODED_BOUND = /qualspec: a stream decodes to over (\d+) bytes/;

/**
 * Import pdf.js (legacy build) with its worker module registered on the main thread, so
 * pdf.js never spawns a worker or imports anything by URL. The legacy build installs core-js
 * polyfills that replace the native Array.prototype.push and JSON.parse with slower
 * spec-polishing versions (a third of the extraction time); the natives are put back, since
 * they behave the same for everything pdf.js does with them.
 */
export function loadPdfjs(): Promise<PdfjsModule> {
  // No stream decodes to more than this (the vendored core's bound; see vendor-pdfjs.mjs).
  (globalThis as { __qualspecMaxDecoded?: number }).__qualspecMaxDecoded = MAX_DECODED_STREAM;
  loading ??= (async () => {
    const push = Array.prototype.push;
    const pushDesc = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!;
    const parse = JSON.parse;
    const g = globalThis as { pdfjsWorker?: unknown };
    const [pdfjs, worker] = await withoutCanvasWarnings(() =>
      Promise.all([import(API_MODULE) as Promise<unknown>, import(WORKER_MODULE) as Promise<unknown>]),
    );
    g.pdfjsWorker ??= worker;
    workerModule = worker as PdfjsWorkerModule;
    if (Array.prototype.push !== push) Object.defineProperty(Array.prototype, 'push', { ...pushDesc, value: push });
    if (JSON.parse !== parse) JSON.parse = parse;
    return pdfjs as PdfjsModule;
  })();
  return loading;
}

/**
 * pdf.js warns on the console while it is imported (before any verbosity setting applies) when
 * its optional @napi-rs/canvas is not installed, which it is not: "Cannot load ... package",
 * "Cannot polyfill `DOMMatrix`/`Path2D`, rendering may be broken". Reading text never renders,
 * so those warnings, and only those, are dropped during the import.
 */
const CANVAS_WARNING = /^Warning: Cannot (load "@napi-rs\/canvas" package|polyfill `(DOMMatrix|Path2D|ImageData)`)/;
async function withoutCanvasWarnings<T>(load: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  const filtered = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && CANVAS_WARNING.test(args[0]))) warn.apply(console, args);
  };
  console.warn = filtered;
  try {
    return await load();
  } finally {
    if (console.warn === filtered) console.warn = warn;
  }
}

export interface OpenOptions {
  password?: string;
  maxPages?: number;
}

/** Open a document, turning pdf.js failures into one-line InputErrors. */
export async function openDocument(bytes: Uint8Array, options: OpenOptions = {}): Promise<PdfjsDocument> {
  const pdfjs = await loadPdfjs();
  const port = new DirectPort();
  workerModule!.WorkerMessageHandler.initializeFromPort(port);
  const worker = new pdfjs.PDFWorker({ port, verbosity: 0 });
  const task = pdfjs.getDocument({
    worker,
    // pdf.js transfers (detaches) the buffer it is given, and refuses a Buffer: hand it a
    // plain Uint8Array copy.
    data: new Uint8Array(bytes),
    password: options.password,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PdfjsDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    worker.destroy();
    port.terminate();
    throw toInputError(e, options.password);
  }
  // pdf.js 6 tears a document down through its loading task (PDFDocumentProxy.destroy is gone).
  doc.destroy = async () => {
    await task.destroy().catch(() => {});
    worker.destroy();
    port.terminate();
  };
  if (options.maxPages != null && doc.numPages > options.maxPages) {
    await doc.destroy();
    throw new InputError('too-many-pages', `PDF has ${doc.numPages} pages, over the ${options.maxPages}-page limit`);
  }
  return doc;
}

/** Map a pdf.js exception to an InputError with a one-line message. */
export function toInputError(e: unknown, password?: string): InputError {
  if (e instanceof InputError) return e;
  const err = e as { name?: string; code?: number; message?: string } | null;
  const name = err?.name ?? '';
  const message = String(err?.message ?? e ?? 'unknown error').split('\n')[0]!;
  if (name === 'PasswordException') {
    // pdf.js: code 1 = password needed, 2 = incorrect password.
    if (err?.code === 2 || (password != null && password !== '')) return new InputError('wrong-password', 'incorrect password for this PDF');
    return new InputError('password-required', 'password-protected PDF: pass --password');
  }
  if (name === 'InvalidPDFException') return new InputError('invalid-pdf', `damaged PDF: ${message.replace(/\.$/, '').toLowerCase()}`);
  const bound = DECODED_BOUND.exec(message);
  if (bound) return new InputError('too-large', `a stream in the PDF decodes to over ${Math.round(Number(bound[1]) / 1024 / 1024)} MB (a decompression bomb?)`);
  return new InputError('invalid-pdf', `cannot read PDF: ${message}`);
}

/** Read the page's drawing with its text (unset only to measure its cost: `pnpm bench`). */
const READ_RULES = process.env.QUALSPEC_PDF_RULES !== '0';

/** Read one page's text items. Item coordinates are in the page's viewport (rotation applied, y down). */
export async function readPage(doc: PdfjsDocument, n: number): Promise<RawPage> {
  const page = await doc.getPage(n);
  const vp = page.getViewport({ scale: 1 });
  // The page's drawing comes through the hook in pdf.js's text-extraction loop (see
  // scripts/vendor-pdfjs.mjs), in the same pass as its text.
  const collector = new GraphicsCollector((await loadPdfjs()).OPS);
  const g = globalThis as { __qualspecOps?: (fn: number, args: unknown[] | null, state: GraphicsState | null) => void; __qualspecWanted?: Uint8Array };
  g.__qualspecOps = (fn, args, state) => collector.op(fn, args, state);
  // (QUALSPEC_PDF_RULES=0 reads text alone, no drawing: for measuring what the drawing costs.)
  g.__qualspecWanted = READ_RULES ? collector.wanted : undefined;
  let content: Awaited<ReturnType<PdfjsPage['getTextContent']>>;
  const counter = globalThis as { __qualspecOverDecoded?: number };
  counter.__qualspecOverDecoded = 0;
  try {
    content = await page.getTextContent({ disableNormalization: false });
  } finally {
    g.__qualspecOps = undefined;
    g.__qualspecWanted = undefined;
  }
  const [va, vb, vc, vd, ve, vf] = vp.transform as [number, number, number, number, number, number];
  const toView = (x: number, y: number): [number, number] => [va * x + vc * y + ve, vb * x + vd * y + vf];
  const str: string[] = [];
  const num: number[] = [];
  const fonts: string[] = [];
  const fontIndex = new Map<string, number>();
  for (const raw of content.items) {
    const it = raw as PdfjsTextItem;
    if (typeof it.str !== 'string' || it.str === '' || !it.transform) continue;
    const [a, b, c, d, e, f] = it.transform as [number, number, number, number, number, number];
    // Viewport transform x item transform.
    const ta = va * a + vc * b;
    const tb = vb * a + vd * b;
    const tc = va * c + vc * d;
    const td = vb * c + vd * d;
    const te = va * e + vc * f + ve;
    const tf = vb * e + vd * f + vf;
    const size = Math.hypot(tc, td) || Math.hypot(ta, tb) || it.height || 1;
    const rotated = Math.abs(tb) > 0.05 * Math.abs(ta) || ta <= 0 ? 1 : 0;
    let fi = fontIndex.get(it.fontName);
    if (fi === undefined) {
      fi = fonts.length;
      fonts.push(it.fontName);
      fontIndex.set(it.fontName, fi);
    }
    str.push(it.str);
    num.push(te, tf, it.width, size, fi, rotated);
  }
  page.cleanup();
  const drawn = collector.take();
  const rules: number[] = [];
  for (let k = 0; k < drawn.rules.length; k += 4) {
    const [x0, y0] = toView(drawn.rules[k]!, drawn.rules[k + 1]!);
    const [x1, y1] = toView(drawn.rules[k + 2]!, drawn.rules[k + 3]!);
    rules.push(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
  }
  const boxes: number[] = [];
  for (let k = 0; k < drawn.boxes.length; k += 4) {
    const [x0, y0] = toView(drawn.boxes[k]!, drawn.boxes[k + 1]!);
    const [x1, y1] = toView(drawn.boxes[k + 2]!, drawn.boxes[k + 3]!);
    boxes.push(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
  }
  const fontStyles = fonts.map((f) => collector.fontStyles.get(f) ?? null);
  const refusedStreams = counter.__qualspecOverDecoded ?? 0;
  return { page: n, width: vp.width, height: vp.height, str, num, fonts, fontStyles, rules, boxes, ...(refusedStreams ? { refusedStreams } : {}) };
}
