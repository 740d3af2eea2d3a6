/**
 * Label rules: `Label: value` lines and rows (`Unit reference | K/601/7730`, `Level: 3`,
 * `Credit value | 4`, `UAN: T/503/9669`), for units and for the qualification. Patterns match
 * collapsed text (single spaces; table rows joined by tabs).
 */
import { phrases, type PatternRule, type Rule } from './rule.js';
import {
  CREDIT_QUALIFIERS,
  GLH_WORDS,
  LEVEL_QUALIFIERS,
  PAIR_LABEL_WORDS,
  QUALIFICATION_NUMBER_WORDS,
  QUALIFICATION_TITLE_WORDS,
  TITLE_WORDS,
  TQT_WORDS,
  UNIT_NUMBER_WORDS,
  UNIT_REF_WORDS,
} from './words.js';

/** A unit reference as printed: letter / three digits / four digits. */
export const REF_SOURCE = String.raw`[A-Za-z]\s?\/\s?\d{3}\s?\/\s?\d{4}`;
export const REF = new RegExp(`\\b${REF_SOURCE}\\b`);
export const REF_AT_START = new RegExp(`^(${REF_SOURCE})\\b`);
/** A reference that is not yet assigned. */
export const REF_PENDING = /^(?:TBC|TBA|TBD|N\/?A|to be (?:confirmed|assigned)|pending)\b/i;

/** Separator between a label and its value: a colon, a tab (table cell) or spaces. */
const SEP = String.raw`\s*(?:[:\t]\s*|\s+[–—-]\s+|\s+)`;

const rule = (r: PatternRule) => r;

export const LABEL_RULES = {
  unitRef: rule({
    id: 'label/unit-reference',
    summary: "a unit's reference number under one of its names",
    pattern: new RegExp(String.raw`^(?:unit\s+)?${phrases(UNIT_REF_WORDS)}${SEP}(.*)$`, 'i'),
    yes: ['Unit reference number: K/601/7730', 'UAN:\tT/503/9669', 'Unit Code: Y/651/0734', 'URN H/615/1491', 'Ofqual unit number\tD/500/5872', 'Unit No: 7'],
    no: ['Level: 3', 'Understand the retail sector'],
  }),
  unitNumber: rule({
    id: 'label/unit-number',
    summary: "a unit's running number (`Unit No: 7`)",
    pattern: new RegExp(String.raw`^unit\s+${phrases(UNIT_NUMBER_WORDS)}\s*[:\t]?\s*(\d{1,4}[A-Za-z]?)\s*$`, 'i'),
    yes: ['Unit No: 7', 'Unit number\t201', 'Unit no. 12A'],
    no: ['Unit number: K/601/7730', 'Unit 7'],
  }),
  unitTitle: rule({
    id: 'label/unit-title',
    summary: "a unit's title under a label",
    pattern: new RegExp(String.raw`^(?:unit\s+)?${phrases(TITLE_WORDS)}\s*(?:[:\t]\s*)(.+)$`, 'i'),
    yes: ['Unit title: Handle customer complaints', 'Title\tPrinciples of retail'],
    no: ['Title of the unit', 'Principles of retail'],
  }),
  level: rule({
    id: 'label/level',
    summary: 'a level, its value a number (`3`, `Level 2`) or an entry level',
    // `Level 1 Pass`, `Level 2 Distinction`: a grade at a level (a row's label), not a level label.
    pattern: new RegExp(String.raw`^(?:${phrases(LEVEL_QUALIFIERS)}\s+)?level${SEP}(?:level\s+)?(\d{1,2}|entry(?:\s+level)?\s*\d)\b(?!\s*(?:pass|merit|distinction)\b)\s*(.*)$`, 'i'),
    yes: ['Level: 3', 'Level:\tLevel 2', 'Unit level 4', 'RQF level - 2', 'Level: Entry 3'],
    no: ['Level of responsibility', 'Levels 2 and 3 apply', 'Level 1 Pass\tA.1P1 Identify media products', 'Level 2 Distinction'],
  }),
  credits: rule({
    id: 'label/credits',
    summary: 'a credit value',
    pattern: new RegExp(String.raw`^(?:${phrases(CREDIT_QUALIFIERS)}\s+)?credits?(?:\s+value)?(?:\s*\([^)]*\))?${SEP}(\d{1,3})\b\s*(.*)$`, 'i'),
    yes: ['Credit value: 3', 'Credits:\t15', 'Credit value (RQF) 4', 'Total credits 37'],
    no: ['Credit value', 'Credits are awarded'],
  }),
  glh: rule({
    id: 'label/glh',
    summary: 'guided learning hours, a number or a range',
    pattern: new RegExp(String.raw`^${phrases(GLH_WORDS)}${SEP}(\d{1,4})(?:\s*(?:-|–|to)\s*(\d{1,4}))?\b\s*(.*)$`, 'i'),
    yes: ['GLH: 26', 'Guided learning hours\t289-375', 'Guided learning hours (GLH): 30'],
    no: ['GLH', 'Guided learning hours are'],
  }),
  tqt: rule({
    id: 'label/tqt',
    summary: 'total qualification time',
    pattern: new RegExp(String.raw`^${phrases(TQT_WORDS)}(?:\s*\(tqt\))?${SEP}(\d{1,5})\b`, 'i'),
    yes: ['TQT: 490', 'Total qualification time (TQT)\t150'],
    no: ['Total qualification time is the total amount of time'],
  }),
  qualificationTitle: rule({
    id: 'label/qualification-title',
    summary: "a qualification's title under a label",
    pattern: new RegExp(String.raw`^${phrases(QUALIFICATION_TITLE_WORDS)}\s*[:\t]?\s*(.+)$`, 'i'),
    yes: ['Qualification title: ProQual Level 2 Diploma in Customer Service', 'Title of the qualification\tLevel 3 Award'],
    no: ['Title: Principles of retail'],
  }),
  qualificationField: rule({
    id: 'label/qualification',
    summary: "a field named just `Qualification` (a cover's or front sheet's), its value the qualification",
    pattern: /^qualification\s*[:\t]\s*([A-Za-z].{3,150})$/i,
    yes: ['Qualification\tPearson BTEC Higher Nationals for England (2024)', 'Qualification: Level 3 Diploma in Adult Care'],
    no: ['Qualification specification – Version 1.2', 'Qualification\t601/3576/1'],
  }),
  qualificationNumberLabel: rule({
    id: 'label/qualification-number',
    summary: "a label naming an Ofqual qualification number",
    pattern: new RegExp(phrases(QUALIFICATION_NUMBER_WORDS), 'i'),
    yes: ['Qualification number: 601/3576/1', 'QAN 601/3577/3', 'Ofqual number\t603/1234/8'],
    no: ['Unit number 201'],
  }),
} as const;

