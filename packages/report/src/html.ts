/**
 * DiffReport -> one self-contained HTML file: no network, no external assets. A Content-Security-Policy
 * forbids everything (default-src 'none') except this file's own style and script, allowed by hash.
 * All document text is escaped.
 */
import { createHash } from 'node:crypto';
import type { Comparison, DiffReport, Difference, Segment, UnitEntry } from '@qualspec/diff';
import { CLASSES, countsText, diverging, docLabels, onlyInOne, versionFacts, what } from './common.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESC[c]!);
}
const e = escapeHtml;

const STYLE = `
:root { --del: #ffd7d5; --del-ink: #82071e; --ins: #ccffd8; --ins-ink: #055d20; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 1400px; color: #1f2328; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 0 0 .4rem; }
h4 { font-size: .95rem; margin: 1rem 0 .3rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .3rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #f6f8fa; font-weight: 600; }
.stats { display: flex; flex-wrap: wrap; gap: .6rem; margin: .5rem 0 1rem; }
.stat { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; min-width: 8rem; }
.stat b { display: block; font-size: 1.4rem; }
.finding { margin: .25rem 0; }
.sev-error .kind { color: #cf222e; }
.sev-warning .kind { color: #9a6700; }
.kind { font-weight: 600; font-family: ui-monospace, monospace; }
#filters { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: .5rem 0; z-index: 1; }
fieldset { display: inline-block; border: 1px solid var(--line); border-radius: 6px; margin: 0 .5rem .3rem 0; }
label { margin-right: .8rem; white-space: nowrap; }
article.unit { border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin: 1rem 0; }
.status { font-size: .8rem; color: var(--muted); font-weight: normal; }
table.diffs td.a, table.diffs td.b { width: 40%; }
table.diffs td.cls { width: 6rem; font-family: ui-monospace, monospace; font-size: .85rem; }
table.diffs td.what { width: 12rem; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: none; }
.c-cosmetic .cls { color: var(--muted); }
.c-spelling .cls { color: #0550ae; }
.c-wording .cls { color: #8250df; }
.c-structural .cls { color: #cf222e; }
td.empty { background: #f6f8fa; }
.versions td, .versions th { font-size: .88rem; }
.muted { color: var(--muted); }
[hidden] { display: none !important; }
`;

const SCRIPT = `
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
  var units = Array.prototype.slice.call(document.querySelectorAll('article.unit'));
  var shown = document.getElementById('shown');
  function has(set, list) {
    return list.split(' ').some(function (x) { return set[x]; });
  }
  function apply() {
    var bodies = {}, classes = {};
    boxes.forEach(function (b) { if (b.checked) (b.getAttribute('data-filter') === 'body' ? bodies : classes)[b.value] = true; });
    var n = 0;
    units.forEach(function (u) {
      var any = false;
      Array.prototype.forEach.call(u.querySelectorAll('section.cmp'), function (c) {
        var rows = 0;
        Array.prototype.forEach.call(c.querySelectorAll('tr.d'), function (r) {
          var v = !!classes[r.getAttribute('data-class')];
          r.hidden = !v;
          if (v) rows++;
        });
        var vis = rows > 0 && has(bodies, c.getAttribute('data-a')) && has(bodies, c.getAttribute('data-b'));
        c.hidden = !vis;
        if (vis) any = true;
      });
      u.hidden = !any;
      if (any) n++;
    });
    shown.textContent = n + ' of ' + units.length + ' diverging units shown';
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
})();
`;

const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** The Content-Security-Policy of the report: nothing from anywhere, except this file's own style and script. */
export const HTML_CSP = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`;

function segs(segments: Segment[], side: 'a' | 'b'): string {
  return segments
    .map((s) => {
      if (s.op === 'equal') return e(s.text);
      // A change of white space alone shows as a visible space mark.
      const text = /^\s+$/.test(s.text) ? '␣' : e(s.text);
      if (s.op === 'delete') return side === 'a' ? `<del>${text}</del>` : '';
      return side === 'b' ? `<ins>${text}</ins>` : '';
    })
    .join('');
}

function cell(d: Difference, side: 'a' | 'b'): string {
  const s = d[side];
  if (!s) return '<td class="' + side + ' empty"></td>';
  if (d.field === 'level' || d.field === 'credits' || d.field === 'glh') {
    return `<td class="${side}">${side === 'a' ? `<del>${e(String(s.value))}</del>` : `<ins>${e(String(s.value))}</ins>`}</td>`;
  }
  const label = d.field === 'criterion' || d.field === 'outcome' ? `<span class="muted">${e(s.number ?? '')}</span> ` : '';
  let body: string;
  if (d.segments) body = segs(d.segments, side);
  else if (d.change === 'added') body = `<ins>${e(s.text ?? '')}</ins>`;
  else if (d.change === 'removed') body = `<del>${e(s.text ?? '')}</del>`;
  else body = e(s.text ?? '');
  return `<td class="${side}">${label}${body}</td>`;
}

function bodiesOf(report: DiffReport, bodies: string[], docs: number[]): string {
  return [...new Set(docs.map((d) => bodies.indexOf(report.documents[d]?.awardingBody ?? 'Unknown body')))].join(' ');
}

function comparison(report: DiffReport, bodies: string[], c: Comparison): string {
  const rows = c.differences
    .map((d) => `<tr class="d c-${d.class}" data-class="${d.class}"><td class="cls">${d.class}</td><td class="what">${e(what(d))}</td>${cell(d, 'a')}${cell(d, 'b')}</tr>`)
    .join('\n');
  return `<section class="cmp" data-a="${bodiesOf(report, bodies, c.a)}" data-b="${bodiesOf(report, bodies, c.b)}">
