/** Positioned text as a format adapter hands it over: one page's items. */
/** One page's text, as compact parallel arrays (cheap to post between threads). */
export interface RawPage {
  page: number;
  width: number;
  height: number;
  /** Text of each item. */
  str: string[];
  /** Per item: x, top-down baseline y, width, font size, font index (into `fonts`), rotated (0/1). */
  num: number[];
  /** Font ids as pdf.js names them (only comparable within one page). */
  fonts: string[];
}

/** Numbers per item in RawPage.num. */
export const STRIDE = 6;
