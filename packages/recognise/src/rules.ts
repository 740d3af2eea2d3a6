/**
 * The house-style rules: every pattern the recogniser uses to read labels, unit headings and
 * outcome/criterion numbering lives here, so a new awarding body's style is a rule change,
 * not a new parser. Patterns match collapsed text (single spaces; table rows joined by tabs).
 */

/** A unit reference as printed: letter / three digits / four digits. */
export const REF_SOURCE = String.raw`[A-Za-z]\s?\/\s?\d{3}\s?\/\s?\d{4}`;
export const REF = new RegExp(`\\b${REF_SOURCE}\\b`);
export const REF_AT_START = new RegExp(`^(${REF_SOURCE})\\b`);
/** A reference that is not yet assigned. */
export const REF_PENDING = /^(?:TBC|TBA|TBD|N\/?A|to be (?:confirmed|assigned)|pending)\b/i;

/** Separator between a label and its value: a colon, a tab (table cell) or spaces. */
const SEP = String.raw`\s*(?:[:\t]\s*|\s+[–-]\s+|\s+)`;

/** Labels for a unit's reference number. */
export const UNIT_REF_LABEL = new RegExp(
  String.raw`^(?:unit\s+)?(?:reference\s+number|reference|ref\.?(?:\s+no\.?)?|number|no\.?|accreditation\s+(?:number|no\.?)|code|id|URN|UAN|(?:ofqual|rqf|qcf|qca|regulated)\s+(?:unit\s+)?(?:reference(?:\s+number)?|ref\.?|number|no\.?|code|id)|unit\s+accreditation\s+number)${SEP}(.*)$`,
  'i',
);
/** Labels for a unit's running number (`Unit No: 7`). */
export const UNIT_NUMBER_LABEL = /^unit\s+(?:no\.?|number)\s*[:\t]?\s*(\d{1,4}[A-Za-z]?)\s*$/i;
export const UNIT_TITLE_LABEL = /^(?:unit\s+)?(?:title|name)\s*(?:[:\t]\s*)(.+)$/i;
export const LEVEL_LABEL = new RegExp(String.raw`^(?:unit\s+|rqf\s+|qcf\s+|qualification\s+)?level${SEP}(\d{1,2}|entry(?:\s+level)?\s*\d)\b\s*(.*)$`, 'i');
export const CREDITS_LABEL = new RegExp(String.raw`^(?:unit\s+|total\s+|number\s+of\s+)?credits?(?:\s+value)?(?:\s*\([^)]*\))?${SEP}(\d{1,3})\b\s*(.*)$`, 'i');
export const GLH_LABEL = new RegExp(
  String.raw`^(?:glh|guided\s+learning\s+hours?(?:\s*\(glh\))?)${SEP}(\d{1,4})(?:\s*(?:-|–|to)\s*(\d{1,4}))?\b\s*(.*)$`,
  'i',
);
export const TQT_LABEL = new RegExp(String.raw`^(?:total\s+qualification\s+time|tqt)(?:\s*\(tqt\))?${SEP}(\d{1,5})\b`, 'i');
export const QUAL_TITLE_LABEL = /^(?:qualification\s+title|title\s+of\s+(?:the\s+)?qualification|qualification\s+name)\s*[:\t]?\s*(.+)$/i;
export const QUAL_NUMBER = /\b(\d{3}\s?\/\s?\d{4}\s?\/\s?[\dX])\b/;
export const QUAL_NUMBER_LABEL = /(?:qualification\s+(?:accreditation\s+)?(?:number|no\.?|reference|code)|\bQAN\b|ofqual\s+(?:qualification\s+)?(?:number|reference|code)|\bRQF\s+number)/i;

/** A qualification's title (`… Level 3 Certificate in …`, `Diploma in …`). */
export const QUALIFICATION_TITLE = /\blevel\s+\d\b.*\b(?:award|certificate|diploma|qualification)\b|\b(?:award|certificate|diploma)\s+in\b/i;

