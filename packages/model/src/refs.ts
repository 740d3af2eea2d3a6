/**
 * RQF/QCF unit reference numbers (`C/ddd/dddd`) and Ofqual qualification numbers
 * (`ddd/dddd/c`), both with a check character from weights 8..2 over seven digits.
 */

const LETTERS = 'ADFHJKLMRTY';
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2];

function weightedSum(digits: string): number {
  let s = 0;
  for (let i = 0; i < 7; i++) s += WEIGHTS[i]! * Number(digits[i]);
  return s;
}

/** Normalise a printed unit reference (`f/502/4397`, `F 502 4397`, `F/502/4397.`) to `F/502/4397`, or null. */
export function normaliseUnitRef(text: string): string | null {
  const m = /^\s*([A-Za-z])\s*[/\\\s-]\s*(\d{3})\s*[/\\\s-]\s*(\d{4})\s*[.,;:]?\s*$/.exec(text);
  if (!m) return null;
  return `${m[1]!.toUpperCase()}/${m[2]}/${m[3]}`;
}

/** The check letter the seven digits of a QCF/RQF unit reference (the weighted rule) call for. */
export function unitRefCheckLetter(digits: string): string {
  return LETTERS[weightedSum(digits) % 11]!;
}

/**
 * Check-letter rules by series (the reference's first three digits). Older references
 * (`/500/` to `/649/`: `/502/`, `/503/`, `/602/`, `/615/`, `/617/` …) take the weighted rule;
 * the newer `/650/` and `/651/` series (issued from about 2023) take the digit sum plus 6. A
 * series with no known rule is unverifiable: never reported wrong.
 */
export const CHECK_LETTER_RULES: { id: string; series: [number, number]; letter: (digits: string) => string; example: string }[] = [
  { id: 'weighted', series: [500, 649], letter: unitRefCheckLetter, example: 'J/502/4397' },
  {
    id: 'digit-sum-plus-6',
    series: [650, 651],
    letter: (d) => LETTERS[([...d].reduce((s, c) => s + Number(c), 0) + 6) % 11]!,
    example: 'Y/651/0734',
  },
];

export interface RefCheck {
  /** The reference normalised to `X/999/9999`, or null when it is not one. */
  ref: string | null;
  /** Whether the check letter is right; null when the series has no known rule (unverifiable). */
  valid: boolean | null;
  /** The reference with the right check letter, when the printed one is wrong. */
  suggestion: string | null;
}

/** Check a unit reference number; `F/502/4397` gives `{ valid: false, suggestion: 'J/502/4397' }`. */
export function checkUnitRef(text: string): RefCheck {
  const ref = normaliseUnitRef(text);
  if (!ref) return { ref: null, valid: false, suggestion: null };
  const digits = ref.slice(2, 5) + ref.slice(6, 10);
  const series = Number(ref.slice(2, 5));
  const rule = CHECK_LETTER_RULES.find((r) => series >= r.series[0] && series <= r.series[1]);
  if (!rule) return { ref, valid: null, suggestion: null };
  const want = rule.letter(digits);
  const valid = ref[0] === want;
  return { ref, valid, suggestion: valid ? null : `${want}${ref.slice(1)}` };
}

export interface QualificationNumberCheck {
  number: string | null;
  /** true or false when checkable; null when the remainder is 10 (printing unknown, so unverifiable). */
  valid: boolean | null;
  suggestion: string | null;
}

/** Normalise `601/3576/1` (also with spaces) or return null. */
export function normaliseQualificationNumber(text: string): string | null {
  const m = /^\s*(\d{3})\s*\/\s*(\d{4})\s*\/\s*([0-9X])\s*$/i.exec(text);
  return m ? `${m[1]}/${m[2]}/${m[3]!.toUpperCase()}` : null;
}

/** Check an Ofqual qualification number: check digit = weighted sum mod 11; 10 is unverifiable. */
export function checkQualificationNumber(text: string): QualificationNumberCheck {
  const number = normaliseQualificationNumber(text);
  if (!number) return { number: null, valid: false, suggestion: null };
  const digits = number.slice(0, 3) + number.slice(4, 8);
  const r = weightedSum(digits) % 11;
  if (r === 10) return { number, valid: null, suggestion: null };
  const valid = number.slice(9) === String(r);
  return { number, valid, suggestion: valid ? null : `${number.slice(0, 9)}${r}` };
}
