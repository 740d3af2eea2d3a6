/**
 * The pipeline on bytes already loaded: the format adapter, the structure recogniser, the zod
 * schema. It runs wherever it is called: in the parse worker (isolate.ts) by default, or in
 * the caller's thread with `isolate: false`.
 */
import { createHash } from 'node:crypto';
import { InputError, type AdapterOptions, type AdapterResult } from '@qualspec/blocks';
import type { Format, SpecDocument } from '@qualspec/model';
import type { TraceEntry } from '@qualspec/recognise';

/** What the pipeline needs besides the bytes: the adapters' options and whether to trace. */
export interface PipelineOptions extends AdapterOptions {
  trace?: boolean;
  /** PDF page workers (see @qualspec/pdf); the parse worker reads in its own thread (0). */
  threads?: number;
}

export interface PipelineResult {
  doc: SpecDocument;
  trace?: TraceEntry[];
}

/** Parse loaded bytes of a known format into a validated SpecDocument. */
export async function runPipeline(bytes: Uint8Array, path: string | null, format: Format, options: PipelineOptions): Promise<PipelineResult> {
  const adapterOptions: AdapterOptions & { threads?: number } = { password: options.password, maxPages: options.maxPages, maxBytes: options.maxBytes, path: path ?? undefined, threads: options.threads };
  // The recogniser and the schema load while the adapter works (a long PDF is read in a
  // page worker, so this thread is free meanwhile).
  const stages = laterStages();
  const stream = await runAdapter(format, bytes, adapterOptions);
  const [{ SpecDocument }, { recognise, Trace }] = await stages;
  const trace = options.trace ? new Trace(true) : undefined;
  const doc = recognise(stream, {
    source: {
      path,
      format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pages: stream.pages,
    },
    trace,
  });
  return { doc: SpecDocument.parse(doc), trace: trace?.entries };
}

let stages: Promise<[typeof import('@qualspec/model'), typeof import('@qualspec/recognise')]> | null = null;
/** The stages after the adapter, loaded once. */
export const laterStages = () => (stages ??= Promise.all([import('@qualspec/model'), import('@qualspec/recognise')]));

/** Load only the adapter the format needs (pdf.js and mammoth are large to start). */
async function runAdapter(format: Format, bytes: Uint8Array, options: AdapterOptions & { threads?: number }): Promise<AdapterResult> {
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
