import type { DiffReport } from '@qualspec/diff';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

export { renderHtml, escapeHtml, HTML_CSP } from './html.js';
export { renderJson } from './json.js';
export { renderMarkdown, escapeMarkdown } from './markdown.js';

export type ReportFormat = 'json' | 'md' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'md', 'html'];

/** Render a DiffReport in one of the three formats. */
export function renderReport(report: DiffReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
  }
}
