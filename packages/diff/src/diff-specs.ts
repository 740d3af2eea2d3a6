/**
 * diffSpecs: several SpecDocuments -> one DiffReport.
 *
 * Units are grouped by reference number (a reference with a wrong check letter is read as the
 * corrected one); units without a reference (TBC) join the group whose title and content are most
 * alike, above a threshold. In each group the versions fall into variants (versions with no
 * difference between them); the base variant (the first document's) is compared with each other.
 */
import { checkUnitRef, normaliseUnitRef } from '@qualspec/model';

const basename = (p: string) => p.split(/[\\/]/).pop() ?? p;
import { bodyBag, bodyKey, compareBodies, pairTie, type UnitBody } from './align.js';
import {
  DiffReport,
  type ClassCounts,
  type Comparison,
  type DiffClass,
  type DocumentInfo,
  type Finding,
  type FindingKind,
  type Occurrence,
  type UnitEntry,
  type Version,
} from './schema.js';
import { bagSimilarity, classifyChange, cosmeticKey, spellingKey, textSimilarity } from './text.js';

type Loc = { page: number | null; line: number | null } | null | undefined;

/** What diffSpecs reads of a document: a SpecDocument; source, diagnostics and locations may be absent. */
export interface DiffInput {
  awardingBody: string | null;
  qualification: {
    title: string | null;
    number: string | null;
    level: number | null;
    draft?: boolean;
    rules?: { groups: { units: { ref: string | null; title: string | null; level: number | null }[] }[] } | null;
  };
  units: {
    ref: string | null;
    refValid?: boolean | null;
    number?: string | null;
    title: string;
    level: number | null;
    credits: number | null;
    glh: number | null;
    outcomes: { number: string; text: string; criteria: { number: string; text: string }[] }[];
    location?: Loc;
  }[];
  source?: { path?: string | null; format?: string | null; sha256?: string | null } | null;
  diagnostics?: { code: string; message: string; unit: string | null }[];
}

export interface DiffOptions {
  /** Labels for the documents in reports (default: body, level and kind, e.g. `ProQual L3 Diploma`). */
  labels?: (string | null | undefined)[];
  /** Least score (0..1) for matching a unit without reference to another by title and content (default 0.6). */
  matchThreshold?: number;
}

interface V {
  doc: number;
  idx: number;
  unit: DiffInput['units'][number];
  body: UnitBody;
  eff: string | null;
  by: Version['match']['by'];
  score: number | null;
  criteria: number;
  bag: Map<string, number>;
}

const zero = (): ClassCounts => ({ cosmetic: 0, spelling: 0, wording: 0, structural: 0 });
const CLASSES: DiffClass[] = ['cosmetic', 'spelling', 'wording', 'structural'];
const KIND_ORDER: FindingKind[] = ['check-letter', 'ref-mismatch-table', 'duplicate-body', 'same-title-different-ref', 'same-ref-different-title'];

