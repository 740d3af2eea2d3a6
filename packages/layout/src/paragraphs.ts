/**
 * Paragraphs: a column's lines, top-down, joined into paragraphs (wrapped lines joined, words
 * broken across lines mended, list markers and indentation starting new items, with their
 * list depth).
 */

// Paragraph building

export interface PLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  top: number;
  bottom: number;
  size: number;
  font: number;
  page: number;
  no: number;
  /** The line's text before its list marker was taken off (first line of a paragraph). */
  text0?: string;
  /** Where the text starts after a number set apart from it (`2.2⇥Check that…`): its hanging indent. */
  hang?: number;
  /** The line starts a paragraph, whatever its geometry (a label hangs before it). */
  start?: boolean;
  /** Page-local fonts of all the line's fragments (for emphasis). */
  fonts?: number[];
}

/** A paragraph under construction (internal geometry kept for joins across pages). */
export interface Para {
  lines: PLine[];
  text: string;
  depth: number;
  top: number;
  bottom: number;
  page: number;
  no: number;
  size: number;
}

export const BULLET_START = /^([\u2022\u25CF\u25AA\u25E6\u00B7\uF0B7\uF0A7\uF076\uF0D8\u2023\u2043\u25A0\u25A1\u25BA\u27A2*\u2013\u2014-]|o(?=\s))\s*/;
/** A generic enumerator that starts a list item: `1.`, `2)`, `1.1`, `1.1.`, `(a)`, `a)`. */
export const ENUM_START = /^(\(?\d+(\.\d+)*[.)]|\d+\.\d+|\(?[a-z][.)]|\([ivx]+\))\s/;

/**
 * A label on its own: an enumerator or a short code (`1`, `1.1`, `2.3.`, `P1`, `LO2`, `AC 1.1`,
 * `A.P1`), as set in a narrow column of its own or beside the text it labels.
 */
export const LABEL_ONLY = /^(?:[A-Z]{1,3}\.)?[A-Z]{0,3}\s?\d{1,2}(?:\.\d{1,2})*[.)]?$/;

/**
 * Labels set apart beside the paragraphs they label (a code centred in a narrow column beside
 * a multi-line cell): each label joins the front of the paragraph whose lines its middle is
 * level with (or the nearest). Returns false, changing nothing, unless every label finds a
 * paragraph of its own.
 */
export function attachLabels(labels: { text: string; top: number; bottom: number }[], paras: Para[]): boolean {
  if (!labels.length || !paras.length) return false;
  const target = labels.map((l) => {
    const mid = (l.top + l.bottom) / 2;
    let best = -1;
    let dist = Infinity;
    paras.forEach((p, k) => {
      const d = mid < p.top ? p.top - mid : mid > p.bottom ? mid - p.bottom : 0;
      if (d < dist) (dist = d), (best = k);
    });
    return best;
  });
  if (new Set(target).size !== target.length) return false;
  labels.forEach((l, k) => {
    const p = paras[target[k]!]!;
    p.text = `${l.text} ${p.text}`;
  });
  return true;
}

export function startsItem(text: string): boolean {
  return BULLET_START.test(text) || ENUM_START.test(text);
}

/** A hyphen that ended a line inside a word (`organi-` + `sation`, `whole-` + `life`), until settled. */
export const LINE_END_HYPHEN = '\u00AD';

/**
 * Settle the hyphens that ended lines: a word the document also prints whole, and never with
 * that hyphen, was hyphenated at the line end (`organi-sation` is `organisation`); any other
 * keeps its hyphen (`whole-life`, `non-technical`).
 */
export function settleHyphens(text: string, words: Set<string>): string {
  if (!text.includes(LINE_END_HYPHEN)) return text;
  return text.replace(/(\p{L}+)\u00AD(\p{L}+)/gu, (_, a: string, b: string) => {
    const whole = `${a}${b}`.toLowerCase();
    return words.has(whole) && !words.has(`${a}-${b}`.toLowerCase()) ? `${a}${b}` : `${a}-${b}`;
  }).replace(/\u00AD/g, '-');
}

