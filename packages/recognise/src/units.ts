/**
 * Unit bodies: find unit headings (by reference, by running number, by a Title label),
 * keep those that outcome/criterion content follows, and read each body: header fields,
 * outcomes and criteria, additional guidance.
 */
import type { Place } from '@qualspec/blocks';
import { checkUnitRef } from '@qualspec/model';
import type { Diagnostics } from './diagnostics.js';
import type { Item } from './items.js';
import { OutlineBuilder, criterionText, isNumbered, opensContent, type OutcomeDraft, type OutlineEvents } from './outline.js';
import type { Scheme } from './schemes/index.js';
import { joinParts } from './text.js';
import type { Trace } from './trace.js';
import {
  BARE_LABEL,
  CONTENT_SECTION,
  CREDITS_LABEL,
  GLH_LABEL,
  GUIDANCE_HEADING,
  GUIDANCE_PART,
  LEVEL_LABEL,
  NO_GUIDANCE,
  REF,
  REF_PENDING,
  SECTION_END,
  TQT_LABEL,
  UNIT_NUMBER_LABEL,
  UNIT_REF_LABEL,
  UNIT_TITLE_LABEL,
  cleanTitle,
  isLoAcHeader,
  isSectionRunIn,
  labelPairs,
  matchUnitHeading,
  splitLabels,
  type HeadingMatch,
} from './rules/index.js';

export interface UnitDraft {
  start: number;
  end: number;
  place: Place;
  ref: string | null;
  refPrinted: string | null;
  pending: boolean;
  number: string | null;
  title: string | null;
  level: number | null;
  credits: number | null;
  glh: number | null;
  guidance: string | null;
  outcomes: OutcomeDraft[];
  /** The numbering scheme the outline was read under, and what that reading met. */
  scheme: string;
  events: OutlineEvents;
  /** Items of the unit no rule placed or matched (reported, never dropped silently). */
  unplaced: Item[];
  /** Numbered lines (outcome or criterion tokens of the scheme) the outline could not place. */
  unreadTokens: Item[];
}

interface Candidate {
  i: number;
  heading: HeadingMatch;
}

/** The text a heading rule sees for an item: a table row's first cell is read with its row. */
function headingOf(it: Item, seenRows: Set<string>): HeadingMatch | null {
  if (it.kind !== 'text') return null;
  if (it.cell) {
    const key = `${it.cell.table}:${it.cell.row}`;
    if (seenRows.has(key)) return null;
    seenRows.add(key);
    const first = it.cell.cells.find((c) => c.trim()) ?? '';
    return matchUnitHeading(first, it.cell.rowText.replace(/^\t+/, ''));
  }
  return matchUnitHeading(it.text, null);
}

