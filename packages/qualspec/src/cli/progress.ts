/**
 * The progress display of a command reading several inputs, on standard error: while a file is
 * read, one line that redraws itself ("[2/7] specs/b.pdf  3 s", the time ticking); lines that
 * must stay (errors) are printed above it; at the end, a line per file and a total. Disabled, it
 * prints nothing but the lines that must stay.
 */
export type Outcome = 'ok' | 'errors' | 'failed';

interface Done {
  label: string;
  outcome: Outcome;
  detail: string;
  ms: number;
}

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

export class Progress {
  readonly #out: NodeJS.WritableStream & { columns?: number };
  readonly #total: number;
  readonly #enabled: boolean;
  readonly #started = performance.now();
  #current: { index: number; label: string; since: number } | null = null;
  #timer: NodeJS.Timeout | null = null;
  readonly #done: Done[] = [];

  constructor(total: number, enabled: boolean, out: NodeJS.WritableStream = process.stderr) {
    this.#out = out;
    this.#total = total;
    this.#enabled = enabled && total > 1;
  }

  /** Input `index` (from 1) is being read. */
  start(index: number, label: string): void {
    this.#current = { index, label, since: performance.now() };
    if (!this.#enabled) return;
    this.#draw();
    this.#timer ??= setInterval(() => this.#draw(), 1000);
    this.#timer.unref();
  }

  /** The input being read is done. */
  finish(outcome: Outcome, detail: string): void {
    const c = this.#current;
    if (!c) return;
    this.#done.push({ label: c.label, outcome, detail, ms: performance.now() - c.since });
    this.#current = null;
    this.#clear();
  }

  /** A line that stays (an error message), printed above the progress line. */
  log(line: string): void {
    this.#clear();
    this.#out.write(`${line}\n`);
    if (this.#current && this.#enabled) this.#draw();
  }

  /** Stop; with the display on, print a line per input and the totals. */
  end(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#clear();
    if (!this.#enabled) return;
    const w = Math.max(...this.#done.map((d) => d.label.length));
    for (const d of this.#done) this.#out.write(`  ${d.outcome.padEnd(6)}  ${d.label.padEnd(w)}  ${seconds(d.ms).padStart(6)}  ${d.detail}\n`);
    const count = (o: Outcome) => this.#done.filter((d) => d.outcome === o).length;
    this.#out.write(
      `${this.#done.length} of ${this.#total} files in ${seconds(performance.now() - this.#started)}: ${count('ok')} ok, ${count('errors')} with errors, ${count('failed')} failed\n`,
    );
  }

  #draw() {
    const c = this.#current;
    if (!c) return;
    const line = `[${c.index}/${this.#total}] ${c.label}  ${seconds(performance.now() - c.since)}`;
    const width = this.#out.columns ?? 0;
    this.#out.write(`\r\x1b[K${width > 1 && line.length >= width ? `${line.slice(0, width - 2)}…` : line}`);
  }

  #clear() {
    if (this.#enabled) this.#out.write('\r\x1b[K');
  }
}
