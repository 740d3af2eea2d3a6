/**
 * The decision trace: for every line the recogniser read, the rule that decided it and what it
 * decided. Off by default (a no-op); on with `recognise(…, { trace: true })`, the CLI's
 * `--trace`, or `QUALSPEC_TRACE=1`. Text nothing placed is traced as `unplaced`, and counted.
 */
import type { Place } from '@qualspec/blocks';

export interface TraceEntry {
  place: Place;
  /** The line's text, shortened. */
  text: string;
  /** The rule that decided, by id (`token/decimal`, `noise/column-value`, `section/content`, …). */
  rule: string;
  /** What was done: `opened outcome 2`, `text of criterion 2.1`, `dropped`, `unplaced`, … */
  decision: string;
  /** The unit being read, when inside one. */
  unit?: string | null;
}

export class Trace {
  readonly entries: TraceEntry[] = [];
  constructor(readonly on: boolean) {}

  add(place: Place, text: string, rule: string, decision: string, unit: string | null = null): void {
    if (!this.on) return;
    this.entries.push({ place, text: text.length > 80 ? `${text.slice(0, 77)}…` : text, rule, decision, unit });
  }

  /** Entries as lines `p18 l21  token/local  opened criterion 1  | identify roles…`. */
  format(): string {
    return this.entries
      .map((e) => {
        const where = `p${e.place.page ?? '-'} l${e.place.line ?? '-'}`.padEnd(10);
        return `${where} ${e.rule.padEnd(26)} ${e.decision.padEnd(30)} | ${e.text}`;
      })
      .join('\n');
  }
}

/** A trace that records nothing. */
export const NO_TRACE = new Trace(false);