<h4>${e(docLabels(report, c.a))} ↔ ${e(docLabels(report, c.b))} <span class="muted">(${e(countsText(c.counts))})</span></h4>
<table class="diffs"><thead><tr><th>Class</th><th>What</th><th>${e(docLabels(report, c.a))}</th><th>${e(docLabels(report, c.b))}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

/** The id of a unit's article: `J/502/4397` gives `u-J-502-4397`. */
function anchor(key: string): string {
  return 'u-' + key.replace(/[^A-Za-z0-9]+/g, '-');
}

function unit(report: DiffReport, bodies: string[], u: UnitEntry): string {
  const versions = u.versions
    .map((v) => `<tr><td>${e(report.documents[v.doc]?.label ?? '')}</td><td>${e(v.title)}</td><td>${e(versionFacts(v))}</td></tr>`)
    .join('');
  return `<article class="unit" id="${e(anchor(u.key))}">
<h3>${e(u.ref ?? 'No reference')} ${e(u.title)} <span class="status">${e(countsText(u.counts))}</span></h3>
<table class="versions"><thead><tr><th>Document</th><th>Title</th><th>Reference and values</th></tr></thead><tbody>${versions}</tbody></table>
${u.comparisons.map((c) => comparison(report, bodies, c)).join('\n')}
</article>`;
}

export function renderHtml(report: DiffReport, options: { title?: string } = {}): string {
  const s = report.summary;
  const title = options.title ?? 'Unit differences across awarding bodies';
  const bodies = [...new Set(report.documents.map((d) => d.awardingBody ?? 'Unknown body'))];
  const docs = report.documents
    .map(
      (d) =>
        `<tr><td>${d.index + 1}</td><td>${e(d.label)}</td><td>${e(d.awardingBody ?? '–')}</td><td>${e(d.title ?? '–')}</td><td>${e(d.number ?? '–')}</td><td>${d.units}</td><td>${e(d.path ?? '–')}</td></tr>`,
    )
    .join('\n');
  const stat = (n: number, label: string) => `<div class="stat"><b>${n}</b>${e(label)}</div>`;
  const classStats = CLASSES.map((k) => stat(s.byClass[k], `${k} (${s.unitsByClass[k]} units)`)).join('');
  const listed = new Set(diverging(report).map((u) => u.key));
  const links = (keys: (string | null)[]) => {
    const ks = [...new Set(keys)].filter((k): k is string => k !== null && listed.has(k));
    return ks.length ? ` <span class="muted">(see ${ks.map((k) => `<a href="#${anchor(k)}">${e(k)}</a>`).join(', ')})</span>` : '';
  };
  const findings = report.findings.length
    ? `<ul>${report.findings
        .map((f) => `<li class="finding sev-${f.severity}" data-kind="${f.kind}"><span class="kind">${f.kind}</span> ${e(f.message)}${links([...f.occurrences, ...f.differing].map((o) => o.key))}</li>`)
        .join('\n')}</ul>`
    : '<p>None.</p>';
  const filters = `<section id="filters">
<fieldset><legend>Bodies</legend>${bodies.map((b, i) => `<label><input type="checkbox" data-filter="body" value="${i}" checked> ${e(b)}</label>`).join('')}</fieldset>
<fieldset><legend>Classes</legend>${CLASSES.map((k) => `<label><input type="checkbox" data-filter="class" value="${k}" checked> ${k} (${s.byClass[k]})</label>`).join('')}</fieldset>
<span id="shown" class="muted"></span>
</section>`;
  const only = onlyInOne(report);
  const onlyHtml = only.size
    ? `<h2>Only in one document (${s.onlyInOne})</h2><ul>${[...only]
        .sort((a, b) => a[0] - b[0])
        .map(([d, us]) => `<li>${e(report.documents[d]?.label ?? '')}: ${us.map((u) => `${e(u.ref ?? 'TBC')} ${e(u.title)}`).join('; ')}</li>`)
        .join('\n')}</ul>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="qualspec diff-spec">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<table class="docs"><thead><tr><th>#</th><th>Document</th><th>Awarding body</th><th>Qualification</th><th>Number</th><th>Units</th><th>Source</th></tr></thead>
<tbody>
${docs}
</tbody></table>
<div class="stats" id="summary">${stat(s.documents, 'documents')}${stat(s.unitsCompared, 'units compared')}${stat(s.identical, 'identical')}${stat(s.diverging, 'diverging')}${stat(s.onlyInOne, 'only in one document')}</div>
<div class="stats" id="by-class">${classStats}</div>
</header>
<main>
<h2>Reference findings (${report.findings.length})</h2>
${findings}
<h2>Diverging units (${s.diverging})</h2>
<p class="muted">Each unit's base version (first document that has it) on the left, every differing version on the right. ${s.identical} identical units are counted, not listed.</p>
${filters}
<div id="units">
${diverging(report)
  .map((u) => unit(report, bodies, u))
  .join('\n')}
</div>
${onlyHtml}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
