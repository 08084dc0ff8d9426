/**
 * bench:dmn's comparisons with other engines on npm, in the same run: `feelin` (the FEEL
 * interpreter of bpmn-io) on expressions and unary tests, `@hbtgmbh/dmn-eval-js` on decision tables
 * of the hit policies it supports (FIRST, UNIQUE, RULE ORDER, COLLECT without aggregation).
 * Every contender must give our result before its speed is measured.
 */
import dmnEvalJs from '@hbtgmbh/dmn-eval-js';
import { evaluate as feelinEvaluate, unaryTest as feelinUnaryTest } from 'feelin';
import loglevel from 'loglevel';
import { compileExpression, compileUnaryTests, fromJson, toJson } from '../feel';

// dmn-eval-js logs every table without a match; the bench needs a quiet console.
loglevel.getLogger('dmn-eval-js').setLevel('silent');

/** Expressions both engines evaluate alike, with their variables (JSON). */
export const FEEL_CASES: readonly { expr: string; vars: Record<string, unknown> }[] = [
  { expr: 'Monthly Salary * 12 > 50000 and Customer Type = "gold"', vars: { 'Monthly Salary': 5000, 'Customer Type': 'gold' } },
  { expr: 'if age >= 18 then "adult" else "minor"', vars: { age: 42 } },
  { expr: 'sum(for x in items return x.price * x.qty)', vars: { items: [{ price: 2, qty: 3 }, { price: 5, qty: 1 }, { price: 1.5, qty: 4 }] } },
  { expr: 'count(orders[amount > 100])', vars: { orders: [{ amount: 50 }, { amount: 150 }, { amount: 300 }] } },
  { expr: 'upper case(substring(name, 1, 3)) + "-" + string(id)', vars: { name: 'flowdeck', id: 7 } },
  { expr: '{total: a + b, ratio: a / b}.total', vars: { a: 30, b: 12 } },
  { expr: 'some x in scores satisfies x > 90', vars: { scores: [70, 85, 95] } },
  { expr: 'date("2024-03-01") > date("2024-02-29")', vars: {} },
];

/** Unary tests (decision-table input entries) with an input each. */
export const UNARY_CASES: readonly { test: string; input: unknown }[] = [
  { test: '[18..65)', input: 30 },
  { test: '< 100', input: 150 },
  { test: '"gold","silver"', input: 'silver' },
  { test: 'not("bronze")', input: 'gold' },
  { test: '-', input: 'x' },
  { test: '>= 1000, [1..10]', input: 5 },
  { test: '> date("2024-01-01")', input: '2024-06-01' },
];

export type Rate = (fn: (i: number) => unknown) => number;

/** Ratios ours / feelin for expressions and unary tests; prints a line each. */
export function feelinRatios(measure: (contenders: ((i: number) => unknown)[]) => number[]): Record<string, number> {
  const exprs = FEEL_CASES.map((c) => ({ ...c, compiled: compileExpression(c.expr, { names: Object.keys(c.vars) }), feelVars: Object.fromEntries(Object.entries(c.vars).map(([k, v]) => [k, fromJson(v)])) }));
  for (const c of exprs) {
    const ours = JSON.stringify(toJson(c.compiled.evaluate(c.feelVars).value));
    const theirs = JSON.stringify(feelinEvaluate(c.expr, c.vars).value);
    if (ours !== theirs) throw new Error(`bench:dmn: feelin and we disagree on ${c.expr}: ${theirs} vs ${ours}`);
  }
  const [compiled, parseEach, feelin] = measure([
    (i) => { const c = exprs[i % exprs.length]!; return c.compiled.evaluate(c.feelVars).value; },
    (i) => { const c = exprs[i % exprs.length]!; return compileExpression(c.expr, { names: Object.keys(c.vars) }).evaluate(c.feelVars).value; },
    (i) => { const c = exprs[i % exprs.length]!; return feelinEvaluate(c.expr, c.vars).value; },
  ]) as [number, number, number];
  // Dates go in as each engine's own date value.
  const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  const tests = UNARY_CASES.map((c) => ({
    test: c.test,
    compiled: compileUnaryTests(c.test, { names: [] }),
    feelInput: isDate(c.input) ? compileExpression(`date("${c.input}")`).evaluate({}).value : fromJson(c.input),
    feelinInput: isDate(c.input) ? feelinEvaluate(`date("${c.input}")`, {}).value : c.input,
  }));
  for (const t of tests) {
    const ours = t.compiled.test(t.feelInput, {}).value;
    const theirs = feelinUnaryTest(t.test, { '?': t.feelinInput }).value;
    if (ours !== theirs) throw new Error(`bench:dmn: feelin and we disagree on unary test ${t.test}: ${String(theirs)} vs ${String(ours)}`);
  }
  const [unaryOurs, unaryFeelin] = measure([
    (i) => { const t = tests[i % tests.length]!; return t.compiled.test(t.feelInput, {}).value; },
    (i) => { const t = tests[i % tests.length]!; return feelinUnaryTest(t.test, { '?': t.feelinInput }).value; },
  ]) as [number, number];
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log('\nFEEL against feelin (same run, results checked equal first; evaluations/s)');
  console.log(`  ${FEEL_CASES.length} expressions: ours compiled once ${fmt(compiled)}, ours parsing every call ${fmt(parseEach)}, feelin ${fmt(feelin)}  ->  ${(compiled / feelin).toFixed(1)}x, parse-each ${(parseEach / feelin).toFixed(1)}x`);
  console.log(`  ${UNARY_CASES.length} unary tests: ours ${fmt(unaryOurs)}, feelin ${fmt(unaryFeelin)}  ->  ${(unaryOurs / unaryFeelin).toFixed(1)}x`);
  return { feelinExpressions: compiled / feelin, feelinExpressionsParseEach: parseEach / feelin, feelinUnaryTests: unaryOurs / unaryFeelin };
}

/** dmn-eval-js reads DMN 1.1 only: the same table under the 1.1 namespace, parsed once. */
export async function dmnEvalJsTable(xml13: string): Promise<(vars: Record<string, unknown>) => unknown> {
  const xml11 = xml13.replace('https://www.omg.org/spec/DMN/20191111/MODEL/', 'http://www.omg.org/spec/DMN/20151101/dmn.xsd').replace('<output typeRef="number"/>', '<output id="out" name="out" typeRef="number"/>');
  const decisions = await dmnEvalJs.decisionTable.parseDmnXml(xml11);
  return (vars) => {
    const r = dmnEvalJs.decisionTable.evaluateDecision('d', decisions, vars);
    // Its rows are objects by output name; no match is undefined (FIRST) or [] (COLLECT).
    if (Array.isArray(r)) return r.map((row: { out: unknown }) => row.out);
    return r === undefined ? null : ((r as { out?: unknown }).out ?? null);
  };
}
