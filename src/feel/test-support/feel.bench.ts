/**
 * FEEL evaluation speed: prints ns per evaluation and the ratio against a hand-written baseline
 * measured in the same run (a JS closure doing the same Decimal work), plus feelin for reference.
 * Then the hostile expressions of issue 13 with the default budget, and one JSON line of figures.
 * Run: `npm run bench:feel` (`-- --no-hostile` to skip the hostile part).
 */
import { evaluate as feelinEvaluate } from 'feelin';
import { compileExpression, compileUnaryTests, Decimal, type FeelValue } from '../index';

// Best of three rounds: the machine is shared, and the minimum is the least disturbed figure.
function time(label: string, n: number, f: () => unknown): number {
  for (let i = 0; i < Math.min(n, 50_000); i++) f();
  let ns = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f();
    ns = Math.min(ns, ((performance.now() - t0) * 1e6) / n);
  }
  console.log(`${label.padEnd(48)} ${ns.toFixed(1).padStart(8)} ns/op`);
  return ns;
}

const N = 500_000;
const scope = new Map<string, FeelValue>([['amount', new Decimal(150)], ['Customer Type', 'gold'], ['items', [1, 2, 3, 4, 5].map((x) => new Decimal(x))]]);
const hundred = new Decimal(100);
const base = time('baseline: JS closure Decimal cmp', N, () => (scope.get('amount') as Decimal).cmp(hundred) > 0);

const cases: [string, string][] = [
  ['amount > 100', 'condition'],
  ['amount > 100 and Customer Type = "gold"', 'conjunction'],
  ['if amount > 100 then amount * 0.9 else amount', 'if + arithmetic'],
  ['sum(items[item > 2])', 'filter + built-in'],
  ['for x in items return x * 2', 'for loop'],
];
const ratios: Record<string, number> = {};
for (const [src, label] of cases) {
  const e = compileExpression(src, { names: ['Customer Type'] });
  const ns = time(`${label}: ${src}`, src === 'amount > 100' ? N : N / 10, () => e.evaluate(scope));
  console.log(`${''.padEnd(48)} ratio to baseline: ${(ns / base).toFixed(1)}x`);
  ratios[label] = Number((ns / base).toFixed(2));
}
// Reference point: feelin (the bpmn-io FEEL interpreter) evaluates from source on every call.
const feelinNs = time('reference: feelin evaluate("amount > 100")', N / 20, () => feelinEvaluate('amount > 100', { amount: 150 }));
console.log(`${''.padEnd(48)} ratio to baseline: ${(feelinNs / base).toFixed(1)}x`);
const t = compileUnaryTests('[100..200), > 500');
const nsT = time('unary tests: [100..200), > 500', N, () => t.test(new Decimal(150), scope));
console.log(`${''.padEnd(48)} ratio to baseline: ${(nsT / base).toFixed(1)}x`);
ratios['unary tests'] = Number((nsT / base).toFixed(2));
// Best of three rounds too (the first also warms the compiler up).
let compileNs = Infinity;
for (let round = 0; round < 3; round++) {
  const c0 = performance.now();
  for (let i = 0; i < 10_000; i++) compileExpression(`if amount > ${i + round * 10_000} then "a" else "b"`);
  compileNs = Math.min(compileNs, ((performance.now() - c0) * 1e6) / 10_000);
}
console.log(`${'compile: if amount > i then "a" else "b"'.padEnd(48)} ${compileNs.toFixed(0).padStart(8)} ns/op`);

// Hostile expressions of issue 13, with the default budget: how long until each is contained
// (a value, or FeelBudgetError), and the heap it leaves behind. Hung (or took gigabytes) before.
// `--no-hostile` skips them (to time a build without budgets, where they would hang).
const hostile: Record<string, { ms: number; outcome: string; heapMB: number }> = {};
if (!process.argv.includes('--no-hostile')) console.log('\nhostile expressions (default limits): time until contained, heap after');
for (const [label, src] of process.argv.includes('--no-hostile') ? [] : [
  ['catastrophic regex', `matches("${'a'.repeat(40)}!", "(a+)+$")`],
  ['exponential recursion', '{f: function(n) if n = 0 then 0 else f(n-1) + f(n-1)}.f(40)'],
  ['nested quantifiers', 'some x in 1..100000, y in 1..100000 satisfies x * y = -1'],
  ['string doubling', '{f: function(s, n) if n = 0 then s else f(s + s, n - 1)}.f("ab", 40)'],
  ['for product', 'for x in 1..100000, y in 1..100000 return x'],
] as const) {
  const e = compileExpression(src);
  const t0 = performance.now();
  let outcome: string;
  try {
    outcome = `value ${String(e.evaluate({}).value)}`;
  } catch (err) {
    outcome = (err as Error).message;
  }
  const ms = performance.now() - t0;
  const heapMB = process.memoryUsage().heapUsed / 1e6;
  hostile[label] = { ms: Math.round(ms), outcome, heapMB: Math.round(heapMB) };
  console.log(`${label.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms  ${heapMB.toFixed(0).padStart(5)} MB heap  ${outcome}`);
}
console.log(JSON.stringify({ baselineNs: Number(base.toFixed(1)), ratios, compileNs: Math.round(compileNs), hostile }));
