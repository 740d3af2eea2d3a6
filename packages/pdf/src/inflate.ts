/**
 * pdf.js inflates content streams through the web-streams DecompressionStream when there is
 * one; in Node that costs more in stream machinery than the inflating itself. A thread that
 * is ours alone (a page worker, the parse worker) gives pdf.js a one-shot stand-in on zlib
 * instead (errors still fall back to pdf.js's own decoder, as with the native one).
 */
import { inflateSync } from 'node:zlib';

/**
 * Largest stream inflated in one native call (a page's content or a font: real ones are a few
 * megabytes; a decompression bomb is hundreds of them).
 */
const MAX_ONE_SHOT_INFLATE = 64 * 1024 * 1024;

/** DecompressionStream's shape, as far as pdf.js uses it: write everything, close, read once. */
class OneShotDecompressionStream {
  // A stream that inflates past MAX_ONE_SHOT_INFLATE fails here and pdf.js inflates it in
  // its own decoder, in small steps that a terminated thread stops: one native call can never
  // grow the process by a gigabyte before the memory watch can act.
  readonly writable: { getWriter(): { ready: Promise<void>; write(b: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: AsyncIterable<Uint8Array>;
  constructor(format: string) {
    if (format !== 'deflate') throw new TypeError(`unsupported format ${format}`);
    const chunks: Uint8Array[] = [];
    let close!: () => void;
    const closed = new Promise<void>((r) => (close = r));
    this.writable = {
      getWriter: () => ({
        ready: Promise.resolve(),
        write: (b: Uint8Array) => {
          chunks.push(b);
          return Promise.resolve();
        },
        close: () => {
          close();
          return Promise.resolve();
        },
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        await closed;
        yield new Uint8Array(inflateSync(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), { maxOutputLength: MAX_ONE_SHOT_INFLATE }));
      },
    };
  }
}

/** Install the one-shot inflater in this thread (only in a thread whose globals are ours alone). */
export function useOneShotInflate(): void {
  (globalThis as { DecompressionStream?: unknown }).DecompressionStream = OneShotDecompressionStream;
}
