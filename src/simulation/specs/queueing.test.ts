import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

/** Erlang C: the probability that an arrival waits, for c servers at offered load a = lambda / mu. */
function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c;
  const rho = a / c;
  const top = last / (1 - rho);
  return top / (sum + top);
}

describe('queueing theory', () => {
  it('given an M/M/1 queue (rho 0.8), when simulated over 10 replications, then the mean wait and utilization match the formulas within the 95% interval', async () => {
    const model = await loadModel('queue.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'mm1'), ctx: {} });
    const lambda = 1 / 10;
    const mu = 1 / 8;
    const wq = lambda / (mu * (mu - lambda)); // 32 s
    const w = result.elements.Serve.waitingTime;
    expect(w.ci95[0]).toBeLessThanOrEqual(wq);
    expect(w.ci95[1]).toBeGreaterThanOrEqual(wq);
    const u = result.resources.Clerk.utilization;
    expect(u.ci95[0]).toBeLessThanOrEqual(0.8);
    expect(u.ci95[1]).toBeGreaterThanOrEqual(0.8);
    expect(result.instances).toEqual({ started: 5000, completed: 5000 });
  });

  it('given an M/M/3 queue, when simulated, then the mean wait is the Erlang C value within the 95% interval', async () => {
    const model = await loadModel('queue.bpmn');
    const { result } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'mm3'), ctx: {} });
    const lambda = 1 / 4;
    const mu = 1 / 10;
    const c = 3;
    const wq = erlangC(c, lambda / mu) / (c * mu - lambda); // 14.04 s
    expect(wq).toBeCloseTo(14.04, 1);
    const w = result.elements.Serve.waitingTime;
    expect(w.ci95[0]).toBeLessThanOrEqual(wq);
    expect(w.ci95[1]).toBeGreaterThanOrEqual(wq);
    const u = result.resources.Clerk.utilization;
    expect(u.ci95[0]).toBeLessThanOrEqual(lambda / (c * mu));
    expect(u.ci95[1]).toBeGreaterThanOrEqual(lambda / (c * mu));
  });

  it('given a D/D/1 queue (arrival every 10 min, 15 min of work), when simulated, then every wait and cycle time is exact', async () => {
    const model = await loadModel('queue.bpmn');
    const { result, log } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'dd1'), ctx: {}, log: true });
    // instance n (0-based) waits 5n min: 0, 5, 10, 15, 20 → mean 10 min; cycle = wait + 15 min.
    expect(result.elements.Serve.waitingTime.mean).toBe(600);
    expect(result.elements.Serve.waitingTime.max).toBe(1200);
    expect(result.process.cycleTime.min).toBe(900);
    expect(result.process.cycleTime.max).toBe(2100);
    expect(result.process.processingTime.mean).toBe(900);
    expect(log.map((e) => (e.startTime - e.enableTime) / 60_000)).toEqual([0, 5, 10, 15, 20]);
    // The clerk works without a break from the first arrival (0) to the last completion (75 min).
    expect(result.resources.Clerk.utilization.mean).toBe(1);
    expect(result.instances).toEqual({ started: 5, completed: 5 });
  });
});

describe('duration and warm-up', () => {
  it('given a 60 min run with a 20 min warm-up (arrival every 10 min, 15 min of work, one clerk), when simulated, then only cases from minute 20 count and the unfinished ones are in progress', async () => {
    const model = await loadModel('queue.bpmn');
    const { result, inProgress } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'window'), ctx: {} });
    // Cases arrive at 0, 10, ..., 60. The clerk serves them back to back: 0-15, 15-30, 30-45, 45-60.
    // Counted (arrived at 20 or later): 20, 30, 40, 50, 60. Done by 60: 20 (ends 45) and 30 (ends 60).
    expect(result.instances).toEqual({ started: 5, completed: 2 });
    expect(inProgress).toBe(3);
    // 20 waits 10 min (starts 30), 30 waits 15 min (starts 45): cycles 25 and 30 min.
    expect(result.process.cycleTime.min).toBe(25 * 60);
    expect(result.process.cycleTime.max).toBe(30 * 60);
    // The clerk is busy the whole hour.
    expect(result.resources.Clerk.utilization.mean).toBe(1);
  });
});