/** Find unit bodies: heading candidates that outcome or criterion content follows. */
export function findUnits(items: Item[]): { units: { start: number; end: number; heading: HeadingMatch }[]; firstUnit: number } {
  const seenRows = new Set<string>();
  let cands: Candidate[] = [];
  for (const it of items) {
    const h = headingOf(it, seenRows);
    if (h) cands.push({ i: it.i, heading: h });
  }
  cands = addLabelLedUnits(items, cands);
  const confirmed: Candidate[] = [];
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    const stop = cands[k + 1]?.i ?? items.length;
    let texts = 0;
    let ok = false;
    for (let j = c.i + 1; j < stop; j++) {
      const it = items[j]!;
      if (it.kind !== 'text') continue;
      texts++;
      if (endsUnits(it)) break;
      if (opensContent(it)) {
        ok = true;
        break;
      }
    }
    // The next of a run of unit headings (`Component 3` after `Component 2`, read by the same
    // rule) is a unit even when no content of ours follows it (its body has assessment
    // objectives, or a layout we cannot read): listed, with its body's lack reported.
    if (!ok && texts > 0 && nextInRun(items, confirmed[confirmed.length - 1], cands[k - 1], c)) {
      confirmed.push(c);
      continue;
    }
    if (ok) {
      // Merge an unconfirmed heading just before (e.g. `Unit 3: Title` then a `Title | …` table).
      const prev = cands[k - 1];
      const last = confirmed[confirmed.length - 1];
      if (prev && !confirmed.includes(prev) && countTexts(items, prev.i, c.i) <= 10 && compatible(prev.heading, c.heading)) {
        c.heading = merge(prev.heading, c.heading);
        confirmed.push({ i: prev.i, heading: c.heading });
      } else if (
        prev &&
        !confirmed.includes(prev) &&
        c.heading.rule === 'heading/unit-number-and-title-label' &&
        prev.heading.title &&
        !prev.heading.byTitleLabel &&
        countTexts(items, prev.i, c.i) <= 20
      ) {
        // A front sheet's `Unit number and title` field naming another unit than the heading
        // printed just before it (a cover): the printed heading names the unit; the field's
        // claim is reported.
        confirmed.push({ i: prev.i, heading: { ...prev.heading, conflict: c.heading } });
      } else if (
        last &&
        last.i === prev?.i &&
        countTexts(items, last.i, c.i) <= 12 &&
        !items.slice(last.i + 1, c.i).some((x) => opensContent(x)) &&
        compatible(last.heading, c.heading) &&
        !(last.heading.ref && c.heading.ref)
      ) {
        // The same unit's heading said twice before its content (`## Unit 01 Title`, then its
        // reference on a line of its own): one unit.
        last.heading = merge(last.heading, c.heading);
      } else confirmed.push(c);
    }
  }
  const units = confirmed.map((c, k) => {
    let end = confirmed[k + 1]?.i ?? items.length;
    // A top-level heading after the unit's content ends it (the next chapter); before any
    // content it is a section of the unit's preamble (an assignment brief's policies, tasks).
    let content = false;
    for (let j = c.i + 1; j < end; j++) {
      const it = items[j]!;
      if (!content && opensContent(it)) content = true;
      if (it.kind === 'text' && (endsUnits(it) || (!it.cell && it.heading === 1 && content))) {
        end = j;
        break;
      }
    }
    return { start: c.i, end, heading: c.heading };
  });
  return { units, firstUnit: units[0]?.start ?? items.length };
}

/**
 * Units whose heading is a bare title (`<h2>Improving productivity using IT</h2>`) followed by
 * a reference label (`Ofqual unit number | D/500/5872`): the label, far from any other unit
 * heading, makes the title line before it a heading.
 */
function addLabelLedUnits(items: Item[], cands: Candidate[]): Candidate[] {
  const out = [...cands];
  const seenRows = new Set<string>();
  for (const it of items) {
    if (it.kind !== 'text') continue;
    if (it.cell) {
      const key = `${it.cell.table}:${it.cell.row}`;
      if (seenRows.has(key)) continue;
      seenRows.add(key);
    }
    const line = it.cell ? it.cell.rowText.replace(/^\t+/, '') : it.text;
    const m = UNIT_REF_LABEL.exec(line);
    const ref = m ? REF.exec(m[1]!.split('\t')[0]!) : null;
    if (!ref || /^unit\b/i.test(line) && matchUnitHeading(line, null)) continue;
    // A heading just before (its own unit's label) or no content since the last heading: not new.
    const prev = out.filter((c) => c.i < it.i).pop();
    if (prev && (countTexts(items, prev.i, it.i) <= 12 || !items.slice(prev.i + 1, it.i).some((x) => opensContent(x)))) continue;
    // The title: the nearest short line before, a heading or plain text that is no label or content.
    let title: Item | null = null;
    for (let j = it.i - 1, n = 0; j >= 0 && n < 3; j--) {
      const x = items[j]!;
      if (x.kind !== 'text') continue;
      n++;
      if (!titleLike(x)) continue;
      title = x;
      break;
    }
    if (!title) continue;
    out.push({ i: title.i, heading: { ref: ref[0], pending: false, number: null, title: cleanTitle(title.text), byTitleLabel: false } });
    out.sort((a, b) => a.i - b.i);
  }
  return out;
}

/**
 * A heading that ends the units part (an appendix, a glossary, a record sheet). `Evidence
 * record` alone is as often a column header read as a line: only as a heading, or a longer
 * title (`Assessment record for unit 3`), does it end the units.
 */
