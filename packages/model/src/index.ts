export * from './schema.js';
export * from './refs.js';
export { specDocumentJsonSchema } from './json-schema.js';
export { SPEC_DOCUMENT_SCHEMA_URL } from './schema-url.js';
export const SCHEMA_VERSION = '1' as const;
