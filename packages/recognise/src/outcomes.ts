/**
 * Outcomes and criteria of one unit, read from its items by numbering. Works the same whether
 * the source kept the two-column table (items know their column) or flattened it (an outcome
 * and its first criterion share a line, both wrap): numbers open elements, unnumbered text
 * continues the open one, list items become `; `-joined sub-bullets.
 */
import type { Place } from '@qualspec/blocks';
import type { Item } from './items.js';
import {
  CRITERION_INLINE,
  CRITERION_START,
  HEADER_PREFIX,
  HEADER_SUFFIX,
  INLINE_BULLET,
  LIST_MARKER,
  OUTCOME_START,
  columnRole,
  isLoAcHeader,
  onlyHeaderWords,
} from './rules.js';
import type { Diagnostics } from './diagnostics.js';

export interface CriterionDraft {
  number: string;
  parts: string[];
  bullets: string[];
  place: Place;
  /** List depth of the criterion's text: deeper paragraphs are its sub-bullets. */
  depth: number | null;
  /** Its sub-bullets are lines without markers after a lead-in: each line is an item. */
  plainList?: boolean;
}

export interface OutcomeDraft {
  number: string;
  parts: string[];
  criteria: CriterionDraft[];
  place: Place;
}

/** `other`: a column the header names as something else (evidence, assessment method, page). */
type Role = 'outcome' | 'criterion' | 'number' | 'other' | null;

export interface Token {
  type: 'outcome' | 'criterion';
  major: number;
  minor: number;
  rest: string;
  /** Written with its kind (`LO1`, `Learning outcome 1`, `AC1.1`): it names itself, whatever the column. */
  prefixed?: boolean;
}