export function diffSpecs(docs: readonly DiffInput[], options: DiffOptions = {}): DiffReport {
  const threshold = options.matchThreshold ?? 0.6;
  const documents = labelDocuments(docs, options.labels);

  // 1. Versions with their effective reference.
  const versions: V[] = [];
  docs.forEach((d, doc) =>
    d.units.forEach((unit, idx) => {
      const body: UnitBody = { title: unit.title, level: unit.level, credits: unit.credits, glh: unit.glh, outcomes: unit.outcomes };
      let eff: string | null = null;
      let by: V['by'] = 'none';
      if (unit.ref) {
        const c = checkUnitRef(unit.ref);
        if (c.ref && !c.valid && c.suggestion) {
          eff = c.suggestion;
          by = 'corrected-ref';
        } else {
          eff = c.ref ?? unit.ref;
          by = 'ref';
        }
      }
      const criteria = unit.outcomes.reduce((n, o) => n + o.criteria.length, 0);
      versions.push({ doc, idx, unit, body, eff, by, score: null, criteria, bag: bodyBag(body) });
    }),
  );

  // 2. Groups by reference; units without one join the most alike group.
  const groups = new Map<string, V[]>();
  for (const v of versions) if (v.eff) push(groups, v.eff, v);
  const unref = versions.filter((v) => !v.eff);
  const cands: { u: V; key: string; score: number; by: V['by']; tie: string }[] = [];
  for (const u of unref) {
    for (const [key, vs] of groups) {
      if (vs.some((x) => x.doc === u.doc)) continue;
      let best = { score: 0, by: 'none' as V['by'] };
      for (const x of vs) {
        const m = matchScore(u, x);
        if (m.score > best.score) best = m;
      }
      if (best.score >= threshold) cands.push({ u, key, score: best.score, by: best.by, tie: pairTie(u.unit.title, key) });
    }
  }
  cands.sort((p, q) => q.score - p.score || (p.tie < q.tie ? -1 : p.tie > q.tie ? 1 : 0));
  const placed = new Set<V>();
  for (const c of cands) {
    if (placed.has(c.u)) continue;
    const vs = groups.get(c.key)!;
    if (vs.some((x) => x.doc === c.u.doc)) continue;
    c.u.by = c.by;
    c.u.score = round(c.score);
    vs.push(c.u);
    placed.add(c.u);
  }
  // Units without reference matched with each other (across documents).
  const rest = unref.filter((u) => !placed.has(u));
  const cluster = new Map<V, V[]>(rest.map((u) => [u, [u]]));
  const pairs: { a: V; b: V; score: number; by: V['by']; tie: string }[] = [];
  for (let i = 0; i < rest.length; i++) {
    for (let j = i + 1; j < rest.length; j++) {
      const a = rest[i]!;
      const b = rest[j]!;
      if (a.doc === b.doc) continue;
      const m = matchScore(a, b);
      if (m.score >= threshold) pairs.push({ a, b, score: m.score, by: m.by, tie: pairTie(a.unit.title, b.unit.title) });
    }
  }
  pairs.sort((p, q) => q.score - p.score || (p.tie < q.tie ? -1 : p.tie > q.tie ? 1 : 0));
  for (const p of pairs) {
    const ca = cluster.get(p.a)!;
    const cb = cluster.get(p.b)!;
    if (ca === cb || ca.some((x) => cb.some((y) => y.doc === x.doc))) continue;
    for (const x of [p.a, p.b]) {
      if (x.score === null) {
        x.score = round(p.score);
        x.by = p.by;
      }
    }
    for (const y of cb) ca.push(y);
    for (const y of cb) cluster.set(y, ca);
  }
  const seenClusters = new Set<V[]>();
  for (const u of rest) {
    const c = cluster.get(u)!;
    if (seenClusters.has(c)) continue;
    seenClusters.add(c);
    c.sort(byPosition);
    const base = `title:${cosmeticKey(c[0]!.unit.title) || 'untitled'}`;
    let key = base;
    for (let n = 2; groups.has(key); n++) key = `${base}#${n}`;
    groups.set(key, c);
  }

  // 3. Per group: variants and comparisons.
  const units: UnitEntry[] = [];
  const ordered = [...groups.entries()].map(([key, vs]) => [key, vs.sort(byPosition)] as const).sort((p, q) => byPosition(p[1][0]!, q[1][0]!));
  const byClass = zero();
  const unitsByClass = zero();
  let differences = 0;
  for (const [key, vs] of ordered) {
    const variants: { rep: V; docs: number[] }[] = [];
    for (const v of vs) {
      const same = variants.find((w) => compareBodies(w.rep.body, v.body).length === 0);
      if (same) {
        if (!same.docs.includes(v.doc)) same.docs.push(v.doc);
      } else variants.push({ rep: v, docs: [v.doc] });
    }
    const comparisons: Comparison[] = [];
    const counts = zero();
    for (const w of variants.slice(1)) {
      const diffs = compareBodies(variants[0]!.rep.body, w.rep.body);
      const c = zero();
      for (const d of diffs) c[d.class]++;
      for (const k of CLASSES) counts[k] += c[k];
      comparisons.push({ a: variants[0]!.docs, b: w.docs, counts: c, differences: diffs });
      differences += diffs.length;
    }
    const docCount = new Set(vs.map((v) => v.doc)).size;
    const status: UnitEntry['status'] = docCount < 2 ? 'only-in-one' : variants.length === 1 ? 'identical' : 'diverging';
    for (const k of CLASSES) {
      byClass[k] += counts[k];
      if (counts[k]) unitsByClass[k]++;
    }
    units.push({
      key,
      ref: key.startsWith('title:') ? null : key,
      title: vs[0]!.unit.title,
      status,
      versions: vs.map(toVersion),
      variants: variants.map((w) => w.docs),
      comparisons,
      counts,
    });
  }

  // 4. Reference findings.
  const findings = referenceFindings(docs, documents, versions, groups);

  const findingsByKind: Record<string, number> = {};
  for (const f of findings) findingsByKind[f.kind] = (findingsByKind[f.kind] ?? 0) + 1;
  const report: DiffReport = {
    schemaVersion: '1',
    kind: 'qualspec-diff-report',
    documents,
    summary: {
      documents: docs.length,
      units: units.length,
      unitsCompared: units.filter((u) => u.status !== 'only-in-one').length,
      identical: units.filter((u) => u.status === 'identical').length,
      diverging: units.filter((u) => u.status === 'diverging').length,
      onlyInOne: units.filter((u) => u.status === 'only-in-one').length,
      byClass,
      unitsByClass,
      differences,
      findings: findings.length,
      findingsByKind,
    },
    findings,
    units,
  };
  return report;
}

