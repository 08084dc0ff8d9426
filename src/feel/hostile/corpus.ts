/**
 * The FEEL part of the hostile corpus: expressions (and inputs) written to hang, exhaust or
 * mislead an evaluator, each with the outcome that containing it means. `hostile.test.ts` runs
 * them; a host's soak test may interleave them with normal work.
 *
 * Outcomes:
 * - `budget`: evaluation throws `FeelBudgetError` for that budget, its message matching.
 * - `nullWarning`: the value is null and a warning matches (a refusal, never a plausible value).
 * - `syntax`: compiling throws `FeelSyntaxError` matching.
 * - `value`: the right answer, quickly (attacks that a linear algorithm simply defuses).
 */
import type { BudgetKind, FeelLimits } from '../budget';

export type HostileOutcome =
  | { readonly budget: BudgetKind; readonly message: RegExp }
  | { readonly nullWarning: RegExp }
  | { readonly syntax: RegExp }
  | { readonly value: unknown };

export interface HostileExpression {
  readonly name: string;
  /** What the attack does. */
  readonly attack: string;
  readonly expression: string;
  /** JSON variables. */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Limits other than the corpus defaults (see `hostile.test.ts`). */
  readonly limits?: Partial<FeelLimits>;
  readonly expect: HostileOutcome;
}

/** `{ a: { a: … leaf } }` (or `[[…leaf]]`), `depth` levels deep. */
export function nested(depth: number, leaf: unknown, kind: 'object' | 'array' = 'object'): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'object' ? { a: v } : [v];
  return v;
}

const EXP_RECURSION = '{f: function(n) if n = 0 then 0 else f(n - 1) + f(n - 1)}.f(40)';

