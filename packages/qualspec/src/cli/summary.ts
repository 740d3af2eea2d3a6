/** The `--format summary` view of a SpecDocument: a short human table. */
import type { SpecDocument } from '@qualspec/model';

export function summary(doc: SpecDocument, file: string, warningsShown = 5): string {
  const q = doc.qualification;
  const outcomes = doc.units.reduce((s, u) => s + u.outcomes.length, 0);
  const criteria = doc.units.reduce((s, u) => s + u.outcomes.reduce((t, o) => t + o.criteria.length, 0), 0);
  const by = (sev: string) => doc.diagnostics.filter((d) => d.severity === sev);
  const rows: [string, string][] = [
    ['file', `${file} (${doc.source.format}${doc.source.pages != null ? `, ${doc.source.pages} pages` : ''})`],
    ['awarding body', doc.awardingBody ?? '-'],
    ['qualification', `${q.title ?? '-'}${q.number ? ` (${q.number})` : ''}${q.draft ? ' [draft]' : ''}`],
    ['level / credits / GLH', `${q.level ?? '-'} / ${q.credits ?? '-'} / ${q.glh ?? '-'}${q.glhMax != null ? `-${q.glhMax}` : ''}`],
    ['groups', q.rules ? q.rules.groups.map((g) => `${g.name} (${g.units.length})`).join(', ') || '-' : '-'],
    ['units', String(doc.units.length)],
    ['outcomes', String(outcomes)],
    ['criteria', String(criteria)],
    ['diagnostics', `${by('error').length} errors, ${by('warning').length} warnings, ${by('info').length} info`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  const lines = rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`);
  const notable = [...by('error'), ...by('warning')].slice(0, warningsShown);
  for (const d of notable) {
    const where = d.location ? ` (${[d.location.page != null ? `p${d.location.page}` : '', d.location.line != null ? `l${d.location.line}` : ''].filter(Boolean).join(' ')})` : '';
    lines.push(`  ${d.severity}: ${d.code}: ${d.unit ? `${d.unit}: ` : ''}${d.message}${where}`);
  }
  const more = by('error').length + by('warning').length - notable.length;
  if (more > 0) lines.push(`  … and ${more} more`);
  return `${lines.join('\n')}\n`;
}
