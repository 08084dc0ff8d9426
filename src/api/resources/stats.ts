import type { InstanceState } from '../../engine';
import { ApiError } from '../errors';
import { ok, route } from '../route';
import { statsElements, statsInstances } from '../schemas';
import { sourceOf } from './instances';

/** Instances of one process version by state. */
export interface InstanceCounts {
  processId: string;
  version: number;
  active: number;
  suspended: number;
  completed: number;
  canceled: number;
  /** Running instances with at least one open incident (they count in `active` or `suspended` too). */
  withIncidents: number;
}

/** One element of a process version: live tokens, completions, open incidents, durations of its completions. */
export interface ElementStats {
  elementId: string;
  active: number;
  completed: number;
  incidents: number;
  /** Milliseconds from entered to completed, over its completions (null: none yet). */
  meanDurationMs: number | null;
  p95DurationMs: number | null;
}

export const stats = {
  'stats.instances': route(statsInstances, async (ports, { processId }) => {
    const counts = new Map<string, InstanceCounts>();
    for (const s of await sourceOf(ports).rows({ processId })) {
      const key = `${s.processId}\u0000${s.processVersion}`;
      const c = counts.get(key) ?? { processId: s.processId, version: s.processVersion, active: 0, suspended: 0, completed: 0, canceled: 0, withIncidents: 0 };
      if (s.status === 'active') c[s.suspended ? 'suspended' : 'active']++;
      else c[s.status]++;
      if (s.status === 'active' && s.incidents > 0) c.withIncidents++;
      counts.set(key, c);
    }
    return ok([...counts.values()].sort((a, b) => (a.processId < b.processId ? -1 : a.processId > b.processId ? 1 : a.version - b.version)));
  }),
  'stats.elements': route(statsElements, async ({ host }, { processId, version }) => {
    const all = (await host.listInstances({ processId })).filter((s) => version === undefined || s.processVersion === version);
    if (all.length === 0 && !host.deployments.get(processId, version)) {
      throw new ApiError('notFound', `process ${processId}${version ? ` version ${version}` : ''} is not deployed`, { processId, version });
    }
    const byElement = new Map<string, { active: number; completed: number; incidents: number; durations: number[] }>();
    const of = (id: string) => {
      let e = byElement.get(id);
      if (!e) byElement.set(id, (e = { active: 0, completed: 0, incidents: 0, durations: [] }));
      return e;
    };
    for (const s of all) {
      live(s, of);
      const entered = new Map<string, number>();
      for (const event of await host.history(s.instanceId)) {
        if (event.type === 'elementEntered') entered.set(event.elementInstanceId, event.time);
        else if (event.type === 'elementCompleted') {
          const e = of(event.elementId);
          e.completed++;
          const from = entered.get(event.elementInstanceId);
          if (from !== undefined) e.durations.push(event.time - from);
        }
      }
    }
    const out: ElementStats[] = [...byElement].map(([elementId, e]) => ({
      elementId, active: e.active, completed: e.completed, incidents: e.incidents,
      meanDurationMs: e.durations.length ? e.durations.reduce((a, b) => a + b, 0) / e.durations.length : null,
      p95DurationMs: percentile(e.durations, 0.95),
    }));
    return ok(out.sort((a, b) => (a.elementId < b.elementId ? -1 : 1)));
  }),
};

function live(s: InstanceState, of: (id: string) => { active: number; incidents: number }): void {
  if (s.status !== 'active') return;
  for (const el of Object.values(s.elements)) if (!el.body) of(el.elementId).active++;
  for (const i of Object.values(s.incidents)) of(i.elementId).incidents++;
}

/** Nearest-rank percentile (null for no values). */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
