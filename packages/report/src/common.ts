import type { DiffClass, DiffReport, Difference, UnitEntry, Version } from '@qualspec/diff';

export const CLASSES: DiffClass[] = ['cosmetic', 'spelling', 'wording', 'structural'];

export function docLabels(report: DiffReport, docs: number[]): string {
  return docs.map((d) => report.documents[d]?.label ?? `document ${d + 1}`).join(', ');
}

/** `criterion 2.1`, `outcome 3`, `credits`, ... with the numbers of both sides where they differ. */
export function what(d: Difference): string {
  const na = d.a?.number ?? null;
  const nb = d.b?.number ?? null;
  const num = na !== null && nb !== null && na !== nb ? `${na} → ${nb}` : (na ?? nb ?? '');
  const name = d.field === 'glh' ? 'GLH' : d.field;
  const head = num ? `${name} ${num}` : name;
  if (d.change === 'moved') return `${head} moved (outcome ${d.a?.outcome ?? '?'} → ${d.b?.outcome ?? '?'})`;
  if (d.change === 'changed') return head;
  return `${head} ${d.change}`;
}

export function versionFacts(v: Version): string {
  const parts: string[] = [];
  parts.push(v.ref ?? 'no reference');
  if (v.level !== null) parts.push(`level ${v.level}`);
  if (v.credits !== null) parts.push(`${v.credits} credits`);
  if (v.glh !== null) parts.push(`${v.glh} GLH`);
  if (v.match.score !== null) parts.push(`matched by ${v.match.by}, score ${v.match.score}`);
  else if (v.match.by === 'corrected-ref') parts.push('matched by corrected reference');
  return parts.join(', ');
}

export function countsText(c: Record<DiffClass, number>): string {
  return CLASSES.filter((k) => c[k]).map((k) => `${k} ${c[k]}`).join(', ');
}

export function diverging(report: DiffReport): UnitEntry[] {
  return report.units.filter((u) => u.status === 'diverging');
}

export function onlyInOne(report: DiffReport): Map<number, UnitEntry[]> {
  const m = new Map<number, UnitEntry[]>();
  for (const u of report.units) {
    if (u.status !== 'only-in-one') continue;
    const d = u.versions[0]!.doc;
    const a = m.get(d);
    if (a) a.push(u);
    else m.set(d, [u]);
  }
  return m;
}