/** The numbering token a paragraph starts with, if any. */
export function leadingToken(text: string): Token | null {
  // A list's own marker before the printed number (`1. 1.1 Describe…` from an <ol> or Word
  // numbering): the printed number counts.
  const listed = /^(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+(?=(?:AC|LO)\s*\d|\d{1,2}\.\d{1,2}(?!\d))/i.exec(text);
  if (listed) text = text.slice(listed[0].length);
  let m = CRITERION_START.exec(text);
  if (m) return { type: 'criterion', major: Number(m[2]), minor: Number(m[3]), rest: m[4]!.trim(), prefixed: !!m[1] };
  m = OUTCOME_START.exec(text);
  if (m) {
    const rest = m[3]!.trim();
    const prefixed = !!m[1];
    // A bare number must be followed by a capitalised word or nothing (a number alone in a cell).
    if (!prefixed && rest && !/^[A-Z“"‘'(]/.test(rest)) return null;
    if (!prefixed && /^\d/.test(rest)) return null;
    return { type: 'outcome', major: Number(m[2]), minor: 0, rest, prefixed };
  }
  return null;
}

export class OutcomeReader {
  readonly outcomes: OutcomeDraft[] = [];
  /** The element unnumbered text continues. */
  private open: { kind: 'outcome'; o: OutcomeDraft } | { kind: 'criterion'; c: CriterionDraft } | null = null;
  private openFromTable = false;
  /** The table row the open element was read from. */
  private openRow: string | null = null;
  /** Numbering restarted (a tracking sheet or form repeating the unit): the rest is not content. */
  ended = false;
  private readonly roles = new Map<number, Role[]>();
  private readonly rowsSeen = new Set<string>();
  private lastRoles: Role[] | null = null;
  private readonly seen = new Set<string>();
  private afterHeader = false;
  /** The outcome whose cell is repeated on each criterion row (its text is already known). */
  private repeatedOutcome: OutcomeDraft | null = null;
  /** A repeated outcome's text read so far, while its wrapped lines may follow. */
  private repeatTail: { o: OutcomeDraft; seen: string } | null = null;
  /** Inside another section of the unit (indicative content, range, …): see closeSection. */
  private inSection = false;

  constructor(
    private readonly diags: Diagnostics,
    private readonly unitName: () => string | null,
    /** Short texts the document repeats many times (values of a column lost in a text copy). */
    private readonly columnValues: ReadonlySet<string> = new Set(),
  ) {}

  get started(): boolean {
    return this.outcomes.length > 0;
  }

  private get current(): OutcomeDraft | null {
    return this.outcomes[this.outcomes.length - 1] ?? null;
  }

  /** Column roles of the item's table, from its header row (or the previous table's, same width). */
  private roleOf(it: Item): Role {
    if (!it.cell) return null;
    const { table, row, cells } = it.cell;
    const key = `${table}:${row}`;
    if (!this.rowsSeen.has(key)) {
      this.rowsSeen.add(key);
      // A header row names the columns (the latest one wins: headers can take several rows).
      const filled = cells.filter((c) => c.trim());
      const headerish = (c: string) => c.length < 100 && !/\d/.test(c) && /outcome|criteri|learner/i.test(c);
      // Other columns of a header row (`Evidence type`, `Assessment method`): short, no numbers.
      const otherHeader = (c: string) => c.length <= 60 && !/\d/.test(c) && /^[A-Z]/.test(c.trim());
      const named = filled.filter(headerish);
      if ((filled.length >= 2 || it.cell.header) && named.length > 0 && filled.every((c) => headerish(c) || otherHeader(c))) {
        // Roles by grid column (a header cell spanning columns names each of them).
        const found: Role[] = [];
        cells.forEach((c, k) => {
          const role: Role = headerish(c) ? columnRole(c) : c.trim() && columnRole(c) === null ? 'other' : columnRole(c);
          const next = k + 1 < cells.length ? it.cell!.colOf[k + 1]! : it.cell!.cols;
          for (let x = it.cell!.colOf[k]!; x < next; x++) found[x] = role;
        });
        if (found.some((r) => r === 'outcome' || r === 'criterion')) {
          // A header in several rows: columns this row leaves blank keep what the rows above named.
          const before = this.roles.get(table);
          if (before) for (let x = 0; x < before.length; x++) found[x] ??= before[x]!;
          this.roles.set(table, found);
          this.lastRoles = found;
        }
      }
      // A table without a header row continues the last one's columns (same width).
      if (!this.roles.has(table)) this.roles.set(table, this.lastRoles && this.lastRoles.length === it.cell.cols ? this.lastRoles : []);
    }
    return this.roles.get(table)![it.cell.col] ?? null;
  }

  /** Does the item start with an outcome or criterion number? */
  static numbered(it: Item): boolean {
    return it.kind === 'text' && !!leadingToken(it.text.replace(HEADER_PREFIX, ''));
  }

  /** Could this item begin the unit's content (outcome 1-3 or a criterion of outcome 1-3)? */
  static opens(it: Item): boolean {
    if (it.kind !== 'text') return false;
    const tok = leadingToken(it.text.replace(HEADER_PREFIX, ''));
    // A bare number (a table's level or credit on a line of its own) opens nothing.
    return !!tok && tok.major >= 1 && tok.major <= 3 && (tok.type === 'criterion' ? tok.minor >= 1 && tok.minor <= 3 : tok.rest !== '');
  }

  /**
   * Another section of the unit starts (indicative content, range, delivery notes): the open
   * outcome or criterion ends, and what follows is not content, except a later outcome.
   */
  closeSection(): void {
    if (!this.started) return;
    this.open = null;
    this.inSection = true;
  }

  /** Feed one item; returns false when the item was not taken as content. */
  push(it: Item): boolean {
    const taken = this.read(it);
    this.lastCell = it.cell ? `${it.cell.table}:${it.cell.row}:${it.cell.index}` : null;
    return taken;
  }

  /** The table cell of the item fed last, if it was in one. */
  private lastCell: string | null = null;

  private read(it: Item): boolean {
    if (this.ended) return false;
    if (this.inSection && it.kind === 'text') {
      // Only numbering that carries on where the content stopped brings it back: the next
      // outcome, its first criterion, or the current outcome's next criterion not yet seen
      // (indicative content repeats numbers already seen).
      const tok = leadingToken(it.text.replace(HEADER_PREFIX, ''));
      const cur = this.current;
      const n = Number(cur?.number ?? 0);
      const lastMinor = Number(cur?.criteria[cur.criteria.length - 1]?.number.split('.')[1] ?? 0);
      const resumes =
        !!tok &&
        (tok.type === 'outcome'
          ? tok.major === n + 1 && !!tok.rest
          : !this.seen.has(`${tok.major}.${tok.minor}`) && ((tok.major === n && tok.minor === lastMinor + 1) || (tok.major === n + 1 && tok.minor === 1)));
      if (!resumes) return false;
      this.inSection = false;
    }
    if (it.kind === 'break') {
      this.open = null;
      return true;
    }
    if (it.kind === 'page') return true;
    const role = this.roleOf(it);
    // Evidence, method or page-reference columns beside the criteria are not criterion text
    // (unless the text names itself an outcome or criterion: the header was misread).
    if (role === 'other' && !leadingToken(it.text.replace(HEADER_PREFIX, ''))?.prefixed) return true;
    if (isLoAcHeader(it.text) || (this.afterHeader && onlyHeaderWords(it.text))) {
      this.afterHeader = true;
      return true;
    }
    this.afterHeader = false;
    // Text after a table does not continue the criterion in its last row, except the list a
    // lead-in (`… to include:`) announced, or an unfinished sentence going on in lower case
    // (a number-and-text layout read as a table, its wrapped lines left out of it).
    if (this.open && this.openFromTable && !it.cell && !this.listFollows(it)) this.open = null;
    const prefix = HEADER_PREFIX.exec(it.text);
    const text = prefix ? it.text.slice(prefix[0].length) : it.text;
    const tok = leadingToken(text);
    // The repeated outcome's wrapped lines (`1. Plan, select and use appropriate IT` /
    // `systems and software for different purposes` before each criterion): nothing new.
    const tail = this.repeatTail;
    this.repeatTail = null;
    if (!tok && tail && role !== 'criterion') {
      const seen = `${tail.seen} ${looseText(text)}`;
      if (looseText(joinParts(tail.o.parts)).startsWith(seen)) {
        this.repeatTail = { o: tail.o, seen };
        return true;
      }
    }
    if (tok && this.take(tok, it, role)) return true;
    if (this.ended) return false;
    return this.continueWith(text, it, role);
  }

  private take(tok: Token, it: Item, role: Role): boolean {
    if (tok.type === 'outcome') {
      if (role === 'criterion' && !tok.prefixed) return false;
      return this.takeOutcome(tok, it);
    }
    if (role === 'outcome' && !this.started) return false;
    return this.takeCriterion(tok, it, role);
  }

  private takeOutcome(tok: Token, it: Item): boolean {
    const n = tok.major;
    const cur = this.current;
    const last = cur ? Number(cur.number) : 0;
    const existing = this.outcomes.find((o) => Number(o.number) === n);
    // The outcome cell repeated on each of its criteria's rows: nothing new.
    if (existing && existing === cur && existing.parts.length && looseText(joinParts(existing.parts)).startsWith(looseText(tok.rest)) && tok.rest) {
      // Its wrapped lines repeat too: outcome-column text is not added until the next number.
      this.repeatedOutcome = existing;
      this.repeatTail = { o: existing, seen: looseText(tok.rest) };
      return true;
    }
    if (existing && existing.parts.length === 0) {
      // A placeholder made by its criteria arriving first (text set beside them, lower down).
      if (tok.rest) existing.parts.push(tok.rest);
      this.setOpen({ kind: 'outcome', o: existing }, it);
      return true;
    }
    if (!cur) {
      if (n > 3) return false;
      if (n !== 1) this.diags.warn('outcome-number-gap', `outcome ${n} is the first outcome of the unit`, this.unitName(), it.place);
    } else if (n === last + 1) {
      // the usual case
    } else if (n > last + 1 && n <= last + 3) {
      this.diags.warn('outcome-number-gap', `outcome ${n} follows outcome ${last}`, this.unitName(), it.place);
    } else if (n === 1 && this.outcomes.some((o) => o.criteria.length)) {
      this.ended = true;
      return false;
    } else return false;
    const o: OutcomeDraft = { number: String(n), parts: tok.rest ? [tok.rest] : [], criteria: [], place: it.place };
    this.outcomes.push(o);
    this.setOpen({ kind: 'outcome', o }, it);
    this.splitInline(o, it);
    return true;
  }

  private takeCriterion(tok: Token, it: Item, role: Role = null): boolean {
    const number = `${tok.major}.${tok.minor}`;
    let cur = this.current;
    if (this.seen.has(number)) {
      if (tok.major === 1 && tok.minor === 1) {
        this.ended = true;
        return false;
      }
      this.diags.warn('criterion-duplicate', `criterion ${number} appears twice`, this.unitName(), it.place);
    }
    const last = cur ? Number(cur.number) : 0;
    // A criterion of a later outcome opens that outcome (its text may come after, beside the
    // criteria); in a criteria column only a natural `N+1.1` does, else it is misnumbered.
    const opensOutcome = !cur || (role === 'criterion' ? tok.major === last + 1 && tok.minor === 1 : tok.major > last && tok.major <= last + 3);
    if (opensOutcome) {
      if (!cur && tok.major > 3) return false;
      // Criteria before their outcome's text (outcome cell centred beside them, or a lost number).
      if (tok.major > last + 1) this.diags.warn('outcome-number-gap', `outcome ${tok.major} follows outcome ${last}`, this.unitName(), it.place);
      cur = { number: String(tok.major), parts: [], criteria: [], place: it.place };
      this.outcomes.push(cur);
    } else if (tok.major < last && cur!.criteria.length === 0 && this.continues(tok)) {
      // A row broken across a page: the next row's outcome was read before the rest of this
      // row's criteria. They belong to the earlier outcome, which they continue.
      const earlier = this.outcomes.find((o) => Number(o.number) === tok.major)!;
      this.addCriterion(earlier, number, tok.rest, it);
      return true;
    } else if (tok.major !== last) {
      this.diags.warn(
        'criterion-outside-outcome',
        `criterion ${number} is under outcome ${cur!.number}`,
        this.unitName(),
        it.place,
      );
    }
    this.addCriterion(cur!, number, tok.rest, it);
    return true;
  }

  /**
   * Does criterion `tok` continue its own, earlier outcome (`1.3` after `1.2`; or `3.1` for an
   * outcome 3 printed, without criteria yet, before outcome 4)?
   */
  private continues(tok: Token): boolean {
    const o = this.outcomes.find((x) => Number(x.number) === tok.major);
    if (!o) return false;
    const prev = o.criteria[o.criteria.length - 1];
    return prev ? prev.number === `${tok.major}.${tok.minor - 1}` : tok.minor === 1;
  }

  private addCriterion(o: OutcomeDraft, number: string, text: string, it: Item): void {
    const prev = o.criteria[o.criteria.length - 1];
    const [maj, min] = number.split('.').map(Number) as [number, number];
    if (String(maj) === o.number) {
      const prevMinor = prev && prev.number.startsWith(`${o.number}.`) ? Number(prev.number.split('.')[1]) : 0;
      if (min > prevMinor + 1) {
        this.diags.warn('criterion-number-gap', `criterion ${number} follows ${prev ? prev.number : `outcome ${o.number}`}`, this.unitName(), it.place);
      } else if (min <= prevMinor) {
        this.diags.warn('criterion-number-order', `criterion ${number} follows ${prev!.number}`, this.unitName(), it.place);
      }
    }
    const c: CriterionDraft = { number, parts: text ? [text] : [], bullets: [], place: it.place, depth: text ? it.depth : null };
    o.criteria.push(c);
    this.seen.add(number);
    this.setOpen({ kind: 'criterion', c }, it);
    this.splitInline(o, it);
  }

  /** Criteria run into the text before them (`…organisations1.2 Describe…`, `outcome 1.1 Explain`). */
  private splitInline(o: OutcomeDraft, it: Item): void {
    const role = this.roleOf(it);
    const target = this.open;
    if (!target) return;
    const parts = target.kind === 'outcome' ? target.o.parts : target.c.bullets.length ? target.c.bullets : target.c.parts;
    const text = parts[parts.length - 1];
    if (!text) return;
    const next = this.expectedNext(o);
    CRITERION_INLINE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CRITERION_INLINE.exec(text))) {
      const number = `${m[1]}.${m[2]}`;
      // Expected numbers split anywhere; in a criteria column any spaced number does (misnumbered ones too).
      const spaced = m.index > 0 && /\s/.test(text[m.index - 1]!);
      if (!next.includes(number) && !(spaced && role === 'criterion' && target.kind === 'criterion')) continue;
      // An `AC` prefix of the run-in number stays behind the split point: drop it.
      parts[parts.length - 1] = text.slice(0, m.index).replace(/\s*\bAC\s?$/, '').replace(HEADER_SUFFIX, '').trim();
      if (!parts[parts.length - 1]) parts.pop();
      const rest = text.slice(m.index + m[0].length);
      const tok: Token = { type: 'criterion', major: Number(m[1]), minor: Number(m[2]), rest };
      this.takeCriterion(tok, it, role);
      return;
    }
  }

  /** Criterion numbers that may follow: the next of this outcome, or the first of the next. */
  private expectedNext(o: OutcomeDraft): string[] {
    const prev = o.criteria[o.criteria.length - 1];
    const n = Number(o.number);
    if (!prev) return [`${n}.1`];
    const minor = Number(prev.number.split('.')[1]);
    return [`${n}.${minor + 1}`, `${n}.${minor + 2}`, `${n + 1}.1`];
  }

  private continueWith(text: string, it: Item, role: Role): boolean {
    if (!this.open) return false;
    if (role === 'outcome' || (role === null && this.open.kind === 'outcome')) {
      // Text in the outcome column continues the latest outcome, even across a split row.
      const o = role === 'outcome' ? this.current : this.open.kind === 'outcome' ? this.open.o : null;
      if (!o) return false;
      if (o === this.repeatedOutcome && role === 'outcome') return true;
      o.parts.push(text);
      this.splitInline(o, it);
      return true;
    }
    if (this.open.kind === 'criterion') {
      const c = this.open.c;
      // `MCQ exam` or `Portfolio` after each criterion, from an assessment-method column the
      // text copy flattened: not the criterion's words.
      const loose = !it.cell || (role === null && it.cell.index > 0 && it.depth === 0);
      // A lead-in's list comes after the row's other cells in a text copy, so such a value may
      // stand between the lead-in and its items; or after items that, unlike it, are in lower case.
      if (loose && this.columnValues.has(text.trim()) && c.bullets.every((b) => /^\p{Ll}/u.test(b))) return true;
      // Such a value in the next cell of the row is not an item of the criterion's list either.
      const nextCell = it.cell && this.lastCell?.startsWith(`${it.cell.table}:${it.cell.row}:`) && this.lastCell !== `${it.cell.table}:${it.cell.row}:${it.cell.index}`;
      if (loose && nextCell && this.columnValues.has(text.trim())) return true;
      const marker = LIST_MARKER.exec(text);
      const leadIn = /:\s*$/.test(c.parts[c.parts.length - 1] ?? '');
      if (marker) c.bullets.push(marker[1] ? text.slice(marker[0].length) : text);
      else if ((!c.bullets.length && leadIn && it.depth === (c.depth ?? 0)) || (c.plainList && it.depth === (c.depth ?? 0))) {
        // A lead-in (`… to include:`) followed by lines with no list marker (lost in a text
        // copy): each line is an item.
        c.bullets.push(text);
        c.plainList = true;
      } else if (!c.bullets.length && (c.depth === null || it.depth <= c.depth)) {
        // The criterion's own text (a number in a cell of its own, the text indented beside
        // it; or the text wrapped, or continued on the next page, at its own depth).
        c.parts.push(text);
        c.depth ??= it.depth;
      } else if (it.depth > 0) c.bullets.push(text);
      else if (c.bullets.length) c.bullets[c.bullets.length - 1] += ` ${text}`;
      else c.parts.push(text);
      const o = this.current;
      if (o) this.splitInline(o, it);
      return true;
    }
    if (role === 'criterion' && this.open.kind === 'outcome') {
      // `Learning outcome 1:` in the number column, its text in the next cell of the row.
      const o = this.open.o;
      if (!o.parts.length && it.cell && this.openRow === `${it.cell.table}:${it.cell.row}`) {
        o.parts.push(text);
        return true;
      }
      // Other unnumbered criterion-column text before any criterion: not content we can place.
      return false;
    }
    return false;
  }

  private listFollows(it: Item): boolean {
    if (this.open?.kind !== 'criterion') return false;
    const c = this.open.c;
    // A line in lower case right after the table is its last cell's text going on.
    if (!c.bullets.length && /^\p{Ll}/u.test(it.text) && !/[.;:]$/.test(c.parts[c.parts.length - 1] ?? '.')) return true;
    if (it.depth === 0 && !c.plainList && !(!c.bullets.length && /:\s*$/.test(c.parts[c.parts.length - 1] ?? ''))) return false;
    return c.bullets.length > 0 || /:\s*$/.test(c.parts[c.parts.length - 1] ?? '');
  }

  private setOpen(open: NonNullable<OutcomeReader['open']>, it: Item): void {
    this.open = open;
    this.openFromTable = !!it.cell;
    this.openRow = it.cell ? `${it.cell.table}:${it.cell.row}` : null;
  }
}

/**
 * Short texts (a few words, capitalised, no number) that stand alone many times in the
 * document: the values of a column (assessment method, evidence type) a text copy put on
 * lines of their own.
 */
export function repeatedShortTexts(items: Item[]): Set<string> {
  const counts = new Map<string, number>();
  for (const it of items) {
    // Lines of their own, and cells after a row's first (a column of a table without a header).
    if (it.kind !== 'text' || (it.cell && it.cell.index === 0)) continue;
    const t = it.text.trim();
    if (t.length > 40 || !/^[A-Z]/.test(t) || /\d|[.:;,]$/.test(t) || t.split(/\s+/).length > 4) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([t]) => t));
}

const looseText = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Final text of a criterion: parts joined, inline bullets and sub-bullets joined with `; `. */
export function criterionText(c: CriterionDraft): string {
  const lead = joinParts(c.parts);
  const pieces = lead.split(INLINE_BULLET).map((s) => s.trim()).filter(Boolean);
  const head = pieces.length > 1 && !INLINE_BULLET.test(lead.slice(0, 2)) ? pieces.shift()! : pieces.length > 1 ? '' : pieces.shift() ?? '';
  const items = [...pieces, ...c.bullets.flatMap((b) => b.split(INLINE_BULLET)).map((s) => s.trim()).filter(Boolean)];
  if (!items.length) return head;
  return head ? `${head} ${items.join('; ')}` : items.join('; ');
}

/**
 * Join wrapped pieces of text with single spaces; a piece ending in a hyphen before a
 * lower-case continuation is a compound broken at the line end (`post-` + `transaction`).
 */
export function joinParts(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    const t = p.trim();
    if (!t) continue;
    if (!out) out = t;
    else if (/[A-Za-z]-$/.test(out) && /^[a-z]/.test(t)) out += t;
    else out = `${out} ${t}`;
  }
  return out.replace(/\s+/g, ' ').trim();
}