/** Label words that start a `Label: value` pair (several may share one line: `Unit reference: X Level: 3`). */
const LABEL_WORDS = String.raw`(?:unit\s+(?:title|reference(?:\s+number)?|number|no\.?|code)|title|level|credits?(?:\s+value)?|glh|guided\s+learning\s+hours(?:\s*\(glh\))?|total\s+qualification\s+time|tqt|urn|uan|reference(?:\s+number)?|(?:unit\s+)?accreditation\s+(?:number|no\.?)|(?:ofqual|rqf|qcf)\s+(?:unit\s+)?(?:reference(?:\s+number)?|number|no\.?|code))`;
const LABEL_SPLIT = new RegExp(String.raw`\s+(?=${LABEL_WORDS}\s*:)`, 'i');

/** A line that is only a label (`Guided learning hours (GLH)`, `Unit reference`), its value on the next line. */
export const BARE_LABEL = new RegExp(
  String.raw`^(?:${LABEL_WORDS}|qualification\s+(?:title|number)|ofqual\s+(?:qualification\s+)?number|credit\s+value|guided\s+learning\s+hours\s*\(glh\)|total\s+qualification\s+time\s*\(tqt\))\s*:?$`,
  'i',
);

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

/** `Unit reference: K/506/2169 Level: 3` as its two `Label: value` pairs; other text unchanged. */
export function splitLabels(text: string): string[] {
  return text.split(LABEL_SPLIT).filter(Boolean);
}

/**
 * Unit headings. Each returns the parts it found; a heading is only taken as a unit when
 * outcome or criterion content follows it (see units.ts).
 */
export interface HeadingMatch {
  ref: string | null;
  pending: boolean;
  number: string | null;
  title: string | null;
  /** The heading came from a title label (`Title: …`, a Title | … row). */
  byTitleLabel: boolean;
}

const UNIT_WORD = String.raw`(?:[Uu]nit|UNIT|[Mm]odule|MODULE|[Cc]omponent|COMPONENT)`;
const HEADING_REF = new RegExp(String.raw`^${UNIT_WORD}\s*(?:ref(?:erence)?\.?\s*)?[:\-–]?\s*(${REF_SOURCE})\s*(?:[:\-–]\s*)?(.*)$`, 'i');
const HEADING_NUMBER = new RegExp(
  String.raw`^${UNIT_WORD}\s+(?:[Nn]o\.?\s*|[Nn]umber\s+)?(\d{1,4}[A-Za-z]?)\s*(?:[:.\-–]\s*|\s+)(?!(?:of|and|to|or|in)\b)([A-Z“"'‘(].*)$`,
);
const REF_THEN_TITLE = new RegExp(String.raw`^(${REF_SOURCE})\s*(?:[:\-–]\s*)?([A-Z“"'‘(].*)?$`);
/** `Unit 1` (or `Unit No. 7:`) alone on its line: the title follows on the next line. */
const HEADING_NUMBER_ONLY = new RegExp(String.raw`^${UNIT_WORD}\s+(?:[Nn]o\.?\s*|[Nn]umber\s+)?(\d{1,4}[A-Za-z]?)\s*[:.\-–]?$`);
/** `Receive goods into a warehouse (J/617/4410)`: a title ending in its reference in brackets. */
const TITLE_THEN_REF = new RegExp(String.raw`^([A-Z“"‘'][^()\t]{2,120}?)\s*[(\[]\s*(?:(?:unit\s+)?(?:ref(?:erence)?\.?|URN|UAN)\s*:?\s*)?(${REF_SOURCE})\s*[)\]]$`, 'i');

/** A table-of-contents line: ends in a page number after a tab or dot leaders. */
const TOC_LINE = /(?:\t|\.{3,}|…)\s*\d{1,3}\s*$/;

/** What every unit heading starts with: a unit word, a reference, or a title label. */
const HEADING_START = /^(?:unit|module|component|title|name|[A-Za-z]\s?\/)/i;

