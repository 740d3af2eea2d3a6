/**
 * Unit heading rules, in precedence order: the first that matches a line reads it. A heading
 * is only taken as a unit when outcome or criterion content follows it (see units.ts).
 */
import { LABEL_RULES, QUALIFICATION_TITLE, REF, REF_SOURCE, UNIT_TITLE_LABEL, splitLabels } from './labels.js';
import { isLoAcHeader } from './headers.js';
import { phrases, type PatternRule, type Rule } from './rule.js';
import { UNIT_WORDS } from './words.js';

export interface HeadingMatch {
  ref: string | null;
  pending: boolean;
  number: string | null;
  title: string | null;
  /** The heading came from a title label (`Title: …`, a Title | … row). */
  byTitleLabel: boolean;
  /** The rule that read it. */
  rule?: string;
  /** Another heading of the same body naming another unit (a front sheet's field): reported. */
  conflict?: HeadingMatch;
}

const UNIT_WORD = phrases(UNIT_WORDS);
/** A table-of-contents line: ends in a page number after a tab or dot leaders. */
const TOC_LINE = /(?:\t|\.{3,}|…)\s*\d{1,3}\s*$/;
/** What every unit heading starts with: a unit word, a reference, or a title label. */
const HEADING_START = /^(?:unit|module|component|title|name|[A-Za-z]\s?\/)/i;

/** Strip a trailing reference in brackets, tabs and stray punctuation from a title. */
export function cleanTitle(title: string): string {
  return title
    .replace(new RegExp(`\\s*[(\\[]?\\s*${REF_SOURCE}\\s*[)\\]]?\\s*$`), '')
    .replace(new RegExp(`^[(\\[]\\s*${REF_SOURCE}\\s*[)\\]]\\s*`), '')
    .replace(/\t+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:–—-]+|[\s:–—-]+$/g, '')
    .trim();
}

interface HeadingRule extends PatternRule {
  /** Read the match; null when the line, on a closer look, is not this kind of heading. */
  read(m: RegExpExecArray, text: string, row: string | null): HeadingMatch | null;
  /** Match against the whole table row (cells joined by tabs) instead of the first cell. */
  onRow?: boolean;
}

const heading = (h: Partial<HeadingMatch>, rule: string): HeadingMatch => ({ ref: null, pending: false, number: null, title: null, byTitleLabel: false, ...h, rule });

