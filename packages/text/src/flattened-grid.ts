/**
 * A grid flattened into text line by line, as a PDF text extractor gives a table whose columns
 * sit side by side: each text line holds the line of every column printed at that height,
 * joined by single spaces (`P1 Apply the principles of M1 Apply the principles of D1 Examine
 * the operation`). Rebuilt here into a table, from what such text keeps:
 *
 *  - a header line names the columns, and each column's paragraphs open with a label whose
 *    letter is the header word's initial (`Pass Merit Distinction`, then `P1`, `M1`, `D1`);
 *  - a line that opens with another label (`LO2 …`) starts a row spanning the columns;
 *  - columns whose lines stand at the same heights share text lines; a column set lower by a
 *    fraction of a line prints on lines of its own, so the lines of such groups of columns
 *    alternate, in a fixed cycle, while both go on;
 *  - each column wraps its text at one width, so a line ends where the next word would not
 *    have fitted (widths measured in a proportional font's character widths);
 *  - a paragraph ends with a full stop.
 *
 * The reading that breaks these least wins (a beam search over each row's lines); a row that
 * no reading fits well is left as the lines it was.
 */
import type { SourceLine } from './segment.js';

/** Helvetica's advance widths (1/1000 em) for printable ASCII; other characters count as 556. */
const WIDTHS =
  '278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584'
    .split(',')
    .map(Number);

/** The printed width of a text in a proportional font, in ems. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)! - 32;
    w += c >= 0 && c < WIDTHS.length ? WIDTHS[c]! : 556;
  }
  return w / 1000;
}

const SPACE = textWidth(' ');
/** Beam width: readings kept after each line. */
const BEAM = 80;
/** A paragraph that ends without a full stop (or other closing mark). */
const COST_OPEN_END = 3;
/** A column's line starting in capitals where it goes on from the line above. */
const COST_CAPITAL_CONTINUATION = 0.5;
/** A group of columns set at another height than those before it. */
const COST_NEW_GROUP = 1;
/**
 * Groups at other heights printing on one line: their lines drifted level (an extractor
 * merges lines closer than its tolerance), after which either may print first.
 */
const COST_MERGED_LINE = 1;
/** Ems of greedy-wrapping violation counted as one unit of cost. */
const WRAP_UNIT = 0.5;
/** Violations smaller than this (ems) are measuring error (the real font is not Helvetica). */
const WRAP_TOLERANCE = 0.2;
/**
 * A line may be this much (ems) wider than its column's width measured on the document's other
 * rows (the median of their widest lines) before it costs: lines are wrapped at one width per
 * column, and a reading that widens a column has put another column's words on it.
 */
const WIDTH_TOLERANCE = 0.5;
/** Rows that must have measured a column (each with three lines or more) before its width binds. */
const WIDTH_ROWS = 2;
/** A paragraph going on after a line that ended a sentence. */
const COST_AFTER_FULL_STOP = 1;
/**
 * A word ending in a hyphen or a slash inside a column's line (`non- technical`,
 * `engineering/ using`): text breaks there only at a line's end, so the words after it belong
 * to another column.
 */
const COST_BREAK_INSIDE = 2;
/** A sentence ended inside a column's line and the next word in lower case (`line. schedule.`): two columns' words. */
const COST_SENTENCE_INSIDE = 1;
/** A word said twice in a row (`of of`): a word put on the wrong side of a column boundary. */
const COST_REPEATED_WORD = 1;
/** Two function words in a row that English does not put together (`in of`, `the and`). */
const COST_FUNCTION_PAIR = 1.5;
/**
 * Criteria side by side in one row are often written as a progression and share their wording
 * (`… to explain the operation of that circuit.` under Pass and Merit): each three-word phrase
 * found in two columns' text lowers a finished reading's cost by this much: a tie-break among the
 * readings the search kept, never more.
 */
const SHARED_PHRASE = 0.05;

const PREPOSITIONS = new Set(['of', 'in', 'to', 'for', 'with', 'on', 'at', 'by', 'from', 'into', 'within']);
const ARTICLES = new Set(['the', 'a', 'an']);
const CONJUNCTIONS = new Set(['and', 'or']);
/** A pair of adjacent words no sentence has: a preposition, article or conjunction before a preposition or conjunction, or two articles. */
function unnaturalPair(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const lead = PREPOSITIONS.has(x) || ARTICLES.has(x) || CONJUNCTIONS.has(x);
  return (lead && (PREPOSITIONS.has(y) || CONJUNCTIONS.has(y))) || (ARTICLES.has(x) && ARTICLES.has(y));
}

