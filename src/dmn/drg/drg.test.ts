import { describe, expect, it } from 'vitest';
import { compileDmn, decisionInputs, evaluateDecision, evaluateDecisions, evaluateDecisionService, parseDmn } from '../index';
import { compileFixtures, decide } from '../test-support/fixtures';

const compiled = compileFixtures([new URL('./drg.dmn', import.meta.url), new URL('./drg-library.dmn', import.meta.url)]);

describe('decision requirements graph', () => {
  it('given a diamond of requirements, when the top decision is evaluated, then the shared decision runs once', () => {
    const r = evaluateDecision(compiled, 'Top', { X: 1 });
    expect(r.json).toBe(11 + 12);
    expect(r.audit.map((a) => a.decisionName)).toEqual(['Base', 'Left', 'Right', 'Top']);
    expect(r.audit.find((a) => a.decisionName === 'Left')!.inputs).toEqual({ Base: 10 });
  });

  it('given several decisions asked in one evaluation, then each has its own value and a shared requirement runs once', () => {
    const r = evaluateDecisions(compiled, ['Left', 'Top', 'Right', 'Base'], { X: 1 });
    const alone = ['Left', 'Top', 'Right', 'Base'].map((d) => evaluateDecision(compiled, d, { X: 1 }).value);
    expect(r.values.map(String)).toEqual(alone.map(String));
    expect(r.values.map(String)).toEqual(['11', '23', '12', '10']);
    expect(r.audit.map((a) => a.decisionName)).toEqual(['Base', 'Left', 'Right', 'Top']);
  });

  it('given several decisions asked in one evaluation, when one does not exist, then it throws naming it', () => {
    expect(() => evaluateDecisions(compiled, ['Top', 'Nope'], { X: 1 })).toThrow(/no decision 'Nope'/);
  });

  it('the audit trail is plain JSON, so it survives storage unchanged', () => {
    const r = evaluateDecision(compiled, 'Person Name', { Person: { 'first name': 'Ada', age: 36 } });
    expect(r.audit[0]!.inputs).toEqual({ Person: { 'first name': 'Ada', age: 36 } });
    expect(JSON.parse(JSON.stringify(r.audit))).toEqual(r.audit);
  });

  it('decisions are found by id as well as by name', () => {
    expect(decide(compiled, 'd_top', { X: 0 })).toBe(3);
  });

  it('given remembered look-ups, when the same reference is asked for other kinds, then each kind is answered on its own', () => {
    const g = compiled.graph;
    const ns = compiled.main.namespace;
    for (let round = 0; round < 2; round++) {
      expect(g.find('Sum Service', ['decision'], ns)).toBeUndefined();
      expect(g.find('Sum Service', ['decisionService'], ns)?.id).toBe('s_sum');
      expect(g.find('Sum Service', ['decision', 'decisionService'], ns)?.id).toBe('s_sum');
      expect(g.find('Top', ['decision'], ns)?.id).toBe('d_top');
      expect(g.find('Top', ['decision'])?.id).toBe('d_top');
      expect(g.find('Top', ['decisionService'], ns)).toBeUndefined();
    }
    expect(() => evaluateDecision(compiled, 'Sum Service', {})).toThrow(/no decision 'Sum Service'/);
  });

  it('a decision service invoked directly takes its input decisions as parameters', () => {
    const r = evaluateDecisionService(compiled, 'Sum Service', { Base: 5 });
    expect(r.json).toBe(6 + 7);
    expect(r.audit.map((a) => a.decisionName)).toEqual(['Left', 'Right', 'Top']);
  });

  it('a decision service is a function for decisions that require it; a wrong argument type fails the call', () => {
    expect(decide(compiled, 'Via Service')).toBe(101 + 102);
    const bad = evaluateDecision(compiled, 'Service Bad Arg', {});
    expect(bad.value).toBeNull();
    expect(bad.warnings.some((w) => /parameter 'Base'/.test(w.message))).toBe(true);
  });

  it('a decision service with several output decisions gives a context of them', () => {
    expect(evaluateDecisionService(compiled, 'Pair Service', { Base: 1 }).json).toEqual({ Left: 2, Right: 3 });
  });

  it('a requirement cycle yields null with a warning instead of looping', () => {
    const r = evaluateDecision(compiled, 'Cycle A', {});
    expect(r.value).toBeNull();
    expect(r.warnings.some((w) => /circular requirement through 'Cycle A'/.test(w.message))).toBe(true);
  });

  it('imported decisions and BKMs are reached through the import name; imported inputs by namespace or path', () => {
    expect(evaluateDecision(compiled, 'Greeting', {}, { inputsByNamespace: { 'urn:flowdeck:test:library': { Name: 'ada' } } }).json).toBe('HELLO ADA!');
    expect(decide(compiled, 'Greeting', { lib: { Name: 'bob' } })).toBe('HELLO BOB!');
  });

  it('an input typed by an imported item definition is checked against it', () => {
    expect(decide(compiled, 'Person Name', { Person: { 'first name': 'Ada', age: 36 } })).toBe('Ada');
    const r = evaluateDecision(compiled, 'Person Name', { Person: { 'first name': 'Ada', age: 'old' } });
    expect(r.value).toBeNull();
    expect(r.warnings[0]!.message).toMatch(/input 'Person'.*does not conform to type tPerson/);
  });

  it('a decision without logic takes a supplied value, else yields null with a warning', () => {
    expect(decide(compiled, 'Supplied', { Supplied: 7 })).toBe(7);
    const r = evaluateDecision(compiled, 'Supplied', {});
    expect(r.value).toBeNull();
    expect(r.warnings[0]).toMatchObject({ decisionId: 'd_no_logic' });
  });

  it('lists the inputs a decision needs, through required decisions and imports', () => {
    expect(decisionInputs(compiled, 'Top').map((i) => [i.name, i.type])).toEqual([['X', 'number']]);
    expect(decisionInputs(compiled, 'Greeting')).toEqual([
      { id: 'i_name', name: 'Name', namespace: 'urn:flowdeck:test:library', type: 'string', importPath: ['lib'] },
    ]);
    expect(decisionInputs(compiled, 'Person Name')[0]!.type).toBe('tPerson');
  });

  it('the audit trail can be switched off without changing results', () => {
    const r = evaluateDecision(compiled, 'Top', { X: 1 }, { audit: false });
    expect(r.json).toBe(23);
    expect(r.audit).toEqual([]);
  });

  it('a requirement naming nothing is a compile error of its owner (deployments refuse it); the rest still evaluates', () => {
    const broken = compileDmn(parseDmn(`<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" namespace="urn:b" name="b" id="b">
      <decision id="ok" name="Ok"><literalExpression><text>1</text></literalExpression></decision>
      <decision id="bad" name="Bad"><informationRequirement><requiredDecision href="#gone"/></informationRequirement>
        <literalExpression><text>gone</text></literalExpression></decision></definitions>`));
    expect(broken.problems).toContainEqual({ severity: 'error', decisionId: 'bad', element: 'requirement', message: "'#gone' names no element of the loaded models" });
    expect(evaluateDecision(broken, 'Ok', {}).json).toBe(1);
    expect(evaluateDecision(broken, 'Bad', {}).value).toBeNull();
  });

  it('the same compiled model evaluates independently many times', () => {
    const results = [1, 2, 3].map((x) => decide(compiled, 'Top', { X: x }));
    expect(results).toEqual([23, 43, 63]);
  });
});

describe('Camunda-style decisions without input data', () => {
  const camunda = compileFixtures([new URL('./camunda-style.dmn', import.meta.url)]);

  it('read the evaluation variables directly', () => {
    expect(decide(camunda, 'Discount', { customer: 'gold' })).toBe(0.1);
    expect(decide(camunda, 'Discount', { customer: 'silver' })).toBe(0);
  });

  it('see required elements in preference to variables of the same name, typed as declared', () => {
    const r = evaluateDecision(camunda, 'Shout', { Label: 42 });
    expect(r.value).toBeNull();
    expect(r.warnings[0]!.message).toMatch(/input 'Label'/);
    expect(decide(camunda, 'Shout', { Label: 'hi' })).toBe('HI');
  });
});
