import type { Incident, InstanceState, Job, UserTask, Variables } from './state';

/** Read-only views of an instance state, for hosts, UIs and tests. */

/** Element ids with a live element instance (sorted, duplicates kept once). */
export function activeElementIds(state: InstanceState): string[] {
  const ids = new Set<string>();
  for (const id in state.elements) ids.add(state.elements[id].elementId);
  return [...ids].sort();
}

/** Element ids in completion order. */
export function completedPath(state: InstanceState): string[] {
  return [...state.path];
}

export function openJobs(state: InstanceState): Job[] {
  return Object.values(state.jobs).filter((j) => j.state === 'activatable');
}

export function openTasks(state: InstanceState): UserTask[] {
  return Object.values(state.tasks);
}

export function openIncidents(state: InstanceState): Incident[] {
  return Object.values(state.incidents);
}

/** Variables visible from an element instance (process scope when omitted). */
export function variablesAt(state: InstanceState, elementInstanceId?: string): Variables {
  const chain: Variables[] = [];
  let id = elementInstanceId ?? null;
  while (id !== null) {
    const ei = state.elements[id];
    if (!ei) break;
    if (ei.variables) chain.push(ei.variables);
    id = ei.parentId;
  }
  return Object.assign({}, state.variables, ...chain.reverse());
}
