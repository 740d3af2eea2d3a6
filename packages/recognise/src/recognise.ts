/**
 * The structure recogniser: block stream in, SpecDocument out. Knows units, outcomes and
 * criteria; knows nothing of file formats.
 */
import type { AdapterResult } from '@qualspec/blocks';
import { checkUnitRef, type SpecDocument, type Source, type Unit } from '@qualspec/model';
import { Diagnostics } from './diagnostics.js';
import { itemsOf, type Item } from './items.js';
import { awardingBody, readProfile } from './profile.js';
import { readStructure, type TableRow } from './structure.js';
import { readUnitBest } from './candidates.js';
import { opensContent } from './outline.js';
import { SCHEMES } from './schemes/index.js';
import { repeatedShortTexts } from './text.js';
import { NO_TRACE, Trace } from './trace.js';
import { findUnits, finishOutcomes, type UnitDraft } from './units.js';

export interface RecogniseOptions {
  source: Source;
  /** Record every decision (line, rule id, decision): returned on `trace` of the result. */
  trace?: Trace;
}

const looseTitle = (t: string | null | undefined) =>
  (t ?? '')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function recognise(stream: AdapterResult, options: RecogniseOptions): SpecDocument {
  const diags = new Diagnostics();
  for (const n of stream.notes) diags.add(n.severity, n.code, n.message, null, n.place, `qualspec:${options.source.format}`);
  const items = itemsOf(stream.blocks);
  const trace = options.trace ?? NO_TRACE;
  const { units: spans, firstUnit } = findUnits(items);
  // The first unit's preamble: from its heading to its first content.
  const first = spans[0];
  let contentAt = first ? first.start + 1 : 0;
  while (first && contentAt < first.end && !opensContent(items[contentAt]!)) contentAt++;
  const profile = readProfile(items, firstUnit, diags, first ? [first.start + 1, contentAt] : null);
  const structure = readStructure(items, firstUnit);
  const columnValues = repeatedShortTexts(items);
  if (trace.on) {
    // Lines outside every unit: the front matter (profile, structure) and what follows the units.
    const inUnit = new Set(spans.flatMap((s) => Array.from({ length: s.end - s.start }, (_, k) => s.start + k)));
    for (const it of items) if (it.kind === 'text' && !inUnit.has(it.i)) trace.add(it.place, it.text, it.i < firstUnit ? 'front-matter' : 'outside-units', it.i < firstUnit ? 'profile and structure read here' : 'after the units');
  }
  const titles = structure.rows.map((r) => r.title).filter((t): t is string => !!t);
  const drafts = withoutRecordSheets(spans.map((s) => readUnitBest(items, s, diags, columnValues, trace, titles)), diags);
  const units = drafts.map((d) => finishUnit(d, structure.rows, diags));
  addUnlisted(units, structure.rows, diags);
  if (profile.credits == null && structure.rules?.totalCredits != null) profile.credits = structure.rules.totalCredits;
  if (!units.length) diags.error('no-units', 'no units found: no unit heading followed by learning outcomes or assessment criteria');
  else if (!drafts.length && !criterionLines(items).length) {
    // A structure table and no unit bodies, nor anything numbered as criteria that a body we
    // failed to find would hold: the document lists its units and specifies none (a course
    // page, a qualification summary). The units are listed, each reported; nothing failed.
    diags.warn('no-unit-bodies', `the document lists ${units.length} unit${units.length > 1 ? 's' : ''} in a structure table but specifies none of them: no outcomes or criteria to read`);
    // Said first, before each unit's own `unit-without-body`.
    const at = diags.list.findIndex((d) => d.code === 'unit-without-body');
    if (at >= 0) diags.list.splice(at, 0, diags.list.pop()!);
  } else if (units.every((u) => u.outcomes.every((o) => !o.criteria.length)) && units.some((u) => u.outcomes.length || u.location)) {
    const lines = drafts.length ? [] : criterionLines(items);
    const first = lines[0];
    diags.error(
      'no-criteria',
      `${units.length} unit${units.length > 1 ? 's' : ''} found but no assessment criteria in any of them` +
        (first ? `; ${lines.length} lines are numbered as criteria but no unit heading introduces them, the first at line ${first.place.line ?? '?'}: "${first.text.slice(0, 60)}"` : ''),
    );
  }
  return {
    schemaVersion: '1',
    source: options.source,
    awardingBody: awardingBody(items, profile.title),
    qualification: { ...profile, rules: structure.rules },
    units,
    diagnostics: diags.list,
  };
}