function endsUnits(it: Item): boolean {
  if (it.kind !== 'text' || !SECTION_END.test(it.text)) return false;
  // In a table only as a heading set side by side (`Appendix 1 | Relationships to …`): the
  // first cell of a row of at most two.
  if (it.cell && (it.cell.index !== 0 || it.cell.cells.filter((c) => c.trim()).length > 2)) return false;
  if (!/^(?:assessment|evidence)\s+(?:record|tracking)\s*:?$/i.test(it.text.trim())) return true;
  return it.heading > 0;
}

/** Is `c` the next heading of the run `last` (confirmed, and the candidate just before it) is in? */
function nextInRun(items: Item[], last: Candidate | undefined, prev: Candidate | undefined, c: Candidate): boolean {
  if (!last || !prev || prev.i !== last.i || !last.heading.number || !c.heading.number) return false;
  if (last.heading.rule !== c.heading.rule || Number(c.heading.number) !== Number(last.heading.number) + 1) return false;
  const word = (it: Item) => /^\S+/.exec(it.text)?.[0]?.toLowerCase();
  if (word(items[last.i]!) !== word(items[c.i]!)) return false;
  // Not past the end of the units (an appendix between them).
  for (let j = last.i + 1; j < c.i; j++) if (endsUnits(items[j]!)) return false;
  return true;
}

function countTexts(items: Item[], from: number, to: number): number {
  let n = 0;
  for (let j = from + 1; j < to; j++) if (items[j]!.kind === 'text') n++;
  return n;
}