/** A column's three-word phrases (lower case, letters and digits), computed once per column text. */
function phrases(c: Col): Set<string> {
  if (c.phrases) return c.phrases;
  const words = c.paras.flat().join(' ').toLowerCase().replace(/[^a-z0-9\s-]/g, '').split(/\s+/).filter(Boolean);
  const mine = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) mine.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return (c.phrases = mine);
}

/** Three-word phrases found in the text of two or more columns. */
function sharedPhrases(s: State): number {
  const sets = s.cols.map(phrases);
  const counted = new Set<string>();
  for (let a = 0; a < sets.length; a++)
    for (let b = a + 1; b < sets.length; b++) {
      const [small, big] = sets[a]!.size <= sets[b]!.size ? [sets[a]!, sets[b]!] : [sets[b]!, sets[a]!];
      for (const t of small) if (big.has(t)) counted.add(t);
    }
  return counted.size;
}
/** Rows longer than this, or with lines of more words, are not read as a flattened grid's. */
const MAX_ROW_LINES = 80;
const MAX_LINE_WORDS = 40;
/** Lines after a grid that its last row may have run into (a page footer), at most. */
const MAX_TRAILING = 4;
/** A row whose best reading costs more than this per line is left as it was. */
const MAX_COST_PER_LINE = 2.5;

interface Col {
  /** Paragraphs, each a list of lines. */
  paras: string[][];
  open: boolean;
  group: number;
  /** Widths of the column's lines, and for each line followed by another of its paragraph the width that line would have had with the next word. */
  maxW: number;
  slacks: number[];
  /** The column's width as the document's other rows print it (ems), when known. */
  limit: number;
  /** Its three-word phrases, once computed (cleared when a line is added). */
  phrases?: Set<string>;
}

interface State {
  /** The reading's cost, once computed (states are not changed after they are ranked). */
  total?: number;
  cols: Col[];
  /** Groups of columns printing on the same lines, in the order they print. */
  cycle: number[];
  /** The group that prints next. */
  pos: number;
  nextGroup: number;
  cost: number;
}

const clone = (s: State): State => ({
  total: undefined,
  cols: s.cols.map((c) => ({ ...c, paras: c.paras.map((p) => [...p]), slacks: [...c.slacks] })),
  cycle: [...s.cycle],
  pos: s.pos,
  nextGroup: s.nextGroup,
  cost: s.cost,
});

function wrapCost(c: Col): number {
  let v = 0;
  for (const s of c.slacks) v += Math.max(0, c.maxW - s - WRAP_TOLERANCE);
  // A line wider than the column is elsewhere.
  v += Math.max(0, c.maxW - c.limit - WIDTH_TOLERANCE);
  return v / WRAP_UNIT;
}

/** A reading's cost so far (during the search: shared phrases, a tie-break, are weighed at the end). */
function searchCost(s: State): number {
  return (s.total ??= s.cost + s.cols.reduce((n, c) => n + wrapCost(c), 0));
}

/** A finished reading's cost. */
function totalCost(s: State): number {
  return searchCost(s) - SHARED_PHRASE * sharedPhrases(s);
}

/** A segment of a line for a column: the column, its words, and whether it opens a paragraph. */
interface Seg {
  col: number;
  words: string[];
  opens: boolean;
}

/** Close a column's open paragraph. */
function close(s: State, c: number) {
  const col = s.cols[c]!;
  if (!col.open) return;
  col.open = false;
  const last = col.paras[col.paras.length - 1];
  const end = last?.[last.length - 1] ?? '';
  if (!/[.;:!?)]$/.test(end)) s.cost += COST_OPEN_END;
}

