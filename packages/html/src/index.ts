import type { Root } from 'hast';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { InputError, pairLabelCells, paragraphs, type AdapterOptions, type AdapterResult, type Paragraph, type Place } from '@qualspec/blocks';
import { hastToBlocks } from './hast.js';
import { pageContent } from './page.js';

export { pageContent };
export type { Root as HastRoot, Element as HastElement } from 'hast';

export { hastToBlocks, isHidden, roman, INVISIBLE, type PlaceOf, type HastToBlocksOptions } from './hast.js';

const fragmentParser = unified().use(rehypeParse, { fragment: true }).freeze();
const documentParser = unified().use(rehypeParse, { fragment: false }).freeze();

/** Parse HTML as a fragment (no html/head/body added) into a hast tree, with source positions. */
export function parseFragment(html: string): Root {
  return fragmentParser.parse(html);
}

/** Parse a whole HTML document into a hast tree, with source positions. */
export function parseDocument(html: string): Root {
  return documentParser.parse(html);
}

/**
 * Paragraphs of an HTML fragment (e.g. one markdown table cell) in reading order: one per
 * block-level element or br-separated line, text outside blocks as its own paragraph(s), list
 * items with depth, emphasis when wholly bold/italic. Tables inside are flattened to their
 * cells' paragraphs. Every paragraph gets `place`.
 */
export function htmlFragmentToBlocks(html: string, place: Place): Paragraph[] {
  return guardDepth(() => hastToBlocks(parseFragment(html), place, { flattenTables: true }) as Paragraph[]);
}

/**
 * Run a step over a parsed tree, turning a stack overflow (elements nested thousands deep, which
 * the recursive tree libraries cannot follow) into a one-line InputError.
 */
export function guardDepth<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new InputError('too-deep', 'elements are nested too deeply to read');
    }
    throw e;
  }
}

// windows-1252 bytes 0x80-0x9F (Node 20's TextDecoder decodes them as latin-1 controls).
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

/** Decode a page's bytes: BOM, else the charset the page declares (meta), else UTF-8. */
export function decodePage(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (label && !/^utf-?16/i.test(label)) {
    let decoder: InstanceType<typeof TextDecoder> | null = null;
    try {
      decoder = new TextDecoder(label);
    } catch {
      // unknown label: fall through to UTF-8
    }
    if (decoder?.encoding === 'windows-1252') return decodeWindows1252(bytes);
    if (decoder) return decoder.decode(bytes);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * A saved web page to the block stream: the content found inside the site's chrome (see
 * pageContent), paragraphs and tables with the source line of each element. Throws InputError
 * when no text survives.
 */
export async function htmlToBlocks(bytes: Uint8Array, options: AdapterOptions = {}): Promise<AdapterResult> {
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes) {
    throw new InputError('too-large', `page is ${bytes.length} bytes, over the ${options.maxBytes}-byte limit`);
  }
  const text = decodePage(bytes);
  const blocks = guardDepth(() => {
    const root = pageContent(parseDocument(text));
    return hastToBlocks(root, (node) => ({ page: null, line: node.position?.start.line ?? null }));
  });
  if (![...paragraphs(blocks)].some((p) => p.text)) throw new InputError('no-content', 'no document text found in the web page');
  return { blocks: pairLabelCells(blocks), pages: null, notes: [] };
}
