import { describe, expect, it } from 'vitest';
import { replayLog } from '../../engine';
import { fixture, testContext } from '../../engine/test-support/harness';
import { MessageTestHost, T0 } from '../test-support/message-host';
import { HostError } from '../transaction';

const SEC = 1000;
const given = () => MessageTestHost.create([fixture(import.meta.url, 'jobs.bpmn')]);
const lock = { topic: 'charge', lockDurationMs: 60 * SEC };

/** Runs `call` and returns the HostError reason it was refused with. */
async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  return (error as HostError).reason;
}

describe('job executor: fetch, lock, complete', () => {
  it('given two waiting payments, when workers fetch and lock, then each gets the oldest free job once with the variables it named, and completing it finishes the instance', async () => {
    const t = await given();
    const first = await t.host.startInstance('payment', { variables: { amount: 12, customer: 'ada', secret: 'x' } });
    await t.clock.set(T0 + SEC);
    const second = await t.host.startInstance('payment', { variables: { amount: 30, customer: 'bob' } });

    const [a] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w1', fetchVariables: ['amount', 'cents', 'missing'] });
    expect(a).toMatchObject({
      processInstanceId: first.instanceId, processId: 'payment', elementId: 'charge', type: 'charge', state: 'activated', worker: 'w1',
      lockExpiresAt: T0 + 61 * SEC, retries: 3, customHeaders: { currency: 'EUR' },
    });
    // Only the named variables that exist; `cents` is the task's input mapping (local to the job's element).
    expect(a.variables).toEqual({ amount: 12, cents: 1200 });
    const [b] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w2', maxJobs: 5 });
    expect(b.processInstanceId).toBe(second.instanceId);
    expect(b.variables).toEqual({ amount: 30, customer: 'bob', cents: 3000 });
    expect(await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w3', maxJobs: 5 })).toEqual([]);
    expect(await t.host.listJobs({ type: 'charge' })).toEqual([]);
    expect((await t.host.listJobs({ type: 'charge', states: ['activated'] })).map((j) => j.worker)).toEqual(['w1', 'w2']);

    await t.restart();
    const done = await t.host.jobs.complete(a.key, 'w1', { receipt: 'r-1' });
    expect(done.status).toBe('completed');
    expect(done.variables).toMatchObject({ receiptId: 'r-1' });
    expect(done.path).toContain('paid');
    // Completed: gone for everybody, with a clear reason.
    expect(await refusal(t.host.jobs.complete(a.key, 'w1'))).toBe('notFound');
    const history = (await t.host.history(first.instanceId)).map((e) => e.type);
    expect(history).toEqual(expect.arrayContaining(['jobCreated', 'jobLocked', 'jobCompleted', 'instanceCompleted']));
  });

  it('given a locked job, when its lock runs out, then it is available again without using a retry, and the old worker is refused', async () => {
    const t = await given();
    const pi = await t.host.startInstance('payment', { variables: { amount: 5 } });
    const [job] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w1' });
    await t.host.timers.advance(59 * SEC);
    expect(await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w2' })).toEqual([]);

    await t.host.timers.advance(SEC);
    let s = await t.state(pi.instanceId);
    expect(s.jobs[job.key]).toMatchObject({ state: 'activatable', worker: null, lockExpiresAt: null, retries: 3 });
    expect((await t.host.history(pi.instanceId)).at(-1)).toMatchObject({ type: 'jobTimedOut', jobKey: job.key, worker: 'w1' });
    // Nobody has it yet, and still the old worker's report comes too late.
    expect(await refusal(t.host.jobs.complete(job.key, 'w1', { receipt: 'late' }))).toBe('lockLost');

    const [again] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w2' });
    expect(again).toMatchObject({ key: job.key, worker: 'w2', retries: 3 });
    const commits = t.store.commits;
    for (const late of [
      t.host.jobs.complete(job.key, 'w1'),
      t.host.jobs.fail(job.key, 'w1', { errorMessage: 'late' }),
      t.host.jobs.throwError(job.key, 'w1', 'CARD_DECLINED'),
      t.host.jobs.extendLock(job.key, 'w1', 10 * SEC),
    ]) expect(await refusal(late)).toBe('lockLost');
    await expect(t.host.jobs.complete(job.key, 'w1')).rejects.toThrow(/not locked by worker w1: it is locked by worker w2 until/);
    // An operator's plain completeJob does not take a job from the worker on it either.
    await expect(t.host.completeJob({ jobKey: job.key })).rejects.toThrow(/locked by worker w2/);
    expect(t.store.commits).toBe(commits);
    s = await t.host.jobs.complete(job.key, 'w2', { receipt: 'r-2' });
    expect(s.status).toBe('completed');
  });

  it('given a lock that ran out before the scheduler fired (a real clock lags), when another worker fetches, then it gets the job and the history ends the old lock first', async () => {
    const t = await given();
    const pi = await t.host.startInstance('payment', { variables: { amount: 5 } });
    const [job] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w1' });
    t.clock.set(T0 + 61 * SEC); // time moved, the due item has not fired
    const [taken] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w2' });
    expect(taken).toMatchObject({ key: job.key, worker: 'w2', lockExpiresAt: T0 + 121 * SEC, retries: 3 });
    expect((await t.host.history(pi.instanceId)).slice(-2).map((e) => [e.type, (e as { worker?: string }).worker])).toEqual([['jobTimedOut', 'w1'], ['jobLocked', 'w2']]);
    // The old lock's due item was replaced by the new lock's: nothing fires for it.
    expect(t.host.timers.nextDueAt()).toBe(T0 + 121 * SEC);
    expect(await t.host.timers.runDue()).toBe(0);
    expect((await t.state(pi.instanceId)).jobs[job.key].worker).toBe('w2');
  });

  it('given a locked job whose instance is canceled, then the job is gone: the worker is told so and nothing falls due for it', async () => {
    const t = await given();
    const pi = await t.host.startInstance('payment', { variables: { amount: 5 } });
    const [job] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w1' });
    await t.host.cancel(pi.instanceId);
    await expect(t.host.jobs.complete(job.key, 'w1')).rejects.toThrow(/no open job .* \(it was completed, canceled, or never created\)/);
    expect(await refusal(t.host.jobs.extendLock(job.key, 'w1', SEC))).toBe('notFound');
    expect(t.host.timers.nextDueAt()).toBeNull();
  });

  it('given a parallel multi-instance task, when one fetch locks all its jobs, then each carries its own item and completing them in any order collects the results in item order', async () => {
    const t = await given();
    const pi = await t.host.startInstance('batch', { variables: { parcels: ['p1', 'p2', 'p3'] } });
    const jobs = await t.host.jobs.fetchAndLock({ topic: 'ship', workerId: 'w1', lockDurationMs: 60 * SEC, maxJobs: 10, fetchVariables: ['parcel', 'loopCounter'] });
    expect(jobs.map((j) => [j.processInstanceId, j.variables])).toEqual([
      [pi.instanceId, { parcel: 'p1', loopCounter: 1 }], [pi.instanceId, { parcel: 'p2', loopCounter: 2 }], [pi.instanceId, { parcel: 'p3', loopCounter: 3 }],
    ]);
    expect(Object.values((await t.state(pi.instanceId)).jobs).map((j) => j.worker)).toEqual(['w1', 'w1', 'w1']);
    await t.restart();
    for (const i of [2, 0, 1]) await t.host.jobs.complete(jobs[i].key, 'w1', { trackingId: `T-${jobs[i].variables.parcel as string}` });
    const s = await t.state(pi.instanceId);
    expect(s.status).toBe('completed');
    expect(s.variables.tracking).toEqual(['T-p1', 'T-p2', 'T-p3']);
  });

  it('given a locked job, when its worker extends the lock, then it keeps the job past the first end and completes it', async () => {
    const t = await given();
    await t.host.startInstance('payment', { variables: { amount: 5 } });
    const [job] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w1' });
    await t.host.timers.advance(50 * SEC);
    const s = await t.host.jobs.extendLock(job.key, 'w1', 60 * SEC);
    expect(s.jobs[job.key].lockExpiresAt).toBe(T0 + 110 * SEC);
    await t.host.timers.advance(30 * SEC);
    expect(await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w2' })).toEqual([]);
    expect((await t.host.jobs.complete(job.key, 'w1', { receipt: 'r' })).status).toBe('completed');
  });

  it('given locks taken before a restart, when a new host runs on the same store, then it keeps them and still ends them on time', async () => {
    const t = await given();
    const held = await t.host.startInstance('payment', { variables: { amount: 1 } });
    const lapsing = await t.host.startInstance('payment', { variables: { amount: 2 } });
    const [h] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w1', lockDurationMs: 120 * SEC });
    const [l] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w1', lockDurationMs: 30 * SEC });
    expect([h.processInstanceId, l.processInstanceId]).toEqual([held.instanceId, lapsing.instanceId]);

    await t.restart();
    expect(await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w2', maxJobs: 5 })).toEqual([]);
    expect(t.host.timers.nextDueAt()).toBe(T0 + 30 * SEC);
    await t.host.timers.advance(30 * SEC);
    const taken = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w2', maxJobs: 5 });
    expect(taken.map((j) => j.key)).toEqual([l.key]);
    expect((await t.host.jobs.complete(h.key, 'w1', { receipt: 'kept' })).status).toBe('completed');
  });

  it('given jobs moved by locks, expiries, extensions and completions, when their command logs are replayed, then they reproduce their history', async () => {
    const t = await given();
    const pi = await t.host.startInstance('payment', { variables: { amount: 3 } });
    const [a] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w1' });
    await t.host.jobs.extendLock(a.key, 'w1', 90 * SEC);
    await t.host.timers.advance(90 * SEC);
    const [b] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w2' });
    await t.host.jobs.fail(b.key, 'w2', { retries: 1, retryBackoffMs: 5 * SEC, errorMessage: 'flaky' });
    await t.restart();
    await t.host.timers.advance(5 * SEC);
    const [c] = await t.host.jobs.fetchAndLock({ ...lock, workerId: 'w3' });
    await t.host.jobs.complete(c.key, 'w3', { receipt: 'r' });
    const s = await t.state(pi.instanceId);
    const log = JSON.parse(JSON.stringify(await t.host.commandLog(pi.instanceId)));
    expect(log.map((r: { command: { type: string } }) => r.command.type)).toEqual([
      'start', 'lockJob', 'extendJobLock', 'jobLockExpired', 'lockJob', 'failJob', 'jobBackoffEnded', 'lockJob', 'completeJob',
    ]);
    const process = t.host.deployments.get(s.processId, s.processVersion)!;
    expect(replayLog(process, log, testContext()).history).toEqual(await t.host.history(pi.instanceId));
  });
});