export function matchUnitHeading(text: string, rowText: string | null): HeadingMatch | null {
  const line = rowText ?? text;
  if (TOC_LINE.test(line)) return null;
  if (!HEADING_START.test(text) && !HEADING_START.test(line)) return titleThenRef(text, rowText);
  let m = HEADING_NUMBER_ONLY.exec(text);
  if (m && (rowText == null || rowText.trim() === text.trim())) return { ref: null, pending: false, number: m[1]!, title: null, byTitleLabel: false };
  m = HEADING_REF.exec(text);
  if (m) {
    // `Unit reference: X Level: 3`: what follows the reference is another label, not a title.
    const rest = splitLabels(m[2]!)[0] ?? '';
    const title = /^[A-Za-z][A-Za-z ]{1,30}:/.test(rest) ? '' : cleanTitle(rest);
    return { ref: m[1]!, pending: false, number: null, title: title || null, byTitleLabel: false };
  }
  m = HEADING_NUMBER.exec(text);
  if (m && !/\d{1,3}\s*$/.test(m[2]!.replace(REF, ''))) {
    // `Unit 3: Title Unit number: TBC`: the labels after the title are not part of it.
    const title = splitLabels(m[2]!)[0] ?? m[2]!;
    const inner = new RegExp(`\\(?(${REF_SOURCE})\\)?`).exec(m[2]!);
    return { ref: inner ? inner[1]! : null, pending: false, number: m[1]!, title: cleanTitle(title) || null, byTitleLabel: false };
  }
  m = REF_THEN_TITLE.exec(text);
  // `REF Title` without trailing numbers (a structure-table row has level/credit numbers).
  if (m && !/\s\d{1,3}\s*$/.test(m[2] ?? '')) return { ref: m[1]!, pending: false, number: null, title: m[2] ? cleanTitle(m[2]) : null, byTitleLabel: false };
  m = UNIT_TITLE_LABEL.exec(line);
  // `Title | Level 3 Certificate in …` is the qualification's title, not a unit's.
  if (m && !/\b(?:qualification|of the qualification)\b/i.test(line.split(/[:\t]/)[0]!) && !QUALIFICATION_TITLE.test(m[1]!)) {
    return { ref: null, pending: false, number: null, title: cleanTitle(m[1]!), byTitleLabel: true };
  }
  return titleThenRef(text, rowText);
}

function titleThenRef(text: string, rowText: string | null): HeadingMatch | null {
  const m = rowText == null ? TITLE_THEN_REF.exec(text) : null;
  return m ? { ref: m[2]!, pending: false, number: null, title: cleanTitle(m[1]!) || null, byTitleLabel: false } : null;
}

/** Strip a trailing reference in brackets, tabs and stray punctuation from a title. */
export function cleanTitle(title: string): string {
  return title
    .replace(new RegExp(`\\s*[(\\[]?\\s*${REF_SOURCE}\\s*[)\\]]?\\s*$`), '')
    .replace(new RegExp(`^[(\\[]\\s*${REF_SOURCE}\\s*[)\\]]\\s*`), '')
    .replace(/\t+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:–-]+|[\s:–-]+$/g, '')
    .trim();
}

/** Words of an outcome/criterion table header (`Learning outcomes`, `The learner can:`). */
const HEADER_WORDS =
  /\b(?:the\s+)?(?:learning\s+outcomes?|assessment\s+criteri(?:a|on)|outcomes?|criteri(?:a|on)|the\s+learner\s+(?:will|can|must|should)(?:\s+be\s+able\s+to)?|(?:the\s+)?learners?|will|can|to|be\s+able)\b|[\s:;,.\-–—/()]+/gi;

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

/** A header phrase run into the first outcome or criterion (`The learner will: 1. Understand …`). */
export const HEADER_PREFIX = /^(?:(?:learning\s+outcomes?|assessment\s+criteri(?:a|on))\s*[-–:]?\s*)?(?:the\s+)?learners?\s+(?:will|can|must|should)(?:\s+be\s+able\s+to)?\s*:\s*(?=\S)/i;

/** A header phrase left at the end of text before a run-in criterion (`… stock The learner can: 1.1 …`). */
export const HEADER_SUFFIX = /\s*(?:(?:the\s+)?learners?\s+(?:will|can|must|should)(?:\s+be\s+able\s+to)?|assessment\s+criteri(?:a|on)|learning\s+outcomes?)\s*:?\s*$/i;