export const HOSTILE_EXPRESSIONS: readonly HostileExpression[] = [
  // ---- the cases of issue 13 ----
  { name: 'catastrophic regex', attack: 'backtracking on (a+)+$ takes 2^40 steps', expression: `matches("${'a'.repeat(40)}!", "(a+)+$")`, expect: { value: false } },
  { name: 'exponential recursion', attack: '2^40 calls', expression: EXP_RECURSION, expect: { budget: 'steps', message: /exceeded [\d,]+ steps/ } },
  { name: 'nested quantifiers over large ranges', attack: '10^10 iterations', expression: 'some x in 1..100000, y in 1..100000 satisfies x * y = -1', expect: { budget: 'steps', message: /steps/ } },
  { name: 'refused range in some', attack: 'a range that cannot be walked made `some` false', expression: 'some x in > 5 satisfies x > 1', expect: { nullWarning: /unbounded range/ } },
  { name: 'refused range in every', attack: 'a range that cannot be walked made `every` true', expression: 'every x in [10..1] satisfies x > 1', expect: { nullWarning: /descending range/ } },
  { name: 'huge range, some', attack: '1..100000000 was refused and some gave false', expression: 'some x in 1..100000000 satisfies x > 5', expect: { value: true } },
  { name: 'huge range, every', attack: '1..100000000 was refused and every gave true', expression: 'every x in 1..100000000 satisfies x > 0', expect: { budget: 'steps', message: /steps/ } },

  // ---- more regexes ----
  { name: 'alternation under star', attack: '(a|a)*b backtracks exponentially', expression: `matches("${'a'.repeat(5000)}", "(a|a)*b")`, expect: { value: false } },
  { name: 'nested stars', attack: '(a*)*b', expression: `matches("${'a'.repeat(5000)}", "(a*)*b")`, expect: { value: false } },
  { name: 'words with optional spaces', attack: '^(\\w+\\s?)*$ on a long word and a bang', expression: `matches("${'ab '.repeat(2000)}!", "^(\\w+\\s?)*$")`, expect: { value: false } },
  { name: 'catastrophic replace', attack: 'replace scans with the same pattern', expression: `replace("${'a'.repeat(3000)}!", "(a+)+$", "x")`, expect: { value: `${'a'.repeat(3000)}!` } },
  { name: 'catastrophic split', attack: 'split on a catastrophic delimiter', expression: `count(split("${'a'.repeat(3000)}!", "(a+)+!"))`, expect: { value: 2 } },
  { name: 'back-reference blow-up', attack: 'back-references need backtracking: exponential', expression: `matches("${'a'.repeat(40)}!", "(a+)+\\1$")`, expect: { budget: 'steps', message: /steps/ } },
  { name: 'repetition too large to expand', attack: '(a{10000}){10000} compiles to 10^8 states', expression: 'matches("a", "(a{10000}){10000}")', expect: { nullWarning: /pattern too large/ } },
  { name: 'lookahead (not XSD)', attack: 'JavaScript-only syntax must not silently match', expression: 'matches("a", "(?=a)a")', expect: { nullWarning: /invalid pattern/ } },
  { name: 'replacement blow-up', attack: 'each character replaced by eight copies of itself', expression: 'replace(s, ".", "$0$0$0$0$0$0$0$0")', variables: { s: 'x'.repeat(200_000) }, expect: { budget: 'string', message: /replace/ } },

  // ---- recursion and loops ----
  { name: 'deep recursion', attack: 'a million nested calls overflow the JS stack', expression: '{f: function(n) if n = 0 then 0 else 1 + f(n - 1)}.f(1000000)', expect: { budget: 'depth', message: /recursion deeper than 200 levels/ } },
  { name: 'mutual recursion through a context', attack: 'even/odd recursing through context entries', expression: '{even: function(n) if n = 0 then true else odd(n - 1), odd: function(n) if n = 0 then false else even(n - 1)}.even(100000)', expect: { budget: 'depth', message: /recursion/ } },
  { name: 'huge for product', attack: 'a list of 10^10 elements', expression: 'for x in 1..100000, y in 1..100000 return x + y', expect: { budget: 'steps', message: /steps/ } },
  { name: 'list past the collection limit', attack: 'a for loop building a list larger than allowed', expression: 'for x in 1..5000 return x', limits: { maxCollectionSize: 1000 }, expect: { budget: 'collection', message: /more than 1,000 elements \(for\)/ } },
  { name: 'list doubling', attack: 'concatenate(l, l) forty times', expression: '{f: function(l, n) if n = 0 then count(l) else f(concatenate(l, l), n - 1)}.f([1], 40)', limits: { maxCollectionSize: 10_000 }, expect: { budget: 'collection', message: /concatenate/ } },
  { name: 'sort with an expensive comparator', attack: 'every comparison recurses 100 deep', expression: 'sort(for i in 1..3000 return i, function(a, b) {f: function(n) if n = 0 then a < b else f(n - 1)}.f(100))', expect: { budget: 'steps', message: /steps/ } },
  { name: 'sort recursing into sort', attack: 'a comparator that sorts again', expression: '{s: function(l) sort(l, function(a, b) count(s(l)) > 0)}.s([3, 1, 2])', expect: { budget: 'depth', message: /recursion/ } },
  { name: 'distinct values of many numbers', attack: 'O(n^2) pairwise equality', expression: 'count(distinct values(for i in 1..50000 return modulo(i, 25000)))', expect: { value: 25000 } },
  { name: 'equality of large lists in a loop', attack: 'each comparison walks 100,000 elements', expression: 'count(for i in 1..100 return l = l)', variables: { l: Array.from({ length: 100_000 }, (_, i) => i) }, expect: { budget: 'steps', message: /steps/ } },

  // ---- strings ----
  { name: 'string doubling with +', attack: 's + s forty times', expression: '{f: function(s, n) if n = 0 then s else f(s + s, n - 1)}.f("ab", 40)', expect: { budget: 'string', message: /'\+'/ } },
  { name: 'string doubling with string join', attack: 'string join([s, s]) forty times', expression: '{f: function(s, n) if n = 0 then string length(s) else f(string join([s, s]), n - 1)}.f("ab", 40)', expect: { budget: 'string', message: /string join/ } },
  { name: 'string join of many large strings', attack: 'a list of references to one large string, joined', expression: 'string length(string join(for i in 1..2000 return s))', variables: { s: 'y'.repeat(1000) }, expect: { budget: 'string', message: /string join/ } },
  { name: 'string() of many large strings', attack: 'string() writes every copy out', expression: 'string length(string(for i in 1..2000 return s))', variables: { s: 'y'.repeat(1000) }, expect: { budget: 'string', message: /string\(\)/ } },
  { name: 'substring with huge length', attack: 'lengths beyond any string', expression: 'substring("abc", 1, 1000000000000000000000000000000)', expect: { value: 'abc' } },
  { name: 'substring with huge negative start', attack: 'a start beyond any string', expression: 'substring("abc", -1000000000000000000000000000000)', expect: { nullWarning: /out of range/ } },

  // ---- dates and numbers ----
  { name: 'date plus a huge duration', attack: 'beyond any calendar', expression: 'date("2024-01-01") + duration("P999999999999D")', expect: { nullWarning: /./ } },
  { name: 'date-time plus a huge duration', attack: 'beyond any instant', expression: 'date and time("2024-01-01T00:00:00Z") + duration("PT99999999999999999999S")', expect: { nullWarning: /./ } },
  { name: 'iterating over 3 million days', attack: 'each day a Temporal computation', expression: 'count(for d in @"2024-01-01"..@"9999-12-31" return d)', expect: { budget: 'steps', message: /steps/ } },
  { name: 'zoned date-times in a long loop', attack: 'each one resolves a time zone', expression: 'count(for i in 1..1000000 return date and time("2024-01-01T10:00:00@Europe/Paris"))', expect: { budget: 'steps', message: /steps/ } },
  { name: 'huge power', attack: 'an exponent near a billion', expression: '10 ** 999999999', expect: { nullWarning: /beyond the range of FEEL numbers/ } },

  // ---- deep values ----
  { name: 'variable nested 3,000 deep', attack: 'JSON deeper than the stack can convert', expression: 'payload', variables: { payload: nested(3000, 1) }, expect: { budget: 'value depth', message: /variable 'payload' is nested deeper than 1,000 levels/ } },
  { name: 'nested arrays', attack: 'converting [[…[1]…]] cost 2^depth', expression: 'count(flatten(payload))', variables: { payload: nested(60, 1, 'array') }, expect: { value: 1 } },
  { name: 'context nested 5,000 deep by recursion', attack: 'a value deeper than any converter', expression: '{f: function(n) if n = 0 then {} else {a: f(n - 1)}}.f(5000)', expect: { budget: 'depth', message: /recursion/ } },
  { name: 'context put with a huge path', attack: 'a key path 5,000 long nests the result as deep', expression: 'context put({}, for i in 1..5000 return "k", 1)', expect: { budget: 'value depth', message: /key path/ } },

  // ---- source ----
  { name: 'deeply nested brackets', attack: 'a parser stack overflow', expression: `${'('.repeat(5000)}1${')'.repeat(5000)}`, expect: { syntax: /nested deeper than 200 levels/ } },
  { name: 'long operator chain', attack: 'a tree 10,000 deep from a flat source', expression: Array.from({ length: 10_000 }, () => '1').join(' + '), expect: { syntax: /nested deeper than 2,000 levels/ } },
  { name: 'unary minus chain', attack: '- - - … 1', expression: `${'- '.repeat(5000)}1`, expect: { syntax: /nested deeper/ } },
];
