/**
 * Word list numbering printed as text. mammoth turns numbered paragraphs into <ol><li> and drops
 * the numbers Word prints ("1.1", "a)", "LO2"); a specification's criteria are often numbered
 * that way, so the numbers are computed here from word/numbering.xml (levels' formats, texts,
 * starts and overrides; counters per list) and written into each paragraph as a leading run.
 */
import { roman } from '@qualspec/html';

interface Level {
  numFmt: string;
  lvlText: string;
  start: number;
  isLgl: boolean;
}

interface Num {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

export interface Numbering {
  abstracts: Map<string, { levels: Map<number, Level>; styleLink?: string }>;
  nums: Map<string, Num>;
}

const attrVal = (tag: string | undefined, name = 'w:val') => (tag ? new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] : undefined);
const first = (xml: string, el: string) => new RegExp(`<w:${el}\\b[^>]*?/?>`).exec(xml)?.[0];

function readLevel(xml: string): Level {
  return {
    numFmt: attrVal(first(xml, 'numFmt')) ?? 'decimal',
    lvlText: attrVal(first(xml, 'lvlText')) ?? '',
    start: Number(attrVal(first(xml, 'start')) ?? 1) || 0,
    isLgl: first(xml, 'isLgl') !== undefined && !/w:val="(false|0|off)"/.test(first(xml, 'isLgl')!),
  };
}

function levels(xml: string): Map<number, Level> {
  const out = new Map<number, Level>();
  for (const m of xml.matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
    const ilvl = Number(attrVal(`<x ${m[1]}>`, 'w:ilvl') ?? 0);
    if (Number.isInteger(ilvl) && ilvl >= 0 && ilvl <= 8) out.set(ilvl, readLevel(m[2]!));
  }
  return out;
}

export function readNumbering(xml: string): Numbering {
  const abstracts: Numbering['abstracts'] = new Map();
  for (const m of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attrVal(`<x ${m[1]}>`, 'w:abstractNumId');
    if (id === undefined) continue;
    abstracts.set(id, { levels: levels(m[2]!), styleLink: attrVal(first(m[2]!, 'numStyleLink')) });
  }
  const nums: Numbering['nums'] = new Map();
  for (const m of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const id = attrVal(`<x ${m[1]}>`, 'w:numId');
    const abstractId = attrVal(first(m[2]!, 'abstractNumId'));
    if (id === undefined || abstractId === undefined) continue;
    const overrides = new Map<number, { start?: number; level?: Level }>();
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const ilvl = Number(attrVal(`<x ${o[1]}>`, 'w:ilvl') ?? 0);
      const start = attrVal(first(o[2]!, 'startOverride'));
      const lvl = /<w:lvl\b[\s\S]*?<\/w:lvl>/.exec(o[2]!)?.[0];
      overrides.set(ilvl, { start: start !== undefined ? Number(start) : undefined, level: lvl ? readLevel(lvl) : undefined });
    }
    nums.set(id, { abstractId, overrides });
  }
  return { abstracts, nums };
}

