export { parseSpec, detectFormat, InputError, FORMATS } from './parse.js';
export type { ParseOptions, ParseInput } from './parse.js';
export * from '@qualspec/model';
export { diffSpecs, DiffReport, DIFF_REPORT_SCHEMA_URL } from '@qualspec/diff';
export type { DiffOptions } from '@qualspec/diff';
export { renderReport, renderJson, renderMarkdown, renderHtml } from '@qualspec/report';
export type { ReportFormat } from '@qualspec/report';
export { loadSpec, loadSpecs, diffFiles } from './diff.js';