/** Join two lines of one paragraph: words broken across the line end are joined. */
const SHORT_WORDS = /^(?:a|an|and|as|at|be|by|do|for|go|he|if|in|is|it|me|my|no|of|on|or|so|the|to|up|us|we|use|can|not|own|may|are|has|its|all|any|new|who|how|why)$/i;

export function joinText(prev: string, prevLine: PLine, next: string, fullWidth: number): string {
  if (!prev) return next;
  if (!next) return prev;
  const last = prev.slice(-1);
  // `L/` + `506/1905`: a break after a slash.
  if (last === '/') return prev + next;
  // A word broken at a hyphen: a compound's hyphen or a hyphenation's, settled on the whole
  // document's words (assembly.ts), so marked as a line-end hyphen here.
  if (last === '-' && /\p{L}-$/u.test(prev) && /^\p{Ll}/u.test(next)) return prev.slice(0, -1) + LINE_END_HYPHEN + next;
  // A single word too wide for its column, broken without a hyphen (a whole word that happens
  // to fill a narrow column's line is commoner: only when a stub that is no word follows).
  const word = prevLine.text.trim();
  const nextWord = /^\S+/u.exec(next)?.[0] ?? '';
  if (!/\s/.test(word) && nextWord.length <= 3 && !SHORT_WORDS.test(nextWord) && /^\p{Ll}/u.test(next) && /\p{L}$/u.test(prev) && prevLine.x1 >= fullWidth - 0.6 * prevLine.size) {
    return prev + next;
  }
  return `${prev} ${next}`;
}

/** Group a column's lines (top-down) into paragraphs. `right` is the column's text right edge. */
function firstWordFits(prev: PLine, l: PLine, text: string, right: number): boolean {
  const word = /^\S+/.exec(text)?.[0];
  if (!word || !l.text.length) return false;
  const charW = (l.x1 - l.x0) / l.text.length;
  return prev.x1 + (word.length + 4) * charW < right;
}

