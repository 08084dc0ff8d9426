/**
 * Editing a stored decision test case in the panel, pure: each input and expected value is shown
 * and typed as a FEEL literal (`"gold"`, `42`, `date("2026-01-05")`, `[1, 2]`, `{a: 1}`, `null`),
 * read back by our own FEEL engine, so a date stays a date in the TCK XML.
 */
import { feelToTck, type TckTestCase, type TckValue } from '../../dmn';
import { compileExpression, FeelSyntaxError } from '../../feel';

const CALL: Record<string, string> = { date: 'date', time: 'time', dateTime: 'date and time', duration: 'duration', dayTimeDuration: 'duration', yearMonthDuration: 'duration' };
const NUMERIC = new Set(['decimal', 'double', 'float', 'int', 'integer', 'long', 'short', 'byte']);
const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** The FEEL literal of a test-file value. */
export function tckLiteral(v: TckValue | undefined): string {
  if (v === undefined || v.kind === 'nil') return 'null';
  if (v.kind === 'list') return `[${v.items.map(tckLiteral).join(', ')}]`;
  if (v.kind === 'context') return `{${v.entries.map((e) => `${NAME.test(e.name) ? e.name : JSON.stringify(e.name)}: ${tckLiteral(e.value)}`).join(', ')}}`;
  const text = v.text.trim();
  if (v.type === 'boolean' && (text === 'true' || text === 'false')) return text;
  if (v.type && NUMERIC.has(v.type) && /^-?\d+(\.\d+)?$/.test(text)) return text;
  const call = v.type ? CALL[v.type] : undefined;
  return call ? `${call}(${JSON.stringify(text)})` : JSON.stringify(v.text);
}

/** Reads a FEEL literal typed for a test value; throws naming `where` and the position, or the FEEL warning when it gives null by mistake. */
export function literalValue(text: string, where: string): TckValue {
  let result;
  try {
    result = compileExpression(text.trim() === '' ? 'null' : text).evaluate({});
  } catch (e) {
    throw new Error(`${where}: ${e instanceof FeelSyntaxError ? e.message : String(e)}`, { cause: e });
  }
  if (result.warnings.length > 0) throw new Error(`${where}: ${result.warnings[0].message}`);
  if (typeof result.value === 'object' && result.value !== null && !Array.isArray(result.value) && 'kind' in result.value && (result.value.kind === 'function' || result.value.kind === 'range')) {
    throw new Error(`${where}: a ${result.value.kind} has no test-file form; give a value`);
  }
  return feelToTck(result.value);
}

/** A test case as the editor holds it: the description, and each input and result as FEEL text. */
export interface CaseDraft {
  description: string;
  inputs: Array<{ name: string; text: string }>;
  results: Array<{ name: string; text: string }>;
}

export function caseDraftOf(tc: TckTestCase): CaseDraft {
  return {
    description: tc.description ?? '',
    inputs: tc.inputs.map((i) => ({ name: i.name, text: tckLiteral(i.value) })),
    results: tc.results.map((r) => ({ name: r.name, text: tckLiteral(r.expected) })),
  };
}

/** The problems of a draft, per field (input or result index), or none. */
export function caseProblems(d: CaseDraft): { inputs: Array<string | undefined>; results: Array<string | undefined>; any: boolean } {
  const check = (text: string, where: string) => {
    try {
      literalValue(text, where);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  };
  const seen = new Set<string>();
  const inputs = d.inputs.map((i, n) => {
    if (i.name.trim() === '') return `input ${n + 1}: needs the name of an input data or decision`;
    if (seen.has(i.name)) return `input ${i.name}: given twice`;
    seen.add(i.name);
    return check(i.text, `input ${i.name}`);
  });
  const results = d.results.map((r) => check(r.text, `expected ${r.name}`));
  return { inputs, results, any: [...inputs, ...results].some((p) => p !== undefined) };
}

/** The case with the draft's values; what the editor does not show (namespaces, types, error results, the invoked service) stays. */
export function editedCase(tc: TckTestCase, d: CaseDraft): TckTestCase {
  const before = new Map(tc.inputs.map((i) => [i.name, i]));
  return {
    ...tc,
    description: d.description.trim() === '' ? undefined : d.description,
    inputs: d.inputs.map((i) => ({ ...before.get(i.name), name: i.name, value: literalValue(i.text, `input ${i.name}`) })),
    results: tc.results.map((r, n) => ({ ...r, expected: literalValue(d.results[n]?.text ?? 'null', `expected ${r.name}`) })),
  };
}
