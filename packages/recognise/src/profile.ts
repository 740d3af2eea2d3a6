/**
 * The qualification profile from the front matter (everything before the first unit body):
 * title, Ofqual number, level, credits, GLH (range), TQT, draft status, awarding body.
 */
import { checkQualificationNumber, type Qualification } from '@qualspec/model';
import type { Diagnostics } from './diagnostics.js';
import { lineText, type Item } from './items.js';
import {
  AWARDING_BODIES,
  CREDITS_LABEL,
  GLH_LABEL,
  LEVEL_LABEL,
  QUAL_NUMBER,
  QUAL_NUMBER_LABEL,
  QUAL_TITLE_LABEL,
  QUAL_FIELD_LABEL,
  QUALIFICATION_TITLE,
  TQT_LABEL,
  labelPairs,
  BARE_LABEL,
} from './rules/index.js';

const QUAL_TITLE_SHAPE = /\bLevel\s+\d+\b.*\b(?:Award|Certificate|Diploma|Extended\s+Diploma|Qualification|NVQ|Apprenticeship)\b|\b(?:Award|Certificate|Diploma)\s+in\b/i;

/**
 * `preamble`: the first unit's lines before its content, read for the qualification's title
 * only (a single unit's cover names its qualification after the unit heading).
 */
export function readProfile(items: Item[], end: number, diags: Diagnostics, preamble: [number, number] | null = null): Omit<Qualification, 'rules'> {
  const q: Omit<Qualification, 'rules'> = {
    title: null,
    number: null,
    level: null,
    credits: null,
    glh: null,
    glhMax: null,
    tqt: null,
    draft: false,
  };
  let firstTitleLine: string | null = null;
  let firstTitleHeading = false;
  let firstTitleAt = -1;
  /** A heading's title wrapped onto a second heading line of the same level. */
  const wrappedTitle = (it: Item, j: number): string => {
    const next = items[j + 1];
    if (!next || next.kind !== 'text' || next.cell || next.text.length > 80 || /[.:;]$/.test(it.text) || BARE_LABEL.test(next.text) || QUAL_TITLE_SHAPE.test(next.text)) return it.text;
    // A heading going on in a second heading line of its level; or, in plain text, a line
    // that stops on a joining word (`… Door Supervisors in the` / `Private Security Industry`).
    const goesOn = /\b(?:in|the|of|and|for|to|with|&)$/i.test(it.text.trim()) && !/[:\t]/.test(next.text) && !/\d{3}\/\d{4}/.test(next.text);
    if ((it.heading > 0 && next.heading === it.heading) || (it.heading === 0 && next.heading === 0 && goesOn)) return `${it.text} ${next.text}`;
    return it.text;
  };
  const seenRows = new Set<string>();
  const facts = new Map<number, (FactField | null)[]>();
  for (let j = 0; j < end; j++) {
    const it = items[j]!;
    if (it.kind !== 'text') continue;
    if (it.cell) {
      const key = `${it.cell.table}:${it.cell.row}`;
      if (seenRows.has(key)) continue;
      seenRows.add(key);
      // A table of the qualification's facts: a header naming columns (`Title and level | GLH |
      // TQT`), a row for the qualification under it.
      const cells = it.cell.cells.map((c) => c.trim());
      const header = factHeader(cells);
      if (header) {
        facts.set(it.cell.table, header);
        continue;
      }
      const columns = facts.get(it.cell.table);
      if (columns && QUAL_TITLE_SHAPE.test(cells[columns.indexOf('title')] ?? '')) {
        readFactsRow(cells, columns, it);
        continue;
      }
    }
    let text = lineText(it).replace(/^\t+/, '');
    // A label on a line of its own takes the next line as its value (tables read cell by cell).
    if (!it.cell && BARE_LABEL.test(text)) {
      const next = items.slice(j + 1, Math.min(end, j + 3)).find((x) => x.kind === 'text');
      if (next && !next.cell && next.text.length <= 120 && !BARE_LABEL.test(next.text)) {
        text = `${text.replace(/:$/, '')}: ${next.text}`;
        j = next.i;
        // The value wrapped onto another line: a bracketed tail (`(RQF)`) or words going on in lower case.
        const more = items[j + 1];
        if (more?.kind === 'text' && !more.cell && !/[.:;]$/.test(next.text) && (/^\([^()]{1,20}\)$/.test(more.text.trim()) || (/^\p{Ll}/u.test(more.text) && more.text.length <= 60))) {
          text = `${text} ${more.text.trim()}`;
          j = more.i;
        }
      }
    }
    // `Qualification title: …` is one label (its `title:` is not a second one).
    if (QUAL_TITLE_LABEL.test(text)) readLine(text, it, j);
    else for (const line of labelPairs(it.cell?.cells ?? null, text)) readLine(line, it, j);
  }
  function readFactsRow(cells: string[], columns: (FactField | null)[], it: Item) {
    columns.forEach((f, k) => {
      const v = cells[k] ?? '';
      const n = /^\s*(\d{1,5})\b/.exec(v);
      if (f === 'glh' && n) q.glh ??= Number(n[1]);
      else if (f === 'tqt' && n) q.tqt ??= Number(n[1]);
      else if (f === 'credits' && n) q.credits ??= Number(n[1]);
      else if (f === 'level' && n && Number(n[1]) <= 8) q.level ??= Number(n[1]);
      else if (f === 'number' && !q.number) {
        const m = QUAL_NUMBER.exec(v);
        if (m) readLine(`Qualification number: ${m[1]}`, it, -1);
      }
    });
  }
  function readLine(line: string, it: Item, j: number) {
    let m: RegExpExecArray | null;
    if ((m = QUAL_TITLE_LABEL.exec(line) ?? QUAL_FIELD_LABEL.exec(line))) {
      q.title ??= m[1]!.replace(/\t+/g, ' ').trim();
      return;
    }
    // `Title | Level 3 Certificate in …` before the units: the qualification's title.
    if ((m = /^title\s*[:\t]\s*(.+)$/i.exec(line)) && QUALIFICATION_TITLE.test(m[1]!)) {
      q.title ??= m[1]!.replace(/\t+/g, ' ').trim();
      return;
    }
    if (QUAL_NUMBER_LABEL.test(line) && (m = QUAL_NUMBER.exec(line))) {
      if (!q.number) {
        const check = checkQualificationNumber(m[1]!);
        q.number = check.number;
        if (check.valid === false) diags.warn('qualification-number-check', `qualification number ${check.number} fails its check digit (expected ${check.suggestion})`, null, it.place);
      }
      return;
    }
    if ((m = LEVEL_LABEL.exec(line)) && /^\d+$/.test(m[1]!) && !m[2]) {
      q.level ??= Number(m[1]);
      return;
    }
    if ((m = CREDITS_LABEL.exec(line))) {
      q.credits ??= Number(m[1]);
      return;
    }
    if ((m = GLH_LABEL.exec(line))) {
      if (q.glh == null) {
        q.glh = Number(m[1]);
        q.glhMax = m[2] ? Number(m[2]) : null;
      }
      return;
    }
    if ((m = TQT_LABEL.exec(line))) {
      q.tqt ??= Number(m[1]);
      return;
    }
    if (
      !it.cell &&
      it.text.length <= 160 &&
      QUAL_TITLE_SHAPE.test(it.text) &&
      !/[.;]$/.test(it.text) &&
      !/^(?:the|this|a|an)\s/i.test(it.text) &&
      // A running footer or banner (`… | Version 2.1 | © NCFE 2024`) is not the title.
      !/©|\(c\)\s*\d{4}|\bversion\s+\d|\s[|]\s/i.test(it.text)
    ) {
      // The first such line, unless a heading comes soon after it: a heading is the title.
      if (!firstTitleLine || (!firstTitleHeading && it.heading > 0 && j - firstTitleAt <= 10)) {
        firstTitleLine = wrappedTitle(it, j);
        firstTitleHeading = it.heading > 0;
        firstTitleAt = j;
      }
    }
    if (j < 80 && /\b(?:consultation\s+)?draft\b/i.test(it.text) && it.text.length < 80) q.draft = true;
  }
  if (!q.number) {
    // A bare qualification number near the start.
    for (let j = 0; j < Math.min(end, 200); j++) {
      const m = QUAL_NUMBER.exec(items[j]!.text);
      if (m && items[j]!.kind === 'text') {
        q.number = checkQualificationNumber(m[1]!).number;
        break;
      }
    }
  }
  q.title ??= firstTitleLine;
  if (!q.title && preamble) {
    // The title only: a `Qualification` field, or a title-shaped line, on the unit's own cover.
    for (let j = preamble[0]; j < preamble[1] && !q.title; j++) {
      const it = items[j]!;
      if (it.kind !== 'text') continue;
      const line = lineText(it).replace(/^\t+/, '');
      const m = QUAL_TITLE_LABEL.exec(line) ?? QUAL_FIELD_LABEL.exec(line);
      if (m) q.title = m[1]!.replace(/\t+/g, ' ').trim();
      else if (!it.cell && it.text.length <= 160 && QUAL_TITLE_SHAPE.test(it.text) && !/[.;]$/.test(it.text) && !/^(?:the|this|a|an)\s/i.test(it.text) && !/©|\(c\)\s*\d{4}|\bversion\s+\d|\s[|]\s/i.test(it.text)) q.title = wrappedTitle(it, j);
    }
  }
  // `… Diploma in Adult Care (603/1234/8)` or `… – 610/0103/6`: the number is not part of the
  // title, but it is the qualification's number when nothing else gave one.
  // A body's own code for it in brackets (`(2365-02)`) is not part of it either.
  if (q.title) {
    const own = /\s*(?:[(\[]\s*(?:QAN:?\s*)?(\d{3}\s?\/\s?\d{4}\s?\/\s?[\dX])\s*[)\]]|[–—-]\s*(\d{3}\s?\/\s?\d{4}\s?\/\s?[\dX]))\s*$/i.exec(q.title);
    if (own) {
      if (!q.number) {
        const check = checkQualificationNumber(own[1] ?? own[2]!);
        q.number = check.number;
        if (check.valid === false) diags.warn('qualification-number-check', `qualification number ${check.number} fails its check digit (expected ${check.suggestion})`, null, null);
      }
      q.title = q.title.slice(0, own.index) || q.title;
    }
    q.title = q.title.replace(/\s*\(\s*\d+\s*[/.–-]\s*\d[\d\s/.–-]*\)\s*$/, '') || q.title;
  }
  if (q.title && q.level == null) {
    const m = /\bLevel\s+(\d+)\b/i.exec(q.title);
    if (m) q.level = Number(m[1]);
  }
  if (q.title && /\bdraft\b/i.test(q.title)) q.draft = true;
  return q;
}

