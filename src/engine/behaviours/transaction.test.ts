import { describe, expect, it } from 'vitest';
import type { ExecutableProcess } from '../model/types';
import { dispatch, start } from '../index';
import type { Command } from './commands';
import { activeElementIds, openJobs, openTasks, variablesAt } from '../runtime/queries';
import type { InstanceState } from '../runtime/state';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

async function load(id: string): Promise<ExecutableProcess> {
  return (await compileXml(fixture(import.meta.url, 'transaction.bpmn'))).get(id) as ExecutableProcess;
}

/** Applies a command to a stored copy of the state (what a store hands back). */
function apply(process: ExecutableProcess, state: InstanceState, command: (s: InstanceState) => Command, ctx: ReturnType<typeof testContext>) {
  const stored = roundTrip(state);
  return dispatch(process, stored, command(stored), ctx);
}

const jobOf = (type: string) => (s: InstanceState): Command => {
  const job = openJobs(s).find((j) => j.type === type);
  if (!job) throw new Error(`no open ${type} job (open: ${openJobs(s).map((j) => j.type).join(', ')})`);
  return { type: 'completeJob', jobKey: job.key, variables: { [`${type}Ref`]: `${type}-1` } };
};

/** Books flight, hotel and car in order. */
function bookAll(process: ExecutableProcess, ctx: ReturnType<typeof testContext>) {
  let r = start(process, {}, ctx);
  for (const type of ['bookFlight', 'bookHotel', 'bookCar']) r = apply(process, r.state, jobOf(type), ctx);
  return r;
}

describe('transaction subprocess (the book-trip saga)', () => {
  it('given flight, hotel and car booked, when the payment fails, then the cancel end event compensates them in reverse order and the trip leaves through its cancel boundary', async () => {
    const process = await load('bookTrip');
    const ctx = testContext();
    let r = bookAll(process, ctx);
    const charge = openJobs(r.state).find((j) => j.type === 'charge') as { key: string };
    r = apply(process, r.state, () => ({ type: 'throwError', jobKey: charge.key, errorCode: 'PAYMENT_FAILED' }), ctx);
    expect(r.history.find((h) => h.type === 'compensationThrown')).toMatchObject({ elementId: 'cancelTrip', completions: 3 });
    // the error boundary ended the charge; the itinerary was still being sent: terminated, so not compensated
    expect(r.history.filter((h) => h.type === 'elementTerminated').map((h) => (h as { elementId: string }).elementId)).toEqual(['charge', 'sendItinerary']);
    const undone: string[] = [];
    for (;;) {
      const jobs = openJobs(r.state);
      if (jobs.length === 0) break;
      expect(jobs).toHaveLength(1);
      undone.push(jobs[0].type);
      r = apply(process, r.state, jobOf(jobs[0].type), ctx);
    }
    expect(undone).toEqual(['cancelCar', 'cancelHotel', 'cancelFlight']);
    expect(r.history.find((h) => h.type === 'transactionCanceled')).toMatchObject({ elementId: 'trip', boundaryId: 'tripCanceled' });
    expect(activeElementIds(r.state)).toEqual(['tellCustomer']);
    expect(r.state.variables).toMatchObject({ bookFlightRef: 'bookFlight-1', cancelFlightRef: 'cancelFlight-1' });
    expect(r.history.some((h) => h.type === 'elementEntered' && h.elementId === 'retractItinerary')).toBe(false);
    const done = apply(process, r.state, (s) => ({ type: 'completeUserTask', taskId: openTasks(s)[0].id }), ctx);
    expect(done.state.status).toBe('completed');
    expect(done.state.path.slice(-2)).toEqual(['tellCustomer', 'canceled']);
  });

  it('given the payment goes through and the itinerary is sent, when the transaction completes, then it leaves through its flow and nothing is compensated', async () => {
    const process = await load('bookTrip');
    const ctx = testContext();
    let r = bookAll(process, ctx);
    r = apply(process, r.state, jobOf('charge'), ctx);
    r = apply(process, r.state, (s) => ({ type: 'completeUserTask', taskId: openTasks(s)[0].id }), ctx);
    expect(r.state.status).toBe('completed');
    expect(r.state.path.slice(-2)).toEqual(['trip', 'confirmed']);
    expect(r.history.some((h) => h.type === 'compensating')).toBe(false);
  });

  it('given nothing completed inside, when the cancel end event is reached, then the transaction leaves through its cancel boundary at once', async () => {
    const process = await load('cancelAtOnce');
    const r = start(process, {}, testContext());
    expect(r.state.status).toBe('completed');
    expect(r.history.find((h) => h.type === 'compensationThrown')).toMatchObject({ elementId: 'tx_cancel', completions: 0 });
    expect(r.state.path).toEqual(['c_start', 'tx_start', 'tx_cancel', 'txCanceled', 'c_canceled']);
  });

  it('given a multi-instance booking part-way done, when the transaction is canceled, then the completed iterations are compensated, latest first, and the running one is not', async () => {
    const process = await load('seats');
    const ctx = testContext();
    let r = start(process, { variables: { seats: ['1A', '1B', '1C'] } }, ctx);
    const seatTask = (s: InstanceState, seat: string) => openTasks(s).find((t) => variablesAt(s, t.elementInstanceId).seat === seat) as { id: string };
    for (const seat of ['1B', '1A']) r = apply(process, r.state, (s) => ({ type: 'completeUserTask', taskId: seatTask(s, seat).id }), ctx);
    r = apply(process, r.state, (s) => ({ type: 'completeUserTask', taskId: (openTasks(s).find((t) => t.elementId === 'abort') as { id: string }).id }), ctx);
    expect(r.history.find((h) => h.type === 'compensationThrown')).toMatchObject({ elementId: 'b_cancel', completions: 2 });
    const released: unknown[] = [];
    while (openJobs(r.state).length > 0) {
      const [job] = openJobs(r.state);
      released.push(variablesAt(r.state, job.elementInstanceId).seat);
      r = apply(process, r.state, (s) => ({ type: 'completeJob', jobKey: openJobs(s)[0].key, variables: {} }), ctx);
    }
    expect(released).toEqual(['1A', '1B']);
    expect(r.state.status).toBe('completed');
    expect(r.state.path.slice(-2)).toEqual(['bookingCanceled', 'm_canceled']);
  });
});
