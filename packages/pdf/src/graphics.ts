/**
 * A page's drawing, as table geometry: ruling lines (stroked lines, and the thin filled
 * rectangles word processors draw borders with) and filled boxes (cell shading), read from the
 * content-stream operators pdf.js's text extraction hands over (see scripts/vendor-pdfjs.mjs).
 * Path coordinates are taken through the current transform when the path is built, as PDF
 * paints them. Curves, clipping paths and white fills (page backgrounds) carry no table
 * geometry and are dropped.
 */

/** pdf.js operator ids (its `OPS`), by name. */
export type OpIds = Record<string, number>;

/** A filled or stroked rectangle thinner than this (pt) is a rule, not a box. */
export const RULE_MAX_THICKNESS = 2.5;
/** Rules shorter than this (pt) are marks (bullets, underline flecks), not table rules. */
export const RULE_MIN_LENGTH = 4;
/** A straight segment within this (pt) of horizontal or vertical counts as such. */
const AXIS_TOLERANCE = 0.5;
/** A fill at least this light in every channel is a background (white), not shading. */
const WHITE = 0.95;
/** Boxes smaller than this (pt) in both directions are marks, not shading. */
const BOX_MIN_SIZE = 6;

type Matrix = [number, number, number, number, number, number];

/** What the collector reads of pdf.js's text state: the transform, and the current font. */
export interface GraphicsState {
  ctm?: ArrayLike<number>;
  loadedName?: string;
  font?: { name?: string } | null;
}

interface GState {
  lineWidth: number;
  /** The current fill is white (or near it). */
  whiteFill: boolean;
  whiteStroke: boolean;
}

/**
 * The geometry of one page in PDF user space after the CTM: `rules` as x0,y0,x1,y1 quadruples
 * (horizontal: y0 = y1; vertical: x0 = x1), `boxes` as x0,y0,x1,y1 quadruples with x0 < x1, y0 < y1.
 */
export interface PageGraphics {
  rules: number[];
  boxes: number[];
}

/** Is a colour operator's operand list white? One operand gray, three RGB, four CMYK. */
function isWhite(args: unknown[] | null): boolean {
  const v = (args ?? []).filter((a): a is number => typeof a === 'number');
  if (v.length === 1) return v[0]! >= WHITE;
  if (v.length === 3) return v.every((c) => c >= WHITE);
  if (v.length === 4) return v.every((c) => c <= 1 - WHITE);
  return false;
}

/** Bold and italic by a font's name (`ABCDEF+Calibri-Bold`, `Arial,BoldItalic`, `OpenSans-SemiboldItalic`). */
export function styleOfFontName(name: string): 'bold' | 'italic' | 'bold-italic' | null {
  const base = name.replace(/^[A-Z]{6}\+/, '');
  const bold = /bold|black|heavy|semibold|demi(?!-?light)|\bbd\b|-bd$/i.test(base);
  const italic = /italic|oblique|\bit\b|-it$/i.test(base);
  return bold && italic ? 'bold-italic' : bold ? 'bold' : italic ? 'italic' : null;
}

export class GraphicsCollector {
  readonly rules: number[] = [];
  readonly boxes: number[] = [];
  /** The style of each font text was shown in, by pdf.js's name for it (the text items' `fontName`). */
  readonly fontStyles = new Map<string, 'bold' | 'italic' | 'bold-italic' | null>();
  private gs: GState = { lineWidth: 1, whiteFill: false, whiteStroke: false };
  private readonly stack: GState[] = [];
  /** The path being built: subpaths of points (device space), and which subpaths are closed rectangles. */
  private path: number[][] = [];
  private rects: boolean[] = [];
  private readonly ops: Record<string, number>;
  private readonly fillColour: Set<number>;
  private readonly strokeColour: Set<number>;
  private readonly paints: Map<number, { fill: boolean; stroke: boolean }>;
  private readonly shows: Set<number>;

