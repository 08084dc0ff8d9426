import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../index';
import { createSequentialIds } from '../runtime/ids';
import { activeElementIds, openIncidents, openJobs, openTasks } from '../runtime/queries';
import { STATE_SCHEMA_VERSION } from '../runtime/state';
import { loadProcess, testContext } from '../test-support/harness';
import { migrateState } from './migrate';

const golden = (name: string) => JSON.parse(readFileSync(new URL(`golden/${name}`, import.meta.url), 'utf8')) as unknown;

describe('golden snapshots', () => {
  it('given the stored v1 snapshot (parallel wait, failed job incident), when resumed by this engine, then it runs to completion', async () => {
    const process = await loadProcess(import.meta.url, 'golden/order.bpmn');
    // Fresh ids must not collide with the stored ones, as a real host's generator guarantees.
    const ctx = testContext({ ids: createSequentialIds('resumed-') });
    const state = migrateState(golden('v1-order-waiting.json'));
    expect(activeElementIds(state)).toEqual(['approve', 'ship']);
    const [incident] = openIncidents(state);
    expect(incident).toMatchObject({ type: 'jobNoRetries', elementId: 'ship' });
    const s1 = dispatch(process, state, { type: 'resolveIncident', incidentId: incident.id }, ctx).state;
    const s2 = dispatch(process, s1, { type: 'completeJob', jobKey: openJobs(s1)[0].key }, ctx).state;
    const s3 = dispatch(process, s2, { type: 'completeUserTask', taskId: openTasks(s2)[0].id }, ctx);
    expect(s3.state.status).toBe('completed');
    expect(s3.state.variables).toEqual({ amount: 10, total: 13 });
    expect(s3.history[0].seq).toBe(s2.seq + 1);
  });

  it('given the stored v2 snapshot (a cycle timer fired once, a message and a signal subscription open), when resumed, then its waits still work', async () => {
    const process = await loadProcess(import.meta.url, 'golden/events.bpmn');
    const ctx = testContext({ ids: createSequentialIds('resumed-') });
    const state = migrateState(golden('v2-events-waiting.json'));
    expect(activeElementIds(state)).toEqual(['approve', 'payment']);
    expect(Object.values(state.timers)).toMatchObject([{ elementId: 'remind', fired: 1, dueAt: Date.UTC(2026, 0, 1, 2) }]);
    // The second and last repetition of R2/PT1H fires, then the cycle is used up.
    const timer = Object.values(state.timers)[0];
    const s1 = dispatch(process, state, { type: 'timerFired', timerKey: timer.key }, ctx, { now: timer.dueAt }).state;
    expect(s1.timers).toEqual({});
    expect(s1.path.filter((id) => id === 'reminded')).toHaveLength(2);
    const paid = Object.values(s1.subscriptions).find((s) => s.kind === 'message');
    expect(paid).toMatchObject({ name: 'paid', correlationKey: 'o-1' });
    const s2 = dispatch(process, s1, { type: 'correlateMessage', subscriptionKey: paid?.key as string, variables: { paid: 42 } }, ctx).state;
    const s3 = dispatch(process, s2, { type: 'completeUserTask', taskId: openTasks(s2)[0].id }, ctx);
    expect(s3.state.status).toBe('completed');
    expect(s3.state.variables).toEqual({ orderId: 'o-1', paid: 42 });
    expect(s3.state.subscriptions).toEqual({});
  });

  it('given the stored v2 snapshot of a saga part-way through its compensation (car cancelled, hotel cancelling), when resumed, then the rest runs in order and the trip leaves through its cancel boundary', async () => {
    const process = await loadProcess(import.meta.url, 'golden/book-trip.bpmn');
    const ctx = testContext({ ids: createSequentialIds('resumed-') });
    let state = migrateState(golden('v2-saga-compensating.json'));
    expect(activeElementIds(state)).toEqual(['CancelHotel', 'Trip']);
    expect(state.compensation?.runs).toMatchObject({ [state.elements['2'].id]: { queue: [{ elementId: 'BookFlight' }] } });
    const undone: string[] = [];
    while (openJobs(state).length > 0) {
      const [job] = openJobs(state);
      undone.push(job.elementId);
      state = dispatch(process, state, { type: 'completeJob', jobKey: job.key }, ctx).state;
    }
    expect(undone).toEqual(['CancelHotel', 'CancelFlight']);
    expect(activeElementIds(state)).toEqual(['TellCustomer']);
    const done = dispatch(process, state, { type: 'completeUserTask', taskId: openTasks(state)[0].id }, ctx);
    expect(done.state.status).toBe('completed');
    expect(done.state.path.slice(-3)).toEqual(['TripCanceled', 'TellCustomer', 'Canceled']);
  });

  it('given a state from a newer engine or no state at all, when migrated, then it is refused', () => {
    expect(() => migrateState({ schemaVersion: STATE_SCHEMA_VERSION + 1 })).toThrow(/newer/);
    expect(() => migrateState({})).toThrow(/schemaVersion/);
  });
});