/** Add a segment's line to its column. */
function put(s: State, seg: Seg, group: number) {
  const col = s.cols[seg.col]!;
  const text = seg.words.join(' ');
  const w = textWidth(text);
  if (seg.opens) {
    close(s, seg.col);
    col.paras.push([text]);
    col.open = true;
  } else {
    const p = col.paras[col.paras.length - 1]!;
    const prev = p[p.length - 1]!;
    col.slacks.push(textWidth(prev) + SPACE + textWidth(seg.words[0]!));
    p.push(text);
    if (/^\p{Lu}/u.test(seg.words[0]!)) s.cost += COST_CAPITAL_CONTINUATION;
    if (/[.!?]$/.test(prev)) s.cost += COST_AFTER_FULL_STOP;
    // Across the wrap too: the line above's last word before this line's first.
    const tail = prev.split(' ').pop()!;
    if (tail.toLowerCase() === seg.words[0]!.toLowerCase()) s.cost += COST_REPEATED_WORD;
    else if (unnaturalPair(tail, seg.words[0]!)) s.cost += COST_FUNCTION_PAIR;
  }
  for (let k = 1; k < seg.words.length; k++) {
    if (/\p{L}[-/]$/u.test(seg.words[k - 1]!)) s.cost += COST_BREAK_INSIDE;
    if (/\p{Ll}{2}[.!?]$/u.test(seg.words[k - 1]!) && /^\p{Ll}/u.test(seg.words[k]!)) s.cost += COST_SENTENCE_INSIDE;
    if (seg.words[k]!.toLowerCase() === seg.words[k - 1]!.toLowerCase()) s.cost += COST_REPEATED_WORD;
    else if (unnaturalPair(seg.words[k - 1]!, seg.words[k]!)) s.cost += COST_FUNCTION_PAIR;
  }
  col.group = group;
  col.phrases = undefined;
  col.maxW = Math.max(col.maxW, w);
}

/** Every way to cut `words` into non-empty runs for the columns `cands` (in order, any subset). */
function splits(words: string[], cands: number[]): { col: number; words: string[] }[][] {
  const out: { col: number; words: string[] }[][] = [];
  const rec = (from: number, ci: number, acc: { col: number; words: string[] }[]) => {
    if (from === words.length) {
      out.push(acc);
      return;
    }
    for (let k = ci; k < cands.length; k++) {
      for (let to = from + 1; to <= words.length; to++) rec(to, k + 1, [...acc, { col: cands[k]!, words: words.slice(from, to) }]);
    }
  };
  rec(0, 0, []);
  return out;
}

/** The readings of one more line from a state. */
function step(s: State, words: string[], codeCol: (w: string) => number): State[] {
  const out: State[] = [];
  const starts = words.map((w, i) => ({ i, c: codeCol(w) })).filter((x) => x.c >= 0);
  // Codes must come in column order.
  for (let k = 1; k < starts.length; k++) if (starts[k]!.c <= starts[k - 1]!.c) return out;
  const pieces: { opens: number | null; words: string[] }[] = [];
  if (!starts.length || starts[0]!.i > 0) pieces.push({ opens: null, words: words.slice(0, starts[0]?.i ?? words.length) });
  starts.forEach((x, k) => pieces.push({ opens: x.c, words: words.slice(x.i, starts[k + 1]?.i ?? words.length) }));

  // A new group of columns at a height of its own: every segment opens a paragraph.
  if (pieces.every((p) => p.opens !== null)) {
    const n = clone(s);
    const g = n.nextGroup++;
    n.cycle.splice(n.pos, 0, g);
    for (const p of pieces) put(n, { col: p.opens!, words: p.words, opens: true }, g);
    n.pos = n.cycle.length ? (n.pos + 1) % n.cycle.length : 0;
    n.cost += COST_NEW_GROUP;
    prune(n);
    out.push(n);
  }
  // The next group in the cycle prints this line (or, its columns all ended, one after it):
  // its open columns go on (or end), and paragraphs may open among them.
  for (let skip = 0; skip < s.cycle.length; skip++) {
    let from = s;
    if (skip) {
      from = clone(s);
      for (let k = 0; k < skip; k++) {
        const ended = s.cycle[(s.pos + k) % s.cycle.length]!;
        from.cols.forEach((c, i) => c.open && c.group === ended && close(from, i));
      }
      prune(from);
      if (!from.cycle.length) break;
    }
    out.push(...continueGroup(from, pieces));
    for (let span = 2; span <= from.cycle.length; span++) out.push(...continueGroup(from, pieces, span));
  }
  return out;
}

/**
 * The next group in the cycle prints the line, cut into pieces at its labels; or the next
 * `span` groups print on it together (groups whose lines drifted level), after which any group
 * may print first.
 */
