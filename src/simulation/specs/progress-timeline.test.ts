import { describe, expect, it } from 'vitest';
import { histogram } from '../histogram';
import { simulate } from '../simulate';
import type { SimulationProgress } from '../simulate';
import { toOcel } from '../log-export';
import { loadModel, scenario } from '../test-support/load';

describe('progress, timeline and histogram', () => {
  it('given an M/M/3 queue, when simulated with a progress listener, then progress grows to the end and the timeline stays within the units', async () => {
    const model = await loadModel('queue.bpmn');
    const seen: SimulationProgress[] = [];
    const r = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'mm3'), ctx: {}, instances: 3000, replications: 2, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(2);
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ replication: 2, replications: 2, expectedInstances: 3000 });
    for (let i = 1; i < seen.length; i++) if (seen[i].replication === seen[i - 1].replication) expect(seen[i].now).toBeGreaterThanOrEqual(seen[i - 1].now);
    const role = Object.keys(r.result.resources)[0];
    expect(r.timeline.length).toBeGreaterThan(20);
    expect(r.timeline.length).toBeLessThanOrEqual(240);
    const utils = r.timeline.map((s) => s.roles[role].utilization);
    expect(Math.max(...utils)).toBeLessThanOrEqual(1);
    // Busy at some samples, and on average near the measured utilization.
    const mean = utils.reduce((a, b) => a + b, 0) / utils.length;
    expect(Math.abs(mean - r.result.resources[role].utilization.mean)).toBeLessThan(0.15);
    expect(r.timeline.some((s) => s.roles[role].queue > 0)).toBe(true);
    expect(r.cycleTimeHistogram.counts.reduce((a, b) => a + b, 0)).toBe(6000);
  });

  it('given values, when binned, then every value is in one bin and the last bin holds the maximum', () => {
    expect(histogram([1, 2, 2, 3], 2)).toEqual({ edges: [1, 2, 3], counts: [1, 3] });
    expect(histogram([])).toEqual({ edges: [], counts: [] });
    expect(histogram([5, 5])).toEqual({ edges: [5, 5], counts: [2] });
  });

  it('given a simulated log, when exported as OCEL 2.0, then every case is an object and every task has start and complete events', async () => {
    const model = await loadModel('queue.bpmn');
    const r = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'mm3'), ctx: {}, instances: 5, replications: 1, log: true });
    const ocel = JSON.parse(toOcel(r.log)) as { objects: Array<{ type: string }>; events: unknown[] };
    expect(ocel.objects.filter((o) => o.type === 'case')).toHaveLength(5);
    expect(ocel.events.length).toBeGreaterThanOrEqual(10);
  });
});