  /**
   * The operators to be handed over (by id): only those this collector reads, so that the hook
   * in pdf.js's text loop costs a typed-array lookup for the rest (most of a text page's
   * operators). Text-showing operators only after a font is set, until one shows its name.
   */
  readonly wanted: Uint8Array;

  constructor(ops: OpIds) {
    this.ops = ops;
    const ids = (names: string[]) => new Set(names.map((n) => ops[n]).filter((x): x is number => x !== undefined));
    this.fillColour = ids(['setFillGray', 'setFillRGBColor', 'setFillCMYKColor', 'setFillColor', 'setFillColorN']);
    this.strokeColour = ids(['setStrokeGray', 'setStrokeRGBColor', 'setStrokeCMYKColor', 'setStrokeColor', 'setStrokeColorN']);
    this.shows = ids(['showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText']);
    const p = (fill: boolean, stroke: boolean) => ({ fill, stroke });
    this.paints = new Map(
      (
        [
          ['stroke', p(false, true)],
          ['closeStroke', p(false, true)],
          ['fill', p(true, false)],
          ['eoFill', p(true, false)],
          ['fillStroke', p(true, true)],
          ['eoFillStroke', p(true, true)],
          ['closeFillStroke', p(true, true)],
          ['closeEOFillStroke', p(true, true)],
        ] as const
      )
        .filter(([n]) => ops[n] !== undefined)
        .map(([n, v]) => [ops[n]!, v]),
    );
    this.wanted = new Uint8Array(Math.max(0, ...Object.values(ops)) + 1);
    const drawing = ['save', 'restore', 'setLineWidth', 'moveTo', 'lineTo', 'curveTo', 'curveTo2', 'curveTo3', 'closePath', 'rectangle', 'endPath', 'setFont'];
    for (const id of [...ids(drawing), ...this.fillColour, ...this.strokeColour, ...this.paints.keys()]) this.wanted[id] = 1;
  }

  private showsWanted(on: boolean) {
    for (const id of this.shows) this.wanted[id] = on ? 1 : 0;
  }

  /** One content-stream operator with its arguments and pdf.js's graphics state (its `ctm`). */
  op(fn: number, args: unknown[] | null, state: GraphicsState | null): void {
    const o = this.ops;
    if (this.shows.has(fn)) {
      const loaded = state?.loadedName;
      if (!loaded) return;
      if (!this.fontStyles.has(loaded)) this.fontStyles.set(loaded, styleOfFontName(state?.font?.name ?? ''));
      this.showsWanted(false);
      return;
    }
    const a = (args ?? []) as number[];
    switch (fn) {
      case o.setFont:
        // The font loads as this operator runs: the next text shown names it.
        this.showsWanted(true);
        return;
      case o.save:
        this.stack.push({ ...this.gs });
        return;
      case o.restore:
        this.gs = this.stack.pop() ?? this.gs;
        return;
      case o.setLineWidth:
        if (typeof a[0] === 'number') this.gs.lineWidth = a[0];
        return;
      case o.moveTo:
        this.path.push(this.point(state, a[0]!, a[1]!));
        this.rects.push(false);
        return;
      case o.lineTo: {
        const cur = this.path[this.path.length - 1];
        if (cur) cur.push(...this.point(state, a[0]!, a[1]!));
        return;
      }
      case o.curveTo:
      case o.curveTo2:
      case o.curveTo3: {
        // A curve is no rule: the subpath it is in is not a straight outline any more.
        const cur = this.path[this.path.length - 1];
        if (cur) cur.push(NaN, NaN);
        return;
      }
      case o.closePath: {
        const cur = this.path[this.path.length - 1];
        if (cur && cur.length >= 4) cur.push(cur[0]!, cur[1]!);
        return;
      }
      case o.rectangle: {
        const [x, y, w, h] = a as [number, number, number, number];
        this.path.push([...this.point(state, x, y), ...this.point(state, x + w, y), ...this.point(state, x + w, y + h), ...this.point(state, x, y + h), ...this.point(state, x, y)]);
        this.rects.push(true);
        return;
      }
      case o.endPath:
        this.clear();
        return;
    }
    if (this.fillColour.has(fn)) {
      this.gs.whiteFill = isWhite(args);
      return;
    }
    if (this.strokeColour.has(fn)) {
      this.gs.whiteStroke = isWhite(args);
      return;
    }
    const paint = this.paints.get(fn);
    if (!paint) return;
    if (paint.fill && !this.gs.whiteFill) this.filled(state);
    if (paint.stroke && !this.gs.whiteStroke) this.stroked(state);
    this.clear();
  }

