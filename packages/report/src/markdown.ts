/** DiffReport -> Markdown (for email and pull requests). All document text is escaped. */
import type { DiffReport, Difference, Segment } from '@qualspec/diff';
import { CLASSES, countsText, diverging, docLabels, onlyInOne, versionFacts, what } from './common.js';

/** Escape text so Markdown (and the HTML it may contain) shows it literally. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*[\]|~]/g, '\\$&')
    // An underscore inside a word is never emphasis: leave file names readable.
    .replace(/_/g, (m, at: number, str: string) => (/[\p{L}\p{N}]/u.test(str[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(str[at + 1] ?? '') ? m : '\\_'))
    .replace(/\s+/g, ' ');
}

function mark(seg: Segment): string {
  if (seg.op === 'equal') return escapeMarkdown(seg.text);
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(seg.text)!;
  const tag = seg.op === 'delete' ? 'del' : 'ins';
  // A change of white space alone shows as a visible space mark.
  if (!m[2]) return `<${tag}>␣</${tag}>`;
  return `${m[1] ? ' ' : ''}<${tag}>${escapeMarkdown(m[2])}</${tag}>${m[3] ? ' ' : ''}`;
}

function line(d: Difference): string {
  const head = `*${escapeMarkdown(what(d))}* (${d.class})`;
  if (d.field === 'level' || d.field === 'credits' || d.field === 'glh') return `- ${head}: ${d.a?.value ?? '–'} → ${d.b?.value ?? '–'}`;
  if (d.segments) return `- ${head}: ${d.segments.map(mark).join('')}`;
  if (d.change === 'added') return `- ${head}: <ins>${escapeMarkdown(d.b?.text ?? '')}</ins>`;
  if (d.change === 'removed') return `- ${head}: <del>${escapeMarkdown(d.a?.text ?? '')}</del>`;
  return `- ${head}: ${escapeMarkdown(d.b?.text ?? d.a?.text ?? '')}`;
}

export function renderMarkdown(report: DiffReport): string {
  const s = report.summary;
  const out: string[] = [];
  out.push('# Unit differences across awarding bodies', '');
  out.push(
    `**${s.documents} documents, ${s.unitsCompared} units compared: ${s.identical} identical, ${s.diverging} diverging; ${s.onlyInOne} only in one document.**`,
    '',
  );
  out.push(`Differences by class: ${CLASSES.map((k) => `${k} ${s.byClass[k]} (in ${s.unitsByClass[k]} units)`).join(', ')}.`, '');
  out.push('| # | Document | Awarding body | Qualification | Number | Source |', '| --- | --- | --- | --- | --- | --- |');
  for (const d of report.documents) {
    out.push(
      `| ${d.index + 1} | ${escapeMarkdown(d.label)} | ${escapeMarkdown(d.awardingBody ?? '–')} | ${escapeMarkdown(d.title ?? '–')} | ${escapeMarkdown(d.number ?? '–')} | ${escapeMarkdown(d.path ?? '–')} |`,
    );
  }
  out.push('');
  out.push('## Reference findings', '');
  if (!report.findings.length) out.push('None.');
  for (const f of report.findings) out.push(`- **${f.kind}** (${f.severity}): ${escapeMarkdown(f.message)}`);
  out.push('');
  out.push('## Diverging units', '');
  const div = diverging(report);
  if (!div.length) out.push('None.', '');
  for (const u of div) {
    out.push(`### ${escapeMarkdown(u.ref ?? 'No reference')} ${escapeMarkdown(u.title)}`, '');
    out.push(...u.versions.map((v) => `- ${escapeMarkdown(report.documents[v.doc]?.label ?? '')}: ${escapeMarkdown(versionFacts(v))}`), '');
    for (const c of u.comparisons) {
      out.push(`#### ${escapeMarkdown(docLabels(report, c.a))} → ${escapeMarkdown(docLabels(report, c.b))} (${countsText(c.counts)})`, '');
      out.push(...c.differences.map(line), '');
    }
  }
  const only = onlyInOne(report);
  if (only.size) {
    out.push('## Only in one document', '');
    for (const [doc, us] of [...only].sort((a, b) => a[0] - b[0])) {
      out.push(`- ${escapeMarkdown(report.documents[doc]?.label ?? '')}: ${us.map((u) => `${escapeMarkdown(u.ref ?? 'TBC')} ${escapeMarkdown(u.title)}`).join('; ')}`);
    }
    out.push('');
  }
  out.push(`${s.identical} identical units are counted, not listed.`, '');
  return out.join('\n');
}
