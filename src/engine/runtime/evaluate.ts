import type { Expr, Mapping, ValueSource } from '../model/types';
import { ElementFailure } from './failure';
import type { Step } from './step';
import type { Variables } from './state';
import { visibleVariables, withPath } from './variables';

/** Evaluates `expr` against `variables`; a thrown evaluation error becomes an `expression` incident. */
export function evalWith(step: Step, expr: Expr, variables: Variables, what: string): { value: unknown; warnings: string[] } {
  try {
    return expr.compiled.evaluate(variables, step.now);
  } catch (err) {
    throw new ElementFailure('expression', `${what} failed: ${(err as Error)?.message ?? String(err)} (${expr.source})`);
  }
}

export function evalIn(step: Step, expr: Expr, scopeId: string | null, what: string): unknown {
  return evalWith(step, expr, visibleVariables(step, scopeId), what).value;
}

/** A condition must yield a boolean; null (usually a missing variable) is an incident, as in Zeebe. */
export function evalCondition(step: Step, expr: Expr, variables: Variables, what: string): boolean {
  const { value, warnings } = evalWith(step, expr, variables, what);
  if (typeof value === 'boolean') return value;
  const why = warnings.length > 0 ? `: ${warnings.join('; ')}` : '';
  throw new ElementFailure('condition', `${what} '${expr.source}' evaluated to ${JSON.stringify(value ?? null)}, expected a boolean${why}`);
}

export function resolveValue(step: Step, source: ValueSource | null, scopeId: string | null, what: string): unknown {
  if (source === null) return null;
  if (source.kind === 'static') return source.value;
  const { value, warnings } = evalWith(step, source.expr, visibleVariables(step, scopeId), what);
  return nullWithWarnings(value, warnings, 'extract', what, source.expr);
}

/**
 * null plus warnings means the expression hit a problem (typically a missing variable, as
 * `no variable named 'x'`): an incident, as in Zeebe, rather than a silent null downstream.
 * An expression that handles the missing value itself returns non-null and passes.
 */
function nullWithWarnings(value: unknown, warnings: string[], type: 'io' | 'extract', what: string, expr: Expr): unknown {
  if ((value === null || value === undefined) && warnings.length > 0) {
    throw new ElementFailure(type, `${what}: '${expr.source}' evaluated to null: ${warnings.join('; ')}`);
  }
  return value;
}

/** Evaluates mappings in order; later mappings see the results of earlier ones. */
export function evalMappings(step: Step, mappings: Mapping[], variables: Variables, what: string): Variables {
  const out: Variables = {};
  let scope = variables;
  for (const m of mappings) {
    let value: unknown;
    if (m.source.kind === 'static') value = m.source.value;
    else {
      const r = evalWith(step, m.source.expr, scope, `${what} ${m.target}`);
      value = nullWithWarnings(r.value, r.warnings, 'io', `${what} ${m.target}`, m.source.expr);
    }
    const [name, v] = m.target.includes('.') ? withPath({ ...scope, ...out }, m.target, value ?? null) : [m.target, value ?? null];
    out[name] = v;
    if (mappings.length > 1) scope = { ...scope, [name]: v };
  }
  return out;
}
