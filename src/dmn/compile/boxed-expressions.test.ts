import { describe, expect, it } from 'vitest';
import { evaluateDecision } from '../index';
import { compileFixtures, decide } from '../test-support/fixtures';

const compiled = compileFixtures([new URL('./boxed-expressions.dmn', import.meta.url)]);

describe('boxed expressions', () => {
  it('a context evaluates entries in order, later entries seeing earlier ones, and invokes a BKM by named bindings', () => {
    expect(decide(compiled, 'Priced', { Amount: 100 })).toEqual({ net: 100, tax: 20, gross: 120 });
  });

  it('a context with a final result entry returns that result; functions in it may recurse', () => {
    expect(decide(compiled, 'Gross', { Amount: 5 })).toBe(10 + 24);
  });

  it('a relation gives a list of contexts, typed per column', () => {
    expect(decide(compiled, 'Rates')).toEqual([{ country: 'FR', rate: 0.2 }, { country: 'DE', rate: 0.19 }]);
  });

  it('a boxed list evaluates each item', () => {
    expect(decide(compiled, 'Numbers')).toEqual([1, 2, 'three']);
  });

  it('a conditional picks then/else, and yields null when the condition is not a boolean', () => {
    expect(decide(compiled, 'Size', { Amount: 500 })).toBe('big');
    expect(decide(compiled, 'Size', { Amount: 5 })).toBe('small');
    const r = evaluateDecision(compiled, 'Bad Conditional', {});
    expect(r.value).toBeNull();
    expect(r.warnings[0]!.message).toMatch(/not a boolean/);
  });

  it('a filter keeps the items whose context entries satisfy the match', () => {
    expect(decide(compiled, 'Cheap Rates')).toEqual([{ country: 'DE', rate: 0.19 }]);
  });

  it('for / some / every iterate a list', () => {
    expect(decide(compiled, 'Doubled')).toEqual([2, 4, 6]);
    expect(decide(compiled, 'Any Big')).toBe(true);
    expect(decide(compiled, 'All Big')).toBe(false);
  });

  it('a Java function definition runs whitelisted JDK methods; others yield null with a warning', () => {
    expect(decide(compiled, 'Java Call')).toBe(2);
    const r = evaluateDecision(compiled, 'Java Unknown', {});
    expect(r.value).toBeNull();
    expect(r.warnings.some((w) => /java.lang.System.exit\(int\) is not supported/.test(w.message))).toBe(true);
  });

  it('a PMML function definition is reported as unsupported at compile time and yields null', () => {
    expect(compiled.problems.some((p) => p.decisionId === 'd_pmml' && /PMML function definitions are not supported/.test(p.message))).toBe(true);
    const r = evaluateDecision(compiled, 'PMML Call', {});
    expect(r.value).toBeNull();
    expect(r.warnings.some((w) => /not supported/.test(w.message))).toBe(true);
  });

  it('a FEEL syntax error names the decision and element, and evaluation yields null', () => {
    const problem = compiled.problems.find((p) => p.decisionId === 'd_syntax');
    expect(problem?.element).toBe('literalExpression');
    expect(problem?.message).toMatch(/FEEL syntax error/);
    const r = evaluateDecision(compiled, 'Broken', {});
    expect(r.value).toBeNull();
    expect(r.warnings[0]).toMatchObject({ decisionId: 'd_syntax', element: 'literalExpression' });
  });

  it('an unknown decision is an error naming it', () => {
    expect(() => evaluateDecision(compiled, 'Nope', {})).toThrow(/no decision 'Nope'/);
  });
});
