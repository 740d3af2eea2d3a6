/**
 * `local`: criteria numbered afresh under each outcome (`1.`, `2.`, `3.` under outcome 2), as
 * some City & Guilds handbooks print them. A bare number is an outcome or a criterion only by
 * where it stands: after `Assessment criteria` / `The learner can:` (or in a criteria column)
 * it is a criterion of the outcome above; elsewhere an outcome. The number is kept as printed.
 */
import { parseDecimal } from './decimal.js';
import type { Scheme, Token } from './scheme.js';

/** `1.`, `2)`, `(3)` before a word: a list number (a number without its stop is a quantity: `40 minutes`). */
const BARE_NUMBER = /^\(?(\d{1,2})[.)]\)?(?:\s+|$)(.*)$/;

function parseLocal(text: string, region: string | null): Token | null {
  const dec = parseDecimal(text);
  // Outcomes as decimal reads them (`LO2`, `2.`); a `1.1` is no local number.
  if (dec?.kind === 'criterion') return null;
  if (region !== 'criterion') return dec;
  if (dec?.prefixed) return dec;
  const m = BARE_NUMBER.exec(text);
  if (!m) return null;
  const rest = m[2]!.trim();
  if (/^\d/.test(rest)) return null;
  const n = Number(m[1]);
  return { kind: 'criterion', number: String(n), outcome: null, grade: null, seq: '', ord: n, rest, prefixed: false };
}

export const local: Scheme = {
  id: 'local',
  summary: 'criteria numbered 1, 2, 3 afresh under each outcome, told from outcomes by the region they are in',
  examples: [
    { text: '1. identify roles and responsibilities', region: 'criterion', expect: { kind: 'criterion', number: '1', ord: 1, outcome: null } },
    { text: '9. state the implications of:', region: 'criterion', expect: { kind: 'criterion', number: '9', rest: 'state the implications of:' } },
    { text: '2. Understand the procedures for dealing with hazards', region: 'outcome', expect: { kind: 'outcome', number: '2' } },
    { text: '2. Understand the procedures', expect: { kind: 'outcome', number: '2' } },
    { text: 'LO3 Be able to install wiring systems', region: 'criterion', expect: { kind: 'outcome', number: '3', prefixed: true } },
    { text: '1.1 Identify statutory regulations', region: 'criterion', expect: null },
    { text: 'a. carrying out safe isolation procedures', region: 'criterion', expect: null },
    { text: '40 minutes', region: 'criterion', expect: null },
  ],
  parse: parseLocal,
  outcomeOrdinal: (n) => Number(n),
  outcomeAt: (k) => String(k),
  seqFor: (outcome) => outcome,
  criterionNumber: (_seq, ord) => String(ord),
};
