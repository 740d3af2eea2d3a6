export { parseSpec, detectFormat, InputError, FORMATS } from './parse.js';
export type { ParseOptions, ParseInput } from './parse.js';
export * from '@qualspec/model';
export { diffSpecs } from '@qualspec/diff';
export type { DiffReport, DiffOptions } from '@qualspec/diff';
export { renderReport, renderJson, renderMarkdown, renderHtml } from '@qualspec/report';
export type { ReportFormat } from '@qualspec/report';
export { loadSpec, diffFiles } from './diff.js';
