/**
 * `learning-aim`: BTEC Nationals' learning aims `A`, `B` (`Learning aim A: …`) and their
 * criteria `A.P1`, `A.M1`, `B.D2` (`AB.D1` for a distinction across aims). The letters before
 * the dot name the aim (the first of them when several); each grade counts on across the unit.
 */
import { GRADE_OF } from './graded.js';
import type { Scheme, Token } from './scheme.js';

/**
 * `A.P1 Explain…`, `B.M2:`, `AB.D1` (a distinction over aims A and B); `A.1P1`, `B.2D2` where a
 * qualification grades at two levels (BTEC Tech Awards: Level 1 Pass … Level 2 Distinction),
 * each level's grades counting on across the unit.
 */
const CRITERION = /^([A-H]{1,3})\s?\.\s?([1-3])?([PMD])\s?(\d{1,2})(?![\d.]\d)(?:[.:)]\s*|\s+|$)(.*)$/;
/** `Learning aim A: Understand…`, `Aim B –`; a bare `A` only where the column or region says outcome. */
const AIM = /^(?:learning\s+aim|aim)\s+([A-H])\b\s*(?:[.):\-–—]\s*|\s+|$)(.*)$/i;
const BARE_AIM = /^([A-H])(?:[.):\-–—]\s*|\s+)(?=[A-Z])(.*)$/;

function parseAim(text: string, region: string | null): Token | null {
  let m = CRITERION.exec(text);
  if (m) {
    const outcome = m[1]![0]!;
    const seq = `${m[2] ?? ''}${m[3]}`;
    const tok: Token = { kind: 'criterion', number: `${m[1]}.${seq}${Number(m[4])}`, outcome, grade: GRADE_OF[m[3]!]!, seq, ord: Number(m[4]), rest: m[5]!.trim(), prefixed: true };
    if (m[2]) tok.tier = Number(m[2]);
    if (m[1]!.length > 1) tok.covers = [...m[1]!];
    return tok;
  }
  m = AIM.exec(text) ?? (region === 'outcome' ? BARE_AIM.exec(text) : null);
  if (!m) return null;
  const letter = m[1]!.toUpperCase();
  return { kind: 'outcome', number: letter, outcome: null, grade: null, seq: '', ord: letter.charCodeAt(0) - 64, rest: m[2]!.trim(), prefixed: !!AIM.exec(text) };
}

export const learningAim: Scheme = {
  id: 'learning-aim',
  summary: 'learning aims A, B with criteria A.P1, A.M1, B.D2 (BTEC Nationals), or A.1P1, B.2D2 graded at two levels (BTEC Tech Awards)',
  examples: [
    { text: 'Learning aim A: Understand the principles of team working', expect: { kind: 'outcome', number: 'A', ord: 1, prefixed: true } },
    { text: 'A.P1 Explain the roles within a team', expect: { kind: 'criterion', number: 'A.P1', outcome: 'A', grade: 'pass', seq: 'P', ord: 1 } },
    { text: 'B.M2 Assess how', expect: { kind: 'criterion', number: 'B.M2', outcome: 'B', grade: 'merit', ord: 2 } },
    { text: 'AB.D1 Evaluate the effectiveness', expect: { kind: 'criterion', number: 'AB.D1', outcome: 'A', grade: 'distinction', covers: ['A', 'B'] } },
    { text: 'B Explore how teams communicate', region: 'outcome', expect: { kind: 'outcome', number: 'B', ord: 2 } },
    { text: 'A.1P1 Identify media products and their audiences', expect: { kind: 'criterion', number: 'A.1P1', outcome: 'A', grade: 'pass', seq: '1P', ord: 1, tier: 1 } },
    { text: 'B.2D2 Analyse how meaning is made', expect: { kind: 'criterion', number: 'B.2D2', outcome: 'B', grade: 'distinction', seq: '2D', ord: 2, tier: 2 } },
    { text: 'A good team listens', expect: null },
    { text: 'P1 Review the tools', expect: null },
    { text: '1.1 Identify statutory regulations', expect: null },
  ],
  parse: parseAim,
  outcomeOrdinal: (n) => n.toUpperCase().charCodeAt(0) - 64,
  outcomeAt: (k) => String.fromCharCode(64 + k),
  seqFor: (_outcome, grade) => (grade === 'merit' ? 'M' : grade === 'distinction' ? 'D' : 'P'),
  criterionNumber: (seq, ord, outcome) => `${outcome}.${seq}${ord}`,
};
