export { diffSpecs, checkReport } from './diff-specs.js';
export type { DiffInput, DiffOptions } from './diff-specs.js';
export * from './schema.js';
export { DIFF_REPORT_SCHEMA_URL } from './schema-url.js';
export { textDiff, classifyChange, canonWord, spellingKey, cosmeticKey, textSimilarity, tokenise } from './text.js';
export type { TextDiff } from './text.js';
export { compareBodies } from './align.js';
export type { UnitBody } from './align.js';