/** Header of a column of outcome or criterion numbers (`No.`, `AC`, `LO ref`). */
export const NUMBER_HEADER = /^(?:(?:AC|LO)\s*)?(?:no\.?|ref\.?|#|number|code)$|^(?:AC|LO)$/i;

/** Column roles from a header cell. */
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

/** A criterion number at the start of a paragraph: `1.1`, `1.1.`, `AC1.1`, `AC 1.1:`, `(1.1)`. */
export const CRITERION_START =
  /^\(?(AC|assessment\s+criteri(?:on|a))?\s*(\d{1,2})\s*\.\s*(\d{1,2})(?![\d])\)?\.?(?:\s*[:)\-–]\s*|\s+|$)(.*)$/i;
/** An outcome number at the start of a paragraph: `1`, `1.`, `1)`, `LO1`, `LO 1:`, `Learning outcome 1 -`. */
export const OUTCOME_START =
  /^\(?(?:(LO|L\.O\.|learning\s+outcome|outcome)\s*)?(\d{1,2})(?![\d.]\d)\)?(?:\s*[.):\-–]\s*|\s+|$)(.*)$/i;
/** A criterion number inside running text (`…organisations1.2 Describe…`, `… 1.3 Explain`). */
export const CRITERION_INLINE = /(?<![\d./])(\d{1,2})\.(\d{1,2})(?![\d])\.?\s*(?=[A-Z“"‘'(])/g;

/** A list marker starting a sub-item: `1.`, `a)`, `iv.`, `-`; numeric markers are dropped, letters kept. */
export const LIST_MARKER = /^(?:(\d{1,2}[.)])|[a-z][.)]|[ivx]{1,4}[.)]|[-–•*])\s+/;

/** Bullet glyphs left inside text (lists flattened into one line or cell). */
export const INLINE_BULLET = /\s*[\u2022\u25CF\u25AA\u25E6\uF0B7\u2023\u2043\u25A0\u25A1]\s*/;

/** A heading that ends the units part of a document. */
export const SECTION_END = /^(?:appendix|annex|annexe|glossary|sample\s+assessment|assessment\s+(?:record|tracking)|evidence\s+(?:record|tracking)|tracking\s+sheet|record\s+of\s+assessment)\b/i;

/**
 * Headings of a unit's other sections (what to teach, range, delivery, resources): they end the
 * outcome or criterion before them, and their own numbered lists (indicative content repeats
 * criterion numbers) are not criteria. A later outcome of the unit still opens after them.
 */
export const CONTENT_SECTION =
  /^(?:indicative\s+(?:content|contents)|unit\s+(?:content|amplification|summary|aims?|purpose)|(?:teaching\s+|learning\s+|essential\s+)?content|what\s+needs\s+to\s+be\s+(?:learned|learnt|taught)|range(?:\s+statements?)?|amplification|(?:delivery|assessment)(?:\s+(?:and|&)\s+(?:assessment|delivery))?(?:\s+(?:methods?|strategy|information|notes?))?|assessment|evidence(?:\s+(?:must\s+include|should\s+include))?|(?:suggested\s+|essential\s+|learning\s+)?resources|links?\s+(?:to|with)\s+(?:other\s+units|national\s+occupational\s+standards|NOS)|(?:relationship|mapping)\s+to\s+(?:national\s+occupational\s+standards|NOS)|NOS\s+mapping|additional\s+information|further\s+information|key\s+terms|notes?)\s*:?$/i;

/** Guidance headings inside a unit. */
export const GUIDANCE_HEADING = new RegExp(
  String.raw`^(?:(?:additional|further)\s+)?(?:` +
    String.raw`(?:(?:assessment|delivery(?:\s+and\s+assessment)?|unit|evidence|essential|tutor)\s+)?guidance(?:\s*(?:\/|and|&)\s*requirements)?(?:\s+for\s+(?:tutors|teachers|assessors|centres|delivery))?` +
    String.raw`|(?:assessment|evidence)\s+requirements(?:\s*(?:\/|and|&)\s*guidance)?` +
    String.raw`)(?:\s+for\s+(?:this|the)\s+unit)?\s*(?::\s*(.*))?$`,
  'i',
);
export const NO_GUIDANCE = /^(?:there\s+is\s+)?(?:no|none)(?:\s+additional)?(?:\s+assessment)?(?:\s+guidance)?\b.*$|^n\/?a\.?$/i;

