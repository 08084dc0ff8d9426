import type { HistoryEvent } from '../engine';

/** Variables by scope: `process` for the process scope, else the element instance id (`elementId#3`). */
export type ScopeVariables = Record<string, Record<string, unknown>>;

/** One change between two moments. */
export interface VariableChange {
  scope: string;
  name: string;
  kind: 'added' | 'changed' | 'removed';
  before?: unknown;
  after?: unknown;
}

/**
 * The variables of every scope after history event `seq`, folded from the history's
 * `variableSet` events (exact: each carries its new value); a scope's variables go when its
 * element instance completes or is terminated.
 *
 * @example
 * variablesAt(history, 12).process.amount; // 150
 */
export function variablesAt(history: readonly HistoryEvent[], seq: number): ScopeVariables {
  const scopes: ScopeVariables = { process: {} };
  const names = new Map<string, string>();
  for (const e of history) {
    if (e.seq > seq) break;
    if (e.type === 'elementEntered') names.set(e.elementInstanceId, `${e.elementId}#${e.elementInstanceId}`);
    else if (e.type === 'variableSet') {
      const key = e.scopeId === null ? 'process' : (names.get(e.scopeId) ?? e.scopeId);
      (scopes[key] ??= {})[e.name] = e.newValue;
    } else if (e.type === 'elementCompleted' || e.type === 'elementTerminated') {
      const key = names.get(e.elementInstanceId);
      if (key !== undefined) delete scopes[key];
    }
  }
  return scopes;
}

/** What changed from `before` to `after` (scope by scope, name by name, in name order). */
export function diffVariables(before: ScopeVariables, after: ScopeVariables): VariableChange[] {
  const out: VariableChange[] = [];
  for (const scope of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const b = before[scope] ?? {};
    const a = after[scope] ?? {};
    for (const name of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
      const had = Object.hasOwn(b, name);
      const has = Object.hasOwn(a, name);
      if (had && !has) out.push({ scope, name, kind: 'removed', before: b[name] });
      else if (!had && has) out.push({ scope, name, kind: 'added', after: a[name] });
      else if (JSON.stringify(b[name]) !== JSON.stringify(a[name])) out.push({ scope, name, kind: 'changed', before: b[name], after: a[name] });
    }
  }
  return out;
}