function continueGroup(s: State, pieces: { opens: number | null; words: string[] }[], span = 1): State[] {
  const out: State[] = [];
  const g = s.cycle[s.pos]!;
  const merged = span > 1;
  const printing = new Set(Array.from({ length: span }, (_, k) => s.cycle[(s.pos + k) % s.cycle.length]!));
  const members = s.cols.map((c, i) => ({ c, i })).filter(({ c }) => c.open && printing.has(c.group)).map(({ i }) => i);
  // Per piece, the columns its unlabelled words may go on in: open members between the labels around it.
  const options: { col: number; words: string[]; opens: boolean }[][][] = pieces.map((p, k) => {
    const lo = p.opens ?? -1;
    const hi = pieces[k + 1]?.opens ?? Infinity;
    const cands = members.filter((c) => c > lo && c < hi);
    if (p.opens === null) return splits(p.words, cands).map((sp) => sp.map((x) => ({ ...x, opens: false })));
    // The label's own segment, then possibly continuations of the columns after it.
    const res: { col: number; words: string[]; opens: boolean }[][] = [];
    for (let to = 1; to <= p.words.length; to++) {
      const head = { col: p.opens, words: p.words.slice(0, to), opens: true };
      if (to === p.words.length) res.push([head]);
      else for (const sp of splits(p.words.slice(to), cands)) res.push([head, ...sp.map((x) => ({ ...x, opens: false }))]);
    }
    return res;
  });
  const combos = (k: number): { col: number; words: string[]; opens: boolean }[][] =>
    k === options.length ? [[]] : options[k]!.flatMap((o) => combos(k + 1).map((rest) => [...o, ...rest]));
  for (const segs of combos(0)) {
    if (!segs.length) continue;
    const n = clone(s);
    const present = new Set(segs.map((x) => x.col));
    // Members with nothing on this line have ended.
    for (const c of members) if (!present.has(c)) close(n, c);
    for (const seg of segs) {
      // A label opening a paragraph in a column open in another group ends that paragraph there.
      if (seg.opens) close(n, seg.col);
      // On a merged line each column stays in its own group (a new paragraph joins the group
      // printing next).
      put(n, seg, merged && n.cols[seg.col]!.group >= 0 && printing.has(n.cols[seg.col]!.group) ? n.cols[seg.col]!.group : g);
    }
    if (!merged) {
      n.pos = (n.pos + 1) % n.cycle.length;
      prune(n);
      out.push(n);
      continue;
    }
    n.cost += COST_MERGED_LINE;
    prune(n);
    for (let k = 0; k < n.cycle.length; k++) out.push(k === n.cycle.length - 1 ? Object.assign(n, { pos: k }) : { ...clone(n), pos: k });
  }
  return out;
}

/** Drop groups that have no open column left, keeping the cycle's position on the next group. */
function prune(s: State) {
  const alive = new Set(s.cols.filter((c) => c.open).map((c) => c.group));
  const next = s.cycle[s.pos];
  s.cycle = s.cycle.filter((g) => alive.has(g));
  const at = next === undefined ? -1 : s.cycle.indexOf(next);
  if (at >= 0) s.pos = at;
  else {
    // The next group ended: the one after it in the old cycle prints next.
    s.pos = s.cycle.length ? Math.min(s.pos, s.cycle.length - 1) % s.cycle.length : 0;
  }
}

/**
 * Read the lines of one row of the grid (between spanning rows) into its columns'
 * paragraphs; null when no reading fits well.
 */
export function readFlattenedRow(lines: string[], letters: string[], limits: number[] = []): RowReading | null {
  // A bound on the search (and on what a hostile file can make it cost): rows of a real grid
  // are a few dozen lines of a few words.
  if (lines.length > MAX_ROW_LINES || lines.some((l) => l.split(/\s+/).length > MAX_LINE_WORDS)) return null;
  const codeCol = (w: string) => {
    const m = /^([A-Z])(\d{1,2})$/.exec(w);
    return m ? letters.indexOf(m[1]!) : -1;
  };
  let beam: State[] = [{ cols: letters.map((_, c) => ({ paras: [], open: false, group: -1, maxW: 0, slacks: [], limit: limits[c] ?? Infinity })), cycle: [], pos: 0, nextGroup: 0, cost: 0 }];
  for (const line of lines) {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (!words.length) continue;
    const next: State[] = [];
    for (const s of beam) next.push(...step(s, words, codeCol));
    if (!next.length) return null;
    next.sort((a, b) => searchCost(a) - searchCost(b));
    beam = next.slice(0, BEAM);
  }
  for (const s of beam) {
    for (let c = 0; c < s.cols.length; c++) close(s, c);
    s.total = undefined;
  }
  beam.sort((a, b) => totalCost(a) - totalCost(b));
  const best = beam[0]!;
  if (totalCost(best) > MAX_COST_PER_LINE * lines.length) return null;
  return {
    cells: best.cols.map((c) => c.paras.map(joinLines)),
    widths: best.cols.map((c) => (c.slacks.length + c.paras.length >= 3 ? c.maxW : null)),
    maxWidths: best.cols.map((c) => c.maxW),
  };
}

