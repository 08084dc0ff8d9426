import { describe, expect, it } from 'vitest';
import { evaluateDecision } from '../index';
import { compileFixtures, decide } from '../test-support/fixtures';

const compiled = compileFixtures([new URL('./hit-policies.dmn', import.meta.url)]);
const gold95 = { Score: 95, Tier: 'gold' };
const silver60 = { Score: 60, Tier: 'silver' };

describe('decision table hit policies', () => {
  it('UNIQUE returns the one matching rule', () => {
    expect(decide(compiled, 'Unique', { Score: 40, Tier: 'x' })).toBe('low');
    expect(decide(compiled, 'Unique', { Score: 80, Tier: 'x' })).toBe('high');
  });

  it('UNIQUE with two matches yields null and a warning naming the rules', () => {
    const r = evaluateDecision(compiled, 'UniqueViolated', { Score: 10, Tier: 'x' });
    expect(r.value).toBeNull();
    expect(r.warnings.map((w) => w.message).join()).toMatch(/UNIQUE hit policy violated: rules 1, 2/);
    expect(r.warnings[0]!.decisionId).toBe('d_UniqueViolated');
  });

  it('ANY accepts equal outputs and rejects different ones', () => {
    expect(decide(compiled, 'Any', { Score: 30, Tier: 'x' })).toBe('yes');
    expect(decide(compiled, 'Any', { Score: 30, Tier: 'gold' })).toBeNull();
  });

  it('PRIORITY picks the output listed first in the output values', () => {
    expect(decide(compiled, 'Priority', gold95)).toBe('reject');
    expect(decide(compiled, 'Priority', { Score: 50, Tier: 'gold' })).toBe('review');
    expect(decide(compiled, 'Priority', { Score: 5, Tier: 'gold' })).toBe('accept');
  });

  it('PRIORITY without output values keeps rule order among equal priorities', () => {
    expect(decide(compiled, 'PriorityNoValues', { Score: 50 })).toBe('first');
  });

  it('an input outside its input values makes the table yield null with a warning', () => {
    expect(decide(compiled, 'InputChecked', { Tier: 'gold' })).toBe(1);
    expect(decide(compiled, 'InputChecked', { Tier: 'silver' })).toBe(2);
    const r = evaluateDecision(compiled, 'InputChecked', { Tier: 'bronze' });
    expect(r.value).toBeNull();
    expect(r.warnings[0]!.message).toMatch(/input 1 \(Tier\) is not one of its input values/);
  });

  it('FIRST takes the first matching rule in rule order and audits its annotation', () => {
    const r = evaluateDecision(compiled, 'First', { Score: 95, Tier: 'x' });
    expect(r.json).toBe('first');
    const table = r.audit.at(-1)!.tables[0]!;
    expect(table.matched[0]).toEqual({ index: 0, id: 'First_r1', annotations: ['top scores'] });
    expect(table.chosen).toEqual([0]);
    expect(decide(compiled, 'First', { Score: 1, Tier: 'x' })).toBe('fallback');
  });

  it('given an audit, when rules match, then every match is listed and the hit policy says which it used', () => {
    const first = evaluateDecision(compiled, 'First', { Score: 95, Tier: 'x' }).audit.at(-1)!.tables[0]!;
    expect(first.matched.length).toBeGreaterThan(1);
    expect(first.chosen).toEqual([0]);
    const priority = evaluateDecision(compiled, 'Priority', { Score: 50, Tier: 'gold' }).audit.at(-1)!.tables[0]!;
    expect(priority.matched.length).toBeGreaterThan(1);
    expect(priority.chosen).toHaveLength(1);
    expect(priority.matched.map((m) => m.index)).toContain(priority.chosen[0]);
    const ruleOrder = evaluateDecision(compiled, 'RuleOrder', gold95).audit.at(-1)!.tables[0]!;
    expect(ruleOrder.chosen).toEqual(ruleOrder.matched.map((m) => m.index));
    const violated = evaluateDecision(compiled, 'UniqueViolated', { Score: 10, Tier: 'x' }).audit.at(-1)!.tables[0]!;
    expect(violated.chosen).toEqual([]);
  });

  it('RULE ORDER lists every match in rule order', () => {
    expect(decide(compiled, 'RuleOrder', gold95)).toEqual(['a', 'b', 'c']);
    expect(decide(compiled, 'RuleOrder', silver60)).toEqual(['a']);
  });

  it('OUTPUT ORDER sorts matches by output value priority', () => {
    expect(decide(compiled, 'OutputOrder', gold95)).toEqual(['reject', 'review', 'accept']);
  });

  it('COLLECT without aggregation lists matches; C+, C<, C>, C# aggregate them', () => {
    expect(decide(compiled, 'Collect', gold95)).toEqual(['a', 'b', 'c']);
    expect(decide(compiled, 'CollectSum', gold95)).toBe(16);
    expect(decide(compiled, 'CollectMin', gold95)).toBe(1);
    expect(decide(compiled, 'CollectMax', gold95)).toBe(10);
    expect(decide(compiled, 'CollectCount', gold95)).toBe(3);
    expect(decide(compiled, 'CollectCount', { Score: 1, Tier: 'x' })).toBe(0);
    expect(decide(compiled, 'CollectSum', { Score: 1, Tier: 'x' })).toBeNull();
  });

  it('C# counts distinct outputs; aggregations over several outputs aggregate each column', () => {
    expect(decide(compiled, 'CountDistinct', { Score: 50 })).toBe(2);
    expect(decide(compiled, 'CountDistinct', { Score: 25 })).toBe(1);
    expect(decide(compiled, 'MultiSum', { Score: 50 })).toEqual({ points: 3, bonus: 30 });
  });

  it('multiple outputs give a context; default output entries apply when nothing matches', () => {
    expect(decide(compiled, 'MultiOutput', { Score: 10, Tier: 'x' })).toEqual({ Level: 'low', Colour: 'red' });
    expect(decide(compiled, 'MultiOutput', { Score: null, Tier: 'x' })).toEqual({ Level: 'none', Colour: 'grey' });
    const r = evaluateDecision(compiled, 'WithDefault', { Score: 3, Tier: 'x' });
    expect(r.json).toBe('ordinary');
    expect(r.audit.at(-1)!.tables[0]!.usedDefaults).toBe(true);
  });

  it('an output outside its output values becomes null with a warning', () => {
    expect(decide(compiled, 'OutputValidated', { Score: 10, Tier: 'x' })).toBe('low');
    const r = evaluateDecision(compiled, 'OutputValidated', { Score: 70, Tier: 'x' });
    expect(r.value).toBeNull();
    expect(r.warnings.some((w) => /not one of its output values/.test(w.message))).toBe(true);
  });

  it('records the inputs each table saw', () => {
    const r = evaluateDecision(compiled, 'Unique', { Score: 40, Tier: 'x' });
    const audit = r.audit.at(-1)!;
    expect(audit.decisionName).toBe('Unique');
    expect(Object.keys(audit.inputs).sort()).toEqual(['Score', 'Tier']);
    expect(audit.tables[0]!.inputs.map(String)).toEqual(['40', 'x']);
  });
});
