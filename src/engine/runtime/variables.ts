import type { Step } from './step';
import { emitVariableSet } from './history-events';
import type { Variables } from './state';

/**
 * Variable scopes: the process scope (`state.variables`) and the local variables of each element
 * instance. Reads see the chain from an element instance up to the process; writes either stay
 * local or propagate to the nearest scope that already defines the name, else the process scope.
 */

/** All variables visible from `scopeId` (null = process scope), inner scopes shadowing outer ones. */
export function visibleVariables(step: Step, scopeId: string | null): Variables {
  const root = step.state.variables;
  if (scopeId === null) return root;
  let chain: Variables[] | null = null;
  let id: string | null = scopeId;
  while (id !== null) {
    const ei: Step['state']['elements'][string] | undefined = step.state.elements[id];
    if (!ei) break;
    if (ei.variables) (chain ??= []).push(ei.variables);
    id = ei.parentId;
  }
  if (chain === null) return root;
  const out: Variables = Object.assign({}, root);
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(out, chain[i]);
  return out;
}

/** Sets a variable in exactly this scope. */
export function setLocal(step: Step, scopeId: string | null, name: string, value: unknown): void {
  const vars = scopeId === null ? step.state.variables : (step.state.elements[scopeId].variables ??= {});
  write(step, vars, scopeId, name, value);
}

/** Sets a variable where it is already defined (searching outwards from `scopeId`), else in the process scope. */
export function setPropagating(step: Step, scopeId: string | null, name: string, value: unknown): void {
  let id = scopeId;
  while (id !== null) {
    const ei = step.state.elements[id];
    if (!ei) break;
    if (ei.variables && name in ei.variables) {
      write(step, ei.variables, id, name, value);
      return;
    }
    id = ei.parentId;
  }
  write(step, step.state.variables, null, name, value);
}

export function setAll(step: Step, scopeId: string | null, variables: Variables | undefined, local: boolean): void {
  if (!variables) return;
  for (const name of Object.keys(variables)) {
    if (local) setLocal(step, scopeId, name, variables[name]);
    else setPropagating(step, scopeId, name, variables[name]);
  }
}

function write(step: Step, vars: Variables, scopeId: string | null, name: string, value: unknown) {
  const newValue = value === undefined ? null : value;
  const created = !(name in vars);
  const oldValue = created ? undefined : vars[name];
  vars[name] = newValue;
  emitVariableSet(step, name, scopeId, created, oldValue, newValue);
  // Conditional events re-check when variables they can see change (runtime/watch.ts).
  if (step.watching) step.changes.push({ scopeId, name, created });
}

/** `order.total` -> a copy of `order` with `total` set; plain names set as is. */
export function withPath(current: Variables, target: string, value: unknown): [string, unknown] {
  const dot = target.indexOf('.');
  if (dot < 0) return [target, value];
  const parts = target.split('.');
  const head = parts[0];
  const base = current[head];
  const root: Record<string, unknown> = isObject(base) ? { ...base } : {};
  let obj = root;
  for (let i = 1; i < parts.length - 1; i++) {
    const next = obj[parts[i]];
    obj = obj[parts[i]] = isObject(next) ? { ...next } : {};
  }
  obj[parts[parts.length - 1]] = value;
  return [head, root];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
