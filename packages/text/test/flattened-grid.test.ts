/**
 * Grids a PDF text extractor flattened line by line (Pearson's Pass / Merit / Distinction grid
 * as pdftotext or pdf.js text gives it): each text line holds the line of every column printed
 * at its height. The flattened text here is made the way an extractor makes it: each column's
 * paragraphs wrapped greedily at the column's width, its lines at its own heights, and lines
 * closer than the extractor's tolerance merged into one, left to right.
 */
import { describe, expect, it } from 'vitest';
import { findFlattenedGrids, flattenedGridWidths, readFlattenedRow, textWidth } from '../src/flattened-grid.js';

interface Column {
  paras: string[];
  /** Wrap width, ems. */
  width: number;
  /** Height of the first line, and of each next one (lines). */
  top: number;
  pitch: number;
  /** Extra space before a paragraph after the first (lines). */
  gap?: number;
}

/** Greedy wrapping at a width in Helvetica ems (as a word processor wraps, also after a slash). */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' '))
    word.split(/(?<=\/)/).forEach((w, k) => {
      const next = line ? `${line}${k ? '' : ' '}${w}` : w;
      if (line && textWidth(next) > width) out.push(line), (line = w);
      else line = next;
    });
  if (line) out.push(line);
  return out;
}

/** The columns' lines by height, those within `tolerance` of each other merged, left to right. */
function flatten(cols: Column[], tolerance = 0.2): string[] {
  const placed: { y: number; col: number; text: string }[] = [];
  cols.forEach((c, col) => {
    let y = c.top;
    c.paras.forEach((p, k) => {
      if (k) y += c.gap ?? 0;
      for (const l of wrap(p, c.width)) placed.push({ y, col, text: l }), (y += c.pitch);
    });
  });
  placed.sort((a, b) => a.y - b.y || a.col - b.col);
  const lines: { y: number; parts: { col: number; text: string }[] }[] = [];
  for (const p of placed) {
    const last = lines[lines.length - 1];
    if (last && p.y - last.y <= tolerance) last.parts.push(p);
    else lines.push({ y: p.y, parts: [p] });
  }
  return lines.map((l) => l.parts.sort((a, b) => a.col - b.col).map((p) => p.text).join(' '));
}

const P = ['P1 Describe the main stages of a maintenance schedule for a production line.', 'P2 Explain the purpose of condition monitoring in a plant.'];
const M = ['M1 Analyse how a maintenance schedule reduces the downtime of a production line.'];
const D = ['D1 Evaluate the maintenance strategy of a chosen plant, recommending improvements to its schedule.'];

