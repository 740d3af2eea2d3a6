import { describe, expect, it } from 'vitest';
import { htmlFragmentToBlocks } from '../src/index.js';

const at = { page: null, line: 7 };
const texts = (html: string) => htmlFragmentToBlocks(html, at).map((p) => p.text);

describe('htmlFragmentToBlocks', () => {
  it('gives one paragraph per <p>, in order, each with the given place', () => {
    const out = htmlFragmentToBlocks('<p>1.1 Explain x</p> <p>1.2 Describe  y\n z</p>', at);
    expect(out).toEqual([
      { type: 'paragraph', text: '1.1 Explain x', place: { page: null, line: 7 } },
      { type: 'paragraph', text: '1.2 Describe y z', place: { page: null, line: 7 } },
    ]);
  });

  it('keeps bare text inside a list element as one paragraph, not a list item', () => {
    const out = htmlFragmentToBlocks('<ul style="list-style-type: none">1.1 Describe a1.2 Describe b</ul>', at);
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toBe('1.1 Describe a1.2 Describe b');
    expect(out[0]!.depth).toBeUndefined();
  });

  it('separates text outside block elements from list items and gives items depth', () => {
    const out = htmlFragmentToBlocks('4.4 Outline sources of support: <ul><li>• equality</li><li>health<ul><li>sub item</li></ul>tail</li></ul> after', at);
    expect(out.map((p) => [p.text, p.depth ?? 0])).toEqual([
      ['4.4 Outline sources of support:', 0],
      ['• equality', 1],
      ['health', 1],
      ['sub item', 2],
      ['tail', 1],
      ['after', 0],
    ]);
  });

  it('marks wholly italic or bold paragraphs, not partly emphasised ones', () => {
    const out = htmlFragmentToBlocks('<i>The learner will</i><p><b>Bold</b> <strong>all</strong></p><p><em>part</em> plain</p>', at);
    expect(out.map((p) => [p.text, p.emphasis])).toEqual([
      ['The learner will', 'italic'],
      ['Bold all', 'bold'],
      ['part plain', undefined],
    ]);
    expect(htmlFragmentToBlocks('<p><b>Learning outcome</b>:</p><p>(<i>all</i>)</p><p><b>1.1</b> Explain</p>', at).map((p) => p.emphasis)).toEqual(['bold', 'italic', undefined]);
  });

  it('reads bold and italic from inline styles, not from look-alike properties', () => {
    const out = htmlFragmentToBlocks('<p><span style="font-weight:700">heavy</span></p><p><b style="mso-bidi-font-weight:normal">still bold</b></p><p><span style="color:red;font-style:italic">slanted</span></p>', at);
    expect(out.map((p) => p.emphasis)).toEqual(['bold', 'bold', 'italic']);
  });

  it('splits lines at <br> and sets heading levels', () => {
    const out = htmlFragmentToBlocks('<h3>Unit <span>title</span></h3>line one<br>line two<br/><br>', at);
    expect(out.map((p) => [p.text, p.heading])).toEqual([
      ['Unit title', 3],
      ['line one', undefined],
      ['line two', undefined],
    ]);
  });

  it('drops scripts, styles and hidden elements and decodes entities', () => {
    expect(texts('<p>a &amp; b&nbsp;c</p><script>x()</script><style>p{}</style><p hidden>no</p><span aria-hidden="true">no</span>')).toEqual(['a & b c']);
  });

  it('flattens a table inside the fragment to its cells in reading order', () => {
    expect(texts('<table><tr><td>a</td><td><p>b</p><p>c</p></td></tr><tr><td>d</td></tr></table>')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('returns nothing for empty or white-space-only input', () => {
    expect(htmlFragmentToBlocks('', at)).toEqual([]);
    expect(htmlFragmentToBlocks(' <p> </p> <br> ', at)).toEqual([]);
  });
});

describe('ordered lists print the numbers a browser shows', () => {
  it('numbers items by type, start, value and list-style-type', () => {
    expect(texts('<ol><li>One</li><li>Two</li></ol>')).toEqual(['1. One', '2. Two']);
    expect(texts('<ol type="a" start="3"><li>c item</li><li value="7">g item</li><li>h item</li></ol>')).toEqual(['c. c item', 'g. g item', 'h. h item']);
    expect(texts('<ol style="list-style-type: upper-roman"><li>First</li><li>Second</li></ol>')).toEqual(['I. First', 'II. Second']);
    expect(texts('<ol reversed><li>x</li><li>y</li></ol>')).toEqual(['2. x', '1. y']);
  });

  it('prints no number when the list style is none, and none for an empty item', () => {
    expect(texts('<ol style="list-style-type: none">1.1 Describe a<li>1.2 Describe b</li></ol>')).toEqual(['1.1 Describe a', '1.2 Describe b']);
    expect(texts('<ol><li></li><li>Second</li></ol>')).toEqual(['2. Second']);
  });

  it('keeps depth and emphasis, and puts the marker before an item that opens with a block', () => {
    const out = htmlFragmentToBlocks('<ol><li><p><b>Bold item</b></p><ol type="a"><li>nested</li></ol></li></ol>', at);
    expect(out.map((p) => [p.text, p.depth, p.emphasis])).toEqual([
      ['1. Bold item', 1, 'bold'],
      ['a. nested', 2, undefined],
    ]);
  });
});
