/**
 * The outline of one unit under one numbering scheme: outcomes and their criteria, read from
 * the unit's items by numbering. Works the same whether the source kept its table (items know
 * their column) or flattened it (an outcome and its first criterion share a line, both wrap):
 * numbers open elements, unnumbered text continues the open one, list items become
 * `; `-joined sub-bullets. The scheme parses the numbers and says what follows what; this file
 * knows no scheme's syntax. Every item fed gets a decision with the id of the rule that made it.
 */
import type { Place } from '@qualspec/blocks';
import type { Grade } from '@qualspec/model';
import type { Diagnostics } from './diagnostics.js';
import type { Item } from './items.js';
import { GRADE_LABEL_RULE, HEADER_PREFIX, HEADER_SUFFIX, LIST_MARKER, abbreviatedHeaderRole, columnRole, isColumnNamesRow, isLoAcHeader, onlyHeaderWords } from './rules/index.js';
import { SCHEMES, type Role, type Scheme, type Token } from './schemes/index.js';
import { joinParts, listText, looseText } from './text.js';

export interface CriterionDraft {
  number: string;
  grade: Grade | null;
  seq: string;
  ord: number;
  parts: string[];
  bullets: string[];
  place: Place;
  /** List depth of the criterion's text: deeper paragraphs are its sub-bullets. */
  depth: number | null;
  /** Its sub-bullets are lines without markers after a lead-in: each line is an item. */
  plainList?: boolean;
  /** Its number is a list's, named by its place. */
  listed?: boolean;
  /** The level it grades at, where a code names one (`A.2P1`). */
  tier?: number;
}

export interface OutcomeDraft {
  number: string;
  parts: string[];
  criteria: CriterionDraft[];
  place: Place;
  /** Its number was printed with its kind (`LO1`, `Learning outcome 1:`); unknown for an outcome its criteria opened. */
  prefixed?: boolean;
}

/** What an outline's reading met, for scoring it against the outlines of other schemes. */
export interface OutlineEvents {
  /** Criteria that follow the one before them in their sequence. */
  next: number;
  /** Criteria after a gap, out of order, or repeated. */
  gap: number;
  order: number;
  duplicate: number;
  /** Criteria whose number names another outcome than the one they are under. */
  outside: number;
  /** Tokens of this scheme not taken as content (numbering that does not fit). */
  rejected: number;
  /** Tokens read in a column or region of the other kind (an outcome number in a criteria column). */
  disagree: number;
}

/** The id of the rule that decided an item, and the decision (for the trace and for counting what went unplaced). */
export interface Decision {
  rule: string;
  decision: string;
  taken: boolean;
}

/** Does any scheme read a numbering token at the start of the item? */
export function isNumbered(it: Item): boolean {
  if (it.kind !== 'text') return false;
  const text = it.text.replace(HEADER_PREFIX, '');
  return SCHEMES.some((s) => !!s.parse(text, null));
}

/**
 * Could this item begin a unit's content under some scheme: one of the first three outcomes
 * with its text, or one of the first three criteria of one of them?
 */
export function opensContent(it: Item): boolean {
  if (it.kind !== 'text') return false;
  const text = it.text.replace(HEADER_PREFIX, '');
  for (const s of SCHEMES) {
    const tok = s.parse(text, null);
    if (!tok || tok.covers) continue;
    if (tok.kind === 'outcome') {
      const k = s.outcomeOrdinal(tok.number);
      if (k >= 1 && k <= 3 && tok.rest !== '') return true;
    } else {
      const k = tok.outcome ? s.outcomeOrdinal(tok.outcome) : 1;
      if (k >= 1 && k <= 3 && tok.ord >= 1 && tok.ord <= 3) return true;
    }
  }
  return false;
}

