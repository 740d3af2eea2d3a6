/**
 * Section rules: the other sections of a unit (range, indicative content, delivery, resources),
 * guidance, headings that end the units, sub-item markers, and rules-of-combination phrases.
 */
import { phrases, type Rule } from './rule.js';
import { CONTENT_SECTION_WORDS, END_OF_UNITS_WORDS, GUIDANCE_PART_WORDS } from './words.js';

/**
 * Headings of a unit's other sections (what to teach, range, delivery, resources): they end the
 * outcome or criterion before them, and their own numbered lists (indicative content repeats
 * criterion numbers) are not criteria. A later outcome of the unit still opens after them.
 */
export const CONTENT_SECTION = new RegExp(`^${phrases(CONTENT_SECTION_WORDS)}\\s*:?$`, 'i');

/**
 * A section's name qualified in brackets or run into its first line, after a colon: `Range
 * (wiring systems):`, `Range: fractions; algebra; indices`. Capitalised, as headings are.
 */
const RUN_IN = new RegExp(String.raw`^${phrases(CONTENT_SECTION_WORDS)}(?:\s*\([^()]{1,60}\))?\s*:(?:\s*\S.*)?$`, 'i');
export const isSectionRunIn = (text: string): boolean => /^[A-Z]/.test(text) && RUN_IN.test(text);

/** A section name that a unit's guidance holds as a part of its own (`Assessment`, `Delivery`). */
export const GUIDANCE_PART = new RegExp(`^${phrases(GUIDANCE_PART_WORDS)}\\b`, 'i');

/** A heading that ends the units part of a document. */
export const SECTION_END = new RegExp(`^${phrases(END_OF_UNITS_WORDS)}\\b`, 'i');

/** Guidance headings inside a unit. */
export const GUIDANCE_HEADING = new RegExp(
  String.raw`^(?:(?:additional|further)\s+)?(?:` +
    String.raw`(?:(?:assessment|delivery(?:\s+and\s+assessment)?|unit|evidence|essential|tutor)\s+)?guidance(?:\s*(?:\/|and|&)\s*requirements)?(?:\s+for\s+(?:tutors|teachers|assessors|centres|delivery))?` +
    String.raw`|(?:assessment|evidence)\s+requirements(?:\s*(?:\/|and|&)\s*guidance)?` +
    String.raw`)(?:\s+for\s+(?:this|the)\s+unit)?\s*(?::\s*(.*))?$`,
  'i',
);
export const NO_GUIDANCE = /^(?:there\s+is\s+)?(?:no|none)(?:\s+additional)?(?:\s+assessment)?(?:\s+guidance)?\b.*$|^n\/?a\.?$/i;

export const SECTION_RULES: Rule[] = [
  {
    id: 'section/content',
    summary: "another section of the unit: it ends the open outcome or criterion",
    pattern: CONTENT_SECTION,
    yes: ['Range', 'Indicative content', 'Essential Content', 'Recommended Resources', 'Supporting information', 'Notes for guidance', 'Delivery and assessment'],
    no: ['Range of customers', 'Content of the unit is below'],
  },
  {
    id: 'section/run-in',
    summary: "another section's name run into its first line or qualified in brackets: it ends the open outcome or criterion",
    test: isSectionRunIn,
    yes: ['Range: Fractions; algebra; indices', 'Range (wiring systems):', 'Indicative content: hazards and risks', 'Range (sine-wave characteristics): RMS value; peak value'],
    no: ['Range of customers: retail and trade', 'range: a wrapped line', 'Range', 'Ranges are shown below.'],
  },
  {
    id: 'section/guidance-part',
    summary: "a section name that a unit's guidance holds as a part of its own: it does not end the guidance",
    pattern: GUIDANCE_PART,
    yes: ['Assessment', 'Delivery and assessment', 'Evidence', 'Notes for guidance'],
    no: ['Range', 'Indicative content', 'Suggested learning resources'],
  },
  {
    id: 'section/end-of-units',
    summary: 'a heading that ends the units part of the document',
    pattern: SECTION_END,
    yes: ['Appendix 1 Relationships to other qualifications', 'Glossary', 'Assessment record'],
    no: ['Appendices are at the end'],
  },
  {
    id: 'section/guidance',
    summary: "a guidance heading inside a unit (its text is the unit's guidance)",
    pattern: GUIDANCE_HEADING,
    yes: ['Assessment guidance', 'Additional guidance for the unit', 'Evidence requirements: a portfolio'],
    no: ['Guided learning hours'],
  },
];

/** A list marker starting a sub-item: `1.`, `a)`, `iv.`, `-` (the item's own marker, dropped from its text). */
export const LIST_MARKER = /^(?:(\d{1,2}[.)])|[a-z][.)]|[ivx]{1,4}[.)]|[-–•*])\s+/;

/** Bullet glyphs left inside text (lists flattened into one line or cell). */
export const INLINE_BULLET = /\s*[\u2022\u25CF\u25AA\u25E6\uF0B7\u2023\u2043\u25A0\u25A1]\s*/;

/** Rules-of-combination phrases. */
export const GROUP_KIND = /\b(mandatory|optional|compulsory|elective)\b/i;
export const MIN_CREDITS = /\b(?:minimum|at\s+least|a\s+min\.?)\s+(?:of\s+)?(\d{1,3})\s+credits?\b/i;
export const MAX_CREDITS = /\b(?:maximum|up\s+to|no\s+more\s+than|a\s+max\.?)\s+(?:of\s+)?(\d{1,3})\s+credits?\b/i;
export const PLAIN_CREDITS = /\b(\d{1,3})\s+credits?\b/i;
export const TOTAL_CREDITS =
  /\b(?:must\s+(?:achieve|complete|gain|obtain|attain)|consists\s+of|comprises|total\s+of|overall)\s+(?:a\s+)?(?:(?:minimum|total)\s+of\s+|at\s+least\s+)?(\d{1,3})\s+credits?\b/i;
export const CREDITS_AT_LEVEL = /\b(\d{1,3})\s+credits?\b[^.]*?\blevel\s+(\d)\s+(?:or|and)\s+(?:above|higher)\b/i;