function push<K, T>(m: Map<K, T[]>, k: K, v: T): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

function byPosition(a: V, b: V): number {
  return a.doc - b.doc || a.idx - b.idx;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Title and content similarity of two units (symmetric). */
function matchScore(a: V, b: V): { score: number; by: V['by'] } {
  const sameTitle = spellingKey(a.unit.title) === spellingKey(b.unit.title);
  const ts = sameTitle ? 1 : textSimilarity(a.unit.title, b.unit.title);
  if (a.criteria > 0 && b.criteria > 0) {
    const cs = bagSimilarity(a.bag, b.bag);
    return { score: 0.4 * ts + 0.6 * cs, by: sameTitle ? 'title' : 'content' };
  }
  return { score: sameTitle ? 0.7 : 0.5 * ts, by: 'title' };
}

function toVersion(v: V): Version {
  const loc = v.unit.location;
  return {
    doc: v.doc,
    ref: v.unit.ref,
    refValid: v.unit.ref ? checkUnitRef(v.unit.ref).valid : null,
    number: v.unit.number ?? null,
    title: v.unit.title,
    level: v.unit.level,
    credits: v.unit.credits,
    glh: v.unit.glh,
    outcomes: v.unit.outcomes.length,
    criteria: v.criteria,
    location: loc ? { page: loc.page ?? null, line: loc.line ?? null } : null,
    match: { by: v.by, score: v.score },
  };
}

const KIND_WORD = /\b(Extended Diploma|Subsidiary Diploma|Extended Certificate|Diploma|Certificate|Award)\b/i;

function labelDocuments(docs: readonly DiffInput[], labels: DiffOptions['labels']): DocumentInfo[] {
  const infos = docs.map((d, index): DocumentInfo => {
    const q = d.qualification;
    const kind = q.title ? KIND_WORD.exec(q.title)?.[1] : undefined;
    const auto = [d.awardingBody ?? 'Unknown body', q.level !== null ? `L${q.level}` : null, kind ?? null, q.draft ? '(draft)' : null].filter(Boolean).join(' ');
    return {
      index,
      label: labels?.[index] ?? auto,
      awardingBody: d.awardingBody,
      title: q.title,
      number: q.number,
      level: q.level,
      draft: q.draft ?? false,
      path: d.source?.path ?? null,
      format: d.source?.format ?? null,
      sha256: d.source?.sha256 ?? null,
      units: d.units.length,
    };
  });
  // Make colliding labels unique: by qualification number where those differ, else by file name, else by position.
  const colliding = (l: string) => infos.filter((x) => x.label === l);
  for (const label of new Set(infos.map((x) => x.label))) {
    const same = colliding(label).filter((x) => !labels?.[x.index]);
    if (same.length < 2) continue;
    const numbers = new Set(same.map((x) => x.number));
    const names = new Set(same.map((x) => (x.path ? basename(x.path) : null)));
    for (const x of same) {
      if (numbers.size === same.length && x.number) x.label = `${label} (${x.number})`;
      else if (names.size === same.length && x.path) x.label = `${label} (${basename(x.path)})`;
      else x.label = `${label} [${x.index + 1}]`;
    }
  }
  return infos;
}

function referenceFindings(docs: readonly DiffInput[], documents: DocumentInfo[], versions: V[], groups: Map<string, V[]>): Finding[] {
  const findings: Finding[] = [];
  const label = (doc: number) => documents[doc]!.label;
  const keyOf = new Map<V, string>();
  for (const [k, vs] of groups) for (const v of vs) keyOf.set(v, k);
  const occ = (v: V): Occurrence => ({
    doc: v.doc,
    ref: v.unit.ref,
    title: v.unit.title,
    level: v.unit.level,
    where: 'unit',
    key: keyOf.get(v) ?? null,
    location: v.unit.location ? { page: v.unit.location.page ?? null, line: v.unit.location.line ?? null } : null,
  });
  const rows = docs.map((d) => (d.qualification.rules?.groups ?? []).flatMap((g) => g.units));
  const rowOcc = (doc: number, r: { ref: string | null; title: string | null; level: number | null }): Occurrence => ({
    doc,
    ref: r.ref ? (normaliseUnitRef(r.ref) ?? r.ref) : null,
    title: r.title,
    level: r.level,
    where: 'table',
    key: null,
    location: null,
  });
  const quote = (s: string | null) => `“${s ?? ''}”`;
  const where = (o: Occurrence) => `${label(o.doc)} (${o.where === 'unit' ? 'unit page' : 'structure table'})`;

  // check-letter: unit pages and structure-table rows.
  const bad = new Map<string, Occurrence[]>();
  for (const v of versions) if (v.by === 'corrected-ref' && v.unit.ref) push(bad, v.unit.ref, occ(v));
  rows.forEach((rs, doc) => {
    for (const r of rs) {
      const c = r.ref ? checkUnitRef(r.ref) : null;
      if (c?.ref && !c.valid && c.suggestion) push(bad, c.ref, rowOcc(doc, r));
    }
  });
  for (const [ref, os] of bad) {
    const suggestion = checkUnitRef(ref).suggestion;
    findings.push({
      kind: 'check-letter',
      severity: 'error',
      message: `${ref} ${quote(os[0]!.title)}: the check letter is wrong, its digits call for ${suggestion}; printed in ${[...new Set(os.map(where))].join(', ')}`,
      ref,
      suggestion,
      title: os[0]!.title,
      occurrences: os,
      differing: [],
    });
  }

  // ref-mismatch-table: a unit page whose reference its own structure table gives to another.
  const covered = new Set<string>();
  for (const v of versions) {
    if (!v.unit.ref || rows[v.doc]!.length === 0) continue;
    const tableRefs = new Set(rows[v.doc]!.map((r) => (r.ref ? normaliseUnitRef(r.ref) : null)));
    if (tableRefs.has(v.unit.ref)) continue;
    const t = spellingKey(v.unit.title);
    const row = rows[v.doc]!.find((r) => r.title && spellingKey(r.title) === t && r.ref && normaliseUnitRef(r.ref) !== v.unit.ref);
    if (!row) continue;
    const rowRef = normaliseUnitRef(row.ref!) ?? row.ref!;
    covered.add(`${v.doc}:${v.unit.ref}`);
    findings.push({
      kind: 'ref-mismatch-table',
      severity: 'error',
      message: `${label(v.doc)}: the unit page of ${quote(v.unit.title)} is headed ${v.unit.ref}, its structure table lists it as ${rowRef}`,
      ref: v.unit.ref,
      suggestion: rowRef,
      title: v.unit.title,
      occurrences: [occ(v), rowOcc(v.doc, row)],
      differing: [],
    });
  }
  docs.forEach((d, doc) => {
    for (const g of d.diagnostics ?? []) {
      if (g.code !== 'ref-mismatch-table') continue;
      const ref = g.unit ? normaliseUnitRef(g.unit) : null;
      if (ref && covered.has(`${doc}:${ref}`)) continue;
      if (!ref && [...covered].some((c) => c.startsWith(`${doc}:`))) continue;
      findings.push({ kind: 'ref-mismatch-table', severity: 'error', message: `${label(doc)}: ${g.message}`, ref, suggestion: null, title: null, occurrences: [], differing: [] });
    }
  });

  // duplicate-body: word for word the body of a unit with another reference.
  const bodies = new Map<string, V[]>();
  for (const v of versions) if (v.criteria > 0) push(bodies, bodyKey(v.body), v);
  for (const vs of bodies.values()) {
    const keys = [...new Set(vs.map((v) => keyOf.get(v)!))];
    if (keys.length < 2) continue;
    const bk = bodyKey(vs[0]!.body);
    const differing = keys.flatMap((k) => groups.get(k)!.filter((x) => bodyKey(x.body) !== bk)).sort(byPosition);
    const suspect = vs.find((v) => differing.some((x) => keyOf.get(x) === keyOf.get(v))) ?? vs[vs.length - 1]!;
    const others = vs.filter((v) => keyOf.get(v) !== keyOf.get(suspect));
    const refText = (v: V) => (v.unit.ref ?? 'TBC') + (v.unit.ref && keyOf.get(v) !== v.unit.ref && !keyOf.get(v)!.startsWith('title:') ? ` (read as ${keyOf.get(v)})` : '');
    let message = `${label(suspect.doc)}: unit ${refText(suspect)} ${quote(suspect.unit.title)} has word for word the body of ${others
      .map((v) => `${v.unit.ref ?? 'TBC'} ${quote(v.unit.title)} in ${label(v.doc)}`)
      .join(', ')}`;
    if (differing.length) message += `; ${differing.map((x) => `${x.unit.ref ?? 'TBC'} in ${label(x.doc)}`).join(', ')} differs`;
    findings.push({
      kind: 'duplicate-body',
      severity: 'warning',
      message,
      ref: suspect.unit.ref,
      suggestion: null,
      title: suspect.unit.title,
      occurrences: [suspect, ...others].map(occ),
      differing: differing.map(occ),
    });
  }

  // same-title-different-ref
  const byTitle = new Map<string, V[]>();
  for (const v of versions) if (v.eff) push(byTitle, spellingKey(v.unit.title), v);
  for (const vs of byTitle.values()) {
    const keys = [...new Set(vs.map((v) => keyOf.get(v)!))];
    if (keys.length < 2) continue;
    const parts = keys.map((k) => {
      const kv = vs.filter((v) => keyOf.get(v) === k).sort(byPosition);
      const levels = [...new Set(kv.map((v) => v.unit.level).filter((l) => l !== null))];
      const printed = kv.filter((v) => v.unit.ref !== k).map((v) => `printed ${v.unit.ref} in ${label(v.doc)}`);
      return `${k}${levels.length ? ` (level ${levels.join('/')})` : ''} in ${kv.map((v) => label(v.doc)).join(', ')}${printed.length ? ` [${printed.join('; ')}]` : ''}`;
    });
    findings.push({
      kind: 'same-title-different-ref',
      severity: 'warning',
      message: `${quote(vs[0]!.unit.title)} appears under different references: ${parts.join('; ')}`,
      ref: null,
      suggestion: null,
      title: vs[0]!.unit.title,
      occurrences: [...vs].sort(byPosition).map(occ),
      differing: [],
    });
  }

  // same-ref-different-title: unit pages and structure tables that give one reference different titles.
  for (const [key, vs] of groups) {
    if (key.startsWith('title:')) continue;
    const os: Occurrence[] = vs.filter((v) => v.unit.ref).map(occ);
    rows.forEach((rs, doc) => {
      for (const r of rs) {
        if (!r.ref || !r.title) continue;
        const c = checkUnitRef(r.ref);
        if (c.ref === key || c.suggestion === key) os.push(rowOcc(doc, r));
      }
    });
    const titles: string[] = [];
    for (const o of os) if (o.title && !titles.some((t) => classifyChange(t, o.title!) !== 'wording')) titles.push(o.title);
    if (titles.length < 2) continue;
    const describe = titles.map((t) => {
      const at = os.filter((o) => o.title && classifyChange(t, o.title) !== 'wording');
      return `${quote(t)} in ${[...new Set(at.map(where))].join(', ')}`;
    });
    findings.push({
      kind: 'same-ref-different-title',
      severity: 'warning',
      message: `${key} has different titles: ${describe.join('; ')}`,
      ref: key,
      suggestion: null,
      title: titles[0]!,
      occurrences: os,
      differing: [],
    });
  }

  return findings.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** Validate a report against the schema (throws on a bug). */
export function checkReport(report: unknown): DiffReport {
  return DiffReport.parse(report);
}