export class OutlineBuilder {
  readonly outcomes: OutcomeDraft[] = [];
  readonly events: OutlineEvents = { next: 0, gap: 0, order: 0, duplicate: 0, outside: 0, rejected: 0, disagree: 0 };
  /** Criterion lines of the scheme the outline could not place (reported as unread). */
  readonly unread: Item[] = [];
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
  /** Criteria seen, by outcome and number for criteria numbered afresh per outcome, else by number. */
  private readonly seen = new Set<string>();
  /** The last ordinal read in each sequence that counts across the unit (graded criteria). */
  private readonly lastOrd = new Map<string, number>();
  private afterHeader = false;
  /** The region a header line opened (`The learner will:` → outcome, `Assessment criteria` → criterion). */
  private region: Role = null;
  /** `LO1 & 2` over a criterion cell: the next criterion goes under outcome 1. */
  private coverTarget: string | null = null;
  /** The outcome whose cell is repeated on each criterion row (its text is already known). */
  private repeatedOutcome: OutcomeDraft | null = null;
  /** A repeated outcome's text read so far, while its wrapped lines may follow. */
  private repeatTail: { o: OutcomeDraft; seen: string } | null = null;
  /** Inside another section of the unit (indicative content, range, …): see closeSection. */
  private inSection = false;
  /** The table cell of the item fed last, if it was in one. */
  private lastCell: string | null = null;
  /** The decision on the item fed last. */
  decision: Decision = { rule: '', decision: '', taken: false };
  /** The last line of its own nothing took (since the last content). */
  private headBefore: Item | null = null;
  /** Lines first left unplaced, then read as the heading of the outcome their criteria opened. */
  readonly reclaimed: Item[] = [];

