/**
 * The recogniser's rules: every pattern it reads labels, unit headings, headers and sections
 * with, as tables of rules with ids and examples (`RULES`, which a test runs), so a new
 * awarding body's style is a rule change, not a new parser. Numbering lives in `../schemes`.
 */
import { ABBREVIATED_HEADER_RULE, COLUMN_NAMES_RULE, GRADE_LABEL_RULE, HEADER_RULE } from './headers.js';
import { HEADING_RULES, TITLE_THEN_REF } from './headings.js';
import { BARE_LABEL_RULE, LABEL_RULES } from './labels.js';
import type { Rule } from './rule.js';
import { SECTION_RULES } from './sections.js';

export * from './bodies.js';
export * from './headers.js';
export * from './headings.js';
export * from './labels.js';
export * from './sections.js';
export { matches, phrases, type Rule } from './rule.js';

/** Every rule with its examples, by kind. */
export const RULES: readonly Rule[] = [...Object.values(LABEL_RULES), BARE_LABEL_RULE, ...HEADING_RULES, TITLE_THEN_REF, HEADER_RULE, ABBREVIATED_HEADER_RULE, GRADE_LABEL_RULE, COLUMN_NAMES_RULE, ...SECTION_RULES];