  private clear() {
    this.path = [];
    this.rects = [];
  }

  private point(state: GraphicsState | null, x: number, y: number): [number, number] {
    const m = (state?.ctm ?? [1, 0, 0, 1, 0, 0]) as unknown as Matrix;
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  }

  /** Filled subpaths: axis-aligned rectangles become a rule (thin) or a box (shading). */
  private filled(state: GraphicsState | null) {
    for (const sub of this.path) {
      const box = rectangleOf(sub);
      if (!box) continue;
      const [x0, y0, x1, y1] = box;
      const w = x1 - x0;
      const h = y1 - y0;
      if (Math.min(w, h) <= RULE_MAX_THICKNESS) {
        if (Math.max(w, h) < RULE_MIN_LENGTH) continue;
        if (w >= h) this.rules.push(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        else this.rules.push((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      } else if (w >= BOX_MIN_SIZE && h >= BOX_MIN_SIZE) this.boxes.push(x0, y0, x1, y1);
    }
    void state;
  }

  /** Stroked subpaths: their horizontal and vertical straight segments are rules. */
  private stroked(state: GraphicsState | null) {
    // A line width in user space, through the CTM's scale.
    const m = (state?.ctm ?? [1, 0, 0, 1, 0, 0]) as unknown as Matrix;
    const width = this.gs.lineWidth * Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]) || 1);
    if (width > 3 * RULE_MAX_THICKNESS) return;
    for (const sub of this.path) {
      for (let k = 0; k + 3 < sub.length; k += 2) {
        const [x0, y0, x1, y1] = [sub[k]!, sub[k + 1]!, sub[k + 2]!, sub[k + 3]!];
        if ([x0, y0, x1, y1].some(Number.isNaN)) continue;
        if (Math.abs(y1 - y0) <= AXIS_TOLERANCE && Math.abs(x1 - x0) >= RULE_MIN_LENGTH) this.rules.push(Math.min(x0, x1), y0, Math.max(x0, x1), y0);
        else if (Math.abs(x1 - x0) <= AXIS_TOLERANCE && Math.abs(y1 - y0) >= RULE_MIN_LENGTH) this.rules.push(x0, Math.min(y0, y1), x0, Math.max(y0, y1));
      }
    }
  }

  /** Take what was collected. */
  take(): PageGraphics {
    return { rules: this.rules.splice(0), boxes: this.boxes.splice(0) };
  }
}

/** The axis-aligned rectangle a closed subpath outlines, or null. */
function rectangleOf(sub: number[]): [number, number, number, number] | null {
  if (sub.length < 8 || sub.some(Number.isNaN)) return null;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < sub.length; k += 2) {
    xs.push(sub[k]!);
    ys.push(sub[k + 1]!);
  }
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  // Every point on the box's outline (a rotated or irregular shape is not a cell).
  const on = (v: number, a: number, b: number) => Math.abs(v - a) <= AXIS_TOLERANCE || Math.abs(v - b) <= AXIS_TOLERANCE;
  for (let k = 0; k < xs.length; k++) if (!on(xs[k]!, x0, x1) || !on(ys[k]!, y0, y1)) return null;
  return [x0, y0, x1, y1];
}
