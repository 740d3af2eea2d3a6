/**
 * The label words of specifications, one list each. Patterns are built from these lists, so a
 * new awarding body's word for a label is one edit here. A phrase's spaces match any white
 * space; entries are regular-expression sources (`\.?` for an optional full stop).
 */

/** What a unit is called in its heading. */
export const UNIT_WORDS = ['[Uu]nit', 'UNIT', '[Mm]odule', 'MODULE', '[Cc]omponent', 'COMPONENT'];

/** Names of a unit's reference number, after an optional `Unit` (`Unit reference number`, `UAN`, `Unit Code`). */
export const UNIT_REF_WORDS = [
  'reference number',
  'reference',
  String.raw`ref\.?(?: no\.?)?`,
  'number',
  String.raw`no\.?`,
  String.raw`accreditation (?:number|no\.?)`,
  'code',
  'id',
  'URN',
  'UAN',
  String.raw`(?:ofqual|rqf|qcf|qca|regulated) (?:unit )?(?:reference(?: number)?|ref\.?|number|no\.?|code|id)`,
  'unit accreditation number',
];

/** Names of a unit's running number (`Unit No: 7`). */
export const UNIT_NUMBER_WORDS = [String.raw`no\.?`, 'number'];

/** Names of a title (`Unit title`, `Title`, `Name`). */
export const TITLE_WORDS = ['title', 'name'];

/** Qualifiers before `level` (`Unit level`, `RQF level`). */
export const LEVEL_QUALIFIERS = ['unit', 'rqf', 'qcf', 'qualification'];

/** Qualifiers before `credits` (`Unit credits`, `Total credits`, `Number of credits`). */
export const CREDIT_QUALIFIERS = ['unit', 'total', 'number of'];

/** Names of guided learning hours. */
export const GLH_WORDS = ['glh', String.raw`guided learning hours?(?: ?\(glh\))?`];

/** Names of total qualification time. */
export const TQT_WORDS = ['total qualification time', 'tqt'];

/** Names of a qualification's title. */
export const QUALIFICATION_TITLE_WORDS = ['qualification title', 'title of (?:the )?qualification', 'qualification name'];

/** Names of an Ofqual qualification number. */
export const QUALIFICATION_NUMBER_WORDS = [
  String.raw`qualification (?:accreditation )?(?:number|no\.?|reference|code)`,
  String.raw`\bQAN\b`,
  'ofqual (?:qualification )?(?:number|reference|code)',
  String.raw`\bRQF number`,
];

/**
 * Label words that start a `Label: value` pair (several may share one line: `Unit reference:
 * X Level: 3`).
 */
export const PAIR_LABEL_WORDS = [
  String.raw`unit (?:title|reference(?: number)?|number|no\.?|code)`,
  'title',
  'level',
  'credits?(?: value)?',
  'glh',
  String.raw`guided learning hours(?: ?\(glh\))?`,
  'total qualification time',
  'tqt',
  'urn',
  'uan',
  'reference(?: number)?',
  String.raw`(?:unit )?accreditation (?:number|no\.?)`,
  String.raw`(?:ofqual|rqf|qcf) (?:unit )?(?:reference(?: number)?|number|no\.?|code)`,
];

/** Phrases a learner column or region is headed by (`The learner will:`, `The learner can:`). */
export const LEARNER_VERBS = ['will', 'can', 'must', 'should'];

/** Names of a unit's other sections: what to teach, range, delivery, resources. */
export const CONTENT_SECTION_WORDS = [
  'indicative (?:content|contents)',
  'unit (?:content|amplification|summary|aims?|purpose)',
  '(?:teaching |learning |essential )?content',
  'what needs to be (?:learned|learnt|taught)',
  'range(?: statements?)?',
  'amplification',
  '(?:delivery|assessment)(?: (?:and|&) (?:assessment|delivery))?(?: (?:methods?|strategy|information|notes?))?',
  'assessment',
  'evidence(?: (?:must include|should include))?',
  '(?:suggested |essential |learning |recommended )?resources',
  'links? (?:to|with) (?:other units|national occupational standards|NOS)',
  '(?:relationship|mapping) to (?:national occupational standards|NOS)',
  'NOS mapping',
  'additional information',
  'further information',
  'key terms',
  'notes?',
  'supporting information',
  'notes for guidance',
];

/**
 * Names of sections (among CONTENT_SECTION_WORDS) that a unit's guidance holds as parts of its
 * own (`Essential guidance for tutors` / `Assessment` / `Delivery`): they do not end it.
 */
export const GUIDANCE_PART_WORDS = [
  '(?:delivery|assessment)(?: (?:and|&) (?:assessment|delivery))?(?: (?:methods?|strategy|information|notes?))?',
  'assessment',
  'evidence(?: (?:must include|should include))?',
  'notes?',
  'notes for guidance',
  'additional information',
  'further information',
  'supporting information',
];

/** Names of headings that end the units part of a document. */
export const END_OF_UNITS_WORDS = [
  'appendix',
  'annex',
  'annexe',
  'glossary',
  'sample assessment',
  'assessment (?:record|tracking)',
  'evidence (?:record|tracking)',
  'tracking sheet',
  'record of assessment',
];
