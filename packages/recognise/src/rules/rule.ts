/**
 * A rule of the recogniser: an id, what it recognises, its pattern, and examples a test runs
 * (`yes` lines it must match, `no` lines it must not). Rules live in tables, one per kind of
 * line (labels, unit headings, headers, sections), in order of precedence where it matters.
 */
export interface Rule {
  /** Stable id, `kind/name` (`label/level`, `heading/unit-number-title`), as the trace shows it. */
  id: string;
  summary: string;
  /** The rule's pattern; or `test`, where the rule is more than one pattern. */
  pattern?: RegExp;
  test?: (text: string) => boolean;
  yes: string[];
  no: string[];
}

/** A rule that is one pattern. */
export type PatternRule = Rule & { pattern: RegExp };

/** Whether a rule matches a line. */
export function matches(rule: Rule, text: string): boolean {
  return rule.test ? rule.test(text) : !!rule.pattern && new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '')).test(text);
}

/** Build a pattern's alternation from a word list: a space in a phrase matches any white space. */
export function phrases(list: readonly string[]): string {
  return `(?:${list.map((p) => p.replace(/ /g, String.raw`\s+`)).join('|')})`;
}
