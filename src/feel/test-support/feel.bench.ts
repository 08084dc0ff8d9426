/**
 * FEEL evaluation speed: prints ns per evaluation and the ratio against a hand-written baseline
 * measured in the same run (a JS closure doing the same Decimal work), plus feelin for reference.
 * Run: `npm run bench:feel`.
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
for (const [src, label] of cases) {
  const e = compileExpression(src, { names: ['Customer Type'] });
  const ns = time(`${label}: ${src}`, src === 'amount > 100' ? N : N / 10, () => e.evaluate(scope));
  console.log(`${''.padEnd(48)} ratio to baseline: ${(ns / base).toFixed(1)}x`);
}
// Reference point: feelin (the bpmn-io FEEL interpreter) evaluates from source on every call.
const feelinNs = time('reference: feelin evaluate("amount > 100")', N / 20, () => feelinEvaluate('amount > 100', { amount: 150 }));
console.log(`${''.padEnd(48)} ratio to baseline: ${(feelinNs / base).toFixed(1)}x`);
const t = compileUnaryTests('[100..200), > 500');
const nsT = time('unary tests: [100..200), > 500', N, () => t.test(new Decimal(150), scope));
console.log(`${''.padEnd(48)} ratio to baseline: ${(nsT / base).toFixed(1)}x`);
const c0 = performance.now();
for (let i = 0; i < 10_000; i++) compileExpression(`if amount > ${i} then "a" else "b"`);
console.log(`${'compile: if amount > i then "a" else "b"'.padEnd(48)} ${(((performance.now() - c0) * 1e6) / 10_000).toFixed(0).padStart(8)} ns/op`);
