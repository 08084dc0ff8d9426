import { describe, expect, it } from 'vitest';
import { Decimal } from '../../feel';
import { compileDmn, evaluateDecision, parseDmn } from '../index';
import { shapeOf } from './entry-shape';
import { IntervalIndex } from './interval-index';
import { TableIndex } from './table-index';

/** Small deterministic PRNG (mulberry32) so that failures reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['gold', 'silver', 'bronze', 'none'];

function randomEntry(r: () => number, column: 'number' | 'string'): string {
  const n = () => Math.floor(r() * 20) - 5;
  const x = r();
  if (x < 0.2) return '-';
  if (column === 'string') {
    if (x < 0.6) return `"${WORDS[Math.floor(r() * WORDS.length)]}"`;
    if (x < 0.75) return `"${WORDS[0]}", "${WORDS[Math.floor(r() * WORDS.length)]}"`;
    if (x < 0.9) return `not("${WORDS[Math.floor(r() * WORDS.length)]}")`;
    return `starts with(?, "s")`;
  }
  if (x < 0.35) return String(n());
  if (x < 0.5) return `${['<', '<=', '>', '>='][Math.floor(r() * 4)]} ${n()}`;
  if (x < 0.7) {
    const lo = n();
    return `${r() < 0.5 ? '[' : '('}${lo}..${lo + Math.floor(r() * 6)}${r() < 0.5 ? ']' : ')'}`;
  }
  if (x < 0.8) return `${n()}, [${n()}..${n() + 3}]`;
  if (x < 0.9) return `? > ${n()} and ? < ${n() + 8}`;
  return `${n()}.5`;
}

function tableModel(policy: string, rules: string[][], aggregation?: string): string {
  const rows = rules.map((e, i) =>
    `<rule id="r${i}"><inputEntry><text>${esc(e[0]!)}</text></inputEntry><inputEntry><text>${esc(e[1]!)}</text></inputEntry><outputEntry><text>${i}</text></outputEntry></rule>`).join('');
  return `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" namespace="urn:gen" name="gen" id="gen">
  <inputData id="a" name="A"/><inputData id="b" name="B"/>
  <decision id="d" name="D"><informationRequirement><requiredInput href="#a"/></informationRequirement><informationRequirement><requiredInput href="#b"/></informationRequirement>
  <decisionTable hitPolicy="${policy}"${aggregation ? ` aggregation="${aggregation}"` : ''}>
    <input><inputExpression><text>A</text></inputExpression></input><input><inputExpression><text>B</text></inputExpression></input>
    <output typeRef="number"/>${rows}</decisionTable></decision></definitions>`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('indexed decision tables', () => {
  it('given random tables and inputs, when evaluated indexed and by scan, then results and matched rules agree', () => {
    const r = rng(42);
    const policies: [string, string?][] = [['FIRST'], ['COLLECT'], ['RULE ORDER'], ['UNIQUE'], ['COLLECT', 'SUM'], ['COLLECT', 'COUNT']];
    let compared = 0;
    let nonEmpty = 0;
    for (let t = 0; t < 24; t++) {
      const [policy, aggregation] = policies[t % policies.length]!;
      const rules = Array.from({ length: 10 + Math.floor(r() * 60) }, () => [randomEntry(r, 'number'), randomEntry(r, 'string')]);
      const model = parseDmn(tableModel(policy, rules, aggregation));
      const indexed = compileDmn(model, { tableIndex: 'always' });
      const scanned = compileDmn(model, { tableIndex: 'never' });
      for (let k = 0; k < 40; k++) {
        const a = r() < 0.1 ? null : r() < 0.1 ? 'text' : Math.floor(r() * 24) - 6 + (r() < 0.2 ? 0.5 : 0);
        const b = r() < 0.1 ? null : r() < 0.1 ? 3 : WORDS[Math.floor(r() * WORDS.length)];
        const x = evaluateDecision(indexed, 'D', { A: a, B: b });
        const y = evaluateDecision(scanned, 'D', { A: a, B: b });
        expect(x.json, `${policy} ${aggregation ?? ''} A=${a} B=${b}`).toEqual(y.json);
        expect(x.audit[0]!.tables[0]!.matched).toEqual(y.audit[0]!.tables[0]!.matched);
        compared++;
        if (y.audit[0]!.tables[0]!.matched.length > 0) nonEmpty++;
      }
    }
    expect(compared).toBe(24 * 40);
    // The comparison means something only if many inputs do match rules.
    expect(nonEmpty).toBeGreaterThan(compared / 3);
  });

  it('given a table large enough to compile cells lazily, when evaluated indexed and by scan, then results agree', () => {
    const r = rng(7);
    const rules = Array.from({ length: 260 }, () => [randomEntry(r, 'number'), randomEntry(r, 'string')]);
    const model = parseDmn(tableModel('COLLECT', rules));
    const indexed = compileDmn(model, { tableIndex: 'always' });
    const scanned = compileDmn(model, { tableIndex: 'never' });
    for (let k = 0; k < 30; k++) {
      const vars = { A: Math.floor(r() * 24) - 6, B: WORDS[Math.floor(r() * WORDS.length)] };
      expect(evaluateDecision(indexed, 'D', vars).json).toEqual(evaluateDecision(scanned, 'D', vars).json);
    }
  });

  it('given a large table with a broken cell, when that rule matches, then the cell reports its syntax error by site', () => {
    const rules = Array.from({ length: 250 }, (_, i) => [String(i), '-']);
    const xml = tableModel('FIRST', rules).replace('<outputEntry><text>7</text></outputEntry>', '<outputEntry><text>7 +* 1</text></outputEntry>');
    const compiled = compileDmn(parseDmn(xml));
    expect(evaluateDecision(compiled, 'D', { A: 3, B: 'x' }).json).toBe(3);
    const broken = evaluateDecision(compiled, 'D', { A: 7, B: 'x' });
    expect(broken.value).toBeNull();
    expect(broken.warnings[0]!.element).toMatch(/rule r7 > outputEntry 1/);
  });

  it('given a large table of disjoint intervals, when queried, then only the containing rule is a candidate', () => {
    const entries = Array.from({ length: 1000 }, (_, i) => [`[${i * 10}..${i * 10 + 10})`]);
    const index = new TableIndex(entries, 1);
    expect(index.candidates([new Decimal(4235)])).toEqual([423]);
    expect(index.candidates([new Decimal(4230)])).toEqual([423]);
    expect(index.candidates([new Decimal(-1)])).toEqual([]);
    expect(index.candidates(['4230'])).toEqual([]);
  });

  it('given equality entries, when queried, then numbers match by value and types never mix', () => {
    const index = new TableIndex([['5'], ['5.0'], ['"5"'], ['-'], ['? > 1']], 1);
    expect(index.candidates([new Decimal('5.00')])).toEqual([0, 1, 3, 4]);
    expect(index.candidates(['5'])).toEqual([2, 3, 4]);
    expect(index.needsFeel(4, 0)).toBe(true);
    expect(index.needsFeel(0, 0)).toBe(false);
  });
});

describe('entry shapes', () => {
  it('classifies literals, comparisons, intervals and opaque entries', () => {
    expect(shapeOf(' - ')).toEqual({ kind: 'any' });
    expect(shapeOf('"a", "b,c"')).toMatchObject({ kind: 'simple', keys: ['s:a', 's:b,c'] });
    expect(shapeOf('true')).toMatchObject({ kind: 'simple', keys: ['b:true'] });
    expect(shapeOf('>= 18')).toMatchObject({ kind: 'simple', intervals: [{ loIncluded: true }] });
    expect(shapeOf(']1..5[')).toMatchObject({ kind: 'simple', intervals: [{ loIncluded: false, hiIncluded: false }] });
    expect(shapeOf('not(5)').kind).toBe('opaque');
    expect(shapeOf('"a\\"b"').kind).toBe('opaque');
    expect(shapeOf('date("2020-01-01")').kind).toBe('opaque');
  });

  it('interval index finds overlapping intervals exactly at their bounds', () => {
    const d = (x: number) => new Decimal(x);
    const idx = new IntervalIndex([
      { rule: 0, iv: { lo: d(0), loIncluded: true, hi: d(10), hiIncluded: false } },
      { rule: 1, iv: { lo: d(5), loIncluded: false, hi: d(20), hiIncluded: true } },
      { rule: 2, iv: { hi: d(5), hiIncluded: true, loIncluded: false } },
    ]);
    const at = (x: number) => {
      const out: number[] = [];
      idx.query(d(x), out);
      return out.sort();
    };
    expect(at(5)).toEqual([0, 2]);
    expect(at(10)).toEqual([1]);
    expect(at(20)).toEqual([1]);
    expect(at(-100)).toEqual([2]);
    expect(at(21)).toEqual([]);
  });
});