  constructor(
    readonly scheme: Scheme,
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

  /** Does the scheme criteria count afresh under each outcome (decimal, local) or across the unit (graded)? */
  private perOutcome(tok: { seq: string; outcome: string | null; grade: Grade | null }): boolean {
    return tok.grade === null;
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

  /** The scheme's token at the start of a text, read in the item's column or the region a header opened, knowing whether the item is a list's. */
  private tokenOf(text: string, role: Role, it: Item): Token | null {
    return this.scheme.parse(text, role === 'outcome' || role === 'criterion' ? role : this.region, it.depth > 0);
  }

  /**
   * Another section of the unit starts (indicative content, range, delivery notes): the open
   * outcome or criterion ends, and what follows is not content, except a later outcome.
   */
  closeSection(): void {
    if (!this.started) return;
    this.open = null;
    this.inSection = true;
    this.region = null;
  }

  /** Feed one item; returns false when the item was not taken as content. */
  push(it: Item): boolean {
    const taken = this.read(it);
    this.lastCell = it.cell ? `${it.cell.table}:${it.cell.row}:${it.cell.index}` : null;
    if (!this.decision.rule) this.decide(taken ? 'outline/text' : 'outline/unplaced', taken ? 'taken' : 'unplaced', taken);
    // A line of its own nothing took may be the heading of an outcome whose criteria follow.
    if (!taken && it.kind === 'text' && !it.cell) this.headBefore = it;
    else if (taken && !this.decision.rule.startsWith('header/')) this.headBefore = null;
    return taken;
  }

  /**
   * An outcome opened by its criteria (`B.1P2` opening aim B) takes its heading from the line
   * just before them, when that line, read as an outcome, is this one (`B Explore how …`, a
   * bare letter only an outcome's place makes a heading).
   */
  private headingBefore(o: OutcomeDraft): void {
    const head = this.headBefore;
    this.headBefore = null;
    if (!head) return;
    const tok = this.scheme.parse(head.text.replace(HEADER_PREFIX, ''), 'outcome', head.depth > 0);
    if (tok?.kind !== 'outcome' || tok.number !== o.number || !tok.rest || tok.covers) return;
    o.parts.push(tok.rest);
    o.place = head.place;
    o.prefixed = tok.prefixed;
    this.reclaimed.push(head);
  }

  private decide(rule: string, decision: string, taken = true): boolean {
    this.decision = { rule, decision, taken };
    return taken;
  }

  private read(it: Item): boolean {
    this.decision = { rule: '', decision: '', taken: false };
    if (this.ended) return this.decide('outline/ended', 'after the numbering restarted', false);
    if (this.inSection && it.kind === 'text') {
      // Only numbering that carries on where the content stopped brings it back: the next
      // outcome, its first criterion, or the current outcome's next criterion not yet seen
      // (indicative content repeats numbers already seen); or the whole outline starting again
      // before any criterion (outcomes listed, then their content, then the assessment grid).
      const tok = this.tokenOf(it.text.replace(HEADER_PREFIX, ''), null, it);
      if (!tok || !this.resumes(tok)) return this.decide('section/content', 'inside another section', false);
      this.inSection = false;
    }
    if (it.kind === 'break') {
      this.open = null;
      return this.decide('outline/break', 'ends the open element');
    }
    if (it.kind === 'page') return this.decide('outline/page', 'page break');
    const role = this.roleOf(it);
    const own = this.tokenOf(it.text.replace(HEADER_PREFIX, ''), role, it);
    // Evidence, method or page-reference columns beside the criteria are not criterion text
    // (unless the text names itself an outcome or criterion: the header was misread).
    if (role === 'other' && !own?.prefixed) return this.decide('column/other', 'column named as something else');
    // A header row of column names (repeated over a page break) continues nothing.
    if (it.cell?.header && isColumnNamesRow(it.cell.rowText)) {
      this.open = null;
      const r = columnRole(it.text);
      if (r) this.region = r;
      return this.decide('header/column-names', 'a header row: column names');
    }
    const abbreviated = it.cell ? null : abbreviatedHeaderRole(it.text);
    if (abbreviated || isLoAcHeader(it.text) || (this.afterHeader && onlyHeaderWords(it.text))) {
      this.afterHeader = true;
      const r = abbreviated ?? columnRole(it.text);
      if (r) this.region = r;
      return this.decide('header/outcomes-criteria', r ? `header: ${r} region` : 'header');
    }
    this.afterHeader = false;
    // A grade label, alone or broken over lines in its cell (`Level 2` / `Distinction`).
    const whole = it.cell ? it.cell.cells[it.cell.index] ?? it.text : it.text;
    if (!own && GRADE_LABEL_RULE.pattern!.test(whole.trim())) return this.decide(GRADE_LABEL_RULE.id, 'a grade label');
    // Text after a table does not continue the criterion in its last row, except the list a
    // lead-in (`… to include:`) announced, or an unfinished sentence going on in lower case
    // (a number-and-text layout read as a table, its wrapped lines left out of it).
    if (this.open && this.openFromTable && !it.cell && !this.listFollows(it)) this.open = null;
    const prefix = HEADER_PREFIX.exec(it.text);
    if (prefix) {
      const r = columnRole(prefix[0]);
      if (r) this.region = r;
    }
    const text = prefix ? it.text.slice(prefix[0].length) : it.text;
    const tok = this.tokenOf(text, role, it);
    // The repeated outcome's wrapped lines (`1. Plan, select and use appropriate IT` /
    // `systems and software for different purposes` before each criterion): nothing new.
    const tail = this.repeatTail;
    this.repeatTail = null;
    if (!tok && tail && role !== 'criterion') {
      const seen = `${tail.seen} ${looseText(text)}`;
      if (looseText(joinParts(tail.o.parts)).startsWith(seen)) {
        this.repeatTail = { o: tail.o, seen };
        return this.decide('outline/repeated-outcome', `outcome ${tail.o.number} repeated`);
      }
    }
    if (tok && this.take(tok, it, role)) return true;
    if (tok) {
      this.events.rejected++;
      // A criterion number that fits nowhere is content left unread (an outcome number may be a list's).
      if (tok.kind === 'criterion' && this.started && !this.ended) this.unread.push(it);
    }
    if (this.ended) return this.decide('outline/restart', 'numbering restarted: the rest is not content', false);
    return this.continueWith(text, it, role);
  }

  /** Does a token after another section bring the content back? */
  private resumes(tok: Token): boolean {
    const cur = this.current;
    const n = cur ? this.scheme.outcomeOrdinal(cur.number) : 0;
    if (tok.kind === 'outcome') {
      if (tok.covers || !tok.rest) return false;
      // Outcomes printed with their kind (`Learning outcome 3:`) are not brought back by a bare
      // number: that is the section's own list going on (questions `1.` … `4.`).
      if (!tok.prefixed && this.outcomes.some((o) => o.prefixed) && this.outcomes.every((o) => o.prefixed !== false)) return false;
      const k = this.scheme.outcomeOrdinal(tok.number);
      return k === n + 1 || (k === 1 && !this.outcomes.some((o) => o.criteria.length));
    }
    if (!cur || this.seen.has(this.seenKey(tok, cur))) return false;
    // The current outcome's next criterion, or the first of the next outcome.
    const s = this.scheme;
    const prev = cur.criteria[cur.criteria.length - 1];
    const next = s.outcomeAt(n + 1);
    const want = prev?.grade
      ? ['P', 'M', 'D'].map((g) => s.criterionNumber(g, (this.lastOrd.get(g) ?? 0) + 1, cur.number))
      : [prev ? s.criterionNumber(prev.seq, prev.ord + 1, cur.number) : s.criterionNumber(s.seqFor(cur.number, null), 1, cur.number), s.criterionNumber(s.seqFor(next, null), 1, next)];
    return want.includes(tok.number);
  }

  private take(tok: Token, it: Item, role: Role): boolean {
    if (tok.kind === 'outcome') {
      if (role === 'criterion' && !tok.prefixed) {
        this.events.disagree++;
        return false;
      }
      return this.takeOutcome(tok, it);
    }
    if (role === 'outcome' && !this.started) {
      this.events.disagree++;
      return false;
    }
    return this.takeCriterion(tok, it, role);
  }

  private takeOutcome(tok: Token, it: Item): boolean {
    const s = this.scheme;
    // `LO1 & 2` over a criterion cell: a label, the criterion under it goes under the first.
    if (tok.covers) {
      this.coverTarget = tok.covers[0]!;
      return this.decide(`token/${s.id}`, `label: outcomes ${tok.covers.join(', ')}`);
    }
    const n = s.outcomeOrdinal(tok.number);
    const cur = this.current;
    const last = cur ? s.outcomeOrdinal(cur.number) : 0;
    const existing = this.outcomes.find((o) => o.number === tok.number);
    // The outcome cell repeated on each of its criteria's rows: nothing new.
    if (existing && existing === cur && existing.parts.length && looseText(joinParts(existing.parts)).startsWith(looseText(tok.rest)) && tok.rest) {
      // Its wrapped lines repeat too: outcome-column text is not added until the next number.
      this.repeatedOutcome = existing;
      this.repeatTail = { o: existing, seen: looseText(tok.rest) };
      return this.decide(`token/${s.id}`, `outcome ${tok.number} repeated`);
    }
    // The outcome's number alone again beside its criteria (a narrow column repeating it): nothing new.
    if (existing && existing === cur && !tok.rest) return this.decide(`token/${s.id}`, `outcome ${tok.number} label repeated`);
    if (existing && existing.parts.length === 0) {
      // A placeholder made by its criteria arriving first (text set beside them, lower down).
      if (tok.rest) existing.parts.push(tok.rest);
      this.setOpen({ kind: 'outcome', o: existing }, it);
      return this.decide(`token/${s.id}`, `text of outcome ${tok.number}`);
    }
    if (!cur) {
      if (n > 3) return false;
      if (n !== 1) this.diags.warn('outcome-number-gap', `outcome ${tok.number} is the first outcome of the unit`, this.unitName(), it.place);
    } else if (n === last + 1) {
      // the usual case
    } else if (n > last + 1 && n <= last + 3) {
      this.diags.warn('outcome-number-gap', `outcome ${tok.number} follows outcome ${cur.number}`, this.unitName(), it.place);
    } else if (n === 1 && this.outcomes.some((o) => o.criteria.length)) {
      this.ended = true;
      return false;
    } else if (n === 1 && tok.rest) {
      // The outcomes again before any criterion: what came before was a list of them (or their
      // content); the outline starts again here.
      this.outcomes.length = 0;
      this.seen.clear();
      this.lastOrd.clear();
      this.diags.list.splice(0, this.diags.list.length, ...this.diags.list.filter((d) => d.code !== 'outcome-number-gap' || d.unit !== this.unitName()));
    } else return false;
    const o: OutcomeDraft = { number: tok.number, parts: tok.rest ? [tok.rest] : [], criteria: [], place: it.place, prefixed: tok.prefixed };
    this.outcomes.push(o);
    this.coverTarget = null;
    this.setOpen({ kind: 'outcome', o }, it);
    this.decide(`token/${s.id}`, `opened outcome ${tok.number}`);
    this.splitInline(o, it);
    return true;
  }

  private seenKey(tok: Token, under: OutcomeDraft | null): string {
    return tok.outcome === null && tok.grade === null ? `${under?.number ?? ''}/${tok.number}` : tok.number;
  }

  private takeCriterion(tok: Token, it: Item, role: Role = null): boolean {
    const s = this.scheme;
    let cur = this.current;
    // A list's number the scheme names by the outcome it stands under (`3.` under outcome 2 is
    // `2.3`): from here on it is that number.
    if (tok.outcome === null && tok.grade === null && s.placed) {
      const before = cur?.criteria[cur.criteria.length - 1];
      const named = cur ? s.placed(tok, cur.number, before ? { ord: before.ord, listed: !!before.listed } : null) : null;
      // Where no list can stand, the line is what it reads as otherwise (the next outcome).
      if (!named) return tok.alt ? this.take(tok.alt, it, role) : false;
      tok = named;
    }
    if (tok.outcome === null) {
      // Placed by position: under the outcome whose row or block it is in.
      const covered = this.coverTarget ? this.outcomes.find((o) => o.number === this.coverTarget) : undefined;
      const target = covered ?? cur;
      if (!target) return false;
      if (this.seen.has(this.seenKey(tok, target))) {
        if (tok.ord === 1 && (tok.grade !== null || s.outcomeOrdinal(target.number) === 1)) {
          this.ended = true;
          return false;
        }
        this.events.duplicate++;
        this.diags.warn('criterion-duplicate', `criterion ${tok.number} appears twice`, this.unitName(), it.place);
      }
      this.coverTarget = null;
      this.addCriterion(target, tok, it);
      return true;
    }
    // `AB.D1`: a criterion over several outcomes sits under the first of them.
    if (tok.covers) {
      const first = this.outcomes.find((o) => o.number === tok.outcome);
      if (first) {
        this.addCriterion(first, tok, it);
        return true;
      }
    }
    const number = tok.number;
    if (this.seen.has(number)) {
      if (tok.ord === 1 && s.outcomeOrdinal(tok.outcome) === 1) {
        this.ended = true;
        return false;
      }
      this.events.duplicate++;
      this.diags.warn('criterion-duplicate', `criterion ${number} appears twice`, this.unitName(), it.place);
    }
    const last = cur ? s.outcomeOrdinal(cur.number) : 0;
    const k = s.outcomeOrdinal(tok.outcome);
    // A criterion of a later outcome opens that outcome (its text may come after, beside the
    // criteria); in a criteria column only a natural first criterion of the next one does,
    // else it is misnumbered.
    const opensOutcome = !cur || (role === 'criterion' ? k === last + 1 && tok.ord === 1 : k > last && k <= last + 3);
    if (opensOutcome) {
      if (!cur && k > 3) return false;
      // Criteria before their outcome's text (outcome cell centred beside them, or a lost number).
      if (k > last + 1) this.diags.warn('outcome-number-gap', `outcome ${tok.outcome} follows outcome ${cur?.number ?? 0}`, this.unitName(), it.place);
      cur = { number: tok.outcome, parts: [], criteria: [], place: it.place };
      this.headingBefore(cur);
      this.outcomes.push(cur);
    } else if (k < last && cur!.criteria.length === 0 && this.continues(tok)) {
      // A row broken across a page: the next row's outcome was read before the rest of this
      // row's criteria. They belong to the earlier outcome, which they continue.
      const earlier = this.outcomes.find((o) => o.number === tok.outcome)!;
      this.addCriterion(earlier, tok, it);
      return true;
    } else if (k !== last) {
      this.events.outside++;
      this.diags.warn('criterion-outside-outcome', `criterion ${number} is under outcome ${cur!.number}`, this.unitName(), it.place);
    }
    this.addCriterion(cur!, tok, it);
    return true;
  }

  /**
   * Does criterion `tok` continue its own, earlier outcome (`1.3` after `1.2`; or `3.1` for an
   * outcome 3 printed, without criteria yet, before outcome 4)?
   */
  private continues(tok: Token): boolean {
    const o = this.outcomes.find((x) => x.number === tok.outcome);
    if (!o) return false;
    const prev = o.criteria[o.criteria.length - 1];
    return prev ? prev.seq === tok.seq && prev.ord === tok.ord - 1 : tok.ord === 1;
  }

  private addCriterion(o: OutcomeDraft, tok: Token, it: Item): void {
    const seq = tok.seq || this.scheme.seqFor(o.number, tok.grade);
    const perOutcome = this.perOutcome(tok);
    // The criterion before it in its sequence: in this outcome (numbers restart per outcome),
    // or anywhere in the unit (graded criteria count on across outcomes).
    if (!perOutcome || tok.outcome === null || tok.outcome === o.number) {
      let prev: CriterionDraft | undefined;
      if (perOutcome) prev = [...o.criteria].reverse().find((c) => c.seq === seq);
      const prevOrd = perOutcome ? (prev?.ord ?? 0) : (this.lastOrd.get(seq) ?? 0);
      const prevName = perOutcome ? (prev ? prev.number : `outcome ${o.number}`) : prevOrd ? this.scheme.criterionNumber(seq, prevOrd, o.number) : `outcome ${o.number}`;
      if (tok.ord > prevOrd + 1) {
        this.events.gap++;
        this.diags.warn('criterion-number-gap', `criterion ${tok.number} follows ${prevName}`, this.unitName(), it.place);
      } else if (tok.ord <= prevOrd) {
        this.events.order++;
        this.diags.warn('criterion-number-order', `criterion ${tok.number} follows ${prevName}`, this.unitName(), it.place);
      } else this.events.next++;
    }
    if (!perOutcome) this.lastOrd.set(seq, Math.max(tok.ord, this.lastOrd.get(seq) ?? 0));
    const c: CriterionDraft = { number: tok.number, grade: tok.grade, seq, ord: tok.ord, parts: tok.rest ? [tok.rest] : [], bullets: [], place: it.place, depth: tok.rest ? it.depth : null, listed: tok.listed, tier: tok.tier };
    o.criteria.push(c);
    this.seen.add(this.seenKey(tok, o));
    this.setOpen({ kind: 'criterion', c }, it);
    this.decide(`token/${this.scheme.id}`, `opened criterion ${tok.number} under outcome ${o.number}`);
    this.splitInline(o, it);
  }

  /** Criteria run into the text before them (`…organisations1.2 Describe…`, `outcome 1.1 Explain`). */
  private splitInline(o: OutcomeDraft, it: Item): void {
    const inline = this.scheme.inline;
    if (!inline) return;
    const role = this.roleOf(it);
    const target = this.open;
    if (!target) return;
    const parts = target.kind === 'outcome' ? target.o.parts : target.c.bullets.length ? target.c.bullets : target.c.parts;
    const text = parts[parts.length - 1];
    if (!text) return;
    const next = this.expectedNext(o);
    inline.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = inline.pattern.exec(text))) {
      const number = inline.number(m);
      // Expected numbers split anywhere; in a criteria column any spaced number does (misnumbered ones too).
      const spaced = m.index > 0 && /\s/.test(text[m.index - 1]!);
      if (!next.includes(number) && !(spaced && role === 'criterion' && target.kind === 'criterion')) continue;
      // An `AC` prefix of the run-in number stays behind the split point: drop it.
      parts[parts.length - 1] = text.slice(0, m.index).replace(/\s*\bAC\s?$/, '').replace(HEADER_SUFFIX, '').trim();
      if (!parts[parts.length - 1]) parts.pop();
      const rest = text.slice(m.index + m[0].length);
      const tok = this.scheme.parse(`${number} ${rest}`, 'criterion');
      if (!tok || tok.kind !== 'criterion') return;
      this.takeCriterion({ ...tok, rest }, it, role);
      return;
    }
  }

