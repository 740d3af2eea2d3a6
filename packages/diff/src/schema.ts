/**
 * The DiffReport (version 1) as zod schemas. The JSON Schema shipped in schema/diff-report.json
 * is generated from these (scripts/write-schemas.mjs).
 */
import { z } from 'zod';

export const DiffClass = z
  .enum(['cosmetic', 'spelling', 'wording', 'structural'])
  .describe(
    'cosmetic: white space, quotes, dashes, punctuation, case; spelling: British/American and hyphenation variants; ' +
      'wording: any other change of text; structural: added, removed, moved or renumbered outcomes and criteria, and changed level, credits or GLH.',
  );

export const ClassCounts = z.object({
  cosmetic: z.number().int().nonnegative(),
  spelling: z.number().int().nonnegative(),
  wording: z.number().int().nonnegative(),
  structural: z.number().int().nonnegative(),
});

export const Segment = z
  .object({
    op: z.enum(['equal', 'delete', 'insert']),
    text: z.string(),
    /** Class of the change this deletion or insertion belongs to; null for equal text. */
    class: DiffClass.nullable(),
  })
  .describe('A piece of a word-level diff from side a to side b: delete is only in a, insert only in b.');

export const DiffSide = z
  .object({
    /** Criterion or outcome number as printed on this side. */
    number: z.string().nullable(),
    /** For a criterion: the number of the outcome it sits under on this side. */
    outcome: z.string().nullable(),
    /** Text (title, outcome or criterion), or null for numeric fields. */
    text: z.string().nullable(),
    /** Value of level, credits or GLH; null for text fields. */
    value: z.number().nullable(),
  })
  .describe('One side of a difference.');

export const Difference = z.object({
  class: DiffClass,
  field: z.enum(['title', 'level', 'credits', 'glh', 'outcome', 'criterion']),
  change: z.enum(['changed', 'added', 'removed', 'moved', 'renumbered']),
  /** The comparison's side a (null when added on side b). */
  a: DiffSide.nullable(),
  /** The comparison's side b (null when removed, i.e. only on side a). */
  b: DiffSide.nullable(),
  /** Word-level diff from a to b, for changed text; null otherwise. */
  segments: z.array(Segment).nullable(),
  /** Word similarity (0..1) of an aligned pair whose text differs; null otherwise. */
  similarity: z.number().min(0).max(1).nullable(),
});

export const Comparison = z
  .object({
    /** Indices (into documents) of the documents whose version is side a: the base variant. */
    a: z.array(z.number().int().nonnegative()),
    /** Indices of the documents whose version is side b. */
    b: z.array(z.number().int().nonnegative()),
    counts: ClassCounts,
    differences: z.array(Difference),
  })
  .describe('The base variant of a unit (the version of the first document that has it) against one other variant.');

export const MatchInfo = z.object({
  /**
   * ref: by reference number; corrected-ref: by the reference with its check letter corrected;
   * title/content: a unit without reference matched by title and content similarity; none: unmatched.
   */
  by: z.enum(['ref', 'corrected-ref', 'title', 'content', 'none']),
  /** Match score (0..1) for units matched by similarity; null otherwise. */
  score: z.number().min(0).max(1).nullable(),
});

export const Version = z.object({
  doc: z.number().int().nonnegative(),
  /** Reference as printed on the unit's page (null for TBC or none). */
  ref: z.string().nullable(),
  refValid: z.boolean().nullable(),
  /** The body's own running number: shown, never compared. */
  number: z.string().nullable(),
  title: z.string(),
  level: z.number().nullable(),
  credits: z.number().nullable(),
  glh: z.number().nullable(),
  outcomes: z.number().int().nonnegative(),
  criteria: z.number().int().nonnegative(),
  location: z.object({ page: z.number().int().positive().nullable(), line: z.number().int().positive().nullable() }).nullable(),
  match: MatchInfo,
});

export const UnitEntry = z.object({
  /** The matching key: the (corrected) reference, or `title:<title>` for an unmatched unit without one. */
  key: z.string(),
  ref: z.string().nullable(),
  title: z.string(),
  status: z.enum(['identical', 'diverging', 'only-in-one']),
  versions: z.array(Version),
  /** Groups of documents whose versions do not differ; the first is the base. */
  variants: z.array(z.array(z.number().int().nonnegative())),
  comparisons: z.array(Comparison),
  counts: ClassCounts,
});

