import type { InstanceState } from '../../engine';

/** What the instance diagram draws on one element. */
export interface ElementMark {
  elementId: string;
  /** Live tokens (element instances) there now; multi-instance bodies are not counted twice. */
  active: number;
  /** Times it completed (the completed path). */
  completed: number;
  /** Open incidents on it. */
  incidents: number;
}

/**
 * The overlays of an instance's diagram: active tokens with counts, the completed path and the
 * open incidents, per element id, sorted by id.
 *
 * @example
 * marksOf(state) // [{ elementId: 'approve', active: 1, completed: 0, incidents: 0 }, { elementId: 'start', active: 0, completed: 1, incidents: 0 }]
 */
export function marksOf(state: Pick<InstanceState, 'elements' | 'path' | 'incidents'>): ElementMark[] {
  const marks = new Map<string, ElementMark>();
  const of = (elementId: string) => {
    let m = marks.get(elementId);
    if (!m) marks.set(elementId, (m = { elementId, active: 0, completed: 0, incidents: 0 }));
    return m;
  };
  for (const el of Object.values(state.elements)) if (!el.body) of(el.elementId).active++;
  for (const id of state.path) of(id).completed++;
  for (const i of Object.values(state.incidents)) of(i.elementId).incidents++;
  return [...marks.values()].sort((a, b) => a.elementId.localeCompare(b.elementId));
}
