import { DIFF_REPORT_SCHEMA_URL, type DiffReport } from '@qualspec/diff';

/** The DiffReport as pretty-printed JSON (what auditors keep), naming its JSON Schema in `$schema`. */
export function renderJson(report: DiffReport): string {
  return JSON.stringify({ $schema: DIFF_REPORT_SCHEMA_URL, ...report }, null, 2) + '\n';
}