export interface RowReading {
  cells: string[][];
  /** Per column, its widest line (ems) where the column has three lines or more here. */
  widths: (number | null)[];
  /** Per column, its widest line (ems). */
  maxWidths: number[];
}

/** A paragraph's lines as one text: a word broken at a hyphen or after a slash rejoined, else spaces. */
function joinLines(lines: string[]): string {
  return lines.reduce((acc, l) => (!acc ? l : (/\p{L}-$/u.test(acc) && /^\p{Ll}/u.test(l)) || (/\p{L}\/$/u.test(acc) && /^\p{L}/u.test(l)) ? acc + l : `${acc} ${l}`), '');
}

/** A header line naming 2-4 columns whose initials label their paragraphs (`Pass Merit Distinction`). */
function headerLetters(text: string): string[] | null {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{Lu}\p{Ll}{2,14}$/u.test(w))) return null;
  const letters = words.map((w) => w[0]!);
  return new Set(letters).size === letters.length ? letters : null;
}

export interface FlattenedGrid {
  /** The lines it replaces, from the header line to its last row's last line. */
  from: number;
  to: number;
  header: string[];
  /**
   * Rows: one text spanning the columns (with, when it has one, the label set level with it in
   * the last column), or one paragraph list per column.
   */
  rows: ({ line: number; span: string; label?: string } | { line: number; cells: string[][] })[];
}

/** A grid found, before its rows are read. */
interface GridShape {
  from: number;
  to: number;
  letters: string[];
  header: string[];
  rows: FlattenedGrid['rows'];
  /** The rows of criteria, with the index of their row, their lines and the lines' numbers. */
  bodies: { at: number; lines: string[]; nos: number[] }[];
}

/**
 * Grids in a run of lines: a header line of column names whose initials label the paragraphs
 * of the rows below it, on lines that hold labels of two columns or more.
 */
function gridShapes(lines: SourceLine[]): GridShape[] {
  const grids: GridShape[] = [];
  for (let h = 0; h < lines.length; h++) {
    const letters = headerLetters(lines[h]!.text);
    if (!letters) continue;
    const isCode = (w: string) => /^[A-Z]\d{1,2}$/.test(w) && letters.includes(w[0]!);
    const codes = (t: string) => t.trim().split(/\s+/).filter(isCode).map((w) => w[0]!);
    // A label of another family opening a line starts a row spanning the columns (`LO2 …`).
    const spanStart = (t: string) => {
      const w = t.trim().split(/\s+/)[0] ?? '';
      return /^[A-Z]{1,3}\d{1,2}$/.test(w) && !isCode(w);
    };
    // Evidence: within the next lines, one holding labels of two different columns.
    const near = lines.slice(h + 1, h + 12).some((l) => new Set(codes(l.text)).size >= 2);
    if (!near) continue;
    const rows: FlattenedGrid['rows'] = [];
    const bodies: GridShape['bodies'] = [];
    let i = h + 1;
    while (i < lines.length) {
      const t = lines[i]!.text;
      if (!t.trim()) break;
      if (spanStart(t)) {
        const start = i;
        const parts = [t.trim()];
        i++;
        while (i < lines.length && lines[i]!.text.trim() && !codes(lines[i]!.text).length && !spanStart(lines[i]!.text)) parts.push(lines[i++]!.text.trim());
        // A run of labels of the row's own family ending one of its lines (`… problems LO1 and
        // LO2`): the label of the last column's cell, set level with the spanning text.
        const family = /^([A-Z]{1,3})\d/.exec(t.trim())![1]!;
        const run = new RegExp(`\\s+(${family}\\s?\\d{1,2}(?:\\s*(?:,|&|and|/)\\s*(?:${family}\\s?)?\\d{1,2})+)$`);
        let label: string | undefined;
        parts.forEach((p, k) => {
          const m = label ? null : run.exec(p);
          if (m) (label = m[1]), (parts[k] = p.slice(0, m.index));
        });
        rows.push({ line: lines[start]!.line, span: joinLines(parts), ...(label ? { label } : {}) });
        continue;
      }
      if (!isCode(t.trim().split(/\s+/)[0] ?? '')) break;
      const start = i;
      const body: string[] = [];
      const nos: number[] = [];
      while (i < lines.length && lines[i]!.text.trim() && !spanStart(lines[i]!.text)) nos.push(lines[i]!.line), body.push(lines[i++]!.text);
      bodies.push({ at: rows.length, lines: body, nos });
      rows.push({ line: lines[start]!.line, cells: [] });
    }
    if (!bodies.length) continue;
    grids.push({ from: h, to: i - 1, letters, header: lines[h]!.text.trim().split(/\s+/), rows, bodies });
    h = i - 1;
  }
  return grids;
}

