/**
 * `graded`: Pearson BTEC Higher Nationals' Pass / Merit / Distinction criteria `P1…`, `M1…`,
 * `D1…`, in rows per outcome (`LO1 …`). A code's letter is its grade and each grade counts on
 * across the unit (P1 P2 under LO1, P3 under LO2); a criterion belongs to the outcome whose row
 * it is in. A criterion printed against several outcomes (`LO1 & 2` over `D1`) sits under the
 * first of them.
 */
import type { Grade } from '@qualspec/model';
import { coveredOutcomes } from './decimal.js';
import { OUTCOME_PREFIX, type Scheme, type Token } from './scheme.js';

export const GRADE_OF: Record<string, Grade> = { P: 'pass', M: 'merit', D: 'distinction' };

/** `P1 Review…`, `M2:`, `D1.` (bold codes may run into their text: `P1Review`). */
const CRITERION = /^([PMD])\s?(\d{1,2})(?![\d.]\d)(?:[.:)]\s*|\s+|(?=[A-Z“"‘'(])|$)(.*)$/;
/** `LO1 Examine…`, `Learning outcome 2:`; an outcome of a graded grid always carries its prefix. */
const OUTCOME = new RegExp(String.raw`^(?:${OUTCOME_PREFIX})\s*(\d{1,2})(?![\d.]\d)(?:\s*[.):\-–—]\s*|\s+|$)(.*)$`, 'i');

export function parseGradedCode(text: string): Token | null {
  const m = CRITERION.exec(text);
  if (!m) return null;
  const grade = GRADE_OF[m[1]!]!;
  return { kind: 'criterion', number: `${m[1]}${Number(m[2])}`, outcome: null, grade, seq: m[1]!, ord: Number(m[2]), rest: m[3]!.trim(), prefixed: true };
}

function parseGraded(text: string): Token | null {
  const c = parseGradedCode(text);
  if (c) return c;
  const m = OUTCOME.exec(text);
  if (!m) return null;
  const n = String(Number(m[1]));
  const rest = m[2]!.trim();
  const covers = coveredOutcomes(Number(m[1]), rest);
  if (covers) return { kind: 'outcome', number: n, outcome: null, grade: null, seq: '', ord: Number(n), rest: '', prefixed: true, covers };
  return { kind: 'outcome', number: n, outcome: null, grade: null, seq: '', ord: Number(n), rest, prefixed: true };
}

export const graded: Scheme = {
  id: 'graded',
  summary: 'Pass/Merit/Distinction criteria P1, M1, D1 counted per grade across the unit, under the outcome row (LO1) they are in',
  examples: [
    { text: 'P1 Review the tools and techniques used to support quality control.', expect: { kind: 'criterion', number: 'P1', grade: 'pass', seq: 'P', ord: 1 } },
    { text: 'M2 Determine with justification', expect: { kind: 'criterion', number: 'M2', grade: 'merit', ord: 2 } },
    { text: 'D1', expect: { kind: 'criterion', number: 'D1', grade: 'distinction', rest: '' } },
    { text: 'P3Analyse the effective use', expect: { kind: 'criterion', number: 'P3', rest: 'Analyse the effective use' } },
    { text: 'LO2 Analyse cost effective quality control tools', expect: { kind: 'outcome', number: '2', prefixed: true } },
    { text: 'LO1 & 2', expect: { kind: 'outcome', number: '1', covers: ['1', '2'] } },
    { text: 'LO3 and 4', expect: { kind: 'outcome', number: '3', covers: ['3', '4'] } },
    { text: '2. Understand the procedures', expect: null },
    { text: 'Pass', expect: null },
    { text: 'PPE for different tasks', expect: null },
  ],
  parse: (text) => parseGraded(text),
  outcomeOrdinal: (n) => Number(n),
  outcomeAt: (k) => String(k),
  seqFor: (_outcome, grade) => (grade === 'merit' ? 'M' : grade === 'distinction' ? 'D' : 'P'),
  criterionNumber: (seq, ord) => `${seq}${ord}`,
};
