import { compileExpression, feelToString, type FeelResult, type FeelValue, fromJson } from '../index';

/** Evaluates FEEL with JSON variables and returns the result as FEEL text (`null`, `[1, 2]`, `"a"`). */
export function feel(source: string, vars: Record<string, unknown> = {}, names: string[] = []): string {
  return feelToString(run(source, vars, names).value, true);
}

/** Evaluates FEEL with JSON variables; the full result with warnings. */
export function run(source: string, vars: Record<string, unknown> = {}, names: string[] = []): FeelResult {
  const scope = new Map<string, FeelValue>();
  for (const [k, v] of Object.entries(vars)) scope.set(k, fromJson(v));
  return compileExpression(source, { names: [...Object.keys(vars), ...names] }).evaluate(scope, { now: () => Date.UTC(2024, 1, 29, 12, 30, 0) });
}