/**
 * Lines any scheme reads as a criterion early in its sequence (`1.1 …`, `P3 …`, `A.M1 …`),
 * wherever they stand, when there are enough of them to be a unit's (a course code `D32` or
 * two is not): what unit bodies we failed to find would hold.
 */
function criterionLines(items: Item[]): Item[] {
  const lines = items.filter((it) => it.kind === 'text' && SCHEMES.some((s) => {
    const tok = s.parse(it.text, null);
    return tok?.kind === 'criterion' && tok.ord <= 9;
  }));
  return lines.length >= 3 ? lines : [];
}

/**
 * An assessment record or tracking sheet repeats a unit's heading and criteria, without the
 * outcomes' text: not a unit body. A later copy of a unit (same reference, else same title)
 * whose outcomes have no text and whose criteria the first copy has, is dropped with a note.
 */
function withoutRecordSheets(drafts: UnitDraft[], diags: Diagnostics): UnitDraft[] {
  const key = (d: UnitDraft) => (d.refPrinted ? checkUnitRef(d.refPrinted).ref : null) ?? `title:${looseTitle(d.title)}`;
  const seen = new Map<string, UnitDraft>();
  return drafts.filter((d) => {
    const k = key(d);
    const first = seen.get(k);
    if (!first) {
      seen.set(k, d);
      return true;
    }
    const criteria = (u: UnitDraft) => new Set(u.outcomes.flatMap((o) => o.criteria.map((c) => c.number)));
    const had = criteria(first);
    const textless = d.outcomes.every((o) => !o.parts.join('').trim());
    if (textless && first.outcomes.some((o) => o.parts.join('').trim()) && [...criteria(d)].every((n) => had.has(n))) {
      diags.info('unit-repeated', `unit ${k.replace(/^title:/, '')} appears again (an assessment record or tracking sheet?): not read as another unit`, k.replace(/^title:/, ""), d.place);
      return false;
    }
    return true;
  });
}