const looseTitle = (t: string | null) => (t ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function compatible(a: HeadingMatch, b: HeadingMatch): boolean {
  if (a.ref && b.ref && checkUnitRef(a.ref).ref !== checkUnitRef(b.ref).ref) return false;
  if (a.title && b.title && looseTitle(a.title) !== looseTitle(b.title)) return false;
  return true;
}

function merge(a: HeadingMatch, b: HeadingMatch): HeadingMatch {
  return {
    ref: b.ref ?? a.ref,
    pending: b.pending || a.pending,
    number: b.number ?? a.number,
    title: b.title ?? a.title,
    byTitleLabel: a.byTitleLabel || b.byTitleLabel,
  };
}

/** The first integer of a value cell, noting any comment after it (`3 changed due to …`). */
function numberWithComment(value: string, rest: string): { value: number; comment: string | null } {
  const comment = rest.replace(/^[\s.,;:()-]+/, '').trim();
  return { value: Number(value), comment: comment && !/^(?:hours?|hrs?|credits?)\.?$/i.test(comment) ? comment : null };
}

/** Read one unit body under one numbering scheme. */
export function readUnit(
  items: Item[],
  span: { start: number; end: number; heading: HeadingMatch },
  diags: Diagnostics,
  columnValues: ReadonlySet<string>,
  scheme: Scheme,
  trace: Trace,
  /** Unit titles the structure table gives (they tell where a wrapped title ends). */
  knownTitles: readonly string[] = [],
): UnitDraft {
  const h = span.heading;
  const first = items[span.start]!;
  const u: UnitDraft = {
    start: span.start,
    end: span.end,
    place: first.place,
    ref: null,
    refPrinted: h.ref,
    pending: h.pending,
    number: h.number,
    title: h.title,
    level: null,
    credits: null,
    glh: null,
    guidance: null,
    outcomes: [],
    scheme: scheme.id,
    events: null!,
    unplaced: [],
    unreadTokens: [],
  };
  const name = () => (u.refPrinted ? checkUnitRef(u.refPrinted).ref : null) ?? u.title ?? null;
  if (h.conflict) {
    const said = (x: HeadingMatch) => [x.number && `unit ${x.number}`, x.title && `"${x.title}"`].filter(Boolean).join(' ');
    diags.warn('unit-name-mismatch', `the document's heading names ${said(h)}, but a form field names ${said(h.conflict)}`, name(), first.place);
  }
  const reader = new OutlineBuilder(scheme, diags, name, columnValues);
  const decide = (it: Item, rule: string, decision: string) => trace.add(it.place, it.text, rule, decision, name());
  decide(first, h.rule ?? 'heading/unit', `unit heading${h.number ? ` ${h.number}` : ''}${h.ref ? ` ${h.ref}` : ''}${h.title ? `: ${h.title}` : ''}`);
  const seenRows = new Set<string>();
  const guidance: string[] = [];
  let inGuidance = false;
  /** The heading level of the guidance's own heading (6 when a label line headed it). */
  let guidanceLevel = 6;
  // A reference line as the heading, its title given just above it (`Title` / `Principles of …`
  // / `Unit reference number` / `R/605/8112`).
  if (!u.title) u.title = titleAbove(items, span.start);
  let titlePending = !u.title;
  // A heading's title may wrap onto the next line (not a title read from a label further on,
  // when the heading line gave only the number).
  const own = (it: Item) => (it.cell ? it.cell.rowText : it.text);
  let titleFrom = u.title && looseTitle(own(first)).includes(looseTitle(u.title)) ? span.start : -1;

  for (let j = span.start + 1; j < span.end; j++) {
    const it = items[j]!;
    if (it.kind !== 'text') {
      if (!inGuidance) reader.push(it);
      continue;
    }
    // Header labels (before content, or after it ends): reference, level, credits, GLH.
    const rowKey = it.cell ? `${it.cell.table}:${it.cell.row}` : null;
    const firstOfRow = rowKey ? !seenRows.has(rowKey) : true;
    if (rowKey) seenRows.add(rowKey);
    let line = it.cell ? it.cell.rowText.replace(/^\t+/, '') : it.text;
    // Labels on lines of their own, then as many values (a label table read column by column):
    // paired in order.
    if (!it.cell && !reader.started && BARE_LABEL.test(line)) {
      const block = labelBlock(items, j, span.end);
      if (block) {
        block.labels.forEach((l, k) => readLabel(u, `${l.text.replace(/:$/, '')}: ${block.values[k]!.text}`, l, diags, name));
        for (const x of [...block.labels, ...block.values]) decide(x, 'label/column-of-labels', 'label or its value');
        j = block.values[block.values.length - 1]!.i;
        continue;
      }
    }
    // A label on a line of its own takes the next line as its value (tables read cell by cell).
    if (!it.cell && !reader.started && BARE_LABEL.test(line)) {
      const next = items.slice(j + 1, Math.min(span.end, j + 3)).find((x) => x.kind === 'text');
      if (next && !next.cell && next.text.length <= 80 && !BARE_LABEL.test(next.text) && !opensContent(next)) {
        line = `${line.replace(/:$/, '')}: ${next.text}`;
        if (splitLabels(line).map((part) => readLabel(u, part, it, diags, name)).some(Boolean)) {
          decide(it, 'label/value-below', 'label');
          decide(next, 'label/value-below', 'value of the label above');
          j = next.i;
          continue;
        }
      }
    }
    if (!reader.started || reader.ended || inGuidance) {
      if (firstOfRow && labelPairs(it.cell?.cells ?? null, line).map((part) => readLabel(u, part, it, diags, name)).some(Boolean)) {
        decide(it, 'label/pair', 'label and value');
        continue;
      }
      if (it.cell && !firstOfRow && !reader.started && isLabelRow(line)) {
        decide(it, 'label/pair', 'value of the row’s label');
        continue;
      }
    }
    const g = !it.cell || it.cell.col === 0 ? GUIDANCE_HEADING.exec(it.text) : null;
    if (g && reader.started) {
      inGuidance = true;
      guidanceLevel = !it.cell && it.heading > 0 ? it.heading : 6;
      if (g[1] && it.cell) guidance.push(g[1]);
      else if (it.cell && it.cell.cells.length > 1 && firstOfRow) guidance.push(...it.cell.cells.slice(1).filter(Boolean));
      decide(it, 'section/guidance', 'guidance starts');
      continue;
    }
    // The guidance ends at a heading of its own heading's level or above (any heading when a
    // label line headed it), or where a section not of its own is named (`Range`, `Indicative
    // content`; not `Assessment` or `Delivery`, the guidance's own parts).
    const subheading = !it.cell && it.heading > guidanceLevel;
    if (inGuidance && ((!it.cell && it.heading > 0 && it.heading <= guidanceLevel) || (!subheading && isNamedSection(it, firstOfRow) && !GUIDANCE_PART.test(it.text.trim())))) {
      inGuidance = false;
      reader.closeSection();
      decide(it, 'section/heading', 'another section: ends the guidance');
      continue;
    }
    // Another section of the unit (indicative content, range, …) ends the open criterion.
    if (reader.started && !inGuidance && isSectionHeading(it, firstOfRow)) {
      reader.closeSection();
      decide(it, 'section/heading', 'another section: ends the open element');
      continue;
    }
    if (inGuidance) {
      if (it.cell && !firstOfRow) continue;
      guidance.push(it.cell ? it.cell.cells.filter(Boolean).join(' ') : it.text);
      decide(it, 'section/guidance', 'guidance');
      continue;
    }
    // A reference under a label no rule knows (`Accreditation ref. no. A/506/2130`): a short
    // header line carrying one.
    if (!reader.started && !u.refPrinted && firstOfRow && line.length <= 80) {
      const ref = REF.exec(line);
      if (ref && !opensContent(it)) {
        u.refPrinted = ref[0];
        if (titlePending || line.replace(ref[0], '').replace(/[^A-Za-z]+/g, '').length === 0 || /:|\t/.test(line)) {
          decide(it, 'label/bare-reference', 'unit reference');
          continue;
        }
      }
    }
    if (!reader.started && !opensContent(it) && !isLoAcHeader(it.text) && it.text.length <= 200) {
      if (titlePending && !BARE_LABEL.test(it.text) && !CONTENT_SECTION.test(it.text.trim()) && !GUIDANCE_HEADING.test(it.text)) {
        u.title = cleanTitle(it.text);
        titlePending = false;
        titleFrom = j;
        decide(it, 'unit/title-below', 'unit title');
        continue;
      }
      // A title wrapped onto the next line (`… customer service` / `delivery`); or, capitalised,
      // a short line between the heading and its labels (`Unit 4019: Electrical and Electronic`
      // / `Principles` / `Unit Code: …`); or what the structure table gives as its title.
      if (titleFrom === j - 1 && u.title && !/[.:;]$/.test(u.title) && titleGoesOn(u.title, it, items, j, span.end, knownTitles)) {
        u.title = cleanTitle(`${u.title} ${it.text}`);
        titleFrom = j;
        decide(it, 'unit/title-wrapped', 'unit title goes on');
        continue;
      }
    }
    const taken = reader.push(it);
    // Before the outline starts, prose is the unit's preamble (aim, introduction).
    const d = reader.decision;
    if (!taken && !reader.started) decide(it, 'unit/preamble', 'before the outcomes');
    else {
      decide(it, d.rule, d.decision);
      if (!taken && d.rule === 'outline/unplaced') u.unplaced.push(it);
    }
  }
  u.outcomes = reader.outcomes;
  u.events = reader.events;
  u.unreadTokens = reader.unread;
  for (const it of reader.reclaimed) decide(it, 'outline/heading-before-criteria', 'heading of the outcome its criteria opened');
  if (reader.reclaimed.length) u.unplaced = u.unplaced.filter((x) => !reader.reclaimed.includes(x));
  const text = joinParts(guidance);
  u.guidance = text && !NO_GUIDANCE.test(text) ? text : null;
  return u;
}

/** Does a unit title go on in this line? */
function titleGoesOn(title: string, it: Item, items: Item[], j: number, end: number, knownTitles: readonly string[]): boolean {
  const joined = looseTitle(`${title} ${it.text}`);
  if (knownTitles.some((t) => looseTitle(t) === joined || looseTitle(t).startsWith(`${joined} `))) return true;
  if (/^[a-z]/.test(it.text)) return true;
  // A short capitalised line, no label, section or numbered content, with labels right after it.
  if (it.cell) return false;
  const words = it.text.trim().split(/\s+/);
  if (words.length > 6 || it.text.length > 60 || /[.:;]$/.test(it.text) || !/^[A-Z]/.test(it.text)) return false;
  if (REF.test(it.text) || BARE_LABEL.test(it.text) || isLabelRow(it.text) || CONTENT_SECTION.test(it.text.trim()) || isNumbered(it) || isLoAcHeader(it.text)) return false;
  const next = items.slice(j + 1, end).find((x) => x.kind === 'text');
  if (!next) return false;
  const line = next.cell ? next.cell.rowText.replace(/^\t+/, '') : next.text;
  return isLabelRow(line) || BARE_LABEL.test(line.trim()) || UNIT_REF_LABEL.test(line);
}

/** A line or row naming another section of the unit (`Range`, `Indicative content:`, a `Range | …` row). */
function isNamedSection(it: Item, firstOfRow: boolean): boolean {
  const text = it.text.trim();
  // Headings are capitalised; `delivery` alone is a wrapped line's last word.
  const named = /^[A-Z]/.test(text) && CONTENT_SECTION.test(text);
  // A row whose first cell names the section (`Range | …`).
  if (it.cell) return firstOfRow && it.cell.col === 0 && named;
  return named || isSectionRunIn(text);
}

/** A heading of another section of the unit: a known name, or any heading that is not numbered content. */
function isSectionHeading(it: Item, firstOfRow: boolean): boolean {
  const text = it.text.trim();
  if (isNamedSection(it, firstOfRow)) return true;
  if (it.cell) return false;
  // A heading line that starts in lower case is the wrapped end of the one before.
  return it.heading > 0 && /^[A-Z]/.test(text) && !isNumbered(it) && !isLoAcHeader(it.text) && it.text.length <= 120;
}

/** Two or more labels on lines of their own, followed by as many short values. */
function labelBlock(items: Item[], from: number, end: number): { labels: Item[]; values: Item[] } | null {
  const texts: Item[] = [];
  for (let j = from; j < end && texts.length < 24; j++) if (items[j]!.kind === 'text') texts.push(items[j]!);
  // Labels: known ones, and short capitalised phrases among them (`Total unit time`).
  const labelLike = (x: Item) => !x.cell && (BARE_LABEL.test(x.text.trim()) || (/^[A-Z][A-Za-z ()]{2,40}$/.test(x.text.trim()) && x.text.trim().split(/\s+/).length <= 5));
  let k = 0;
  while (k < texts.length && labelLike(texts[k]!)) k++;
  if (k < 2 || texts.length < 2 * k || texts.slice(0, k).filter((x) => BARE_LABEL.test(x.text.trim())).length < 2) return null;
  const values = texts.slice(k, 2 * k);
  const valueLike = (x: Item) => !x.cell && x.text.length <= 40 && !BARE_LABEL.test(x.text.trim()) && !opensContent(x) && /^(?:[A-Za-z]\s?\/\s?\d{3}\s?\/\s?\d{4}|\d{1,4}(?:\s*(?:-|–|to)\s*\d{1,4})?|TBC|TBA|N\/A)\b/i.test(x.text.trim());
  return values.every(valueLike) ? { labels: texts.slice(0, k), values } : null;
}

function titleAbove(items: Item[], start: number): string | null {
  const texts: Item[] = [];
  for (let j = start - 1; j >= 0 && texts.length < 4; j--) if (items[j]!.kind === 'text') texts.unshift(items[j]!);
  for (let k = 0; k < texts.length; k++) {
    const t = texts[k]!;
    const line = t.cell ? t.cell.rowText : t.text;
    const m = UNIT_TITLE_LABEL.exec(line);
    if (m && !/qualification/i.test(line)) return cleanTitle(m[1]!);
    if (/^(?:unit\s+)?title\s*:?$/i.test(t.text.trim()) && texts[k + 1] && !BARE_LABEL.test(texts[k + 1]!.text)) return cleanTitle(texts[k + 1]!.text);
  }
  // A bare title line, then the reference's label on a line of its own (`Improving productivity
  // using IT` / `Ofqual unit number` / `D/500/5872`).
  const [before, label] = texts.slice(-2);
  if (before && label && !label.cell && BARE_LABEL.test(label.text.trim()) && UNIT_REF_LABEL.test(`${label.text.trim().replace(/:$/, '')}: ${items[start]!.text}`) && titleLike(before)) {
    return cleanTitle(before.text);
  }
  return null;
}

/** A line that can be a unit's title: short, capitalised, no closing punctuation, no label, number or header. */
function titleLike(x: Item): boolean {
  return (
    !x.cell &&
    x.text.length <= 120 &&
    !/[.:;,]$/.test(x.text) &&
    !BARE_LABEL.test(x.text) &&
    !isLabelRow(x.text) &&
    !isNumbered(x) &&
    !isLoAcHeader(x.text) &&
    /^[A-Z“"‘']/.test(x.text)
  );
}

function isLabelRow(line: string): boolean {
  return UNIT_REF_LABEL.test(line) || LEVEL_LABEL.test(line) || CREDITS_LABEL.test(line) || GLH_LABEL.test(line);
}

/** Apply a header label line to the unit; true when the line was a label. */
function readLabel(u: UnitDraft, line: string, it: Item, diags: Diagnostics, name: () => string | null): boolean {
  let m = UNIT_NUMBER_LABEL.exec(line);
  if (m) {
    u.number ??= m[1]!;
    return true;
  }
  m = UNIT_REF_LABEL.exec(line);
  if (m) {
    const value = m[1]!.trim();
    const ref = REF.exec(value);
    if (ref) {
      u.refPrinted ??= ref[0];
      if (u.refPrinted !== ref[0] && checkUnitRef(u.refPrinted).ref !== checkUnitRef(ref[0]).ref) {
        diags.warn('ref-mismatch-heading', `unit heading says ${u.refPrinted} but its reference label says ${ref[0]}`, name(), it.place);
      }
      return true;
    }
    if (REF_PENDING.test(value)) {
      u.pending = true;
      return true;
    }
    if (/^\d{1,4}[A-Za-z]?$/.test(value)) {
      u.number ??= value;
      return true;
    }
  }
  m = LEVEL_LABEL.exec(line);
  if (m) {
    if (/^\d+$/.test(m[1]!)) u.level ??= Number(m[1]);
    return true;
  }
  m = CREDITS_LABEL.exec(line);
  if (m) {
    const v = numberWithComment(m[1]!, m[2]!);
    u.credits ??= v.value;
    if (v.comment) diags.info('value-with-comment', `credit value ${v.value} carries a comment: "${v.comment}"`, name(), it.place);
    return true;
  }
  // The model keeps no unit TQT, but the line is a label, not a title or content.
  if (TQT_LABEL.test(line)) return true;
  m = GLH_LABEL.exec(line);
  if (m) {
    const v = numberWithComment(m[1]!, m[3]!);
    u.glh ??= v.value;
    if (v.comment) diags.info('value-with-comment', `GLH ${v.value} carries a comment: "${v.comment}"`, name(), it.place);
    return true;
  }
  return false;
}

/** Outcome and criterion drafts to model objects. */
export function finishOutcomes(outcomes: OutcomeDraft[]) {
  const loc = (p: Place) => (p.page != null || p.line != null ? { page: p.page, line: p.line } : null);
  return outcomes.map((o) => ({
    number: o.number,
    text: joinParts(o.parts),
    criteria: inGradeOrder(o.criteria).map((c) => ({ number: c.number, text: criterionText(c), grade: c.grade, location: loc(c.place) })),
    location: loc(o.place),
  }));
}

const GRADE_RANK = { pass: 0, merit: 1, distinction: 2 } as const;

/**
 * Graded criteria in the grid's reading order: pass, merit, distinction, each by number; level
 * by level where the codes name two (`A.1P1`, `A.1M1`, then `A.2P1` …).
 */
function inGradeOrder(criteria: OutcomeDraft['criteria']): OutcomeDraft['criteria'] {
  if (!criteria.some((c) => c.grade)) return criteria;
  return [...criteria].sort((a, b) => (a.grade && b.grade ? (a.tier ?? 0) - (b.tier ?? 0) || GRADE_RANK[a.grade] - GRADE_RANK[b.grade] || a.ord - b.ord : 0));
}
