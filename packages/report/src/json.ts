import type { DiffReport } from '@qualspec/diff';

/** The DiffReport as pretty-printed JSON (what auditors keep). */
export function renderJson(report: DiffReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
