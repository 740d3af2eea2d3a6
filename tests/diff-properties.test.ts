/**
 * Properties of diffSpecs on real parsed specifications: a document against itself, the same
 * specification in two formats and house styles, and mirroring (A,B) against (B,A).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSpec, diffSpecs, type DiffReport, type SpecDocument } from '../packages/qualspec/dist/index.js';

const F = (p: string) => new URL(`../fixtures/${p}`, import.meta.url);
const docs: Record<string, SpecDocument> = {};

beforeAll(async () => {
  const files: Record<string, string> = {
    pq2: 'seeds/000_95d24b0889ea2dfb.txt',
    pq3: 'seeds/001_f68a613929ff46c3.txt',
    pqc: 'seeds/002_ad01b6a3c5de5f33.txt',
    hf3: 'seeds/003_46569ff9cfb36880.txt',
    sfj: 'seeds/004_310dec6ea9f8f7ac.txt',
    pq2docx: 'documents/proqual-l2-diploma.docx',
    pq2web: 'documents/proqual-l2-diploma.web.html',
    hf3docx: 'documents/habc-l3-diploma.docx',
    hf3web: 'documents/habc-l3-diploma.web.html',
    sfjdocx: 'documents/sfj-l2-certificate-draft.docx',
    sfjweb: 'documents/sfj-l2-certificate-draft.web.html',
    pq2pdf: 'documents/proqual-l2-diploma.pdf',
    hf3pdf: 'documents/habc-l3-diploma.pdf',
    sfjpdf: 'documents/sfj-l2-certificate-draft.pdf',
  };
  for (const [k, f] of Object.entries(files)) docs[k] = await parseSpec(F(f));
});

type Side = 'A' | 'B';
/** A report reduced to what must mirror: per unit key, status, versions and differences, documents named A and B. */
function normal(report: DiffReport, names: [Side, Side]) {
  const out: Record<string, { status: string; versions: string[]; diffs: string[] }> = {};
  const swap = names[0] === 'B';
  for (const u of report.units) {
    const diffs: string[] = [];
    for (const c of u.comparisons) {
      for (const d of c.differences) {
        const m = swap
          ? {
              ...d,
              a: d.b,
              b: d.a,
              change: d.change === 'added' ? 'removed' : d.change === 'removed' ? 'added' : d.change,
              segments: d.segments?.map((s) => ({ ...s, op: s.op === 'insert' ? 'delete' : s.op === 'delete' ? 'insert' : s.op })) ?? null,
            }
          : d;
        diffs.push(JSON.stringify({ ...m, segments: m.segments ? hunks(m.segments) : null }));
      }
    }
    out[u.key] = {
      status: u.status,
      versions: u.versions.map((v) => `${names[v.doc]} ${v.ref} ${v.title} ${v.match.by} ${v.match.score}`).sort(),
      diffs: diffs.sort(),
    };
  }
  return out;
}

/** Segments with each change's deletion before its insertion (a mirrored change lists them the other way). */
function hunks(segments: { op: string; text: string; class: unknown }[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    out.push(...run.sort());
    run = [];
  };
  for (const s of segments) {
    if (s.op === 'equal') {
      flush();
      out.push(`equal:${s.text}`);
    } else run.push(`${s.op}:${s.text}:${s.class}`);
  }
  flush();
  return out;
}

function expectMirrored(a: SpecDocument, b: SpecDocument) {
  const ab = diffSpecs([a, b]);
  const ba = diffSpecs([b, a]);
  expect(normal(ba, ['B', 'A'])).toEqual(normal(ab, ['A', 'B']));
  expect(ba.summary.byClass).toEqual(ab.summary.byClass);
  expect(ba.findings.map((f) => f.kind).sort()).toEqual(ab.findings.map((f) => f.kind).sort());
  return ab;
}

