/** Positioned text as a format adapter hands it over: one page's items. */
/** One page's text, as compact parallel arrays (cheap to post between threads). */
export interface RawPage {
  page: number;
  /** Streams the reader refused to decode (over its size bound), when any. */
  refusedStreams?: number;
  width: number;
  height: number;
  /** Text of each item. */
  str: string[];
  /** Per item: x, top-down baseline y, width, font size, font index (into `fonts`), rotated (0/1). */
  num: number[];
  /** Font ids as pdf.js names them (only comparable within one page). */
  fonts: string[];
  /** Per font id: the font is bold, italic, both or neither (from its name and flags), when known. */
  fontStyles?: (FontStyle | null)[];
  /**
   * Drawn ruling lines, in the same coordinates as the text (y down): x0, y0, x1, y1 per line,
   * horizontal (y0 = y1) or vertical (x0 = x1). Absent where the format draws none.
   */
  rules?: number[];
  /** Filled boxes (cell shading): x0, y0, x1, y1 per box, x0 < x1, y0 < y1. */
  boxes?: number[];
}

export type FontStyle = 'bold' | 'italic' | 'bold-italic';

/** Numbers per item in RawPage.num. */
export const STRIDE = 6;