/** Connecting words a wrapped line may end with: the sentence goes on below. */
export const GOES_ON = /(?:\b(?:the|a|an|of|and|or|to|for|in|on|with|by|from|at|as|that|which|their|its|own|be|is|are|must|can|will)|[,;:\-–/(&])$/i;

/** Lines further apart than this many sizes are two paragraphs. */
const PARAGRAPH_GAP = 1.5;
/** In a cell whose wrap edge is known, lines after an unfinished sentence may be this far apart. */
const CELL_PARAGRAPH_GAP = 1.75;

export interface ParagraphOptions {
  /**
   * `right` is where the text really wraps (a ruled cell's inner edge), so a line ends its
   * paragraph only when the next line's first word would have fitted after it, however short
   * the line looks.
   */
  wrapKnown?: boolean;
  /** The lines are centred: where they start says nothing of indentation. */
  centred?: boolean;
}

/** Lines centred on one axis (their middles level, their starts not): a centred cell or caption. */
export function centredLines(lines: PLine[]): boolean {
  if (lines.length < 2) return false;
  const mids = lines.map((l) => (l.x0 + l.x1) / 2);
  const size = Math.max(...lines.map((l) => l.size));
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  return spread(mids) <= 0.6 * size && spread(lines.map((l) => l.x0)) > size;
}

export function paragraphsOf(lines: PLine[], right: number, margin: number | null = null, pitch = 0, lockstep?: (a: PLine, b: PLine) => boolean, options: ParagraphOptions = {}): Para[] {
  const { wrapKnown = false, centred = false } = options;
  const out: Para[] = [];
  let cur: Para | null = null;
  const stack: number[] = [];
  for (const l of lines) {
    let text = l.text;
    let depth = 0;
    const bullet = BULLET_START.exec(text);
    if (bullet && bullet[0].length < text.length && (bullet[1] !== '-' || /\s/.test(bullet[0]))) {
      text = text.slice(bullet[0].length);
      while (stack.length && stack[stack.length - 1]! > l.x0 + 0.5 * l.size) stack.pop();
      if (!stack.length || stack[stack.length - 1]! < l.x0 - 0.5 * l.size) stack.push(l.x0);
      depth = stack.length;
    }
    const prev: PLine | undefined = cur?.lines[cur.lines.length - 1];
    const cont =
      cur &&
      prev &&
      !l.start &&
      !bullet &&
      !ENUM_START.test(text) &&
      prev.page === l.page &&
      // Next line of the paragraph: within one and a half lines, or the document's usual line
      // pitch; in a cell whose wrap edge is known, a little more where the line above is no
      // sentence's end (a cell set with wider spacing, around a label centred beside it).
      (l.y - prev.y <= Math.max(PARAGRAPH_GAP * Math.max(prev.size, l.size), 1.08 * pitch) ||
        (wrapKnown && !/[.!?:;]$/.test(prev.text.trim()) && l.y - prev.y <= CELL_PARAGRAPH_GAP * Math.max(prev.size, l.size))) &&
      Math.abs(prev.size - l.size) < 0.15 * prev.size &&
      // An outdented line starts something new; so does one left of a numbered item's hanging
      // indent (`2.2⇥Check that prices…`, then `Learning outcome 3:` at the number's place).
      (centred || l.x0 >= prev.x0 - 1.5 - (cur.lines.length === 1 ? 2 * l.size : 0)) &&
      !(cur.lines[0]!.hang != null && l.x0 < cur.lines[0]!.hang - 0.5 * l.size) &&
      // So does a line indented further: a nested list item whose marker is not text (only a
      // hanging indent, after a bullet glyph or a number set apart, moves a paragraph's second
      // line right).
      (centred ||
        l.x0 <= (cur.lines.length === 1 && cur.lines[0]!.hang != null ? Math.max(prev.x0, cur.lines[0]!.hang) : prev.x0) + 1.2 * l.size ||
        (cur.lines.length === 1 && BULLET_START.test(cur.lines[0]!.text0 ?? ''))) &&
      // A short line ends its paragraph (unless it is in a narrow column whose lines are all short).
      (wrapKnown || prev.x1 >= right - Math.max(6 * prev.size, 0.3 * (right - prev.x0))) &&
      // A line whose first word would have fitted at the end of the line before did not wrap
      // there: it is the next list item (its marker drawn, not written).
      !firstWordFits(prev, l, text, right) &&
      // In a table whose rows have no space between them, a line level with lines in every
      // other column starts the next row unless the sentence plainly goes on (a lower-case
      // start, a connecting word at the end of the line above).
      !(lockstep?.(prev, l) && !/^\p{Ll}/u.test(text) && !GOES_ON.test(prev.text.trim()));
    if (cont && cur && prev) {
      cur.text = joinText(cur.text, prev, text, right);
      cur.lines.push({ ...l, text });
      cur.bottom = l.bottom;
    } else {
      if (!bullet) {
        // A non-list line at or left of the list's indent ends the list.
        while (stack.length && stack[stack.length - 1]! >= l.x0 - 0.5 * l.size) stack.pop();
        // Body text indented from the margin (not centred): a list item whose marker is not text.
        if (!centred && margin != null && l.x0 >= margin + 0.8 * l.size && Math.abs(l.x0 - margin - (right - l.x1)) > 1.5 * l.size) {
          stack.push(l.x0);
          depth = stack.length;
        }
      }
      cur = { lines: [{ ...l, text, text0: l.text }], text, depth, top: l.top, bottom: l.bottom, page: l.page, no: l.no, size: l.size };
      out.push(cur);
    }
  }
  return out;
}
