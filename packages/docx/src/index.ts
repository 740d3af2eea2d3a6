/**
 * Word .docx -> block stream: the archive checked first (zip.ts: entry count, declared and
 * actual uncompressed sizes), then mammoth to HTML (no external files, images never read), then
 * the shared hast walker of @qualspec/html, so that a document gives the same blocks as its web page.
 */
import mammoth from 'mammoth';
import { InputError, pairLabelCells, type AdapterNote, type AdapterOptions, type AdapterResult, type Block } from '@qualspec/blocks';
import { guardDepth, hastToBlocks, parseFragment, type HastElement as Element, type HastRoot as Root } from '@qualspec/html';
import { checkZip, replaceEntries, type ZipEntry } from './zip.js';
import { printNumbers, readNumbering, styleNumbering } from './numbering.js';
import { readStyles, type StyleInfo } from './styles.js';

export { checkZip, readCentralDirectory, readEntry, replaceEntries, type ZipEntry, type ZipLimits } from './zip.js';

/** Default limit on the archive's total uncompressed content. */
export const DEFAULT_MAX_UNCOMPRESSED = 100 * 1024 * 1024;
/** Default limit on the number of archive entries. */
export const DEFAULT_MAX_ENTRIES = 10_000;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const WORD_MAIN = /wordprocessingml\.(document|template)\.main|ms-word\.(document|template)\.macroenabled/i;

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? new RegExp(`\\b${name}\\s*=\\s*'([^']*)'`).exec(tag)?.[1];
}