/** Numbering a paragraph style gives its paragraphs (w:numPr in the style, through basedOn). */
export function styleNumbering(stylesXml: string): Map<string, { numId: string; ilvl: number }> {
  const raw = new Map<string, { basedOn?: string; numId?: string; ilvl?: number }>();
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attrVal(`<x ${m[1]}>`, 'w:styleId');
    if (!id) continue;
    const numPr = /<w:numPr\b[^>]*>([\s\S]*?)<\/w:numPr>/.exec(m[2]!)?.[1];
    raw.set(id, {
      basedOn: attrVal(first(m[2]!, 'basedOn')),
      numId: numPr ? attrVal(first(numPr, 'numId')) : undefined,
      ilvl: numPr && first(numPr, 'ilvl') ? Number(attrVal(first(numPr, 'ilvl'))) : undefined,
    });
  }
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const id of raw.keys()) {
    let cur: string | undefined = id;
    const seen = new Set<string>();
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      const r = raw.get(cur);
      if (!r) break;
      if (r.numId !== undefined) {
        out.set(id, { numId: r.numId, ilvl: r.ilvl ?? 0 });
        break;
      }
      cur = r.basedOn;
    }
  }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: a..z, aa..zz, aaa..
  if (n <= 0) return String(n);
  const c = String.fromCharCode(65 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

function format(n: number, fmt: string): string | null {
  switch (fmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'ordinal':
      return `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
    case 'bullet':
    case 'none':
      return null;
    default:
      return String(n);
  }
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * document.xml with each numbered paragraph's printed number written in as its first run
 * (bullets are left to the list structure). Returns null when nothing was numbered.
 */
export function printNumbers(documentXml: string, numbering: Numbering, byStyle: Map<string, { numId: string; ilvl: number }>): string | null {
  const counters = new Map<string, (number | undefined)[]>();
  const levelOf = (num: Num, ilvl: number, seen = new Set<string>()): Level | undefined => {
    const o = num.overrides.get(ilvl)?.level;
    if (o) return o;
    const abs = numbering.abstracts.get(num.abstractId);
    if (!abs) return undefined;
    if (abs.levels.size === 0 && abs.styleLink && !seen.has(abs.styleLink)) {
      seen.add(abs.styleLink);
      const link = byStyle.get(abs.styleLink);
      const linked = link ? numbering.nums.get(link.numId) : undefined;
      return linked ? levelOf(linked, ilvl, seen) : undefined;
    }
    return abs.levels.get(ilvl);
  };
  let changed = false;
  const out = documentXml.replace(/<w:p\b(?:[^>/]|\/(?!>))*>[\s\S]*?<\/w:p>/g, (p) => {
    const pPr = /<w:pPr\b[^>]*>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? '';
    const numPr = /<w:numPr\b[^>]*>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
    let numId: string | undefined;
    let ilvl = 0;
    if (numPr !== undefined) {
      numId = attrVal(first(numPr, 'numId'));
      ilvl = Number(attrVal(first(numPr, 'ilvl')) ?? 0);
    }
    const styleId = attrVal(first(pPr, 'pStyle'));
    const fromStyle = styleId ? byStyle.get(styleId) : undefined;
    if (numId === undefined && fromStyle) {
      numId = fromStyle.numId;
      ilvl = numPr !== undefined && first(numPr, 'ilvl') ? ilvl : fromStyle.ilvl;
    }
    if (numId === undefined || numId === '0' || !Number.isInteger(ilvl) || ilvl < 0 || ilvl > 8) return p;
    const num = numbering.nums.get(numId);
    if (!num) return p;
    const level = levelOf(num, ilvl);
    if (!level) return p;
    const startOf = (l: number) => num.overrides.get(l)?.start ?? levelOf(num, l)?.start ?? 1;
    const c = counters.get(numId) ?? [];
    counters.set(numId, c);
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl]! + 1;
    for (let d = ilvl + 1; d < 9; d++) c[d] = undefined;
    if (level.numFmt === 'bullet' || level.numFmt === 'none') return p;
    let ok = true;
    const label = level.lvlText.replace(/%([1-9])/g, (_m, k: string) => {
      const l = Number(k) - 1;
      const value = c[l] ?? startOf(l);
      const fmt = level.isLgl ? 'decimal' : l === ilvl ? level.numFmt : levelOf(num, l)?.numFmt ?? 'decimal';
      const s = format(value, fmt);
      if (s === null) ok = false;
      return s ?? '';
    });
    if (!ok || !label.trim()) return p;
    const rPr = /<w:rPr\b[^>]*>[\s\S]*?<\/w:rPr>/.exec(pPr)?.[0] ?? '';
    const run = `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(label)} </w:t></w:r>`;
    changed = true;
    if (pPr) {
      // Numbering that comes from the paragraph's style is made explicit, so that the list structure sees it too.
      const withNum = numPr === undefined ? pPr.replace(/<\/w:pPr>$/, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`) : pPr;
      return p.replace(pPr, withNum + run);
    }
    return p.replace(/^<w:p\b[^>]*>/, (open) => open + run);
  });
  return changed ? out : null;
}
