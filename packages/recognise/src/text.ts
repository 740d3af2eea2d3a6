/**
 * Text assembly: wrapped pieces joined, sub-bullets joined with `; ` after their lead-in, and
 * the short values a text copy repeats down a lost column.
 */
import type { Item } from './items.js';
import { INLINE_BULLET } from './rules/index.js';

/**
 * Join wrapped pieces of text with single spaces; a piece ending in a hyphen before a
 * lower-case continuation is a compound broken at the line end (`post-` + `transaction`), and
 * one ending in a slash is a pair broken after it (`engineering/` + `manufacturing`).
 */
export function joinParts(parts: string[]): string {
  // The pieces are gathered and joined once; the end of the text so far is known by its last
  // two characters (`tail`). Looking at the growing text itself (`/-$/` on it, or slicing it,
  // which flattens it) made joining one long criterion quadratic.
  const pieces: string[] = [];
  let tail = '';
  for (const p of parts) {
    const t = p.trim();
    if (!t) continue;
    const glued = pieces.length > 0 && ((/^[A-Za-z]-$/.test(tail) && /^[a-z]/.test(t)) || (/^[A-Za-z]\/$/.test(tail) && /^[A-Za-z]/.test(t)));
    if (pieces.length && !glued) pieces.push(' ');
    pieces.push(t);
    tail = (tail + t).slice(-2);
  }
  const out = pieces.join('');
  return out.replace(/\s+/g, ' ').trim();
}

/** A criterion's final text: parts joined, inline bullets and sub-bullets joined with `; `. */
export function listText(parts: string[], bullets: string[]): string {
  const lead = joinParts(parts);
  const pieces = lead.split(INLINE_BULLET).map((s) => s.trim()).filter(Boolean);
  const head = pieces.length > 1 && !INLINE_BULLET.test(lead.slice(0, 2)) ? pieces.shift()! : pieces.length > 1 ? '' : pieces.shift() ?? '';
  const items = [...pieces, ...bullets.flatMap((b) => b.split(INLINE_BULLET)).map((s) => s.trim()).filter(Boolean)];
  if (!items.length) return head;
  // Items joined with `; `, except that an item ending in a colon leads in the items under it
  // (`written communication: e-mail; fax`).
  const list = items.reduce((out, item, k) => (k === 0 ? item : `${out}${/:$/.test(items[k - 1]!) ? ' ' : '; '}${item}`), '');
  return head ? `${head} ${list}` : list;
}

/** Lower-case letters and digits only, for comparing texts that repeat. */
export const looseText = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Short texts (a few words, capitalised, no number) that stand alone many times in the
 * document: the values of a column (assessment method, evidence type) a text copy put on
 * lines of their own.
 */
export function repeatedShortTexts(items: Item[]): Set<string> {
  const counts = new Map<string, number>();
  for (const it of items) {
    // Lines of their own, and cells after a row's first (a column of a table without a header).
    if (it.kind !== 'text' || (it.cell && it.cell.index === 0)) continue;
    const t = it.text.trim();
    if (t.length > 40 || !/^[A-Z]/.test(t) || /\d|[.:;,]$/.test(t) || t.split(/\s+/).length > 4) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([t]) => t));
}