export const FindingKind = z.enum(['check-letter', 'duplicate-body', 'same-title-different-ref', 'ref-mismatch-table', 'same-ref-different-title']);

export const Occurrence = z.object({
  doc: z.number().int().nonnegative(),
  /** Reference as printed there. */
  ref: z.string().nullable(),
  title: z.string().nullable(),
  level: z.number().nullable(),
  /** unit: the unit's own page; table: the structure table (rules of combination). */
  where: z.enum(['unit', 'table']),
  /** The key of the unit entry this occurrence was compared under (null for table rows). */
  key: z.string().nullable(),
  location: z.object({ page: z.number().int().positive().nullable(), line: z.number().int().positive().nullable() }).nullable(),
});

export const Finding = z.object({
  kind: FindingKind,
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** The reference concerned (as printed), if one. */
  ref: z.string().nullable(),
  /** The corrected or expected reference, if known. */
  suggestion: z.string().nullable(),
  title: z.string().nullable(),
  occurrences: z.array(Occurrence),
  /** For duplicate-body: the other versions under the same key, whose body differs. */
  differing: z.array(Occurrence),
});

export const DocumentInfo = z.object({
  index: z.number().int().nonnegative(),
  /** Short label used in reports, e.g. `ProQual L3 Diploma`. */
  label: z.string(),
  awardingBody: z.string().nullable(),
  title: z.string().nullable(),
  number: z.string().nullable(),
  level: z.number().nullable(),
  draft: z.boolean(),
  path: z.string().nullable(),
  format: z.string().nullable(),
  sha256: z.string().nullable(),
  units: z.number().int().nonnegative(),
});

export const Summary = z.object({
  documents: z.number().int().nonnegative(),
  /** Distinct units (entries) over all documents. */
  units: z.number().int().nonnegative(),
  /** Units present in at least two documents. */
  unitsCompared: z.number().int().nonnegative(),
  identical: z.number().int().nonnegative(),
  diverging: z.number().int().nonnegative(),
  onlyInOne: z.number().int().nonnegative(),
  /** Differences by class, over all comparisons. */
  byClass: ClassCounts,
  /** Diverging units with at least one difference of each class. */
  unitsByClass: ClassCounts,
  differences: z.number().int().nonnegative(),
  findings: z.number().int().nonnegative(),
  findingsByKind: z.record(z.string(), z.number().int().nonnegative()),
});

export const DiffReport = z.object({
  /** The URL of the JSON Schema this report follows (the JSON reporter writes it; optional). */
  $schema: z.string().optional(),
  schemaVersion: z.literal('1'),
  kind: z.literal('qualspec-diff-report'),
  documents: z.array(DocumentInfo),
  summary: Summary,
  findings: z.array(Finding),
  /** One entry per unit: identical ones have no comparisons. */
  units: z.array(UnitEntry),
});

export type DiffClass = z.infer<typeof DiffClass>;
export type ClassCounts = z.infer<typeof ClassCounts>;
export type Segment = z.infer<typeof Segment>;
export type DiffSide = z.infer<typeof DiffSide>;
export type Difference = z.infer<typeof Difference>;
export type Comparison = z.infer<typeof Comparison>;
export type MatchInfo = z.infer<typeof MatchInfo>;
export type Version = z.infer<typeof Version>;
export type UnitEntry = z.infer<typeof UnitEntry>;
export type FindingKind = z.infer<typeof FindingKind>;
export type Occurrence = z.infer<typeof Occurrence>;
export type Finding = z.infer<typeof Finding>;
export type DocumentInfo = z.infer<typeof DocumentInfo>;
export type Summary = z.infer<typeof Summary>;
export type DiffReport = z.infer<typeof DiffReport>;

/** The JSON Schema of a DiffReport (shipped as schema/diff-report.json). */
export function diffReportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'urn:qualspec:schema:diff-report:1',
    title: 'qualspec DiffReport (version 1)',
    ...(z.toJSONSchema(DiffReport, { target: 'draft-2020-12' }) as Record<string, unknown>),
  };
}
