import type { Root } from 'hast';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { InputError, type AdapterOptions, type AdapterResult, type Paragraph, type Place } from '@qualspec/blocks';
import { hastToBlocks } from './hast.js';

export { hastToBlocks, isHidden, INVISIBLE, type PlaceOf, type HastToBlocksOptions } from './hast.js';

/** Parse HTML as a fragment (no html/head/body added) into a hast tree, with source positions. */
export function parseFragment(html: string): Root {
  return unified().use(rehypeParse, { fragment: true }).parse(html);
}

/** Parse a whole HTML document into a hast tree, with source positions. */
export function parseDocument(html: string): Root {
  return unified().use(rehypeParse, { fragment: false }).parse(html);
}

/**
 * Paragraphs of an HTML fragment (e.g. one markdown table cell) in reading order: one per
 * block-level element or br-separated line, text outside blocks as its own paragraph(s), list
 * items with depth, emphasis when wholly bold/italic. Tables inside are flattened to their
 * cells' paragraphs. Every paragraph gets `place`.
 */
export function htmlFragmentToBlocks(html: string, place: Place): Paragraph[] {
  return hastToBlocks(parseFragment(html), place, { flattenTables: true }) as Paragraph[];
}

/** Stub until the adapter lands. */
export async function htmlToBlocks(bytes: Uint8Array, options: AdapterOptions = {}): Promise<AdapterResult> {
  void bytes;
  void options;
  throw new InputError('unsupported', 'html input is not supported yet');
}
