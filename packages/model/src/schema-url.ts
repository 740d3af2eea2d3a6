import { createRequire } from 'node:module';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/**
 * Where the JSON Schema shipped with this version of @qualspec/model is served (the package's
 * own schema/spec-document.json, through a public npm CDN): the `$schema` of parse-spec's output.
 */
export const SPEC_DOCUMENT_SCHEMA_URL = `https://cdn.jsdelivr.net/npm/@qualspec/model@${version}/schema/spec-document.json`;