/** Find the main document part (as mammoth does: _rels/.rels, else word/document.xml) and confirm it is Word's. */
function checkWordDocument(entries: ZipEntry[], get: (name: string) => Buffer | undefined): void {
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '').toLowerCase()));
  let main = 'word/document.xml';
  const rels = get('_rels/.rels')?.toString('utf8');
  if (rels) {
    for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
      if (/\/officeDocument$/i.test(attr(tag, 'Type') ?? '')) {
        const target = attr(tag, 'Target');
        if (target) main = target.replace(/^\//, '');
      }
    }
  }
  if (!names.has(main.toLowerCase())) {
    throw new InputError('not-word', 'a zip archive but not a Word document (no word/document.xml)');
  }
  const types = get('[Content_Types].xml')?.toString('utf8');
  if (types) {
    for (const tag of types.match(/<Override\b[^>]*>/g) ?? []) {
      const part = (attr(tag, 'PartName') ?? '').replace(/^\//, '').toLowerCase();
      const type = attr(tag, 'ContentType') ?? '';
      if (part === main.toLowerCase() && !WORD_MAIN.test(type)) {
        throw new InputError('not-word', `a zip archive but not a Word document (main part is ${type || 'of unknown type'})`);
      }
    }
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * mammoth reads bold and italic from a run's direct formatting only; Word also makes text bold or
 * italic through paragraph and character styles (e.g. a table heading style). Carry those onto runs.
 */
function styleEmphasis(styles: Map<string, StyleInfo>) {
  const visit = (el: any, para: StyleInfo | undefined): any => {
    if (!el || typeof el !== 'object') return el;
    let inherited = para;
    // A table-of-contents entry (Word's `toc 1`… styles) is navigation, not content.
    if (el.type === 'paragraph' && /^toc\s?\d$|^table of contents$|^contents\s?\d$/i.test(String(el.styleName ?? el.styleId ?? ''))) return { ...el, children: [] };
    if (el.type === 'paragraph') inherited = el.styleId ? styles.get(el.styleId) : undefined;
    if (el.type === 'run') {
      const own = el.styleId ? styles.get(el.styleId) : undefined;
      const bold = el.isBold || own?.bold === true || (own?.bold === undefined && inherited?.bold === true);
      const italic = el.isItalic || own?.italic === true || (own?.italic === undefined && inherited?.italic === true);
      if (bold !== el.isBold || italic !== el.isItalic) el = { ...el, isBold: bold, isItalic: italic };
      // Text Word shows in capitals is printed in capitals.
      const caps = el.isAllCaps || own?.caps === true || (own?.caps === undefined && inherited?.caps === true);
      if (caps && Array.isArray(el.children)) {
        el = { ...el, isAllCaps: false, children: el.children.map((c: any) => (c?.type === 'text' ? { ...c, value: String(c.value).toUpperCase() } : c)) };
      }
    }
    if (Array.isArray(el.children)) {
      const children = el.children.map((c: any) => visit(c, inherited));
      el = { ...el, children };
    }
    return el;
  };
  return (doc: any) => visit(doc, undefined);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Paragraph styles with a Word outline level that mammoth's default map does not already make headings. */
function outlineStyleMap(styles: Map<string, StyleInfo>): string[] {
  const lines: string[] = [];
  for (const [id, s] of styles) {
    if (s.type !== 'paragraph' || s.outlineLevel === undefined || s.outlineLevel > 5) continue;
    if (/^heading\s*[1-6]$/i.test(s.name ?? '') || !/^[A-Za-z0-9_-]+$/.test(id)) continue;
    lines.push(`p.${id} => h${s.outlineLevel + 1}:fresh`);
  }
  return lines;
}

/**
 * Footnotes and endnotes: mammoth writes a reference mark ("[1]") into the text and the notes
 * as a list at the end of the document, where they would run into the last unit. Both go.
 */
function dropNotes(tree: Root): number {
  let count = 0;
  const isNoteId = (v: unknown) => /^(footnote|endnote)-\d+$/.test(String(v ?? ''));
  const isRef = (el: Element) => el.tagName === 'a' && /^#(footnote|endnote)-\d+$/.test(String(el.properties?.href ?? ''));
  const visit = (node: Root | Element): void => {
    node.children = node.children.filter((c) => {
      if (c.type !== 'element') return true;
      if (c.tagName === 'li' && isNoteId(c.properties?.id)) {
        count++;
        return false;
      }
      if (c.tagName === 'sup' && c.children.length > 0 && c.children.every((k) => k.type === 'element' && isRef(k))) return false;
      if (isRef(c)) return false;
      visit(c);
      // A list emptied of its notes goes too.
      if ((c.tagName === 'ol' || c.tagName === 'ul') && !c.children.some((k) => k.type === 'element')) return false;
      return true;
    }) as typeof node.children;
  };
  visit(tree);
  return count;
}

/** Number the blocks' places in reading order (Word has no pages or lines mammoth can see). */
function numberPlaces(blocks: Block[]): void {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'paragraph') b.place = { page: null, line: ++n };
    else if (b.type === 'table') {
      b.place = { page: null, line: n + 1 };
      for (const r of b.rows) {
        r.place = { page: null, line: n + 1 };
        for (const c of r.cells) for (const p of c.blocks) p.place = { page: null, line: ++n };
      }
    }
  }
}

export async function docxToBlocks(bytes: Uint8Array, options: AdapterOptions = {}): Promise<AdapterResult> {
  if (bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).equals(OLE_MAGIC)) {
    // Word 97-2003 files and password-protected .docx files are OLE compound files, not zips.
    throw new InputError('not-docx', 'a legacy .doc or password-protected Word file (OLE compound file), not a readable .docx');
  }
  const limits = { maxBytes: options.maxBytes ?? DEFAULT_MAX_UNCOMPRESSED, maxEntries: DEFAULT_MAX_ENTRIES };
  const zip = checkZip(bytes, limits);
  checkWordDocument(zip.entries, zip.get);
  const styles = readStyles(zip.get('word/styles.xml')?.toString('utf8') ?? '');

  // Word's list numbers, printed into the paragraphs they number (mammoth would drop them).
  const replace = new Map<string, Buffer>();
  const numberingXml = zip.get('word/numbering.xml');
  const documentXml = zip.get('word/document.xml');
  if (numberingXml && documentXml) {
    const printed = printNumbers(documentXml.toString('utf8'), readNumbering(numberingXml.toString('utf8')), styleNumbering(zip.get('word/styles.xml')?.toString('utf8') ?? ''));
    if (printed !== null) replace.set(zip.entries.find((e) => e.name.toLowerCase() === 'word/document.xml')!.name, Buffer.from(printed, 'utf8'));
  }
  // mammoth reads the archive as the guard saw it: the entries it checked, at the offsets it checked.
  const input = replaceEntries(bytes, zip.entries, replace);

  let html: string;
  const notes: AdapterNote[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: input },
      {
        externalFileAccess: false,
        includeEmbeddedStyleMap: false,
        styleMap: outlineStyleMap(styles),
        transformDocument: styleEmphasis(styles),
        // Images are dropped: the converter never reads the image data.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
    for (const m of result.messages) {
      if (m.type === 'error') notes.push({ severity: 'warning', code: 'docx-conversion', message: oneLine(m.message), place: null });
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new InputError('too-deep', 'not a readable .docx: content nested too deeply');
    throw new InputError('corrupt-docx', `not a readable .docx: ${oneLine((e as Error)?.message ?? String(e))}`);
  }
  const blocks = guardDepth(() => {
    const tree = parseFragment(html);
    const dropped = dropNotes(tree);
    if (dropped) notes.push({ severity: 'info', code: 'docx-notes-omitted', message: `${dropped} footnote(s) or endnote(s) omitted`, place: null });
    // List numbers are already in the text (printNumbers), so the walker adds none of its own.
    return hastToBlocks(tree, { page: null, line: null }, { listMarkers: false });
  });
  numberPlaces(blocks);
  return { blocks: pairLabelCells(blocks), pages: null, notes };
}

function oneLine(s: string): string {
  const line = s.split(/\r?\n/)[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
