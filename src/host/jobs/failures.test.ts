import { describe, expect, it } from 'vitest';
import { fixture } from '../../engine/test-support/harness';
import { MessageTestHost, T0 } from '../test-support/message-host';

const SEC = 1000;
const given = () => MessageTestHost.create([fixture(import.meta.url, 'jobs.bpmn')]);
const fetch = (t: MessageTestHost, workerId = 'w1') => t.host.jobs.fetchAndLock({ topic: 'charge', workerId, lockDurationMs: 60 * SEC });

describe('job executor: failures, retries, incidents, BPMN errors', () => {
  it('given a failure with a retry backoff, when the backoff runs (across a restart), then the job is fetchable only after it, with the retries left', async () => {
    const t = await given();
    const pi = await t.host.startInstance('payment', { variables: { amount: 5 } });
    const [job] = await fetch(t);
    const s = await t.host.jobs.fail(job.key, 'w1', { retries: 2, retryBackoffMs: 30 * SEC, errorMessage: 'gateway down' });
    expect(s.jobs[job.key]).toMatchObject({ state: 'backoff', retryAt: T0 + 30 * SEC, retries: 2, worker: null, errorMessage: 'gateway down' });
    expect((await t.host.history(pi.instanceId)).at(-1)).toMatchObject({ type: 'jobFailed', retries: 2, retryAt: T0 + 30 * SEC });

    await t.host.timers.advance(29 * SEC);
    expect(await fetch(t, 'w2')).toEqual([]);
    await t.restart();
    expect(t.host.timers.nextDueAt()).toBe(T0 + 30 * SEC);
    await t.host.timers.advance(SEC);
    expect((await t.state(pi.instanceId)).jobs[job.key].state).toBe('activatable');
    const [again] = await fetch(t, 'w2');
    expect(again).toMatchObject({ key: job.key, retries: 2, errorMessage: 'gateway down' });
  });

  it('given a failure without a backoff, then the job is fetchable again at once; one without retries named uses one', async () => {
    const t = await given();
    await t.host.startInstance('payment', { variables: { amount: 5 } });
    const [job] = await fetch(t);
    await t.host.jobs.fail(job.key, 'w1', { errorMessage: 'try again' });
    const [again] = await fetch(t, 'w2');
    expect(again).toMatchObject({ key: job.key, retries: 2, worker: 'w2' });
  });

  it('given a job whose retries run out, then an incident opens and nobody can fetch it; resolving it with new retries makes it fetchable and the instance finishes', async () => {
    const t = await given();
    const pi = await t.host.startInstance('payment', { variables: { amount: 5 } });
    const [job] = await fetch(t);
    let s = await t.host.jobs.fail(job.key, 'w1', { retries: 0, errorMessage: 'card service gone' });
    const [incident] = Object.values(s.incidents);
    expect(incident).toMatchObject({ type: 'jobNoRetries', elementId: 'charge', jobKey: job.key });
    expect(incident.message).toContain('card service gone');
    expect(s.jobs[job.key].state).toBe('failed');
    expect(await fetch(t, 'w2')).toEqual([]);
    expect(await t.host.jobs.fail(job.key, 'w1', { retries: 3 }).catch((e: { reason: string }) => e.reason)).toBe('lockLost');

    await t.restart();
    s = await t.host.resolveIncident(pi.instanceId, incident.id, 2);
    expect(s.incidents).toEqual({});
    const [again] = await fetch(t, 'w2');
    expect(again).toMatchObject({ key: job.key, retries: 2, state: 'activated' });
    expect((await t.host.jobs.complete(again.key, 'w2', { receipt: 'r' })).status).toBe('completed');
  });

  it('given a worker that throws a BPMN error, then the error boundary takes it with the variables; an error no one catches is an incident', async () => {
    const t = await given();
    const caught = await t.host.startInstance('payment', { variables: { amount: 5 } });
    const [job] = await fetch(t);
    let s = await t.host.jobs.throwError(job.key, 'w1', 'CARD_DECLINED', { message: 'limit reached', variables: { reason: 'limit' } });
    expect(s.status).toBe('completed');
    expect(s.path).toEqual(['start', 'onDeclined', 'declinedEnd']);
    expect(s.variables.reason).toBe('limit');
    expect((await t.host.history(caught.instanceId)).find((e) => e.type === 'errorThrown')).toMatchObject({ errorCode: 'CARD_DECLINED', caughtBy: 'onDeclined' });

    const uncaught = await t.host.startInstance('payment', { variables: { amount: 6 } });
    const [other] = await fetch(t);
    s = await t.host.jobs.throwError(other.key, 'w1', 'FRAUD');
    expect(s.instanceId).toBe(uncaught.instanceId);
    expect(Object.values(s.incidents)).toEqual([expect.objectContaining({ type: 'unhandledError', elementId: 'charge', jobKey: other.key })]);
    expect(await fetch(t, 'w2')).toEqual([]);
  });
});
