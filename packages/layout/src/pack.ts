/**
 * Pages packed for posting between threads: a page's lines as one typed array of numbers and
 * one string of texts (cheap to transfer), and back.
 */
import { makeLine, type Frag, type Line, type PageLines } from './lines.js';
import type { FontStyle } from './raw.js';

export interface PackedPage {
  page: number;
  width: number;
  height: number;
  bodyFont: number;
  chars: number;
  /** Per fragment: line number (0 = rotated text), x0, x1, y, size, font, soft (0/1). */
  nums: Float64Array;
  /** Fragment texts joined by U+0000. */
  texts: string;
  /** Drawn rules and boxes, four numbers each. */
  rules: Float64Array;
  boxes: Float64Array;
  fontStyles: (FontStyle | null)[];
  refusedStreams?: number;
}

const PACK = 7;

export function packPage(p: PageLines): PackedPage {
  const n = p.lines.reduce((s, l) => s + l.frags.length, 0) + p.rotated.length;
  const nums = new Float64Array(n * PACK);
  const texts: string[] = [];
  let k = 0;
  const put = (no: number, f: Frag) => {
    nums.set([no, f.x0, f.x1, f.y, f.size, f.font, f.soft ? 1 : 0], k);
    k += PACK;
    texts.push(f.text.replace(/\0/g, ''));
  };
  for (const l of p.lines) for (const f of l.frags) put(l.no, f);
  for (const f of p.rotated) put(0, f);
  return {
    page: p.page,
    width: p.width,
    height: p.height,
    bodyFont: p.bodyFont,
    chars: p.chars,
    nums,
    texts: texts.join('\0'),
    rules: Float64Array.from(p.rules),
    boxes: Float64Array.from(p.boxes),
    fontStyles: p.fontStyles,
    refusedStreams: p.refusedStreams,
  };
}

export function unpackPage(q: PackedPage): PageLines {
  const texts = q.texts.length || q.nums.length ? q.texts.split('\0') : [];
  const lines: Line[] = [];
  const rotated: Frag[] = [];
  let cur: Frag[] = [];
  let curNo = -1;
  const flush = () => {
    if (cur.length) {
      const l = makeLine(q.page, cur);
      l.no = curNo;
      lines.push(l);
    }
    cur = [];
  };
  for (let i = 0, k = 0; k < q.nums.length; i++, k += PACK) {
    const no = q.nums[k]!;
    const f: Frag = { x0: q.nums[k + 1]!, x1: q.nums[k + 2]!, y: q.nums[k + 3]!, size: q.nums[k + 4]!, font: q.nums[k + 5]!, text: texts[i] ?? '' };
    if (q.nums[k + 6]) f.soft = true;
    if (no === 0) {
      rotated.push(f);
      continue;
    }
    if (no !== curNo) {
      flush();
      curNo = no;
    }
    cur.push(f);
  }
  flush();
  return { page: q.page, width: q.width, height: q.height, lines, rotated, bodyFont: q.bodyFont, chars: q.chars, rules: Array.from(q.rules), boxes: Array.from(q.boxes), fontStyles: q.fontStyles, ...(q.refusedStreams ? { refusedStreams: q.refusedStreams } : {}) };
}