describe('flattened grids', () => {
  it('reads columns printed on shared lines, the second paragraph of a column set at heights of its own', () => {
    const lines = flatten([
      { paras: P, width: 11, top: 0, pitch: 1, gap: 0.5 },
      { paras: M, width: 11, top: 0, pitch: 1 },
      { paras: D, width: 11, top: 0, pitch: 1 },
    ]);
    // The shape: the first line holds all three labels; P2 opens on a line of its own.
    expect(lines[0]).toMatch(/^P1 .* M1 .* D1 /);
    expect(lines.some((l) => /^P2 /.test(l))).toBe(true);
    expect(readFlattenedRow(lines, ['P', 'M', 'D'])?.cells).toEqual([P, M, D]);
  });

  it('reads groups of columns at different heights whose lines drift level and print together', () => {
    // Merit set half a line lower at a slightly wider line pitch: its lines fall between the
    // others', then on the same lines as the others (merged), then on the other side.
    const lines = flatten(
      [
        { paras: P, width: 11, top: 0, pitch: 1, gap: 0.3 },
        { paras: M, width: 10, top: 0.5, pitch: 1.12 },
        { paras: D, width: 11, top: 0, pitch: 1 },
      ],
      0.15,
    );
    const merged = lines.filter((l) => l.split(' ').length > 2 && !/^[PMD]\d/.test(l)).length;
    expect(merged).toBeGreaterThan(0);
    expect(readFlattenedRow(lines, ['P', 'M', 'D'])?.cells).toEqual([P, M, D]);
  });

  it('keeps a word broken after a slash whole (`engineering/` at a line end, `manufacturing` below)', () => {
    const p = ['P1 Solve engineering/manufacturing problems with matrices.'];
    const m = ['M1 Use three methods to solve engineering/manufacturing problems, justifying each.'];
    const d = ['D1 Present the solutions as meaningful information for a non-technical audience.'];
    const lines = flatten([
      { paras: p, width: 9.5, top: 0, pitch: 1 },
      { paras: m, width: 9, top: 0, pitch: 1 },
      { paras: d, width: 10, top: 0, pitch: 1 },
    ]);
    expect(lines.some((l) => /\/ \S/.test(l))).toBe(true);
    expect(readFlattenedRow(lines, ['P', 'M', 'D'])?.cells).toEqual([p, m, d]);
  });

  it('finds the grid under its header, rows spanning it, and a label ending an outcome line as the last column’s', () => {
    const text = [
      'Pass Merit Distinction',
      'LO1 Examine the maintenance of production systems in a',
      'manufacturing plant LO1 and LO2',
      ...flatten([
        { paras: P, width: 11, top: 0, pitch: 1, gap: 0.5 },
        { paras: M, width: 11, top: 0, pitch: 1 },
        { paras: D, width: 11, top: 0, pitch: 1 },
      ]),
      'LO2 Review the records kept of maintenance work',
      'P3 List the records kept of maintenance. M2 Compare two ways of recording work.',
    ];
    const grids = findFlattenedGrids(text.map((t, k) => ({ text: t, line: k + 1 })));
    expect(grids).toHaveLength(1);
    expect(grids[0]!.header).toEqual(['Pass', 'Merit', 'Distinction']);
    expect(grids[0]!.rows).toEqual([
      { line: 2, span: 'LO1 Examine the maintenance of production systems in a manufacturing plant', label: 'LO1 and LO2' },
      { line: 4, cells: [P, M, D] },
      { line: text.length - 1, span: 'LO2 Review the records kept of maintenance work' },
      { line: text.length, cells: [['P3 List the records kept of maintenance.'], ['M2 Compare two ways of recording work.'], []] },
    ]);
  });

  it('measures each column’s width on the document’s rows and holds a row’s reading to it', () => {
    // Three rows of one document: the widths they show bind a fourth whose words could go
    // either way on its own.
    const row = (k: number) =>
      flatten([
        { paras: [`P${k} Describe how a range of maintenance records is kept in a plant.`], width: 10, top: 0, pitch: 1 },
        { paras: [`M${k} Analyse the benefits of keeping maintenance records on a computer.`], width: 10, top: 0, pitch: 1 },
        { paras: [`D${k} Evaluate the records system of a chosen plant and recommend changes.`], width: 10, top: 0, pitch: 1 },
      ]);
    const doc = [1, 2, 3].flatMap((k) => ['Pass Merit Distinction', `LO${k} Outcome ${k}`, ...row(k), '']);
    const widths = flattenedGridWidths([doc.map((t, k) => ({ text: t, line: k + 1 }))]).get('PMD')!;
    expect(widths).toHaveLength(3);
    for (const w of widths) expect(w).toBeGreaterThan(8), expect(w).toBeLessThanOrEqual(10);
  });

  it('leaves a row no reading fits as its lines, and still reads the others', () => {
    const text = [
      'Pass Merit Distinction',
      'LO1 Examine the maintenance of production systems',
      'P1 List the records. M1 Compare two ways of recording. D1 Judge the records.',
      'LO2 Review the records kept of maintenance work',
      // Labels out of column order: no reading.
      'M2 Compare the records D2 Judge them P2 List them',
    ];
    const grids = findFlattenedGrids(text.map((t, k) => ({ text: t, line: k + 1 })));
    expect(grids).toHaveLength(1);
    expect(grids[0]!.rows[1]).toEqual({ line: 3, cells: [['P1 List the records.'], ['M1 Compare two ways of recording.'], ['D1 Judge the records.']] });
    expect(grids[0]!.rows[3]).toEqual({ line: 5, span: 'M2 Compare the records D2 Judge them P2 List them' });
  });
});
