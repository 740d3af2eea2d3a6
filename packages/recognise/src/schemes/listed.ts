/**
 * `decimal-list`: the RQF/QCF numbering where the criteria sit in a list numbered afresh under
 * each outcome (`1.`, `2.`, `3.` under outcome 2: an HTML `<ol>` or Word list restarting in each
 * outcome's cell), the printed `1.1` style showing elsewhere in the unit (a criterion typed as
 * `1.6` where the list goes on past a page break). A list's number is the criterion's place in
 * its outcome, and it is named in the unit's scheme: `3.` under outcome 2 is `2.3`.
 *
 * It comes after `local` (the same list numbers kept as printed): on a tie, that is, when the
 * unit prints no decimal criterion number to show its scheme, the numbers stay as printed.
 */
import { decimal, parseDecimal } from './decimal.js';
import type { Scheme, Token } from './scheme.js';

/** `1.`, `2)`, `(3)` before a word: a list number (a number without its stop is a quantity: `40 minutes`). */
const LIST_NUMBER = /^\(?(\d{1,2})[.)]\)?(?:\s+|$)(.*)$/;

function parseListed(text: string, region: string | null, listed = false): Token | null {
  const dec = parseDecimal(text);
  // Only a list's item carries a list's number; a numbered line of its own is decimal's outcome.
  if (dec?.kind === 'criterion' || region !== 'criterion' || !listed || dec?.prefixed) return dec;
  const m = LIST_NUMBER.exec(text);
  if (!m) return null;
  const rest = m[2]!.trim();
  if (/^\d/.test(rest)) return null;
  const n = Number(m[1]);
  // The outcome is the one the list stands under: named when it is placed.
  const tok: Token = { kind: 'criterion', number: String(n), outcome: null, grade: null, seq: '', ord: n, rest, prefixed: false };
  if (dec) tok.alt = dec;
  return tok;
}

/**
 * A list of an outcome's criteria starts at 1 and counts on by one; it does not follow
 * criteria printed with their numbers (an outcome's own list item after them is the next
 * outcome: `2. Be able to …` after `1.3`).
 */
function placeListed(tok: Token, outcome: string, before: { ord: number; listed: boolean } | null): Token | null {
  if (before ? !before.listed || tok.ord !== before.ord + 1 : tok.ord !== 1) return null;
  const { alt: _alt, ...named } = tok;
  return { ...named, outcome, number: `${outcome}.${tok.ord}`, seq: outcome, listed: true };
}

export const decimalList: Scheme = {
  id: 'decimal-list',
  summary: 'criteria listed 1., 2. afresh under each outcome, named in the decimal scheme the unit prints elsewhere (3. under outcome 2 is 2.3)',
  examples: [
    { text: '3. Explain how hazards are reported', region: 'criterion', listed: true, expect: { kind: 'criterion', number: '3', ord: 3, outcome: null } },
    { text: '1.6 Explain how to use calculations', region: 'criterion', expect: { kind: 'criterion', number: '1.6', outcome: '1', ord: 6 } },
    { text: '2. Understand the strategies of risk control', region: 'criterion', expect: { kind: 'outcome', number: '2' } },
    { text: '2. Understand the strategies of risk control', region: 'criterion', listed: true, expect: { kind: 'criterion', number: '2', alt: { kind: 'outcome', number: '2' } } },
    { text: '2. Understand the strategies of risk control', listed: true, expect: { kind: 'outcome', number: '2' } },
    { text: 'LO3 Understand incident investigation', region: 'criterion', listed: true, expect: { kind: 'outcome', number: '3', prefixed: true } },
    { text: '40 minutes', region: 'criterion', listed: true, expect: null },
    { text: 'a. record the findings', region: 'criterion', listed: true, expect: null },
  ],
  parse: parseListed,
  outcomeOrdinal: (n) => Number(n),
  outcomeAt: (k) => String(k),
  seqFor: (outcome) => outcome,
  criterionNumber: (_seq, ord, outcome) => `${outcome}.${ord}`,
  placed: placeListed,
  inline: decimal.inline,
};
