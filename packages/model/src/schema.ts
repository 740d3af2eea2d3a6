/**
 * The canonical model (MODEL.md, contract version 1) as zod schemas.
 * Field names are the contract: never rename, only add.
 */
import { z } from 'zod';

export const Location = z
  .object({
    page: z.number().int().positive().nullable(),
    line: z.number().int().positive().nullable(),
  })
  .describe('Where something starts in the source; either may be null.');

export const Format = z.enum(['pdf', 'docx', 'html', 'markdown', 'text']);

export const Source = z.object({
  path: z.string().nullable(),
  format: Format,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().nonnegative().nullable(),
});

export const Severity = z.enum(['error', 'warning', 'info']);

export const Diagnostic = z.object({
  severity: Severity,
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  message: z.string(),
  unit: z.string().nullable(),
  location: Location.nullable(),
  /** vfile-message habit: which part of qualspec raised it (`qualspec:recognise`, `qualspec:pdf`, ...). */
  source: z.string().optional(),
  /** vfile-message habit: where, as `{ line, column }` plus page when known. */
  place: z
    .object({ line: z.number().int().positive().nullable(), page: z.number().int().positive().nullable() })
    .nullable()
    .optional(),
});

/** The grade a graded criterion is for (Pearson BTEC `P1`, `M2`, `D1`; BTEC Nationals `A.P1`). */
export const Grade = z.enum(['pass', 'merit', 'distinction']);

export const Criterion = z.object({
  number: z.string(),
  text: z.string(),
  /** `pass`, `merit` or `distinction` for graded criteria, else null. */
  grade: Grade.nullable(),
  location: Location.nullable(),
});

export const Outcome = z.object({
  number: z.string(),
  text: z.string(),
  criteria: z.array(Criterion),
  location: Location.nullable(),
});

export const Unit = z.object({
  ref: z.string().regex(/^[A-Z]\/\d{3}\/\d{4}$/).nullable(),
  refValid: z.boolean().nullable(),
  number: z.string().nullable(),
  title: z.string(),
  level: z.number().nullable(),
  credits: z.number().nullable(),
  glh: z.number().nullable(),
  outcomes: z.array(Outcome),
  guidance: z.string().nullable(),
  location: Location.nullable(),
});

export const UnitRow = z.object({
  ref: z.string().nullable(),
  title: z.string().nullable(),
  level: z.number().nullable(),
  credits: z.number().nullable(),
  glh: z.number().nullable(),
});

export const Group = z.object({
  name: z.string(),
  kind: z.enum(['mandatory', 'optional']),
  minCredits: z.number().nullable(),
  maxCredits: z.number().nullable(),
  units: z.array(UnitRow),
});

export const Rules = z.object({
  totalCredits: z.number().nullable(),
  minCreditsAtLevel: z.object({ level: z.number(), credits: z.number() }).nullable(),
  groups: z.array(Group),
});

export const Qualification = z.object({
  title: z.string().nullable(),
  number: z.string().nullable(),
  level: z.number().nullable(),
  credits: z.number().nullable(),
  glh: z.number().nullable(),
  glhMax: z.number().nullable(),
  tqt: z.number().nullable(),
  draft: z.boolean(),
  rules: Rules.nullable(),
});

export const SpecDocument = z.object({
  /** The URL of the JSON Schema this document follows (parse-spec writes it; optional). */
  $schema: z.string().optional(),
  schemaVersion: z.literal('1'),
  source: Source,
  awardingBody: z.string().nullable(),
  qualification: Qualification,
  units: z.array(Unit),
  diagnostics: z.array(Diagnostic),
});

export type Location = z.infer<typeof Location>;
export type Format = z.infer<typeof Format>;
export type Source = z.infer<typeof Source>;
export type Severity = z.infer<typeof Severity>;
export type Diagnostic = z.infer<typeof Diagnostic>;
export type Grade = z.infer<typeof Grade>;
export type Criterion = z.infer<typeof Criterion>;
export type Outcome = z.infer<typeof Outcome>;
export type Unit = z.infer<typeof Unit>;
export type UnitRow = z.infer<typeof UnitRow>;
export type Group = z.infer<typeof Group>;
export type Rules = z.infer<typeof Rules>;
export type Qualification = z.infer<typeof Qualification>;
export type SpecDocument = z.infer<typeof SpecDocument>;
