/**
 * `decimal`: the RQF/QCF numbering. Outcomes `1`, `2` (or `LO1`, `Learning outcome 2`),
 * criteria `1.1`, `1.2` under outcome 1 (or `AC1.1`, `1.1.`, `(1.1)`, `Criterion 1.1`): a
 * criterion's number names its outcome, and its minor counts within that outcome.
 */
import { OUTCOME_PREFIX, type Scheme, type Token } from './scheme.js';

/** A criterion number at the start of a line: `1.1`, `1.1.`, `AC1.1`, `AC 1.1:`, `(1.1)`, `Criterion 1.1`. */
const CRITERION_START =
  /^\(?(AC|assessment\s+criteri(?:on|a)|criterion)?\s*(\d{1,2})\s*\.\s*(\d{1,2})(?![\d])\)?\.?(?:\s*[:)\-–—]\s*|\s+|$)(.*)$/i;
/** An outcome number at the start of a line: `1`, `1.`, `1)`, `LO1`, `LO 1:`, `Learning outcome 1 -`. */
const OUTCOME_START = new RegExp(String.raw`^\(?(?:(${OUTCOME_PREFIX})\s*)?(\d{1,2})(?![\d.]\d)\)?(?:\s*[.):\-–—]\s*|\s+|$)(.*)$`, 'i');
/** A list's own marker before a printed number (`1. 1.1 Describe…` from an <ol> or Word numbering). */
const LIST_THEN_NUMBER = /^(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+(?=(?:AC|LO)\s*\d|\d{1,2}\.\d{1,2}(?!\d))/i;

export function parseDecimal(text: string): Token | null {
  const listed = LIST_THEN_NUMBER.exec(text);
  if (listed) text = text.slice(listed[0].length);
  let m = CRITERION_START.exec(text);
  if (m) {
    const major = m[2]!;
    const outcome = String(Number(major));
    return { kind: 'criterion', number: `${Number(major)}.${Number(m[3])}`, outcome, grade: null, seq: outcome, ord: Number(m[3]), rest: m[4]!.trim(), prefixed: !!m[1] };
  }
  m = OUTCOME_START.exec(text);
  if (m) {
    const rest = m[3]!.trim();
    const prefixed = !!m[1];
    // A bare number is followed by a capitalised word or nothing (a number alone in a cell).
    if (!prefixed && rest && !/^[A-Z“"‘'(]/.test(rest)) return null;
    if (!prefixed && /^\d/.test(rest)) return null;
    const covers = prefixed ? coveredOutcomes(Number(m[2]), rest) : null;
    const n = String(Number(m[2]));
    if (covers) return { kind: 'outcome', number: n, outcome: null, grade: null, seq: '', ord: Number(n), rest: '', prefixed, covers };
    return { kind: 'outcome', number: n, outcome: null, grade: null, seq: '', ord: Number(n), rest, prefixed };
  }
  return null;
}

/** `LO1 & 2`, `LO2 and 3`, `LO1, 2 & 3` (nothing after): the outcomes a criterion cell covers. */
export function coveredOutcomes(first: number, rest: string): string[] | null {
  const m = /^((?:\s*(?:&|and|,|\/)\s*(?:LO\s*)?\d{1,2})+)\s*:?$/i.exec(rest);
  if (!m) return null;
  return [String(first), ...(m[1]!.match(/\d{1,2}/g) ?? []).map((d) => String(Number(d)))];
}

export const decimal: Scheme = {
  id: 'decimal',
  summary: 'outcomes 1, 2 (LO1); criteria 1.1, 1.2 under outcome 1 (AC1.1, 1.1., (1.1), Criterion 1.1)',
  examples: [
    { text: 'LO1 Understand the retail sector', expect: { kind: 'outcome', number: '1', rest: 'Understand the retail sector', prefixed: true } },
    { text: '2. Be able to serve customers', expect: { kind: 'outcome', number: '2', prefixed: false } },
    { text: 'Learning outcome 3: Know how stock is controlled', expect: { kind: 'outcome', number: '3', prefixed: true } },
    { text: 'LO2 — Be able to serve customers', expect: { kind: 'outcome', number: '2', rest: 'Be able to serve customers', prefixed: true } },
    { text: 'AC1.2 Explain how retailers compete', expect: { kind: 'criterion', number: '1.2', outcome: '1', ord: 2, prefixed: true } },
    { text: '(2.1) Greet customers', expect: { kind: 'criterion', number: '2.1', outcome: '2' } },
    { text: '1.1. Describe stock rotation', expect: { kind: 'criterion', number: '1.1' } },
    { text: 'Criterion 1.3 State the law', expect: { kind: 'criterion', number: '1.3', prefixed: true } },
    { text: '1. 1.1 Describe the structure', expect: { kind: 'criterion', number: '1.1' } },
    { text: 'LO1 & 2', expect: { kind: 'outcome', number: '1', covers: ['1', '2'] } },
    { text: '3 credits from group B', expect: null },
    { text: '12 hours', expect: null },
    { text: 'P1 Review the tools', expect: null },
  ],
  parse: (text) => parseDecimal(text),
  outcomeOrdinal: (n) => Number(n),
  outcomeAt: (k) => String(k),
  seqFor: (outcome) => outcome,
  criterionNumber: (_seq, ord, outcome) => `${outcome}.${ord}`,
  inline: {
    // `…organisations1.2 Describe…`, `… 1.3 Explain`: a criterion number inside running text.
    pattern: /(?<![\d./])(\d{1,2})\.(\d{1,2})(?![\d])\.?\s*(?=[A-Z“"‘'(])/g,
    number: (m) => `${Number(m[1])}.${Number(m[2])}`,
  },
};