export const UNIT_REF_LABEL = LABEL_RULES.unitRef.pattern;
export const UNIT_NUMBER_LABEL = LABEL_RULES.unitNumber.pattern;
export const UNIT_TITLE_LABEL = LABEL_RULES.unitTitle.pattern;
export const LEVEL_LABEL = LABEL_RULES.level.pattern;
export const CREDITS_LABEL = LABEL_RULES.credits.pattern;
export const GLH_LABEL = LABEL_RULES.glh.pattern;
export const TQT_LABEL = LABEL_RULES.tqt.pattern;
export const QUAL_TITLE_LABEL = LABEL_RULES.qualificationTitle.pattern;
export const QUAL_NUMBER_LABEL = LABEL_RULES.qualificationNumberLabel.pattern;
export const QUAL_FIELD_LABEL = LABEL_RULES.qualificationField.pattern;
/** An Ofqual qualification number anywhere in a line. */
export const QUAL_NUMBER = /\b(\d{3}\s?\/\s?\d{4}\s?\/\s?[\dX])\b/;

/** A qualification's title (`… Level 3 Certificate in …`, `Diploma in …`). */
export const QUALIFICATION_TITLE = /\blevel\s+\d\b.*\b(?:award|certificate|diploma|qualification)\b|\b(?:award|certificate|diploma)\s+in\b/i;

const LABEL_WORDS = phrases(PAIR_LABEL_WORDS);
const LABEL_SPLIT = new RegExp(String.raw`\s+(?=${LABEL_WORDS}\s*:)`, 'i');

/** A line that is only a label (`Guided learning hours (GLH)`, `Unit reference`), its value on the next line. */
export const BARE_LABEL = new RegExp(
  String.raw`^(?:${LABEL_WORDS}|qualification\s+(?:title|number)|ofqual\s+(?:qualification\s+)?number|credit\s+value|guided\s+learning\s+hours\s*\(glh\)|total\s+qualification\s+time\s*\(tqt\))\s*:?$`,
  'i',
);

export const BARE_LABEL_RULE: Rule = {
  id: 'label/bare',
  summary: 'a label on a line of its own, its value on the next',
  pattern: BARE_LABEL,
  yes: ['Level:', 'Credit value', 'Guided learning hours (GLH)', 'UAN:', 'Unit reference number'],
  no: ['Level: 3', 'The learner will:'],
};

/**
 * The `Label: value` pairs of a line. A table row of label, value, label, value
 * (`Unit reference | K/601/7730 | Level | 3`) holds two; so does `Unit reference: X Level: 3`.
 */
export function labelPairs(cells: string[] | null, line: string): string[] {
  if (cells && cells.length >= 4 && cells.length % 2 === 0 && cells.every((c, k) => k % 2 === 1 || BARE_LABEL.test(c.trim()))) {
    const pairs: string[] = [];
    for (let k = 0; k < cells.length; k += 2) pairs.push(`${cells[k]!.trim()}\t${cells[k + 1]!.trim()}`);
    return pairs;
  }
  return splitLabels(line);
}

/**
 * `Unit reference: K/506/2169 Level: 3` as its two `Label: value` pairs (a bar or a bullet
 * between them, `Level: 2 | Credits: 3`, is neither's); other text unchanged.
 */
export function splitLabels(text: string): string[] {
  const parts = text.split(LABEL_SPLIT).filter(Boolean);
  return parts.length > 1 ? parts.map((p) => p.replace(/\s*[|•·]\s*$/, '')) : parts;
}
