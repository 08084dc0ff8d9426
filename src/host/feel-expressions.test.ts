import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExpressionSyntaxError } from '../engine';
import { FeelBudgetError } from '../feel';
import { CountingIds, ManualClock } from './clocks';
import { EngineHost } from './engine-host';
import { FeelExpressions } from './feel-expressions';
import { MemoryStore } from './memory-store';

const NOW = Date.UTC(2024, 4, 17, 12, 0, 0);

describe('FeelExpressions', () => {
  it('given JSON variables, when an expression is evaluated, then the result is JSON', () => {
    const feel = new FeelExpressions();
    const r = feel.compile('{ total: sum(items.price) * 1.1, due: today() + duration("P1D") }', 'expression')
      .evaluate({ items: [{ price: 10 }, { price: 20 }] }, NOW);
    expect(r).toEqual({ value: { total: 33, due: '2024-05-18' }, warnings: [] });
  });

  it('given a missing variable, then the value is null and a warning says why', () => {
    const r = new FeelExpressions().compile('amount > 100', 'expression').evaluate({}, NOW);
    expect(r.value).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/amount/);
  });

  it('given unary tests, then the input comes from the variable "?"', () => {
    const tests = new FeelExpressions().compile('[1..10], > 100', 'unaryTests');
    expect(tests.evaluate({ '?': 5 }, NOW).value).toBe(true);
    expect(tests.evaluate({ '?': 50 }, NOW).value).toBe(false);
    expect(tests.evaluate({ '?': 500 }, NOW).value).toBe(true);
  });

  it('given the same source twice, then it is compiled once', () => {
    const feel = new FeelExpressions();
    const a = feel.compile('x + 1', 'expression');
    expect(feel.compile('x + 1', 'expression')).toBe(a);
    feel.compile('x + 1', 'unaryTests');
    expect(feel.size).toBe(2);
  });

  it('given a variable name with spaces, then it is read', () => {
    const e = new FeelExpressions().compile('Monthly Income * 12', 'expression');
    expect(e.evaluate({ 'Monthly Income': 1000 }, NOW).value).toBe(12000);
  });

  it('given invalid FEEL, then an ExpressionSyntaxError carries line and column without repeating them in the message', () => {
    let error: unknown;
    try {
      new FeelExpressions().compile('a +\n  * 2', 'expression');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionSyntaxError);
    expect(error).toMatchObject({ line: 2, column: 3 });
    expect((error as Error).message).not.toMatch(/line \d/);
  });

  it('given an expression that runs out of budget, then evaluate throws a FeelBudgetError saying which budget', () => {
    const feel = new FeelExpressions({ limits: { maxSteps: 10_000 } });
    const e = feel.compile('{f: function(n) if n = 0 then 0 else f(n-1) + f(n-1)}.f(40)', 'expression');
    expect(() => e.evaluate({}, NOW)).toThrow(FeelBudgetError);
    expect(() => e.evaluate({}, NOW)).toThrow('FEEL evaluation exceeded 10,000 steps');
    expect(new FeelExpressions().compile('{f: function(n) if n = 0 then 0 else f(n-1) + f(n-1)}.f(10)', 'expression').evaluate({}, NOW).value).toBe(0);
  });

  it('given variables nested 3,000 deep, then evaluation fails with a clear error naming the variable, not a RangeError', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 3000; i++) deep = { a: deep };
    const e = new FeelExpressions().compile('payload', 'expression');
    expect(() => e.evaluate({ payload: deep }, NOW)).toThrow("variable 'payload' is nested deeper than 1,000 levels");
    let shallow: unknown = 1;
    for (let i = 0; i < 900; i++) shallow = [shallow];
    expect(Array.isArray(e.evaluate({ payload: shallow }, NOW).value)).toBe(true);
  });

  it('given a hostile gateway condition, when an instance reaches it, then the gateway gets an expression incident naming the budget and the expression', async () => {
    const host = await EngineHost.create({
      store: new MemoryStore(), clock: new ManualClock(NOW), ids: new CountingIds(), expressions: new FeelExpressions({ limits: { maxSteps: 20_000 } }),
    });
    await host.deploy(readFileSync(join(import.meta.dirname, 'fixtures', 'hostile-gateway.bpmn'), 'utf8'));
    expect(await host.startInstance('hostileGateway', { variables: { n: 8 } })).toMatchObject({ status: 'completed' });
    const pi = await host.startInstance('hostileGateway', { variables: { n: 40 } });
    expect(pi.status).not.toBe('completed');
    expect(await host.listIncidents({ instanceId: pi.instanceId })).toMatchObject([
      { elementId: 'Route', type: 'expression', message: expect.stringMatching(/FEEL evaluation exceeded 20,000 steps.*f\(k - 1\) \+ f\(k - 1\)/) },
    ]);
  });
});