/** Rules-of-combination phrases. */
export const GROUP_KIND = /\b(mandatory|optional|compulsory|elective)\b/i;
export const MIN_CREDITS = /\b(?:minimum|at\s+least|a\s+min\.?)\s+(?:of\s+)?(\d{1,3})\s+credits?\b/i;
export const MAX_CREDITS = /\b(?:maximum|up\s+to|no\s+more\s+than|a\s+max\.?)\s+(?:of\s+)?(\d{1,3})\s+credits?\b/i;
export const PLAIN_CREDITS = /\b(\d{1,3})\s+credits?\b/i;
export const TOTAL_CREDITS =
  /\b(?:must\s+(?:achieve|complete|gain|obtain|attain)|consists\s+of|comprises|total\s+of|overall)\s+(?:a\s+)?(?:(?:minimum|total)\s+of\s+|at\s+least\s+)?(\d{1,3})\s+credits?\b/i;
export const CREDITS_AT_LEVEL = /\b(\d{1,3})\s+credits?\b[^.]*?\blevel\s+(\d)\s+(?:or|and)\s+(?:above|higher)\b/i;

/** Awarding bodies by how they are written; the first name is the canonical short name. */
export const AWARDING_BODIES: [string, RegExp][] = [
  ['ProQual', /\bProQual\b/i],
  ['Highfield', /\b(?:Highfield|HABC)\b/],
  ['SFJ Awards', /\bSFJ\s+Awards\b/i],
  ['City & Guilds', /\bCity\s*(?:&|and)\s*Guilds\b/i],
  ['Pearson', /\b(?:Pearson|BTEC|Edexcel)\b/],
  ['NCFE', /\bNCFE\b/],
  ['OCR', /\bOCR\b/],
  ['AQA', /\bAQA\b/],
  ['NOCN', /\bNOCN\b/],
  ['TQUK', /\b(?:TQUK|Training\s+Qualifications\s+UK)\b/i],
  ['Skillsfirst', /\bSkillsfirst\b/i],
  ['Focus Awards', /\bFocus\s+Awards\b/i],
  ['VTCT', /\bVTCT\b/],
  ['iCQ', /\biCQ\b/],
  ['Open Awards', /\bOpen\s+Awards\b/i],
  ['Gateway Qualifications', /\bGateway\s+Qualifications\b/i],
  ['Active IQ', /\bActive\s*IQ\b/i],
  ['CMI', /\b(?:CMI|Chartered\s+Management\s+Institute)\b/],
  ['ILM', /\b(?:ILM|Institute\s+of\s+Leadership)\b/],
  ['ABC Awards', /\bABC\s+Awards\b/i],
  ['Ascentis', /\bAscentis\b/i],
  ['FutureQuals', /\bFutureQuals\b/i],
  ['Innovate Awarding', /\bInnovate\s+Awarding\b/i],
  ['EAL', /\bEAL\b/],
  ['BIIAB', /\bBIIAB\b/],
  ['1st4sport', /\b1st4sport\b/i],
  ['Agored Cymru', /\bAgored\s+Cymru\b/i],
  ['WJEC', /\bWJEC\b/],
  ['OTHM', /\bOTHM\b/],
  ['Qualifi', /\bQualifi\b/],
  ['ATHE', /\bATHE\b/],
  ['IAO', /\bIAO\b/],
  ['LIBF', /\bLIBF\b/],
  ['Lifetime Awarding', /\bLifetime\s+Awarding\b/i],
  ['Laser Learning Awards', /\bLaser\s+Learning\s+Awards\b/i],
  ['CACHE', /\bCACHE\b/],
];
