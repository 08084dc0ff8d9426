import { describe, expect, it } from 'vitest';
import type { Command, ExecutableProcess, HistoryEvent, InstanceState } from '../index';
import { dispatch, replayLog, start } from '../index';
import type { CommandRecord } from '../runtime/step-result';
import { fakeScripts, loadProcess, roundTrip, testContext } from '../test-support/harness';

/*
 * A step is a function of (definition, state, command, time): ids, seeds and counters live in the
 * instance. So however two instances' commands interleave, each gets the history it gets alone.
 */

const scripts = () => fakeScripts({ seeded: (_vars, req) => ({ set: { seed: req.randomSeed } }) });

type Move = (s: InstanceState) => Command;
/** The commands one instance receives after its start, each chosen from its state at that time. */
const MOVES: Move[] = [
  (s) => ({ type: 'failJob', jobKey: Object.keys(s.jobs)[0], errorMessage: 'down' }),
  (s) => ({ type: 'resolveIncident', incidentId: Object.keys(s.incidents)[0], retries: 1 }),
  (s) => ({ type: 'setVariables', variables: { note: `note of ${s.instanceId}` } }),
  (s) => ({ type: 'completeUserTask', taskId: Object.keys(s.tasks)[0], variables: { ok: true } }),
  (s) => ({ type: 'completeJob', jobKey: Object.keys(s.jobs)[0], variables: { paid: true } }),
];

interface Run { state: InstanceState; history: HistoryEvent[]; log: CommandRecord[] }

function begin(process: ExecutableProcess, id: string, seed: number, now: number): Run {
  const r = start(process, { instanceId: id, seed, now, variables: { who: id } }, testContext({ scripts: scripts() }));
  return { state: roundTrip(r.state), history: [...r.history], log: [r.record] };
}

function apply(process: ExecutableProcess, run: Run, move: Move, now: number): void {
  const r = dispatch(process, run.state, move(run.state), testContext({ scripts: scripts() }), { now });
  run.state = roundTrip(r.state);
  run.history.push(...r.history);
  run.log.push(r.record);
}

/** Runs A and B with their moves interleaved as `order` says (0 = A's next move, 1 = B's). */
function interleaved(process: ExecutableProcess, order: number[]): [Run, Run] {
  const runs: [Run, Run] = [begin(process, 'A', 11, 1000), begin(process, 'B', 22, 1000)];
  const next = [0, 0];
  for (const who of order) {
    const i = next[who]++;
    apply(process, runs[who], MOVES[i], 2000 + i * 1000);
  }
  return runs;
}

function alone(process: ExecutableProcess, id: 'A' | 'B', seed: number): Run {
  const run = begin(process, id, seed, 1000);
  MOVES.forEach((m, i) => apply(process, run, m, 2000 + i * 1000));
  return run;
}

/** Every way to interleave two sequences of n moves each (C(2n, n) orders). */
function orders(n: number): number[][] {
  const out: number[][] = [];
  const walk = (a: number, b: number, acc: number[]) => {
    if (a === n && b === n) out.push(acc);
    if (a < n) walk(a + 1, b, [...acc, 0]);
    if (b < n) walk(a, b + 1, [...acc, 1]);
  };
  walk(0, 0, []);
  return out;
}

describe('determinism of the step', () => {
  it('given two instances, when their commands interleave in every possible order, then each has exactly the history and state it has alone', async () => {
    const process = await loadProcess(import.meta.url, 'determinism.bpmn');
    const soloA = alone(process, 'A', 11);
    const soloB = alone(process, 'B', 22);
    expect(soloA.state.status).toBe('completed');
    // ids are the instance's own: jobs, tasks and incidents of A are A's whatever B did
    expect(soloA.history.filter((h) => h.type === 'jobCreated').map((h) => 'jobKey' in h && h.jobKey)).toEqual(['A-job-1']);
    expect(soloA.history.filter((h) => h.type === 'incidentRaised').map((h) => 'incidentId' in h && h.incidentId)).toEqual(['A-incident-1']);
    const all = orders(MOVES.length);
    expect(all).toHaveLength(252);
    for (const order of all) {
      const [a, b] = interleaved(process, order);
      expect(a.history).toEqual(soloA.history);
      expect(b.history).toEqual(soloB.history);
      expect(a.state).toEqual(soloA.state);
      expect(b.state).toEqual(soloB.state);
    }
  });

  it('given an instance\'s command log, when replayed, then it reproduces its history and state exactly, from JSON', async () => {
    const process = await loadProcess(import.meta.url, 'determinism.bpmn');
    const solo = alone(process, 'A', 11);
    const replayed = replayLog(process, roundTrip(solo.log), testContext({ scripts: scripts() }));
    expect(replayed.history).toEqual(solo.history);
    expect(replayed.state).toEqual(solo.state);
  });

  it('given two seeds, when the same commands run, then the scripts see different seeds: the seed is the instance\'s, drawn again on each run', async () => {
    const process = await loadProcess(import.meta.url, 'determinism.bpmn');
    const seeds = (run: Run) => run.history.filter((h) => h.type === 'variableSet' && h.name === 'seed').map((h) => 'newValue' in h && h.newValue);
    const a = seeds(alone(process, 'A', 11));
    expect(a).toHaveLength(2);
    expect(a[0]).not.toBe(a[1]);
    expect(seeds(alone(process, 'A', 12))).not.toEqual(a);
  });
});
