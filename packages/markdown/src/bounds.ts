/**
 * Bounds checked before the markdown parser runs, where its cost grows faster than the input:
 * micromark resolves emphasis delimiters in time quadratic in their number within a block (a
 * 40 KB run of `*_*_…` took 57 s), and mdast-util-from-markdown prepares nested lists in time
 * that grows with the square of their depth (500 levels: 11 s). Documents past a bound are
 * refused with the reason, not left to run.
 */
import { InputError } from '@qualspec/blocks';

/**
 * Most emphasis delimiter runs (`*`, `_`, `~`) in one block between blank lines. A real
 * specification's longest paragraph or table has a few hundred (bold labels in a long table).
 * Measured on this machine: a block of 4,000 runs parses in under half a second (40,000: 57 s).
 */
export const MAX_DELIMITER_RUNS_PER_BLOCK = 4_000;

/** Deepest nesting of quotes and lists (by `>` markers, or by indentation in steps of two). */
export const MAX_NESTING = 100;

const BLANK = /^[ \t]*$/;

/** Throw InputError when `text` is past a bound. */
export function checkMarkdownBounds(text: string): void {
  let runs = 0;
  let blockStart = 1;
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (BLANK.test(line)) {
      runs = 0;
      blockStart = lineNo + 1;
      continue;
    }
    // Nesting: `>` markers in the line's lead, or its indentation (tabs as four columns).
    const lead = /^[ \t>]*/.exec(line)![0];
    let quotes = 0;
    let columns = 0;
    for (const c of lead) {
      if (c === '>') quotes++;
      else columns += c === '\t' ? 4 : 1;
    }
    if (quotes > MAX_NESTING || columns > 2 * MAX_NESTING) {
      throw new InputError('too-deep', `markdown nested over ${MAX_NESTING} levels deep (quotes or indented lists) at line ${lineNo}`);
    }
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c !== 0x2a && c !== 0x5f && c !== 0x7e) continue;
      runs++;
      while (i + 1 < line.length && line.charCodeAt(i + 1) === c) i++;
    }
    if (runs > MAX_DELIMITER_RUNS_PER_BLOCK) {
      throw new InputError('too-complex', `markdown block at line ${blockStart} has over ${MAX_DELIMITER_RUNS_PER_BLOCK} emphasis markers (* _ ~): too many to resolve`);
    }
  }
}
