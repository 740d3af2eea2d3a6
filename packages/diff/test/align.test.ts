import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareBodies, type UnitBody } from '../src/index.js';

// Unit bodies from the gold model of the Highfield Level 3 diploma (fixtures/seeds/003).
const gold = JSON.parse(readFileSync(new URL('../../../fixtures/seeds/003_46569ff9cfb36880.gold.json', import.meta.url), 'utf8')) as { units: (UnitBody & { ref: string; number: string; location: unknown })[] };
const unit = (ref: string): UnitBody => structuredClone(gold.units.find((u) => u.ref === ref)!);

describe('compareBodies', () => {
  it('finds nothing between a unit and itself; running number and location are not compared', () => {
    const u = gold.units.find((x) => x.ref === 'J/502/4397')!;
    const v = { ...structuredClone(u), number: '99', location: { page: 7, line: 1 } };
    expect(compareBodies(u, v)).toEqual([]);
  });

  it('shows a criterion moved to another outcome as moved, not as removed and added', () => {
    const a = unit('J/502/4397');
    const b = unit('J/502/4397');
    const c = b.outcomes[0]!.criteria.splice(1, 1)[0]!; // 1.2 moves to the end of outcome 2
    b.outcomes[1]!.criteria.push({ ...c, number: '2.4' });
    const d = compareBodies(a, b);
    expect(d.map((x) => `${x.class} ${x.field} ${x.change} ${x.a?.number}->${x.b?.number}`)).toEqual(['structural criterion moved 1.2->2.4']);
    expect(d[0]!.a!.outcome).toBe('1');
    expect(d[0]!.b!.outcome).toBe('2');
  });

  it('renumbers criteria after a removed one and lists the removed one', () => {
    const a = unit('K/502/8622');
    const b = unit('K/502/8622');
    const removed = b.outcomes[0]!.criteria.splice(0, 1)[0]!;
    b.outcomes[0]!.criteria.forEach((c, i) => (c.number = `1.${i + 1}`));
    const d = compareBodies(a, b);
    expect(d.filter((x) => x.change === 'removed').map((x) => x.a!.text)).toEqual([removed.text]);
    expect(d.filter((x) => x.change === 'renumbered').length).toBe(b.outcomes[0]!.criteria.length);
    expect(d.every((x) => x.class === 'structural')).toBe(true);
  });

  it('aligns a reworded criterion with its counterpart and diffs its words', () => {
    const a = unit('Y/506/2152');
    const b = unit('Y/506/2152');
    const c = b.outcomes[1]!.criteria[0]!;
    c.text = c.text.replace('organization', 'organisation');
    const d = compareBodies(a, b);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ class: 'spelling', field: 'criterion', change: 'changed', a: { number: '2.1' }, b: { number: '2.1' } });
  });

  it('reports level, credits and GLH when both sides give them, never when one side does not say', () => {
    const a = unit('K/502/8622');
    const b = { ...unit('K/502/8622'), credits: 4, glh: null };
    const d = compareBodies(a, b);
    expect(d).toEqual([{ class: 'structural', field: 'credits', change: 'changed', a: { number: null, outcome: null, text: null, value: 3 }, b: { number: null, outcome: null, text: null, value: 4 }, segments: null, similarity: null }]);
  });

  it('renumbering of an outcome is one difference, not one per criterion', () => {
    const a = unit('J/502/4397');
    const b = unit('J/502/4397');
    const removed = b.outcomes.splice(1, 1)[0]!;
    b.outcomes[1]!.number = '2';
    b.outcomes[1]!.criteria.forEach((c) => (c.number = c.number.replace(/^3\./, '2.')));
    const d = compareBodies(a, b);
    expect(d.filter((x) => x.field === 'outcome').map((x) => `${x.change} ${x.a?.number}->${x.b?.number}`)).toEqual(['removed 2->undefined', 'renumbered 3->2']);
    expect(d.filter((x) => x.field === 'criterion').map((x) => x.change)).toEqual(removed.criteria.map(() => 'removed'));
  });
});
