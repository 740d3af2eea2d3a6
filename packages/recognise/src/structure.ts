/**
 * Rules of combination: group headings (mandatory/optional), their structure-table rows
 * (reference, title, level, credits, GLH exactly as the table gives them) and the credit
 * constraints stated in the group's own lines or in the qualification's rule sentences.
 */
import type { Place } from '@qualspec/blocks';
import { checkUnitRef, type Group, type Rules, type UnitRow } from '@qualspec/model';
import type { Item } from './items.js';
import {
  CREDITS_AT_LEVEL,
  GROUP_KIND,
  MAX_CREDITS,
  MIN_CREDITS,
  PLAIN_CREDITS,
  REF,
  REF_AT_START,
  TOTAL_CREDITS,
  cleanTitle,
} from './rules/index.js';

export interface TableRow extends UnitRow {
  place: Place;
  group: number;
  /** The table and row it was read from (-1 for rows of plain text). */
  table?: number;
  tableRow?: number;
}

type Field = 'ref' | 'title' | 'level' | 'credits' | 'glh' | 'number' | 'kind';

/** A row's group as its table's mandatory/optional column gives it (`Core`, `Optional`). */
interface RowKind {
  name: string;
  kind: 'mandatory' | 'optional';
}

interface GroupDraft extends Group {
  intro: string[];
  /** Made from the rows' mandatory/optional column, not from a heading. */
  byColumn?: boolean;
}

const VERB = /\b(?:must|may|can|should|will|achieve[sd]?|choose|select|taken|contains?)\b/i;

/** Dot leaders before a page number, as a contents line ends. */
const TOC_LEADER = /(?:\.\s?){4,}\s*\d{1,4}\s*$|…\s*\d{1,4}\s*$/;

