/**
 * parseSpec: a specification in any supported format -> SpecDocument.
 * Loads the input (input.ts), chooses the format adapter by extension (or options.format) and
 * confirms it by content (detect.ts), runs the structure recogniser and validates the result
 * against the zod schema. Whatever an adapter throws reaches the caller as an InputError.
 */
import { createHash } from 'node:crypto';
import { InputError, type AdapterOptions, type AdapterResult } from '@qualspec/blocks';
import type { Format, SpecDocument } from '@qualspec/model';
import type { TraceEntry } from '@qualspec/recognise';
import { detectFormat } from './detect.js';
import { loadInput, type ParseInput } from './input.js';

export { InputError, detectFormat };
export { looksLikeText, FORMATS, SPEC_EXTENSIONS } from './detect.js';
export { fileSize, type ParseInput } from './input.js';

export interface ParseOptions extends AdapterOptions {
  /** Force a format instead of choosing by extension and content. */
  format?: Format;
  /** Largest input accepted, in bytes (default 200 MB). */
  maxFileBytes?: number;
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
  const adapterOptions: AdapterOptions = { ...options, path: path ?? undefined };
  // The recogniser and the schema load while the adapter works (a long PDF is read in a
  // worker thread, so this thread is free meanwhile).
  const stages = laterStages();
  const stream = await runAdapter(format, bytes, adapterOptions);
  const [{ SpecDocument }, { recognise, Trace }] = await stages;
  const trace = options.onTrace ? new Trace(true) : undefined;
  const doc = recognise(stream, {
    source: {
      path: path ?? null,
      format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pages: stream.pages,
    },
    trace,
  });
  if (trace) options.onTrace!(trace.entries);
  return SpecDocument.parse(doc);
}

let stages: Promise<[typeof import('@qualspec/model'), typeof import('@qualspec/recognise')]> | null = null;
const laterStages = () => (stages ??= Promise.all([import('@qualspec/model'), import('@qualspec/recognise')]));

/** Load only the adapter the format needs (pdf.js and mammoth are large to start). */
async function runAdapter(format: Format, bytes: Uint8Array, options: AdapterOptions): Promise<AdapterResult> {
  try {
    switch (format) {
      case 'pdf':
        return await (await import('@qualspec/pdf')).pdfToBlocks(bytes, options);
      case 'docx':
        return await (await import('@qualspec/docx')).docxToBlocks(bytes, options);
      case 'html':
        return await (await import('@qualspec/html')).htmlToBlocks(bytes, options);
      case 'markdown':
        return await (await import('@qualspec/markdown')).markdownToBlocks(bytes, options);
      case 'text':
        return await (await import('@qualspec/text')).textToBlocks(bytes, options);
    }
  } catch (e) {
    throw adapterError(e, format);
  }
}

const FORMAT_NAMES: Record<Format, string> = { pdf: 'PDF', docx: '.docx', html: 'web page', markdown: 'markdown', text: 'text' };

/** An adapter's failure as an InputError: its own InputErrors as they are, anything else in one line. */
export function adapterError(e: unknown, format: Format): InputError {
  if (e instanceof InputError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError && /call stack/i.test(message)) return new InputError('too-deep', `cannot read ${FORMAT_NAMES[format]}: nested too deeply or too long to read (call stack exceeded)`, { cause: e });
  const line = message.split('\n')[0]!.trim();
  const short = line.length > 200 ? `${line.slice(0, 199)}…` : line;
  return new InputError(`invalid-${format}`, `cannot read ${FORMAT_NAMES[format]}: ${short || 'unknown error'}`, { cause: e });
}
