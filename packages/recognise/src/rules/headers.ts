/**
 * Header rules: the lines and cells that head outcome and criterion columns or regions
 * (`Learning outcomes`, `Assessment criteria`, `The learner will:`, `The learner can:`), and
 * the role they give what follows.
 */
import { phrases, type Rule } from './rule.js';
import { LEARNER_VERBS } from './words.js';

const VERB = phrases(LEARNER_VERBS);

/** Words of an outcome/criterion table header (`Learning outcomes`, `The learner can:`). */
const HEADER_WORDS = new RegExp(
  String.raw`\b(?:the\s+)?(?:learning\s+outcomes?|assessment\s+criteri(?:a|on)|outcomes?|criteri(?:a|on)|the\s+learner\s+${VERB}(?:\s+be\s+able\s+to)?|(?:the\s+)?learners?|will|can|to|be\s+able|and)\b|[\s:;,.\-–—/()&]+`,
  'gi',
);

/** Nothing but header words (`will:` wrapped from `The learner` on the line before). */
export function onlyHeaderWords(text: string): boolean {
  return text.length <= 160 && !/\d/.test(text) && text.replace(HEADER_WORDS, '') === '';
}

/** A header of an outcome/criterion table: nothing but header words, naming an outcome, criterion or learner. */
export function isLoAcHeader(text: string): boolean {
  if (text.length > 160 || /\d/.test(text)) return false;
  const keys = text.match(/\b(?:outcome|criteri|learner)/gi)?.length ?? 0;
  // A lower-case fragment (`outcome`) is wrapped text unless it is plainly a wrapped header.
  if (keys === 0 || (/^[a-z]/.test(text) && keys < 2)) return false;
  return text.replace(HEADER_WORDS, '') === '';
}

export const HEADER_RULE: Rule = {
  id: 'header/outcomes-criteria',
  summary: 'a header of outcomes or criteria: nothing but header words, naming an outcome, criterion or learner',
  test: isLoAcHeader,
  yes: ['Learning outcome', 'The learner will:', 'Assessment criteria', 'The learner can:', 'Learning outcomes and assessment criteria'],
  no: ['Learning outcome 1', 'Assessment criteria for unit 3 are below in full'],
};

/**
 * `AC` or `LOs` on a line of its own: a criteria or outcomes heading abbreviated (`**AC**` over a
 * unit's numbered criteria). In a table's header row the same letters head a column of numbers
 * (NUMBER_HEADER): only a line of its own is read so.
 */
export const ABBREVIATED_HEADER_RULE: Rule = {
  id: 'header/abbreviated',
  summary: 'an abbreviated outcomes or criteria heading on a line of its own (`AC`, `ACs`, `LOs:`)',
  pattern: /^(?:AC|LO)s?\s*:?$/,
  yes: ['AC', 'ACs', 'LOs:', 'AC:'],
  no: ['ACT', 'AC1.1', 'LO1', 'ac'],
};

/** The region an abbreviated heading line opens, or null. */
export function abbreviatedHeaderRole(text: string): 'outcome' | 'criterion' | null {
  const t = text.trim();
  if (!ABBREVIATED_HEADER_RULE.pattern!.test(t)) return null;
  return t.startsWith('AC') ? 'criterion' : 'outcome';
}

/**
 * A grade's name alone (`Pass`, `Level 2 Distinction`): the label of a row or column of graded
 * criteria (the codes name the grade themselves), not criterion text.
 */
export const GRADE_LABEL_RULE: Rule = {
  id: 'header/grade-label',
  summary: 'a grade label alone in its cell or line (`Level 1 Pass`, `Merit`): it labels the criteria beside it',
  pattern: /^(?:(?:level|l)\s*\d\s*)?(?:pass|merit|distinction)\s*:?$/i,
  yes: ['Level 1 Pass', 'Level 2 Distinction', 'Merit', 'L2 Pass'],
  no: ['Pass the assessment', 'Level 2', 'Distinction criteria'],
};

/** A header phrase run into the first outcome or criterion (`The learner will: 1. Understand …`). */
export const HEADER_PREFIX = new RegExp(
  String.raw`^(?:(?:learning\s+outcomes?|assessment\s+criteri(?:a|on))\s*[-–—:]?\s*)?(?:the\s+)?learners?\s+${VERB}(?:\s+be\s+able\s+to)?\s*:\s*(?=\S)`,
  'i',
);

/** A header phrase left at the end of text before a run-in criterion (`… stock The learner can: 1.1 …`). */
export const HEADER_SUFFIX = new RegExp(
  String.raw`\s*(?:(?:the\s+)?learners?\s+${VERB}(?:\s+be\s+able\s+to)?|assessment\s+criteri(?:a|on)|learning\s+outcomes?)\s*:?\s*$`,
  'i',
);

/** Header of a column of outcome or criterion numbers (`No.`, `AC`, `LO ref`). */
export const NUMBER_HEADER = /^(?:(?:AC|LO)\s*)?(?:no\.?|ref\.?|#|number|code)$|^(?:AC|LO)$/i;

/** The role a header cell or line gives the column or region under it. */
export function columnRole(text: string): 'outcome' | 'criterion' | 'number' | null {
  const criterion = /criteri/i.test(text) || /learner\s+can/i.test(text);
  const outcome = /outcome/i.test(text) || /learner\s+will/i.test(text);
  // `Learning outcomes and assessment criteria` spans both columns: it names neither.
  if (criterion && outcome) return null;
  if (criterion) return 'criterion';
  if (outcome) return 'outcome';
  if (NUMBER_HEADER.test(text.trim())) return 'number';
  return null;
}

/**
 * A row the document marks as a header (a table's header row, repeated where the table goes
 * on over a page) holding only column names: short, capitalised, no numbers (`Pass | Merit |
 * Distinction`, `Learning outcome | AC | Assessment criterion`). Its cells head columns; none
 * continues the element open above it. Tested on the row's cells joined by tabs.
 */
export function isColumnNamesRow(rowText: string): boolean {
  const cells = rowText.split('\t').map((c) => c.trim()).filter(Boolean);
  return cells.length >= 2 && cells.every((c) => c.length <= 40 && !/\d/.test(c) && /^\p{Lu}/u.test(c) && c.split(/\s+/).length <= 4);
}

export const COLUMN_NAMES_RULE: Rule = {
  id: 'header/column-names',
  summary: 'a header row of column names (short, capitalised, no numbers): it continues nothing',
  test: isColumnNamesRow,
  yes: ['Pass\tMerit\tDistinction', 'Learning outcome\tAC\tAssessment criterion', 'Unit\tTitle\tCredits'],
  no: ['LO1\tUnderstand the retail sector', 'Pass', '1.1\tDescribe stock rotation', 'Understand the principles of stock control in a warehouse\tExplain'],
};
