/**
 * A numbering scheme: how one family of specifications numbers its learning outcomes and
 * assessment criteria. A scheme parses the token a line starts with, says where the token
 * stands in its sequence (so the outline builder can tell a natural successor from a gap or a
 * repeat) and which outcome a criterion belongs to. The outline builder knows no scheme's
 * syntax; a new scheme is a new file here and one line in `index.ts`.
 */
import type { Grade } from '@qualspec/model';

/**
 * What the surrounding text says a line is: the column it sits in (a table header named it),
 * or the region a header line opened (`Assessment criteria` / `The learner can:`).
 * `other`: a column the header names as something else (evidence, assessment method).
 */
export type Role = 'outcome' | 'criterion' | 'number' | 'other' | null;

export interface Token {
  kind: 'outcome' | 'criterion';
  /** The number as the model keeps it: `1` (`LO1`), `1.1` (`AC1.1`), `3` (a local `3.`), `P1`, `A.P1`, `A`. */
  number: string;
  /** For a criterion whose number names its outcome (`2.3` → `2`, `B.P3` → `B`); null when only its place tells. */
  outcome: string | null;
  grade: Grade | null;
  /**
   * The sequence a criterion's ordinal counts in: the same key means "follows on". Decimal and
   * local criteria count within their outcome; graded ones within their grade across the unit.
   */
  seq: string;
  /** Position in the sequence: `1.3` → 3, `P4` → 4, outcome `B` → 2. */
  ord: number;
  /** The text after the token. */
  rest: string;
  /** Written with its kind (`LO1`, `Learning outcome 1`, `AC1.1`): it names itself, whatever the column. */
  prefixed: boolean;
  /** `LO1 & 2` over a criterion cell: a label naming the outcomes it covers, not an outcome heading. */
  covers?: string[];
  /** The level a code grades at where there are two (`A.2P1`: level 2 Pass); criteria run level by level. */
  tier?: number;
  /** A list's number, named by the place it stands in (`3.` under outcome 2 as `2.3`). */
  listed?: boolean;
  /** What the line reads as when it is not a list's number (the list cannot be placed there). */
  alt?: Token;
}

export interface SchemeExample {
  text: string;
  /** The region or column the line is read in (default: none known). */
  region?: Role;
  /** The line is an item of a list (default: not). */
  listed?: boolean;
  /** What the scheme must read, or null for "not a token of this scheme". */
  expect: (Partial<Omit<Token, 'alt'>> & { alt?: Partial<Token> }) | null;
}

export interface Scheme {
  id: string;
  summary: string;
  /** Lines with what the scheme reads from them; a test runs every one. */
  examples: SchemeExample[];
  /** The token a line starts with, read in `region`; `listed`: the line is an item of a list (the adapter saw one). */
  parse(text: string, region: Role, listed?: boolean): Token | null;
  /** Position of an outcome number in the outcome sequence (`3` → 3, `C` → 3). */
  outcomeOrdinal(number: string): number;
  /** The outcome number at a position (the inverse of outcomeOrdinal). */
  outcomeAt(ordinal: number): string;
  /** The sequence key of a criterion belonging to outcome `outcome` (for the first criterion of an outcome). */
  seqFor(outcome: string, grade: Grade | null): string;
  /** The printed number of the criterion at `ord` in sequence `seq` (for expecting what comes next). */
  criterionNumber(seq: string, ord: number, outcome: string): string;
  /**
   * A criterion placed by position (a list's number, `outcome` null) as the scheme names it
   * under `outcome`, after the outcome's last criterion `before`; null when a list cannot stand
   * there. Without this, such a number stays as printed.
   */
  placed?(tok: Token, outcome: string, before: { ord: number; listed: boolean } | null): Token | null;
  /**
   * Criterion numbers that may be run into the text of the one before (`…organisations1.2
   * Describe…`): a pattern finding candidate numbers, each checked against what may come next.
   */
  inline?: { pattern: RegExp; number(m: RegExpExecArray): string; rest?: never };
}

/** An `LO`, `L.O.`, `Learning outcome` or `Outcome` prefix before an outcome number. */
export const OUTCOME_PREFIX = String.raw`(?:LO|L\.O\.|learning\s+outcome|outcome)`;