/** The awarding body: the known name mentioned in the title, else the one mentioned most. */
export function awardingBody(items: Item[], title: string | null): string | null {
  if (title) for (const [name, re] of AWARDING_BODIES) if (re.test(title)) return name;
  const counts = new Map<string, number>();
  // The front of a document names its awarding body; reading every criterion adds nothing.
  for (const it of items.slice(0, 600)) {
    if (it.kind !== 'text') continue;
    for (const [name, re] of AWARDING_BODIES) if (re.test(it.text)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [name, c] of counts) if (c > n) [best, n] = [name, c];
  return best;
}

type FactField = 'title' | 'glh' | 'tqt' | 'credits' | 'level' | 'number';

/** A header row of a qualification facts table: short cells, no digits, a title column and two more facts. */
function factHeader(cells: string[]): (FactField | null)[] | null {
  if (cells.some((c) => c.length > 40 || /\d/.test(c))) return null;
  const fields = cells.map((c): FactField | null => {
    const t = c.toLowerCase();
    if (/\btitle\b|\bqualification\b(?!\s+(?:number|no))/.test(t)) return 'title';
    if (/\bglh\b|guided/.test(t)) return 'glh';
    if (/\btqt\b|total\s+qualification\s+time/.test(t)) return 'tqt';
    if (/\bcredit/.test(t)) return 'credits';
    if (/^level$/.test(t)) return 'level';
    if (/accreditation|qualification\s+(?:number|no)|\bqan\b|ofqual/.test(t)) return 'number';
    return null;
  });
  // The first column naming a fact keeps it (`GLH | GLH`: the second is not a second GLH).
  const seen = new Set<FactField>();
  const mapped = fields.map((f) => (f && !seen.has(f) ? (seen.add(f), f) : null));
  return mapped.includes('title') && mapped.filter(Boolean).length >= 3 ? mapped : null;
}
