/** The furniture core both page-aware adapters use: page numbers, numbered headings, keys, recurrence. */
import { describe, expect, it } from 'vitest';
import { NUMBERED_LABEL, PAGE_NUMBER_LINE, edgeKeys, printedPageKey, recurringLines, type EdgeLine } from '@qualspec/blocks';

describe('the furniture core', () => {
  it.each(['7', 'Page 7', 'page 7 of 12', '7/12', '- 7 -', '– 12 –'])('%j is a page number alone', (t) => expect(PAGE_NUMBER_LINE.test(t)).toBe(true));
  it.each(['Unit 7', '7.1 Explain', 'Page seven', '2024 edition'])('%j is not', (t) => expect(PAGE_NUMBER_LINE.test(t)).toBe(false));
  it.each(['Unit 2', 'Learning outcome 3', 'Section 4:'])('%j alone is a numbered heading', (t) => expect(NUMBERED_LABEL.test(t)).toBe(true));
  it.each(['Page 2', 'p 3', 'Unit 2 Working safely'])('%j is not', (t) => expect(NUMBERED_LABEL.test(t)).toBe(false));

  it('folds a page number: every number without the page\'s place, only those near it with it', () => {
    expect(edgeKeys('Unit 301  Widgets   Page 5')).toEqual(['unit # widgets page #']);
    expect(edgeKeys('xiv')).toEqual(['#']);
    expect(edgeKeys('Learning outcome 3')).toEqual(['learning outcome 3']);
    // Each number near the page's place is a candidate; counting across pages picks the one that recurs.
    expect(edgeKeys('Qualification handbook 601/3577/3 – page 9', 9)).toEqual(['qualification handbook 601/3577/# – page 9', 'qualification handbook 601/3577/3 – page #']);
    expect(edgeKeys('Qualification handbook 601/3577/3 – page 40', 40)).toEqual(['qualification handbook 601/3577/3 – page #']);
    expect(edgeKeys('3/3', 3)).toEqual(['#/3', '3/#']);
  });

  it('beside a printed page number, folds that number only', () => {
    expect(printedPageKey('Version 2   Page 9 of 40', '9')).toBe('version 2 page # of 40');
    expect(printedPageKey('Unit 19 Safety', '9')).toBe('unit 19 safety');
  });

  it('groups lines by the key most pages share at their edge, on enough pages', () => {
    const line = (item: string, page: number, edge: 'top' | 'bottom' = 'bottom'): EdgeLine<string> => ({ item, page, edge, keys: edgeKeys(item, page) });
    const lines = [line('Page 1 of 3', 1), line('Page 2 of 3', 2), line('Page 3 of 3', 3), line('Unit 201 Safety', 1, 'top'), line('Unit 202 Tools', 2, 'top'), line('Page 2 of 3', 2, 'top')];
    const groups = recurringLines(lines, 3);
    expect(groups.map((g) => [g.edge, g.key, g.lines.map((l) => l.item)])).toEqual([['bottom', 'page # of 3', ['Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3']]]);
  });
});
