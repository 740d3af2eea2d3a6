/**
 * parseSpec: a specification in any supported format -> SpecDocument.
 * Loads the input (input.ts), chooses the format adapter by extension (or options.format) and
 * confirms it by content (detect.ts), then runs the pipeline (pipeline.ts: adapter, structure
 * recogniser, zod schema) in the parse worker, within a deadline and a memory limit
 * (isolate.ts). Whatever an adapter throws, and a document past a limit, reach the caller as
 * an InputError.
 */
import { InputError, type AdapterOptions } from '@qualspec/blocks';
import type { Format, SpecDocument } from '@qualspec/model';
import type { TraceEntry } from '@qualspec/recognise';
import { detectFormat } from './detect.js';
import { loadInput, type ParseInput } from './input.js';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS, runIsolated } from './isolate.js';
import { runPipeline, type PipelineOptions } from './pipeline.js';

export { InputError, detectFormat, DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS };
export { adapterError } from './pipeline.js';
export { prewarmParser, closeParser } from './isolate.js';
export { looksLikeText, FORMATS, SPEC_EXTENSIONS } from './detect.js';
export { fileSize, type ParseInput } from './input.js';

export interface ParseOptions extends AdapterOptions {
  /** Force a format instead of choosing by extension and content. */
  format?: Format;
  /** Largest input accepted, in bytes (default 200 MB). */
  maxFileBytes?: number;
  /**
   * Time limit for one document in milliseconds (default 15 s; 0 for none). Past it the
   * parse is stopped and parseSpec rejects with InputError code `timeout`.
   */
  timeoutMs?: number;
  /**
   * Memory limit for one document in MB (default 768; 0 for none): the parse worker's heap,
   * and how far the process's resident memory may grow while it runs. Past it the parse is
   * stopped and parseSpec rejects with InputError code `too-much-memory`.
   */
  maxMemoryMb?: number;
  /**
   * Parse in a worker thread within the limits above (default true). With false the
   * pipeline runs in the calling thread with no limits: only for input you trust.
   */
  isolate?: boolean;
  /**
   * Receive the recogniser's decision trace: for every line it read, the rule that decided it
   * (by id) and what it decided, and the text nothing placed.
   */
  onTrace?: (entries: TraceEntry[]) => void;
}

const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Parse one specification into the canonical model. Throws InputError for unreadable input. */
export async function parseSpec(input: ParseInput, options: ParseOptions = {}): Promise<SpecDocument> {
  const { bytes, path } = await loadInput(input, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, options.path);
  const format = detectFormat(bytes, path, options.format);
  const pipelineOptions: PipelineOptions = { password: options.password, maxPages: options.maxPages, maxBytes: options.maxBytes, trace: options.onTrace !== undefined };
  const { doc, trace } =
    options.isolate === false
      ? await runPipeline(bytes, path, format, pipelineOptions)
      : await runIsolated(bytes, path, format, pipelineOptions, {
          timeoutMs: limit(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs'),
          maxMemoryMb: limit(options.maxMemoryMb, DEFAULT_MAX_MEMORY_MB, 'maxMemoryMb'),
        });
  if (trace) options.onTrace?.(trace);
  return doc;
}

function limit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) throw new InputError('bad-input', `${name} must be a number of 0 or more (0 for no limit), not ${String(value)}`);
  return value === 0 ? Infinity : value;
}
