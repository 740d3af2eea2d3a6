import { z } from 'zod';
import { SpecDocument } from './schema.js';

/** The JSON Schema of a SpecDocument, generated from the zod schema (shipped as schema/spec-document.json). */
export function specDocumentJsonSchema(): Record<string, unknown> {
  return {
    $id: 'urn:qualspec:schema:spec-document:1',
    title: 'qualspec SpecDocument (model version 1)',
    ...(z.toJSONSchema(SpecDocument, { target: 'draft-2020-12' }) as Record<string, unknown>),
  };
}
