/**
 * Pandoc's own markdown tables, which CommonMark and GFM do not have: grid tables
 * (`+----+----+` borders, `|` between cells) and simple and multiline tables (columns given by
 * runs of dashes under the header, rows of a multiline table separated by blank lines). Pandoc
 * writes them for Word tables (`pandoc spec.docx -o spec.md`). Lines in, table rows out: each
 * cell's text is markdown again (wrapped lines, `**bold**`, lists, a `\` line break).
 */
import type { SourceLine } from '@qualspec/text';

export interface PandocRow {
  line: number;
  cells: string[];
  header: boolean;
}

export type Piece = { kind: 'lines'; lines: SourceLine[] } | { kind: 'table'; rows: PandocRow[] };

const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const GRID_ROW = /^\s*[|+]/;
const DASH_RUNS = /^\s*-{2,}(?:\s+-{2,})+\s*$/;
const DASH_LINE = /^\s*-{3,}\s*$/;
/** Lines a table may take before it must have shown its shape. */
const LOOKAHEAD = 400;

/** Column starts of a line of dash runs (`---- ------ ---`). */
function runStarts(line: string): number[] {
  return [...line.matchAll(/-+/g)].map((m) => m.index!);
}

/** Slice a line into cells at column starts (text before the next column's start belongs to this one). */
function sliceAt(line: string, starts: number[]): string[] {
  return starts.map((s, k) => line.slice(k === 0 ? 0 : s, k + 1 < starts.length ? starts[k + 1] : undefined));
}

/** Rows of a grid table from `lines[from]` (a border); returns the rows and the index after the table. */
function gridTable(lines: SourceLine[], from: number): { rows: PandocRow[]; end: number } | null {
  const border = lines[from]!.text;
  const cuts = [...border.matchAll(/\+/g)].map((m) => m.index!);
  if (cuts.length < 3) return null;
  const rows: PandocRow[] = [];
  let parts: string[][] = [];
  let first = -1;
  let j = from + 1;
  for (; j < lines.length && GRID_ROW.test(lines[j]!.text); j++) {
    const t = lines[j]!.text;
    if (GRID_BORDER.test(t)) {
      if (parts.length) {
        const header = /=/.test(t) && rows.length === 0;
        rows.push({ line: lines[first]!.line, cells: cuts.slice(0, -1).map((_, k) => parts.map((p) => p[k] ?? '').join('\n')), header });
      }
      parts = [];
      first = -1;
      continue;
    }
    if (first < 0) first = j;
    parts.push(cuts.slice(0, -1).map((c, k) => t.slice(c + 1, cuts[k + 1]).replace(/\s+$/, '')));
  }
  // A grid table ends on a border.
  if (parts.length || !rows.length) return null;
  return { rows, end: j };
}

/**
 * A simple or multiline table starting at `lines[from]`: a dash line over header lines and a
 * line of dash runs (multiline, with header), a header line over dash runs (simple), or dash runs
 * opening a headerless table. Returns null when the lines do not close as a table.
 */
function dashTable(lines: SourceLine[], from: number): { rows: PandocRow[]; end: number } | null {
  const at = (j: number) => lines[j]?.text ?? '';
  const blank = (j: number) => !at(j).trim();
  let j = from;
  let headerLines: number[] = [];
  let multiline = false;
  let headerless = false;
  if (DASH_LINE.test(at(j))) {
    // Multiline table with a header: dash line, header lines, dash runs.
    let k = j + 1;
    while (k < lines.length && k - j <= 6 && !blank(k) && !DASH_RUNS.test(at(k))) k++;
    if (!DASH_RUNS.test(at(k)) || k === j + 1) return null;
    headerLines = Array.from({ length: k - j - 1 }, (_, m) => j + 1 + m);
    multiline = true;
    j = k;
  } else if (DASH_RUNS.test(at(j))) {
    // Dash runs first: a headerless table (simple or multiline), closed by the same runs.
    headerless = true;
  } else if (!blank(j) && DASH_RUNS.test(at(j + 1))) {
    headerLines = [j];
    j = j + 1;
  } else return null;
  const starts = runStarts(at(j));
  if (starts.length < 2) return null;
  const rows: PandocRow[] = [];
  const rowOf = (ls: number[], header: boolean): PandocRow => {
    const parts = ls.map((m) => sliceAt(at(m), starts));
    return { line: lines[ls[0]!]!.line, cells: starts.map((_, k) => parts.map((p) => p[k]!.trim()).join('\n').replace(/^\n+|\n+$/g, '')), header };
  };
  if (headerLines.length) rows.push(rowOf(headerLines, true));
  // Body: rows until the closing line (dash line, or dash runs when headerless); in a multiline
  // table (or a headerless one whose rows take several lines) blank lines separate rows.
  let k = j + 1;
  let body: number[][] = [];
  let cur: number[] = [];
  let closed = -1;
  for (; k < lines.length && k - j <= LOOKAHEAD; k++) {
    const t = at(k);
    if (DASH_LINE.test(t) || (headerless && DASH_RUNS.test(t) && runStarts(t).join() === starts.join())) {
      closed = k;
      break;
    }
    if (!t.trim()) {
      if (cur.length) body.push(cur);
      cur = [];
      // A simple table ends at a blank line.
      if (!multiline && !headerless) {
        closed = k - 1;
        break;
      }
      continue;
    }
    cur.push(k);
  }
  if (closed < 0) {
    if (multiline || headerless || !cur.length) return null;
    closed = k - 1;
  }
  if (cur.length) body.push(cur);
  // Rows of one line each when no blank line separated them (simple tables).
  if (!multiline && body.length === 1 && !headerless) body = body[0]!.map((m) => [m]);
  if (headerless && body.length === 1 && body[0]!.length > 1) body = body[0]!.map((m) => [m]);
  for (const b of body) rows.push(rowOf(b, false));
  if (!rows.some((r) => !r.header)) return null;
  return { rows, end: closed + 1 };
}

/** Split a run of lines into plain lines and pandoc tables. */
export function splitPandocTables(run: SourceLine[]): Piece[] {
  if (!run.some((l) => DASH_RUNS.test(l.text) || GRID_BORDER.test(l.text))) return [{ kind: 'lines', lines: run }];
  const out: Piece[] = [];
  let plain: SourceLine[] = [];
  for (let i = 0; i < run.length; i++) {
    const t = run[i]!.text;
    const table = GRID_BORDER.test(t)
      ? gridTable(run, i)
      : DASH_LINE.test(t) || DASH_RUNS.test(t) || DASH_RUNS.test(run[i + 1]?.text ?? '')
        ? dashTable(run, i)
        : null;
    if (!table) {
      plain.push(run[i]!);
      continue;
    }
    if (plain.length) out.push({ kind: 'lines', lines: plain });
    plain = [];
    out.push({ kind: 'table', rows: table.rows });
    i = table.end - 1;
  }
  if (plain.length) out.push({ kind: 'lines', lines: plain });
  return out;
}