  /** Criterion numbers that may follow in outcome `o`: its next two, or the first of the next outcome. */
  private expectedNext(o: OutcomeDraft): string[] {
    const s = this.scheme;
    const k = s.outcomeOrdinal(o.number);
    const nextOutcome = s.outcomeAt(k + 1);
    const prev = o.criteria[o.criteria.length - 1];
    if (!prev) return [s.criterionNumber(s.seqFor(o.number, null), 1, o.number)];
    if (prev.grade) {
      // Graded: the next code of any grade, counting on across the unit.
      return ['P', 'M', 'D'].map((g) => s.criterionNumber(g, (this.lastOrd.get(g) ?? 0) + 1, o.number));
    }
    return [s.criterionNumber(prev.seq, prev.ord + 1, o.number), s.criterionNumber(prev.seq, prev.ord + 2, o.number), s.criterionNumber(s.seqFor(nextOutcome, null), 1, nextOutcome)];
  }

  private continueWith(text: string, it: Item, role: Role): boolean {
    if (!this.open) return false;
    if (role === 'outcome' || (role === null && this.open.kind === 'outcome')) {
      // Text in the outcome column continues the latest outcome, even across a split row.
      const o = role === 'outcome' ? this.current : this.open.kind === 'outcome' ? this.open.o : null;
      if (!o) return false;
      if (o === this.repeatedOutcome && role === 'outcome') return this.decide('outline/repeated-outcome', `outcome ${o.number} repeated`);
      o.parts.push(text);
      this.decide('outline/text', `text of outcome ${o.number}`);
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
      if (loose && this.columnValues.has(text.trim()) && c.bullets.every((b) => /^\p{Ll}/u.test(b))) return this.decide('noise/column-value', 'a lost column’s value');
      // Such a value in the next cell of the row is not an item of the criterion's list either.
      const nextCell = it.cell && this.lastCell?.startsWith(`${it.cell.table}:${it.cell.row}:`) && this.lastCell !== `${it.cell.table}:${it.cell.row}:${it.cell.index}`;
      if (loose && nextCell && this.columnValues.has(text.trim())) return this.decide('noise/column-value', 'a lost column’s value');
      const marker = LIST_MARKER.exec(text);
      const leadIn = /:\s*$/.test(c.parts[c.parts.length - 1] ?? '');
      // An item's own marker (`a.`, `1.`, `iv)`, `-`) is not its text; a second one is (`1. a) employers`).
      if (marker) c.bullets.push(text.slice(marker[0].length));
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
      this.decide('outline/text', `text of criterion ${c.number}`);
      const o = this.current;
      if (o) this.splitInline(o, it);
      return true;
    }
    if (role === 'criterion' && this.open.kind === 'outcome') {
      // `Learning outcome 1:` in the number column, its text in the next cell of the row.
      const o = this.open.o;
      if (!o.parts.length && it.cell && this.openRow === `${it.cell.table}:${it.cell.row}`) {
        o.parts.push(text);
        return this.decide('outline/text', `text of outcome ${o.number}`);
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

  private setOpen(open: NonNullable<OutlineBuilder['open']>, it: Item): void {
    this.open = open;
    this.openFromTable = !!it.cell;
    this.openRow = it.cell ? `${it.cell.table}:${it.cell.row}` : null;
  }
}

/** A criterion draft's final text. */
export function criterionText(c: CriterionDraft): string {
  return listText(c.parts, c.bullets);
}
