/**
 * Every document is parsed in a worker thread of its own making (parse-worker.ts) with a V8
 * heap limit, a watch on the process's memory and a deadline. Past any of them the worker is
 * terminated, the document gets one InputError (`over the time limit (15 s)`, `over the memory
 * limit (768 MB)`), and the next document gets a fresh worker: a long-running caller of
 * parseSpec is never taken down by what it was given.
 *
 * Documents are parsed one after another on one worker (pdf.js, the dominant cost, is bound
 * by its own warm-up, not by cores), so the memory watch knows whose growth it sees.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError, workerExecArgv } from '@qualspec/blocks';
import type { Format } from '@qualspec/model';
import type { PipelineOptions, PipelineResult } from './pipeline.js';
import type { WorkerReply, WorkerRequest } from './parse-worker.js';

/** Default deadline for one document, in milliseconds (a 1,000-page PDF takes under 10 s). */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Default memory limit for one document, in MB: how far the process's resident memory may grow
 * while it runs (pdf.js and zlib buffers live outside the V8 heap, so the heap alone is not the
 * measure). Real specifications need well under a third of it.
 */
export const DEFAULT_MAX_MEMORY_MB = 768;

/** How often the process's resident memory is sampled while a document is parsed. */
const MEMORY_SAMPLE_MS = 25;

/** The young generation's share of the heap limit (V8's semi-spaces; the rest is old space). */
const YOUNG_SHARE = 1 / 16;

/**
 * The worker's V8 heap limit as a multiple of the memory limit. The memory watch (resident
 * memory, sampled) is what stops a document; the heap limit is the backstop behind it, set
 * well above it: V8 ends the whole process, not just the worker, when one allocation fails
 * outright near the heap limit (seen in fuzzing: an old-space allocation failing at 530 MB
 * under a 720 MB limit), so the watch must act first.
 */
const HEAP_BACKSTOP = 2;

export interface Limits {
  /** Deadline in milliseconds; 0 or Infinity for none. */
  timeoutMs: number;
  /** Memory limit in MB; 0 or Infinity for none. */
  maxMemoryMb: number;
}

const WORKER_FILE = fileURLToPath(new URL('./parse-worker.js', import.meta.url));

interface Job {
  request: Extract<WorkerRequest, { type: 'parse' }>;
  limits: Limits;
  resolve(r: PipelineResult): void;
  reject(e: Error): void;
}

let worker: Worker | null = null;
/** The memory limit the current worker was started with (its heap limit is fixed at start). */
let workerMemory = -1;
const queue: Job[] = [];
let running: Job | null = null;
let nextId = 1;

const finite = (n: number) => Number.isFinite(n) && n > 0;

function startWorker(maxMemoryMb: number): Worker {
  const w = new Worker(WORKER_FILE, {
    execArgv: workerExecArgv(),
    resourceLimits: finite(maxMemoryMb)
      ? { maxOldGenerationSizeMb: Math.max(256, Math.round(HEAP_BACKSTOP * maxMemoryMb * (1 - YOUNG_SHARE))), maxYoungGenerationSizeMb: Math.max(16, Math.round(HEAP_BACKSTOP * maxMemoryMb * YOUNG_SHARE)) }
      : undefined,
  });
  w.on('message', (m: WorkerReply) => {
    if (!running || m.id !== running.request.id) return;
    const job = running;
    settle();
    if (m.type === 'done') job.resolve(m.result);
    else if (m.input) job.reject(new InputError(m.code, m.message));
    else job.reject(Object.assign(new Error(m.message), { name: m.name }));
    next();
  });
  w.on('error', (e: Error & { code?: string }) => fail(w, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryError() : new InputError('parser-crashed', `the parser stopped: ${e.message.split('\n')[0]}`)));
  w.on('exit', (code) => fail(w, new InputError('parser-crashed', `the parser stopped (exit code ${code})`)));
  // Last: a 'message' listener refs the worker again. It holds the process only while a job runs.
  w.unref();
  return w;
}

const memoryError = () => new InputError('too-much-memory', `over the memory limit (${running ? running.limits.maxMemoryMb : DEFAULT_MAX_MEMORY_MB} MB)`);

let timer: NodeJS.Timeout | null = null;
let sampler: NodeJS.Timeout | null = null;

function settle() {
  if (timer) clearTimeout(timer);
  if (sampler) clearInterval(sampler);
  timer = sampler = null;
  running = null;
  worker?.unref();
}

/** The worker is gone or must go: the running job fails with `e`, the next gets a new worker. */
function fail(w: Worker, e: Error) {
  if (w !== worker) return;
  worker = null;
  void w.terminate();
  const job = running;
  settle();
  job?.reject(e);
  next();
}

function next() {
  if (running || !queue.length) return;
  const job = (running = queue.shift()!);
  const { timeoutMs, maxMemoryMb } = job.limits;
  const memory = finite(maxMemoryMb) ? maxMemoryMb : Infinity;
  if (worker && workerMemory !== memory) {
    void worker.terminate();
    worker = null;
  }
  if (!worker) (worker = startWorker(memory)), (workerMemory = memory);
  const w = worker;
  w.ref();
  if (finite(timeoutMs)) timer = setTimeout(() => fail(w, new InputError('timeout', `over the time limit (${seconds(timeoutMs)} s)`)), timeoutMs);
  if (finite(maxMemoryMb)) {
    const base = process.memoryUsage.rss();
    const limit = maxMemoryMb * 1024 * 1024;
    sampler = setInterval(() => {
      if (process.memoryUsage.rss() - base > limit) fail(w, memoryError());
    }, MEMORY_SAMPLE_MS);
  }
  // The bytes are copied, never transferred: they may be the caller's own buffer.
  w.postMessage(job.request);
}

const seconds = (ms: number) => (ms % 1000 === 0 ? ms / 1000 : (ms / 1000).toFixed(1));

/** Run the pipeline on `bytes` in the parse worker, within `limits`. */
export function runIsolated(bytes: Uint8Array, path: string | null, format: Format, options: PipelineOptions, limits: Limits): Promise<PipelineResult> {
  if (!existsSync(WORKER_FILE)) throw new InputError('parser-missing', `the parse worker ${WORKER_FILE} is missing (build the package first)`);
  return new Promise((resolve, reject) => {
    queue.push({ request: { type: 'parse', id: nextId++, bytes, path, format, options }, limits, resolve, reject });
    next();
  });
}

/**
 * Start the parse worker now, so that it loads the parsers (and, for a PDF, pdf.js in its page
 * reader) while the caller does other work. Optional: parseSpec starts it when needed.
 */
export function prewarmParser(what: { pdf?: boolean; maxMemoryMb?: number } = {}): void {
  if (!existsSync(WORKER_FILE) || running) return;
  // The limit the first document will ask for (0: none), so that its worker is this one.
  const asked = what.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  const memory = finite(asked) ? asked : Infinity;
  if (!worker || workerMemory !== memory) {
    void worker?.terminate();
    (worker = startWorker(memory)), (workerMemory = memory);
  }
  worker.postMessage({ type: 'warm', pdf: what.pdf === true } satisfies WorkerRequest);
}

/** Stop the parse worker (it never keeps the process alive while idle, so this is for tidiness). */
export async function closeParser(): Promise<void> {
  const w = worker;
  worker = null;
  await w?.terminate();
}