describe('a document against itself', () => {
  it.each(['pq2', 'pq3', 'pqc', 'hf3', 'sfj'])('%s: zero differences, every unit identical', (k) => {
    const d = docs[k]!;
    const other = structuredClone(d);
    // Locations and running numbers are never differences.
    other.units.forEach((u, i) => {
      u.location = { page: 999, line: i + 1 };
      u.number = String(i + 100);
    });
    const r = diffSpecs([d, other]);
    expect(r.summary.differences).toBe(0);
    expect(r.summary.diverging).toBe(0);
    expect(r.summary.onlyInOne).toBe(0);
    expect(r.summary.identical).toBe(r.summary.units);
    expect(r.summary.identical).toBe(new Set(d.units.map((u) => u.ref ?? u.title)).size);
  });
});

describe('the same specification as text and in another format and house style', () => {
  it.each([
    ['pq2', 'pq2docx'],
    ['pq2', 'pq2web'],
    ['hf3', 'hf3docx'],
    ['hf3', 'hf3web'],
    ['sfj', 'sfjdocx'],
    ['sfj', 'sfjweb'],
    ['pq2', 'pq2pdf'],
    ['hf3', 'hf3pdf'],
    ['sfj', 'sfjpdf'],
  ])('%s against %s: zero differences', (a, b) => {
    const r = diffSpecs([docs[a]!, docs[b]!]);
    expect(r.summary.differences).toBe(0);
    expect(r.summary.diverging).toBe(0);
    expect(r.summary.onlyInOne).toBe(0);
    expect(r.summary.identical).toBeGreaterThan(20);
  });
});

describe('mirroring: diffSpecs([A,B]) and diffSpecs([B,A]) give the same differences, sides swapped', () => {
  it.each([
    ['pq3', 'hf3'],
    ['pq2', 'sfj'],
    ['pq2', 'pq3'],
  ])('real pair %s / %s', (a, b) => {
    const r = expectMirrored(docs[a]!, docs[b]!);
    expect(r.summary.differences).toBeGreaterThan(0);
  });

  const WORDS = ['organization', 'organisation', 'behaviours', 'post transaction', 'customers’', "customers'", 'analyse', 'the', 'and', 'Explain', '–', '-', 'software'];
  const edit = fc.record({
    kind: fc.constantFrom('word', 'remove', 'add', 'move', 'renumber', 'credits', 'title', 'tbc', 'drop-unit', 'outcome'),
    u: fc.nat(),
    o: fc.nat(),
    c: fc.nat(),
    w: fc.nat(),
    word: fc.constantFrom(...WORDS),
  });

  it('random edits of a real specification', () => {
    const base = docs.pq3!;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const b = structuredClone(base);
        for (const e of edits) {
          if (!b.units.length) break;
          const u = b.units[e.u % b.units.length]!;
          const o = u.outcomes.length ? u.outcomes[e.o % u.outcomes.length]! : null;
          const c = o?.criteria.length ? o.criteria[e.c % o.criteria.length]! : null;
          switch (e.kind) {
            case 'word': {
              if (!c) break;
              const ws = c.text.split(' ');
              ws[e.w % ws.length] = e.word;
              c.text = ws.join(' ');
              break;
            }
            case 'remove':
              if (o && c) o.criteria.splice(o.criteria.indexOf(c), 1);
              break;
            case 'add':
              if (o) o.criteria.splice(e.c % (o.criteria.length + 1), 0, { number: `${o.number}.${e.w % 9}`, text: `${e.word} new criterion ${e.w}`, location: null });
              break;
            case 'move': {
              if (!o || !c || u.outcomes.length < 2) break;
              o.criteria.splice(o.criteria.indexOf(c), 1);
              const to = u.outcomes[(e.o + 1) % u.outcomes.length]!;
              to.criteria.push({ ...c, number: `${to.number}.${to.criteria.length + 1}` });
              break;
            }
            case 'renumber':
              if (c) c.number = `${e.o % 5}.${e.w % 9}`;
              break;
            case 'credits':
              u.credits = e.w % 12;
              break;
            case 'title':
              u.title = `${u.title} ${e.word}`;
              break;
            case 'tbc':
              u.ref = null;
              u.refValid = null;
              break;
            case 'drop-unit':
              b.units.splice(b.units.indexOf(u), 1);
              break;
            case 'outcome':
              if (o) o.text = `${e.word} ${o.text}`;
              break;
          }
        }
        expectMirrored(base, b);
      }),
      { numRuns: 60, seed: 20261122 },
    );
  });
});
