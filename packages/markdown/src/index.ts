/**
 * Format adapter for markdown, including what Word-to-markdown converters produce:
 * tab-separated table rows whose cells hold HTML (`<p>`, `<ul>`, `<i>`), HTML blocks, and
 * ordinary markdown (headings, lists, emphasis, GFM pipe tables). Markdown goes through
 * unified + remark-parse; HTML goes through rehype-parse (via @qualspec/html).
 */
import type { AdapterOptions, AdapterResult, Block, Paragraph, Place } from '@qualspec/blocks';
import { InputError, pairLabelCells, paragraph, pushAll } from '@qualspec/blocks';
import { htmlFragmentToBlocks } from '@qualspec/html';
import { blocksFromSegments, readText, segment, type SourceLine } from '@qualspec/text';
import type { Nodes, Parent, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { splitPandocTables } from './pandoc-tables.js';
import { checkMarkdownBounds, MAX_NESTING } from './bounds.js';

const plain = unified().use(remarkParse).freeze();
type Processor = typeof plain;
const PIPE_TABLE = /^\s*\|.*\|\s*$/m;
let gfm: Processor | null = null;
/** GFM (pipe tables) costs time to load and on every parse: only for documents that have a pipe table. */
async function loadGfm(): Promise<Processor> {
  gfm ??= unified().use(remarkParse).use((await import('remark-gfm')).default).freeze() as unknown as Processor;
  return gfm;
}

/** Inline text of a node, with inline HTML reduced to its text by a real HTML parser. */
function inlineText(node: Nodes): string {
  if (node.type === 'html') return htmlFragmentToBlocks(node.value, { page: null, line: null }).map((p) => p.text).join(' ');
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map(inlineText).join('');
  return toString(node);
}

function emphasisOf(node: Parent): Paragraph['emphasis'] {
  const kids = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  if (kids.length !== 1) return undefined;
  return kids[0]!.type === 'strong' ? 'bold' : kids[0]!.type === 'emphasis' ? 'italic' : undefined;
}

/** mdast of one run of lines to blocks; `lineOf` maps a line of the run to the source line. */
function mdastToBlocks(tree: Root, lineOf: (n: number) => number | null, page: number | null): Block[] {
  const out: Block[] = [];
  const place = (node: RootContent): Place => ({ page, line: node.position ? lineOf(node.position.start.line) : null });
  const lines = (text: string, at: Place, extra: Partial<Paragraph> = {}) => {
    text.split('\n').forEach((t, k) => {
      if (!t.trim()) return;
      out.push(paragraph(t, { page: at.page, line: at.line != null ? at.line + k : null }, extra));
    });
  };
  // `level` counts every nesting (quotes too), `depth` the list depth the blocks carry.
  const walk = (nodes: RootContent[], depth: number, level = 0) => {
    if (level > MAX_NESTING) throw new InputError('too-deep', `markdown nested over ${MAX_NESTING} levels deep`);
    for (const node of nodes) {
      switch (node.type) {
        case 'heading':
          lines(inlineText(node), place(node), { heading: node.depth });
          break;
        case 'paragraph':
          lines(inlineText(node), place(node), { ...(depth ? { depth } : {}), ...(emphasisOf(node) ? { emphasis: emphasisOf(node) } : {}) });
          break;
        case 'list':
          node.children.forEach((item, k) => {
            const [first, ...rest] = item.children;
            // An ordered item keeps its printed number (`3. Be able to …` is outcome 3, not a bullet).
            const marker = node.ordered ? `${(node.start ?? 1) + k}. ` : '';
            if (first?.type === 'paragraph') lines(marker + inlineText(first), place(first), node.ordered ? (depth ? { depth } : {}) : { depth: depth + 1 });
            else if (first) walk([first], depth + 1, level + 1);
            walk(rest, depth + 1, level + 1);
          });
          break;
        case 'html':
          pushAll(out, htmlFragmentToBlocks(node.value, place(node)).map((p) => (depth && !p.depth ? { ...p, depth } : p)));
          break;
        case 'table':
          out.push(table(node, place(node)));
          break;
        case 'blockquote':
          walk(node.children, depth, level + 1);
          break;
        case 'code':
          lines(node.value, place(node));
          break;
        default:
          break;
      }
    }
  };
  walk(tree.children, 0);
  return out;
}

function table(node: Table, at: Place): Block {
  return {
    type: 'table',
    place: at,
    rows: node.children.map((row, r) => ({
      place: { page: at.page, line: row.position && at.line != null ? at.line + (row.position.start.line - node.position!.start.line) : at.line },
      header: r === 0,
      cells: row.children.map((cell) => {
        const text = inlineText(cell).trim();
        return { blocks: text ? [paragraph(text, at)] : [], colSpan: 1, rowSpan: 1 };
      }),
    })),
  };
}

/**
 * Lines in which markdown could mean anything: emphasis, code, links, HTML, entities, escapes,
 * headings, quotes, list markers, tables, indented code, setext underlines. A run without any
 * is plain paragraphs, one per line, and skips the markdown parser.
 */
const MARKDOWN_SYNTAX = /[*_`<>\[\]&\\|~]|^\s*(?:#|[-+]\s|\d{1,9}[.)](?:\s|$)|=+\s*$|-+\s*$)|^ {4}/m;

function runToBlocks(run: SourceLine[], page: number | null, withGfm: Processor | null): Block[] {
  const pieces = splitPandocTables(run);
  if (pieces.length === 1 && pieces[0]!.kind === 'lines') return markdownRunToBlocks(run, page, withGfm);
  const out: Block[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'lines') {
      pushAll(out, markdownRunToBlocks(piece.lines, page, withGfm));
      continue;
    }
    out.push({
      type: 'table',
      place: { page, line: piece.rows[0]!.line },
      rows: piece.rows.map((r) => ({
        place: { page, line: r.line },
        ...(r.header ? { header: true } : {}),
        cells: r.cells.map((c) => ({
          // A cell holds markdown: its wrapped lines, emphasis, lists.
          blocks: markdownRunToBlocks(
            unwrapCell(c).map((text) => ({ line: r.line, text })),
            page,
            null,
          ).filter((b): b is Paragraph => b.type === 'paragraph'),
          colSpan: 1,
          rowSpan: 1,
        })),
      })),
    });
  }
  return out;
}

/**
 * A pandoc table cell's lines: text wrapped to the column's width is one line again; a list
 * item, a line after a hard break (`\`) or after a blank line starts a new one.
 */
function unwrapCell(text: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (open && t && !/^(?:[-*+]|\d{1,3}[.)])\s/.test(t) && !/\\$/.test(out[out.length - 1]!)) out[out.length - 1] += ` ${t}`;
    else out.push(t);
    open = !!t;
  }
  return out;
}

function markdownRunToBlocks(run: SourceLine[], page: number | null, withGfm: Processor | null): Block[] {
  const text = run.map((l) => l.text).join('\n');
  if (!text.trim()) return [];
  if (!MARKDOWN_SYNTAX.test(text)) {
    return run.filter((l) => l.text.trim()).map((l) => paragraph(l.text, { page, line: l.line }));
  }
  const processor = withGfm && PIPE_TABLE.test(text) ? withGfm : plain;
  const tree = processor.runSync(processor.parse(text)) as Root;
  return mdastToBlocks(tree, (n) => run[n - 1]?.line ?? null, page);
}

export async function markdownToBlocks(bytes: Uint8Array, options: AdapterOptions = {}): Promise<AdapterResult> {
  void options;
  const text = readText(bytes);
  checkMarkdownBounds(text);
  const withGfm = PIPE_TABLE.test(text) ? await loadGfm() : null;
  const { blocks, pages } = blocksFromSegments(segment(text), {
    lines: (run, page) => runToBlocks(run, page, withGfm),
    // Only cells with markup need the HTML parser.
    cell: (text, place) => (/[<&]/.test(text) ? htmlFragmentToBlocks(text, place) : text.trim() ? [paragraph(text, place)] : []),
  });
  return { blocks: pairLabelCells(blocks), pages, notes: [] };
}
