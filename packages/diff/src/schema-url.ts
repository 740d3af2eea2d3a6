import { createRequire } from 'node:module';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/**
 * Where the JSON Schema shipped with this version of @qualspec/diff is served (the package's
 * own schema/diff-report.json, through a public npm CDN): the `$schema` of a JSON report.
 */
export const DIFF_REPORT_SCHEMA_URL = `https://cdn.jsdelivr.net/npm/@qualspec/diff@${version}/schema/diff-report.json`;
