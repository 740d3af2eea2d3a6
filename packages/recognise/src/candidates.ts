/**
 * Candidate outlines: a unit is read under every numbering scheme, each reading is scored,
 * and the best one wins. A near tie between two readings that both find criteria is reported
 * (`numbering-ambiguous`), so a wrong choice never passes silently.
 */
import type { Diagnostics } from './diagnostics.js';
import { Diagnostics as DiagnosticList } from './diagnostics.js';
import type { Item } from './items.js';
import type { HeadingMatch } from './rules/index.js';
import { SCHEMES } from './schemes/index.js';
import { Trace } from './trace.js';
import { criterionText } from './outline.js';
import { joinParts } from './text.js';
import { readUnit, type UnitDraft } from './units.js';

/**
 * Score weights of an outline (how well a scheme's reading fits the unit):
 *  - a criterion that follows the one before it in its sequence: the strongest evidence;
 *  - an outcome carrying criteria counts, one without counts against;
 *  - gaps and disorder are tolerated (documents misnumber), repeats and criteria under an
 *    outcome their number does not name less so;
 *  - numbering the scheme read but could not place, or read against its column's or region's
 *    header, counts against.
 */
export const SCORE = {
  next: 3,
  gapOrOrder: 1,
  duplicate: -2,
  outside: -1,
  outcomeWithCriteria: 2,
  outcomeWithout: -1,
  rejected: -0.5,
  disagree: -1,
} as const;

/** Two readings within this share of the best score, both with criteria, are a near tie. */
const NEAR_TIE = 0.1;

export function outlineScore(d: UnitDraft): number {
  const e = d.events;
  const withCriteria = d.outcomes.filter((o) => o.criteria.length).length;
  return (
    SCORE.next * e.next +
    SCORE.gapOrOrder * (e.gap + e.order) +
    SCORE.duplicate * e.duplicate +
    SCORE.outside * e.outside +
    SCORE.outcomeWithCriteria * withCriteria +
    SCORE.outcomeWithout * (d.outcomes.length - withCriteria) +
    SCORE.rejected * e.rejected +
    SCORE.disagree * e.disagree
  );
}

/** Read a unit under each scheme and keep the best reading (its diagnostics and trace with it). */
export function readUnitBest(
  items: Item[],
  span: { start: number; end: number; heading: HeadingMatch },
  diags: Diagnostics,
  columnValues: ReadonlySet<string>,
  trace: Trace,
  knownTitles: readonly string[] = [],
): UnitDraft {
  const runs = SCHEMES.map((scheme) => {
    const d = new DiagnosticList();
    const t = new Trace(trace.on);
    const draft = readUnit(items, span, d, columnValues, scheme, t, knownTitles);
    return { draft, diags: d, trace: t, score: outlineScore(draft) };
  });
  // Best score; the earlier scheme wins a tie.
  let best = runs[0]!;
  for (const r of runs) if (r.score > best.score) best = r;
  for (const d of best.diags.list) diags.list.push(d);
  for (const e of best.trace.entries) trace.entries.push(e);
  const criteria = (r: (typeof runs)[number]) => r.draft.outcomes.some((o) => o.criteria.length);
  // A reading that places the same criteria under the same outcomes is no rival, whatever it
  // names them (a list's `3.` kept as printed, or as `2.3`): the schemes' order decides that.
  const shape = (r: (typeof runs)[number]) => JSON.stringify(r.draft.outcomes.map((o) => [o.number, joinParts(o.parts), o.criteria.map((c) => criterionText(c))]));
  const bestShape = shape(best);
  const rival = runs.filter((r) => r !== best && criteria(r) && best.score > 0 && best.score - r.score <= NEAR_TIE * best.score && shape(r) !== bestShape);
  if (rival.length && criteria(best)) {
    const name = best.draft.refPrinted ?? best.draft.title;
    diags.info(
      'numbering-ambiguous',
      `read with ${best.draft.scheme} numbering (score ${best.score}); ${rival.map((r) => `${r.draft.scheme} scores ${r.score}`).join(', ')}`,
      name,
      best.draft.place,
    );
  }
  return best.draft;
}