/** The unit heading rules, in order of precedence. */
export const HEADING_RULES: HeadingRule[] = [
  {
    id: 'heading/unit-number-alone',
    summary: '`Unit 1` (or `Unit No. 7:`) alone on its line or in its row: the title follows on the next line',
    pattern: new RegExp(String.raw`^${UNIT_WORD}\s+(?:[Nn]o\.?\s*|[Nn]umber\s+)?(\d{1,4}[A-Za-z]?)\s*[:.\-–—]?$`),
    yes: ['Unit 1', 'Unit No. 7:', 'UNIT 12'],
    no: ['Unit 1 Principles of retail', 'Unit 3 of 4'],
    read: (m, text, row) => (row == null || row.trim() === text.trim() ? heading({ number: m[1]! }, 'heading/unit-number-alone') : null),
  },
  {
    id: 'heading/unit-number-beside-title',
    summary: '`Unit 201 | Health and safety …`, `Unit 4017: | Quality and Process Improvement`: number and title side by side in a row',
    onRow: true,
    pattern: new RegExp(String.raw`^${UNIT_WORD}\s+(?:[Nn]o\.?\s*|[Nn]umber\s+)?(\d{1,4}[A-Za-z]?)\s*[:.\-–—]?\t+([A-Z“"‘'(][^\t]{2,160})$`),
    yes: ['Unit 201\tHealth and safety in building services engineering', 'Unit 4017:\tQuality and Process Improvement'],
    no: ['Unit 201\t3\t2\t26', 'Unit 1'],
    read: (m) => (/\d{1,3}\s*$/.test(m[2]!) ? null : heading({ number: m[1]!, title: cleanTitle(m[2]!) }, 'heading/unit-number-beside-title')),
  },
  {
    id: 'heading/unit-reference',
    summary: '`Unit K/601/7730 Title`, `Unit ref: K/601/7730`',
    pattern: new RegExp(String.raw`^${UNIT_WORD}\s*(?:ref(?:erence)?\.?\s*)?[:\-–—]?\s*(${REF_SOURCE})\s*(?:[:\-–—]\s*)?(.*)$`, 'i'),
    yes: ['Unit K/601/7730 Handle customer complaints', 'Unit ref: F/506/2131'],
    no: ['Unit 201 Principles of retail'],
    read: (m) => {
      // `Unit reference: X Level: 3`: what follows the reference is another label, not a title.
      const rest = splitLabels(m[2]!)[0] ?? '';
      const title = /^[A-Za-z][A-Za-z ]{1,30}:/.test(rest) ? '' : cleanTitle(rest);
      return heading({ ref: m[1]!, title: title || null }, 'heading/unit-reference');
    },
  },
  {
    id: 'heading/unit-number-over-section',
    summary: '`Unit 3 – Learning outcomes and assessment criteria`: a unit\'s number over one of its sections (header words, no title); the title comes from its labels or the line below',
    pattern: new RegExp(String.raw`^${UNIT_WORD}\s+(?:[Nn]o\.?\s*|[Nn]umber\s+)?(\d{1,4}[A-Za-z]?)\s*(?:[:.\-–—]\s*|\s+)(\S.*)$`),
    yes: ['Unit 3 - Learning outcomes and assessment criteria', 'Unit 201: Assessment criteria', 'UNIT 4 — Learning outcomes'],
    no: ['Unit 3 - Learning to manage risk', 'Unit 201 Principles of retail'],
    read: (m) => (isLoAcHeader(m[2]!.trim()) ? heading({ number: m[1]! }, 'heading/unit-number-over-section') : null),
  },
  {
    id: 'heading/unit-number-title',
    summary: '`Unit 201 Principles of retail`, `Unit 4019: Electrical and Electronic`, `UNIT 6: Managing a Successful Computing Project`',
    pattern: new RegExp(String.raw`^${UNIT_WORD}\s+(?:[Nn]o\.?\s*|[Nn]umber\s+)?(\d{1,4}[A-Za-z]?)\s*(?:[:.\-–—]\s*|\s+)(?!(?:of|and|to|or|in)\b)([A-Z“"'‘(].*)$`),
    yes: ['Unit 201 Principles of retail', 'Unit 4019: Electrical and Electronic', 'UNIT 6: Managing a Successful Computing Project', 'Unit 3: Title Unit number: TBC', 'Unit 202 — Principles of electrical science', 'Unit 12: Engineering Mathematics 2'],
    no: ['Unit 3 of the qualification', 'Unit 1 and 2 are mandatory', 'Unit 201 Principles of retail 14', 'Unit 201 Principles of retail 3 30'],
    read: (m) => {
      // A number at the end is a contents line's page or a structure row's credits (`… retail
      // 14`, `… retail 3 30`), except one digit after a title's words (`Engineering Mathematics 2`).
      const rest = m[2]!.replace(REF, '').trim();
      if (/\d{1,3}$/.test(rest) && !/^\S+(?:\s+\S+)*\s+[A-Za-z]{3,}\s+[1-9]$/.test(rest)) return null;
      // `Unit 3: Title Unit number: TBC`: the labels after the title are not part of it.
      const title = splitLabels(m[2]!)[0] ?? m[2]!;
      const inner = new RegExp(`\\(?(${REF_SOURCE})\\)?`).exec(m[2]!);
      return heading({ ref: inner ? inner[1]! : null, number: m[1]!, title: cleanTitle(title) || null }, 'heading/unit-number-title');
    },
  },
  {
    id: 'heading/unit-number-and-title-label',
    summary: '`Unit number and title | 4017. Quality and Process Improvement` (an assignment brief\'s front sheet)',
    onRow: true,
    pattern: /^unit\s+(?:number|no\.?)\s+(?:and|&)\s+(?:title|name)\s*[:\t]+\s*(?:unit\s+)?(\d{1,4}[A-Za-z]?)\s*[:.\-–—]?\s+([A-Z“"'‘(].*)$/i,
    yes: ['Unit number and title\t4017. Quality and Process Improvement', 'Unit Number and Title\t20: Advanced Programming'],
    no: ['Unit number and title\t', 'Unit number\t201'],
    read: (m) => heading({ number: m[1]!, title: cleanTitle(m[2]!.replace(/\t+/g, ' ')) || null, byTitleLabel: true }, 'heading/unit-number-and-title-label'),
  },
  {
    id: 'heading/reference-title',
    summary: '`K/601/7730 Handle customer complaints`: a reference then a title (no trailing numbers, as a structure-table row has)',
    pattern: new RegExp(String.raw`^(${REF_SOURCE})\s*(?:[:\-–—]\s*)?([A-Z“"'‘(].*)?$`),
    yes: ['K/601/7730 Handle customer complaints', 'R/605/8112'],
    no: ['T/503/9669 201 Health and safety 3 2 26'],
    read: (m) => (/\s\d{1,3}\s*$/.test(m[2] ?? '') ? null : heading({ ref: m[1]!, title: m[2] ? cleanTitle(m[2]) : null }, 'heading/reference-title')),
  },
  {
    id: 'heading/title-label',
    summary: '`Unit title: …` or a `Title | …` row (not the qualification\'s title)',
    onRow: true,
    pattern: UNIT_TITLE_LABEL,
    yes: ['Unit title: Handle customer complaints', 'Title\tPrinciples of retail'],
    no: ['Qualification title: Level 2 Diploma', 'Title\tLevel 3 Certificate in Retail', 'Unit Title\tCompulsory or Optional\tCredit Value'],
    read: (m, _text, row) => {
      const line = row ?? '';
      // `Title | Level 3 Certificate in …` is the qualification's title, not a unit's.
      if (/\b(?:qualification|of the qualification)\b/i.test(line.split(/[:\t]/)[0]!) || QUALIFICATION_TITLE.test(m[1]!)) return null;
      // `Unit Title | Compulsory or Optional | Credit Value`: a table's header row, naming columns.
      const cells = line.split('\t').map((c) => c.trim()).filter(Boolean);
      if (cells.length >= 3 && cells.every((c) => c.length <= 40 && !/\d/.test(c))) return null;
      return heading({ title: cleanTitle(m[1]!), byTitleLabel: true }, 'heading/title-label');
    },
  },
];

/** `Receive goods into a warehouse (J/617/4410)`: a title ending in its reference in brackets. */
export const TITLE_THEN_REF: PatternRule = {
  id: 'heading/title-then-reference',
  summary: 'a title ending in its reference in brackets',
  pattern: new RegExp(String.raw`^([A-Z“"‘'][^()\t]{2,120}?)\s*[(\[]\s*(?:(?:unit\s+)?(?:ref(?:erence)?\.?|URN|UAN)\s*:?\s*)?(${REF_SOURCE})\s*[)\]]$`, 'i'),
  yes: ['Receive goods into a warehouse (J/617/4410)', 'Principles of retail [URN: A/506/2130]'],
  no: ['Receive goods into a warehouse'],
};

function titleThenRef(text: string, rowText: string | null): HeadingMatch | null {
  const m = rowText == null ? TITLE_THEN_REF.pattern.exec(text) : null;
  return m ? heading({ ref: m[2]!, title: cleanTitle(m[1]!) || null }, TITLE_THEN_REF.id) : null;
}

/** The unit heading a line (or a table row, cells joined by tabs) starts, by the first rule that reads it. */
export function matchUnitHeading(text: string, rowText: string | null): HeadingMatch | null {
  const line = rowText ?? text;
  if (TOC_LINE.test(line)) return null;
  if (!HEADING_START.test(text) && !HEADING_START.test(line)) return titleThenRef(text, rowText);
  for (const r of HEADING_RULES) {
    const subject = r.onRow ? line : text;
    const m = r.pattern.exec(subject);
    if (!m) continue;
    const h = r.read(m, text, rowText);
    if (h) return h;
  }
  return titleThenRef(text, rowText);
}

export { LABEL_RULES };