function finishUnit(d: UnitDraft, rows: TableRow[], diags: Diagnostics): Unit {
  const check = d.refPrinted ? checkUnitRef(d.refPrinted) : null;
  const ref = check?.ref ?? null;
  const title = d.title ?? '';
  const name = ref ?? title;
  const place = d.place;
  if (check && ref && !check.valid) {
    diags.warn('ref-check-letter', `unit reference ${ref} has the wrong check letter: ${check.suggestion} would be valid`, name, place);
  }
  // The structure-table row: same reference, else (reference missing or mistyped) same title.
  let row = ref ? rows.find((r) => r.ref === ref) : undefined;
  if (!row) {
    const byTitle = rows.filter((r) => looseTitle(r.title) === looseTitle(title));
    row = byTitle.length === 1 ? byTitle[0] : byTitle.find((r) => r.ref === check?.suggestion) ?? byTitle[0];
    if (row && ref && row.ref && row.ref !== ref) {
      diags.warn(
        'ref-mismatch-table',
        `unit page says ${ref} but the structure table lists "${row.title}" as ${row.ref}`,
        name,
        place,
      );
    }
  } else if (row.title && title && looseTitle(row.title) !== looseTitle(title)) {
    diags.info('title-mismatch-table', `unit page title "${title}" differs from the structure table's "${row.title}"`, name, place);
  }
  const pick = (field: 'level' | 'credits' | 'glh', page: number | null): number | null => {
    const table = row?.[field] ?? null;
    if (page != null && table != null && page !== table) {
      const label = field === 'glh' ? 'GLH' : field;
      diags.warn(`${field}-mismatch-table`, `unit page gives ${label} ${page} but the structure table gives ${table}`, name, place);
    }
    return page ?? table;
  };
  const outcomes = finishOutcomes(d.outcomes);
  const criteria = outcomes.reduce((n, o) => n + o.criteria.length, 0);
  if (!outcomes.length) diags.warn('unit-without-outcomes', 'unit has no learning outcomes', name, place);
  else if (!criteria) diags.warn('unit-without-criteria', `unit has ${outcomes.length} learning outcome${outcomes.length > 1 ? 's' : ''} but no assessment criteria`, name, place);
  for (const o of outcomes) {
    if (!o.text) diags.warn('outcome-without-text', `outcome ${o.number} has no text`, name, o.location ?? place);
    if (!o.criteria.length && criteria) diags.warn('outcome-without-criteria', `outcome ${o.number} has no assessment criteria`, name, o.location ?? place);
  }
  // Nothing is dropped silently: numbered lines the outline could not place, and other text no
  // rule placed or matched, are reported with where the first of them is.
  const at = (it: { place: { page: number | null; line: number | null } }) => `${it.place.page != null ? `p${it.place.page} ` : ''}l${it.place.line ?? '?'}`;
  const quote = (t: string) => `"${t.length > 60 ? `${t.slice(0, 57)}…` : t}"`;
  if (d.unreadTokens.length) {
    const n = d.unreadTokens.length;
    diags.warn('criteria-unread', `${n} numbered line${n > 1 ? 's' : ''} left unread, the first at ${at(d.unreadTokens[0]!)}: ${quote(d.unreadTokens[0]!.text)}`, name, d.unreadTokens[0]!.place);
  }
  if (d.unplaced.length) {
    const n = d.unplaced.length;
    diags.info('text-unplaced', `${n} line${n > 1 ? 's' : ''} of the unit's content placed nowhere, the first at ${at(d.unplaced[0]!)}: ${quote(d.unplaced[0]!.text)}`, name, d.unplaced[0]!.place);
  }
  if (d.pending && !ref) diags.info('ref-pending', 'unit reference is not yet assigned (TBC)', name, place);
  return {
    ref,
    refValid: ref ? check!.valid : null,
    number: d.number,
    title,
    level: pick('level', d.level),
    credits: pick('credits', d.credits),
    glh: pick('glh', d.glh),
    outcomes,
    guidance: d.guidance,
    location: place.page != null || place.line != null ? { page: place.page, line: place.line } : null,
  };
}

/** Units listed in a structure table that have no body get an entry and a diagnostic. */
function addUnlisted(units: Unit[], rows: TableRow[], diags: Diagnostics) {
  const refs = new Set(units.map((u) => u.ref).filter(Boolean));
  const suggested = new Set(units.map((u) => (u.ref && !u.refValid ? checkUnitRef(u.ref).suggestion : null)).filter(Boolean));
  const titles = new Set(units.map((u) => looseTitle(u.title)));
  const seen = new Set<string>();
  for (const r of rows) {
    const key = r.ref ?? looseTitle(r.title);
    if (seen.has(key)) continue;
    seen.add(key);
    if (r.ref && (refs.has(r.ref) || suggested.has(r.ref))) continue;
    if (titles.has(looseTitle(r.title))) continue;
    const check = r.ref ? checkUnitRef(r.ref) : null;
    diags.warn('unit-without-body', `structure table lists ${r.ref ?? `"${r.title}"`} but the document has no body for it`, r.ref ?? r.title, r.place);
    units.push({
      ref: r.ref,
      refValid: check ? check.valid : null,
      number: null,
      title: r.title ?? '',
      level: r.level,
      credits: r.credits,
      glh: r.glh,
      outcomes: [],
      guidance: null,
      location: r.place.page != null || r.place.line != null ? { page: r.place.page, line: r.place.line } : null,
    });
  }
}
