/**
 * The DMN part of the hostile corpus: models that deploy but mislead (compile errors now), and
 * decisions written to hang or exhaust the evaluator, each with its expected outcome. The models
 * sit beside this file; two are generated (they are large). `hostile.test.ts` runs them.
 *
 * Outcomes:
 * - `compileError`: `compileDmn` reports an error-severity problem matching (hosts refuse to deploy).
 * - `budget`: evaluating throws `FeelBudgetError` of that budget; `failure` matches its message
 *   followed by where it ran out (`FEEL evaluation exceeded 300,000 steps at business knowledge
 *   model 'doubling', encapsulatedLogic > function body`), as `DmnDecisions` reports it.
 * - `nullWarning`: the decision is null and a warning matches (never a plausible value).
 * - `value`: the right answer (attacks a linear algorithm defuses).
 */
import type { BudgetKind } from '../../feel';

export type HostileDecisionOutcome =
  | { readonly compileError: RegExp; readonly decisionId: string }
  | { readonly budget: BudgetKind; readonly failure: RegExp }
  | { readonly nullWarning: RegExp }
  | { readonly value: unknown };

export interface HostileDecision {
  readonly name: string;
  readonly attack: string;
  /** A model file beside this one, or the model itself. */
  readonly model: { readonly file: string } | { readonly xml: string };
  /** The decision evaluated (not needed for compile errors). */
  readonly decision?: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly expect: HostileDecisionOutcome;
}

const NS = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

/** Decisions d0 … d(n-1), each requiring the next: a requirement chain `n` long. */
function chain(n: number): string {
  const ds = Array.from({ length: n }, (_, i) => i < n - 1
    ? `<decision id="d${i}" name="d${i}"><informationRequirement><requiredDecision href="#d${i + 1}"/></informationRequirement><literalExpression><text>d${i + 1} + 1</text></literalExpression></decision>`
    : `<decision id="d${i}" name="d${i}"><literalExpression><text>0</text></literalExpression></decision>`);
  return `<definitions xmlns="${NS}" namespace="urn:hostile:chain" name="chain" id="chain">${ds.join('')}</definitions>`;
}

const deepSource = `<definitions xmlns="${NS}" namespace="urn:hostile:source" name="source" id="source">
  <decision id="brackets" name="Brackets"><literalExpression><text>${'('.repeat(5000)}1${')'.repeat(5000)}</text></literalExpression></decision></definitions>`;

let deepInput: unknown = 'leaf';
for (let i = 0; i < 5000; i++) deepInput = { inner: deepInput };

const runaway = { file: 'runaway.dmn' } as const;

export const HOSTILE_DECISIONS: readonly HostileDecision[] = [
  // ---- models that deployed and misled (issue 13) ----
  { name: 'requirement cycle', attack: 'a -> b -> c -> a evaluated to null, and the instance completed', model: { file: 'requirement-cycle.dmn' }, expect: { compileError: /requirement cycle: a -> b -> c -> a/, decisionId: 'a' } },
  { name: 'requirement to nowhere', attack: 'a misspelt href left the input unbound', model: { file: 'dangling-requirement.dmn' }, expect: { compileError: /'#amuont' names no element/, decisionId: 'approve' } },
  { name: 'duplicate decision ids', attack: 'the last decision with an id silently won', model: { file: 'duplicate-ids.dmn' }, expect: { compileError: /duplicate id 'approve'/, decisionId: 'approve' } },
  { name: 'FEEL syntax error in a rule', attack: 'the broken rule never matched, so every score was "low"', model: { file: 'syntax-error-rule.dmn' }, expect: { compileError: /FEEL syntax error/, decisionId: 'risk' } },
  { name: 'source nested 5,000 deep', attack: 'a parser stack overflow at deploy', model: { xml: deepSource }, expect: { compileError: /nested deeper than 200 levels/, decisionId: 'brackets' } },

  // ---- decisions that ran away ----
  { name: 'exponential BKM', attack: '2^40 BKM calls', model: runaway, decision: 'exponential', variables: { n: 40 }, expect: { budget: 'steps', failure: /business knowledge model 'doubling'/ } },
  { name: 'deep BKM recursion', attack: 'a million nested BKM calls', model: runaway, decision: 'deep', variables: { n: 1_000_000 }, expect: { budget: 'depth', failure: /business knowledge model 'countdown'/ } },
  { name: 'BKM recursion within limits', attack: 'none: a legitimate recursion of 150', model: runaway, decision: 'deep', variables: { n: 150 }, expect: { value: 150 } },
  { name: 'decision service invoking itself', attack: 'a service whose output decision calls the service', model: runaway, decision: 'loopDecision', expect: { budget: 'depth', failure: /decision 'loopDecision'/ } },
  { name: 'requirement chain 1,000 long', attack: 'evaluation recursing down a thousand requirements', model: { xml: chain(1000) }, decision: 'd0', expect: { budget: 'depth', failure: /recursion deeper than 200 levels \(at 'd200'\) at decision 'd199'/ } },
  { name: 'boxed for over a billion', attack: 'a list of 10^9 numbers', model: runaway, decision: 'boxedFor', expect: { budget: 'steps', failure: /decision 'boxedFor' \(Boxed For\), for > for in/ } },
  { name: 'boxed every over a billion', attack: 'every over [1..10^9] must not answer true', model: runaway, decision: 'boxedEvery', expect: { budget: 'steps', failure: /decision 'boxedEvery'/ } },
  { name: 'boxed some over a descending range', attack: 'a range that cannot be walked must not answer false', model: runaway, decision: 'boxedSome', variables: { n: 5 }, expect: { nullWarning: /descending range/ } },
  { name: 'catastrophic regex in a table entry', attack: '(a+)+$ on forty a and a bang', model: runaway, decision: 'regexTable', variables: { text: `${'a'.repeat(40)}!` }, expect: { value: 'other' } },
  { name: 'input nested 5,000 deep', attack: 'a JSON input deeper than the stack', model: runaway, decision: 'echo', variables: { payload: deepInput }, expect: { budget: 'value depth', failure: /^variable 'payload' is nested deeper than 1,000 levels$/ } },
];