/**
 * Column widths (ems) of the grids of a document, by their header, as priors for reading each
 * row; with the rows' readings made to measure them.
 */
export type GridWidths = Map<string, number[]> & { readings?: Map<string, RowReading | null> };

/**
 * The columns' widths, measured over every grid of the document with the same header (each row
 * first read on its own): per column, the median of its rows' widest lines.
 */
export function flattenedGridWidths(runs: SourceLine[][]): GridWidths {
  const seen = new Map<string, number[][]>();
  const readings = new Map<string, RowReading | null>();
  for (const lines of runs)
    for (const g of gridShapes(lines)) {
      const key = g.letters.join('');
      const cols = seen.get(key) ?? g.letters.map(() => []);
      seen.set(key, cols);
      for (const b of g.bodies) {
        const r = readFlattenedRow(b.lines, g.letters);
        readings.set(`${key}\n${b.lines.join('\n')}`, r);
        r?.widths.forEach((w, c) => w != null && cols[c]!.push(w));
      }
    }
  const out: GridWidths = Object.assign(new Map<string, number[]>(), { readings });
  for (const [key, cols] of seen)
    out.set(
      key,
      cols.map((ws) => (ws.length >= WIDTH_ROWS ? ws.sort((a, b) => a - b)[Math.floor((ws.length - 1) / 2)]! : Infinity)),
    );
  return out;
}

/**
 * Flattened grids in a run of lines, their rows read (with the document's column widths when
 * given). A row that no reading fits is left as its lines, each a row of its own.
 */
export function findFlattenedGrids(lines: SourceLine[], widths: GridWidths = new Map()): FlattenedGrid[] {
  const grids: FlattenedGrid[] = [];
  for (const g of gridShapes(lines)) {
    const key = g.letters.join('');
    const limits = widths.get(key) ?? [];
    // A row's reading made without the widths stands where it keeps within them (they only
    // add cost to other readings).
    const within = (r: RowReading) => r.cells.every((_, c) => (r.maxWidths[c] ?? 0) <= (limits[c] ?? Infinity) + WIDTH_TOLERANCE);
    const read = g.bodies.map((b) => {
      const first = widths.readings?.get(`${key}\n${b.lines.join('\n')}`);
      return first && within(first) ? first : readFlattenedRow(b.lines, g.letters, limits);
    });
    // The last row may run into lines after the grid (a page footer): it keeps the longest
    // start that reads well, and the grid ends there.
    const last = g.bodies[g.bodies.length - 1]!;
    let to = g.to;
    if (!read[read.length - 1]) {
      for (let n = last.lines.length - 1; n >= 1 && n >= last.lines.length - MAX_TRAILING; n--) {
        const r = readFlattenedRow(last.lines.slice(0, n), g.letters, limits);
        if (r) {
          read[read.length - 1] = r;
          to -= last.lines.length - n;
          last.lines = last.lines.slice(0, n);
          break;
        }
      }
    }
    // No row read: no grid (its lines stay lines).
    if (read.every((r) => !r)) continue;
    const rows: FlattenedGrid['rows'] = [];
    let b = 0;
    for (const r of g.rows) {
      if ('span' in r) {
        rows.push(r);
        continue;
      }
      const body = g.bodies[b]!;
      const reading = read[b++];
      if (reading) rows.push({ line: r.line, cells: reading.cells });
      else body.lines.forEach((t, j) => rows.push({ line: body.nos[j]!, span: t.trim() }));
    }
    grids.push({ from: g.from, to, header: g.header, rows });
  }
  return grids;
}