/** A group heading: `Group A Mandatory Units – complete all units`, `Optional Group B`, `Mandatory units`. */
function groupHeading(text: string): { name: string; rest: string; kind: 'mandatory' | 'optional' } | null {
  if (text.length > 120 || /^[(\d]/.test(text)) return null;
  const [name, ...more] = text.split(/\s+[–—-]\s+|:\s*|\t+/);
  if (!name || !GROUP_KIND.test(name) || !/\b(?:group|units?|modules?)\b/i.test(name) || VERB.test(name)) return null;
  if (name.split(/\s+/).length > 8) return null;
  const kind = /mandatory|compulsory/i.test(name) ? 'mandatory' : 'optional';
  return { name: name.trim(), rest: more.join(' ').trim(), kind };
}

function fieldOfHeader(text: string): Field | null {
  const t = text.toLowerCase();
  if (/title|name/.test(t)) return 'title';
  if (/\bglh\b|guided/.test(t)) return 'glh';
  if (/\bcredit/.test(t)) return 'credits';
  if (/level/.test(t)) return 'level';
  if (/ref|urn|accreditation|code|ofqual|qca/.test(t)) return 'ref';
  if (/\bno\.?\b|number|#/.test(t)) return 'number';
  // `Compulsory or Optional`, `Mandatory/Optional`, `Core or optional`: each row's group.
  if (/\b(?:mandatory|compulsory|optional|core|elective)\b/.test(t)) return 'kind';
  return null;
}

/** A mandatory/optional column's value: `Core`, `Mandatory`, `Compulsory`, `Optional`, `Elective`. */
function kindOf(cell: string): RowKind | null {
  const name = cell.trim();
  if (/^(?:core|mandatory|compulsory)(?:\s+units?)?$/i.test(name)) return { name, kind: 'mandatory' };
  if (/^(?:optional|elective)(?:\s+units?)?$/i.test(name)) return { name, kind: 'optional' };
  return null;
}

const int = (s: string | undefined) => {
  const m = /^\s*(\d{1,3})\b/.exec(s ?? '');
  return m ? Number(m[1]) : null;
};

function normRef(text: string): string | null {
  const m = REF.exec(text);
  return m ? checkUnitRef(m[0]).ref : null;
}

export function readStructure(items: Item[], end: number): { rules: Rules | null; rows: TableRow[]; sentences: string[] } {
  const groups: GroupDraft[] = [];
  const rows: TableRow[] = [];
  const sentences: string[] = [];
  const mappings = new Map<number, (Field | null)[]>();
  let lastMapping: (Field | null)[] | null = null;
  let textOrder: Field[] = [];
  let headerWords: string[] = [];
  let pending: TableRow | null = null;
  let pendingLines = 0;
  const seenRows = new Set<string>();
  let rowsInGroup = 0;
  /** The last row read from plain text, and which of its number columns comes next. */
  const last: { text: { row: TableRow; order: Field[]; next: number } | null } = { text: null };

  const current = (): number => {
    if (!groups.length) groups.push({ name: 'Units', kind: 'mandatory', minCredits: null, maxCredits: null, units: [], intro: [] });
    return groups.length - 1;
  };
  const addRow = (r: Omit<TableRow, 'group'>, kind: RowKind | null = null) => {
    // A row whose own column names its group goes to the group of that name, in the order the
    // names first appear.
    let g = current();
    if (kind) {
      const named = groups.findIndex((x) => x.byColumn && x.name === kind.name);
      if (named >= 0) g = named;
      else {
        groups.push({ name: kind.name, kind: kind.kind, minCredits: null, maxCredits: null, units: [], intro: [], byColumn: true });
        g = groups.length - 1;
      }
    }
    const row = { ...r, group: g };
    rows.push(row);
    groups[g]!.units.push({ ref: row.ref, title: row.title, level: row.level, credits: row.credits, glh: row.glh });
    rowsInGroup++;
    return row;
  };
  /** A row from plain text: later lines holding only a number fill its remaining number columns. */
  const addTextRow = (r: Omit<TableRow, 'group'>) => {
    const row = addRow(r);
    const order = textOrder.length ? textOrder : orderFromWords(headerWords);
    const filled = order.filter((f) => (f === 'level' || f === 'credits' || f === 'glh') && row[f] != null).length;
    last.text = { row, order, next: filled };
  };

  for (let j = 0; j < end; j++) {
    const it = items[j]!;
    if (it.kind !== 'text') continue;
    const text = it.text;
    if (it.cell) {
      const key = `${it.cell.table}:${it.cell.row}`;
      if (seenRows.has(key)) continue;
      seenRows.add(key);
      const cells = it.cell.cells.map((c) => c.trim());
      const filled = cells.filter(Boolean);
      if (filled.length === 1) {
        const h = groupHeading(filled[0]!);
        if (h) startGroup(h);
        else sentences.push(filled[0]!);
        continue;
      }
      // Header row: names a title column and some other unit column, no reference in it.
      const fields = cells.map(fieldOfHeader);
      const headerLike = cells.every((c) => c.length <= 40 && !/\d/.test(c));
      if (headerLike && fields.includes('title') && fields.filter(Boolean).length >= 2) {
        mappings.set(it.cell.table, fields);
        lastMapping = fields;
        continue;
      }
      const mapping = mappings.get(it.cell.table) ?? (lastMapping && lastMapping.length === cells.length ? lastMapping : null);
      // A line of a title wrapped in its cell (tables laid out with spaces come a line at a
      // time): only the title column holds text. It continues the row above.
      const titleCol = mapping?.indexOf('title') ?? -1;
      const prevRow = rows[rows.length - 1];
      if (titleCol >= 0 && filled.length === 1 && cells[titleCol]?.trim() && prevRow && prevRow.table === it.cell.table && it.cell.row - (prevRow.tableRow ?? -9) <= 2) {
        prevRow.title = cleanTitle(`${prevRow.title ?? ''} ${cells[titleCol]}`);
        const g = groups[prevRow.group]!.units;
        g[g.length - 1]!.title = prevRow.title;
        prevRow.tableRow = it.cell.row;
        continue;
      }
      const read = rowFromCells(cells, mapping, it.place);
      if (read) addRow({ ...read.row, table: it.cell.table, tableRow: it.cell.row }, read.kind);
      else sentences.push(filled.join(' '));
      continue;
    }
    // Plain text: group headings, `REF Title 2 5` rows (wrapped titles continue), sentences.
    const h = it.depth === 0 ? groupHeading(text) : null;
    if (h) {
      pending = null;
      startGroup(h);
      continue;
    }
    // A table read cell by cell (pdftotext): the row's numbers follow on lines of their own.
    const open = last.text;
    if (open && /^\d{1,3}$/.test(text)) {
      const field = open.order[open.next];
      if (field === 'level' || field === 'credits' || field === 'glh') {
        open.row[field] = Number(text);
        open.next++;
        const g = groups[open.row.group]!.units;
        g[g.length - 1]![field] = Number(text);
        continue;
      }
    }
    last.text = null;
    // A contents line (`REF Title ........ 8`): its number is a page, not a level.
    if (TOC_LEADER.test(text)) continue;
    const refAt = REF_AT_START.exec(text);
    if (refAt) {
      const rest = text.slice(refAt[0].length).trim();
      const nums = /^(.*?)((?:\s+\d{1,3}){1,3})\s*$/.exec(` ${rest}`);
      if (textOrder.length === 0) textOrder = orderFromWords(headerWords);
      const base = { ref: checkUnitRef(refAt[1]!).ref, title: '', level: null, credits: null, glh: null, place: it.place } as Omit<TableRow, 'group'>;
      if (nums && nums[1]!.trim()) {
        base.title = cleanTitle(nums[1]!);
        assignNumbers(base, nums[2]!, textOrder);
        addTextRow(base);
        pending = null;
      } else {
        base.title = cleanTitle(rest);
        pending = base as TableRow;
        pendingLines = 0;
      }
      continue;
    }
    if (pending) {
      const nums = /^(.*?)((?:\s+\d{1,3}){1,3})\s*$/.exec(` ${text}`);
      if (nums) {
        pending.title = cleanTitle(`${pending.title} ${nums[1]!}`);
        assignNumbers(pending, nums[2]!, textOrder);
        addTextRow(pending);
        pending = null;
        continue;
      }
      if (++pendingLines <= 2 && text.length < 80) {
        pending.title = cleanTitle(`${pending.title} ${text}`);
        continue;
      }
      addRow(pending);
      pending = null;
    }
    if (groups.length && rowsInGroup === 0) {
      groups[groups.length - 1]!.intro.push(text);
      headerWords.push(text);
    }
    sentences.push(text);
  }
  if (pending) addRow(pending);

  function startGroup(h: { name: string; rest: string; kind: 'mandatory' | 'optional' }) {
    groups.push({ name: h.name, kind: h.kind, minCredits: null, maxCredits: null, units: [], intro: h.rest ? [h.rest] : [] });
    rowsInGroup = 0;
    headerWords = [];
    textOrder = [];
  }

  // The total: a sentence, or its lead clause (`… a minimum of 37 credits: 25 from Group A …`),
  // that names no group.
  const leads = sentences.flatMap((s) => [s, s.split(/[:;]/)[0]!]);
  const totalCredits = firstMatch(leads, TOTAL_CREDITS, (m) => Number(m[1]), (s) => !/\bgroup\b|\blevel\s+\d\s+(?:or|and)\s+above/i.test(s));
  const atLevel = firstMatch(sentences, CREDITS_AT_LEVEL, (m) => ({ level: Number(m[2]), credits: Number(m[1]) }));
  const realGroups = groups.filter((g) => g.units.length > 0);
  for (const g of realGroups) constrain(g, realGroups, sentences);
  if (!realGroups.length && totalCredits == null) return { rules: null, rows, sentences };
  return {
    rules: {
      totalCredits,
      minCreditsAtLevel: atLevel,
      groups: realGroups.map(({ intro: _intro, ...g }) => g),
    },
    rows,
    sentences,
  };
}

function firstMatch<T>(sentences: string[], re: RegExp, f: (m: RegExpExecArray) => T, ok: (s: string) => boolean = () => true): T | null {
  for (const s of sentences) {
    const m = re.exec(s);
    if (m && ok(s)) return f(m);
  }
  return null;
}

/** Column order of a flattened table from its header words (`Unit Level`, `Credit Value`, `GLH`). */
function orderFromWords(words: string[]): Field[] {
  // Column headers are short and hold no numbers (an intro sentence's `19 credits` is not one).
  const text = words.filter((w) => w.length <= 40 && !/\d/.test(w)).join(' ').toLowerCase();
  const found: [Field, number][] = [];
  const at = (re: RegExp) => {
    const m = re.exec(text);
    return m ? m.index : -1;
  };
  const l = at(/\blevel\b/);
  const c = at(/\bcredit/);
  const g = at(/\bglh\b|\bguided/);
  if (l >= 0) found.push(['level', l]);
  if (c >= 0) found.push(['credits', c]);
  if (g >= 0) found.push(['glh', g]);
  return found.length ? found.sort((a, b) => a[1] - b[1]).map((x) => x[0]) : ['level', 'credits', 'glh'];
}

function assignNumbers(row: Omit<TableRow, 'group'>, nums: string, order: Field[]) {
  const values = nums.trim().split(/\s+/).map(Number);
  const fields = order.length >= values.length ? order : (['level', 'credits', 'glh'] as Field[]);
  values.forEach((v, k) => {
    const f = fields[k];
    if (f === 'level' || f === 'credits' || f === 'glh') row[f] = v;
  });
}

function rowFromCells(cells: string[], mapping: (Field | null)[] | null, place: Place): { row: Omit<TableRow, 'group'>; kind: RowKind | null } | null {
  const row: Omit<TableRow, 'group'> = { ref: null, title: null, level: null, credits: null, glh: null, place };
  let kind: RowKind | null = null;
  if (mapping) {
    for (const [k, f] of mapping.entries()) {
      const c = cells[k] ?? '';
      if (f === 'ref') row.ref = normRef(c);
      // The table's running number before a title (`1. Communication in …`) is not part of it.
      else if (f === 'title') row.title = c ? cleanTitle(c.replace(/^\d{1,2}[.)]\s+(?=\S)/, '')) : null;
      else if (f === 'level' || f === 'credits' || f === 'glh') row[f] = int(c);
      else if (f === 'kind') kind = kindOf(c);
    }
    // A reference in a column the header did not name (`Unit number` holding references).
    if (!row.ref) for (const c of cells) if (REF.test(c) && c.trim().length <= 14) row.ref = normRef(c);
  } else {
    const refCell = cells.findIndex((c) => REF.test(c) && c.trim().length <= 14);
    if (refCell < 0) return null;
    row.ref = normRef(cells[refCell]!);
    const rest = cells.slice(refCell + 1);
    const titleIdx = rest.findIndex((c) => /[A-Za-z]{3}/.test(c));
    if (titleIdx < 0) return null;
    row.title = cleanTitle(rest[titleIdx]!);
    const nums = rest.slice(titleIdx + 1).map(int).filter((n): n is number => n != null);
    [row.level, row.credits, row.glh] = [nums[0] ?? null, nums[1] ?? null, nums[2] ?? null];
  }
  if (!row.title || !/[A-Za-z]{3}/.test(row.title)) return null;
  // RQF/QCF levels run from entry to 8; anything else is not a level column.
  if (row.level != null && row.level > 8) return null;
  // A title with nothing else beside it is a row only where its own column names its group.
  if (!row.ref && row.level == null && row.credits == null && !kind) return null;
  return { row, kind };
}

/** Credit limits of a group: its own lines first, then rule sentences naming it. */
function constrain(g: GroupDraft, all: GroupDraft[], sentences: string[]) {
  const apply = (text: string, own: boolean) => {
    const min = MIN_CREDITS.exec(text);
    const max = MAX_CREDITS.exec(text);
    if (min) g.minCredits ??= Number(min[1]);
    if (max) g.maxCredits ??= Number(max[1]);
    if (g.kind === 'mandatory' && !min && !max) {
      const plain = PLAIN_CREDITS.exec(text);
      if (plain && (own || /\b(?:all|mandatory|totall?ing|from)\b/i.test(text))) {
        g.minCredits ??= Number(plain[1]);
        g.maxCredits ??= Number(plain[1]);
      }
    }
  };
  for (const t of g.intro) apply(t, true);
  const letter = /\bgroup\s+([A-Z])\b/i.exec(g.name)?.[1]?.toUpperCase();
  const sameKind = all.filter((x) => x.kind === g.kind);
  for (const s of sentences) {
    for (const clause of s.split(/[;:]|,?\s+and\s+(?=(?:a\s+)?(?:minimum|maximum|at\s+least|up\s+to|\d))|\.\s/i)) {
      if (!PLAIN_CREDITS.test(clause)) continue;
      const named = /\bgroup\s+([A-Z])\b/i.exec(clause)?.[1]?.toUpperCase();
      const mentionsKind = new RegExp(`\\b${g.kind}\\b`, 'i').test(clause);
      const matches = letter ? named === letter : !named && mentionsKind && sameKind.length === 1;
      if (matches && !/\b\d+\s+units?\b/i.test(clause)) apply(clause, false);
    }
  }
  if (g.kind === 'mandatory' && g.minCredits == null && g.units.length && g.units.every((u) => u.credits != null)) {
    const sum = g.units.reduce((s, u) => s + u.credits!, 0);
    g.minCredits = sum;
    g.maxCredits ??= sum;
  }
}
