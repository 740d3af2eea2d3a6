export { parseSpec, detectFormat, InputError } from './parse.js';
export type { ParseOptions, ParseInput } from './parse.js';
export * from '@qualspec/model';
