import { describe, expect, it } from 'vitest';
import { readDiagramModel } from './diagram-model';
import { historyToLog } from './engine-log';
import { Player } from './frames';
import { heatmap } from './heatmap';
import { matchActivities } from './match';
import { LogBuilder } from './model';
import { buildIndex, EDGE, flowLookup, NODE } from './replay-index';
import { diffVariables, variablesAt } from './variables';
import { APPROVAL, runApproval, T0 } from './test-support/approval-run';

const MIN = 60_000;

/** Two cases: c1 does Enter (0-10 min), waits, Review (15-20); c2 does Enter (5-7) then Approve automatically (7-8) and an activity the model lacks. */
function twoCases() {
  const b = new LogBuilder('csv');
  b.add('c1', 'Enter amount', 'start', T0, 'ana');
  b.add('c2', 'Enter amount', 'start', T0 + 5 * MIN, 'bo');
  b.add('c2', 'Enter amount', 'complete', T0 + 7 * MIN, 'bo');
  b.add('c2', 'AutoApprove', 'start', T0 + 7 * MIN, null);
  b.add('c2', 'AutoApprove', 'complete', T0 + 8 * MIN, null);
  b.add('c1', 'Enter amount', 'complete', T0 + 10 * MIN, 'ana');
  b.add('c1', 'Review', 'start', T0 + 15 * MIN, null);
  b.add('c1', 'Review', 'complete', T0 + 20 * MIN, null);
  b.add('c2', 'Send letter', 'complete', T0 + 30 * MIN, null);
  return b.finish();
}

describe('matching', () => {
  it('given log activities named by element name or id, when matched, then each finds its element and the rest are counted and listed', () => {
    const m = matchActivities(twoCases(), readDiagramModel(APPROVAL));
    expect(m.matched).toEqual({ 'Enter amount': 'Enter', AutoApprove: 'AutoApprove', Review: 'Review' });
    expect(m.unmatched).toEqual(['Send letter']);
    expect(m.unmatchedEvents).toBe(1);
  });
});

describe('frames', () => {
  it('given two cases, when played to moments in between, then tokens sit at activities or travel on the flow the model has, with counts and the path so far', () => {
    const log = twoCases();
    const model = readDiagramModel(APPROVAL);
    const ix = buildIndex(log, { flowBetween: flowLookup(model, matchActivities(log, model).nodeOf) });
    const enter = log.activities.indexOf('Enter amount');
    const review = log.activities.indexOf('Review');
    const player = new Player(ix);
    let f = player.seek(T0 + 6 * MIN);
    expect(f.tokens).toBe(2);
    expect(f.active[enter]).toBe(2);
    expect(f.events).toBe(2);
    f = player.advance(T0 + 12 * MIN);
    // c1 is on its way from Enter to Review (2 of 5 minutes); c2 is done with its matched steps, waiting for "Send letter".
    const c1 = log.cases.indexOf('c1');
    const k = [...f.tokenCase.subarray(0, f.tokens)].indexOf(c1);
    expect(f.tokenKind[k]).toBe(EDGE);
    expect(ix.edges[f.tokenPlace[k]]).toEqual({ from: enter, to: review, flowId: null });
    expect(f.tokenProgress[k]).toBeCloseTo(0.4);
    expect(f.active[enter]).toBe(0);
    expect(f.visitedNodes[log.activities.indexOf('AutoApprove')]).toBe(1);
    expect(f.visitedNodes[review]).toBe(0);
    // Seeking back gives the earlier frame again.
    f = player.seek(T0 + 6 * MIN);
    expect(f.active[enter]).toBe(2);
    expect(f.visitedNodes[log.activities.indexOf('AutoApprove')]).toBe(0);
  });

  it('given cases played at relative time, when at minute 1, then both are at their first activity', () => {
    const ix = buildIndex(twoCases(), { relative: true });
    expect(ix.start).toBe(0);
    const f = new Player(ix).seek(MIN);
    expect(f.tokens).toBe(2);
    expect([...f.tokenKind.subarray(0, 2)]).toEqual([NODE, NODE]);
  });

  it('given an engine instance, when played, then the token waits at the user task, then at the timer, and the flows it took are marked', async () => {
    const { history } = await runApproval(100);
    const log = historyToLog([history]);
    const ix = buildIndex(log);
    const at = (id: string) => log.activities.indexOf(id);
    const player = new Player(ix);
    expect(player.seek(T0 + 30_000).active[at('Enter')]).toBe(1);
    const f = player.seek(T0 + MIN + 500);
    expect(f.active[at('Enter')]).toBe(0);
    expect(f.active[at('Wait')]).toBe(1);
    const visited = ix.edges.filter((_, e) => f.visitedEdges[e]).map((e) => e.flowId);
    expect(visited).toEqual(['f1', 'f2']);
    expect(player.seek(ix.end).tokens).toBe(0);
  });
});

describe('heatmap', () => {
  it('given two cases, when measured, then frequency, mean and p95 durations and waiting times per activity and step are right, also for a window', () => {
    const ix = buildIndex(twoCases());
    const h = heatmap(ix);
    expect(h.nodes['Enter amount']).toEqual({ frequency: 2, meanMs: 6 * MIN, p95Ms: 10 * MIN, waitingMs: null });
    expect(h.nodes.Review).toEqual({ frequency: 1, meanMs: 5 * MIN, p95Ms: 5 * MIN, waitingMs: 5 * MIN });
    expect(h.flows['Enter amount → Review']).toEqual({ frequency: 1, meanMs: 5 * MIN, p95Ms: 5 * MIN, waitingMs: null });
    expect(h.flows['AutoApprove → Send letter']).toMatchObject({ frequency: 1, meanMs: 22 * MIN });
    const w = heatmap(ix, { from: T0 + 4 * MIN, to: T0 + 9 * MIN });
    expect(Object.keys(w.nodes).sort()).toEqual(['AutoApprove', 'Enter amount']);
    expect(w.nodes['Enter amount'].frequency).toBe(1);
  });
});

describe('variables at an event', () => {
  it('given an engine history, when read at two events, then the variables of each scope and their diff are those of that moment', async () => {
    const { history } = await runApproval(100);
    const started = history.find((e) => e.type === 'variableSet') as { seq: number };
    const completed = history.find((e) => e.type === 'taskCompleted') as { seq: number };
    const before = variablesAt(history, started.seq);
    expect(before).toEqual({ process: { amount: 100 } });
    const after = variablesAt(history, completed.seq + 1);
    expect(after.process).toEqual({ amount: 100, note: 'checked' });
    expect(diffVariables(before, after)).toEqual([{ scope: 'process', name: 'note', kind: 'added', after: 'checked' }]);
  });
});
