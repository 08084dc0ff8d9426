import { describe, expect, it } from 'vitest';
import { fixture } from '../../engine/test-support/harness';
import { MAX_VARIABLE_DEPTH } from '../limits';
import { MessageTestHost } from '../test-support/message-host';
import { HostError } from '../transaction';

const SEC = 1000;
const given = () => MessageTestHost.create([fixture(import.meta.url, 'jobs.bpmn')]);
const work = { topic: 'work', lockDurationMs: 60 * SEC, maxJobs: 10 };

function nested(depth: number): Record<string, unknown> {
  let v: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

describe('job executor: priorities, suspension and input limits', () => {
  it('given jobs of one type with priorities from a FEEL header, an attribute and none, when fetched, then the highest come first and, among equals, the oldest', async () => {
    const t = await given();
    const ids: Record<string, string> = {};
    for (const [name, urgency] of [['low', 1], ['highOld', 5], ['highNew', 5]] as const) {
      ids[name] = (await t.host.startInstance('urgent', { variables: { urgency } })).instanceId;
      t.clock.set(t.clock.now() + SEC);
    }
    ids.routine = (await t.host.startInstance('routine')).instanceId;
    const order = (await t.host.jobs.fetchAndLock({ ...work, workerId: 'w1', maxJobs: 3 })).map((j) => [j.processInstanceId, j.priority]);
    expect(order).toEqual([[ids.routine, 7], [ids.highOld, 5], [ids.highNew, 5]]);
    const [rest] = await t.host.jobs.fetchAndLock({ ...work, workerId: 'w1' });
    expect([rest.processInstanceId, rest.priority]).toEqual([ids.low, 1]);
    // The routine process's second task has no priority: 0.
    const [routineJob] = order;
    const job = (await t.state(routineJob[0] as string)).jobs;
    const s = await t.host.jobs.complete(Object.keys(job)[0], 'w1');
    expect(Object.values(s.jobs)).toEqual([expect.objectContaining({ elementId: 'r_plain', priority: 0 })]);
  });

  it('given a priority that is not a whole number, then the task gets an incident naming it', async () => {
    const t = await given();
    const s = await t.host.startInstance('urgent', { variables: { urgency: 'high' } });
    expect(Object.values(s.incidents)).toEqual([expect.objectContaining({ elementId: 'u_work', message: expect.stringContaining('priority of u_work evaluated to "high"') })]);
    expect(await t.host.jobs.fetchAndLock({ ...work, workerId: 'w1' })).toEqual([]);
  });

  it('given a literal priority that is not a whole number, then the deployment is refused naming the element', async () => {
    const t = await given();
    await expect(t.host.deploy(fixture(import.meta.url, 'bad-priority.bpmn'))).rejects.toThrow(/bad\/work: job priority "high" is not a whole number/);
  });

  it('given a suspended instance, then its jobs are not handed out until it resumes', async () => {
    const t = await given();
    const pi = await t.host.startInstance('urgent', { variables: { urgency: 1 } });
    await t.host.suspend(pi.instanceId);
    expect(await t.host.jobs.fetchAndLock({ ...work, workerId: 'w1' })).toEqual([]);
    await t.host.resume(pi.instanceId);
    expect((await t.host.jobs.fetchAndLock({ ...work, workerId: 'w1' })).map((j) => j.processInstanceId)).toEqual([pi.instanceId]);
  });

  it('given worker variables past the limits, then complete and throwError are refused naming them, and nothing is written', async () => {
    const t = await given();
    await t.host.startInstance('payment', { variables: { amount: 5 } });
    const [job] = await t.host.jobs.fetchAndLock({ topic: 'charge', workerId: 'w1', lockDurationMs: 60 * SEC });
    const commits = t.store.commits;
    const deep = { receipt: nested(MAX_VARIABLE_DEPTH + 1) };
    await expect(t.host.jobs.complete(job.key, 'w1', deep)).rejects.toThrow(new RegExp(`variables of completing job ${job.key} are nested deeper than ${MAX_VARIABLE_DEPTH}`));
    await expect(t.host.jobs.complete(job.key, 'w1', { n: Number.NaN })).rejects.toThrow(/n is NaN/);
    await expect(t.host.jobs.throwError(job.key, 'w1', 'CARD_DECLINED', { variables: [] as never })).rejects.toThrow(/must be a JSON object, not an array/);
    expect(t.store.commits).toBe(commits);
    expect((await t.host.jobs.complete(job.key, 'w1', { receipt: 'ok' })).status).toBe('completed');
  });

  it('given bad requests, then each is refused with an invalid HostError naming the field', async () => {
    const t = await given();
    const bad: Array<[Promise<unknown>, RegExp]> = [
      [t.host.jobs.fetchAndLock({ topic: '', workerId: 'w', lockDurationMs: 1 }), /topic of fetchAndLock must be a non-empty string/],
      [t.host.jobs.fetchAndLock({ topic: 't', workerId: 'w', lockDurationMs: 0 }), /lockDurationMs of fetchAndLock must be whole milliseconds/],
      [t.host.jobs.fetchAndLock({ topic: 't', workerId: 'w', lockDurationMs: 1, maxJobs: 0 }), /maxJobs of fetchAndLock must be a whole number from 1 to 1000/],
      [t.host.jobs.fetchAndLock({ topic: 't', workerId: 'w', lockDurationMs: 1, fetchVariables: 'a' as never }), /fetchVariables of fetchAndLock must be a list/],
      [t.host.jobs.fail('j', 'w', { retries: -1 }), /retries of fail must be a whole number >= 0/],
      [t.host.jobs.fail('j', 'w', { retryBackoffMs: 1.5 }), /retryBackoffMs of fail must be whole milliseconds/],
      [t.host.jobs.extendLock('j', 'w', Number.POSITIVE_INFINITY), /lockDurationMs of extendLock/],
      [t.host.jobs.throwError('j', 'w', ''), /error code of throwError must be a non-empty string/],
    ];
    for (const [call, message] of bad) {
      const error = await call.then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(HostError);
      expect((error as HostError).reason).toBe('invalid');
      expect((error as Error).message).toMatch(message);
    }
    await expect(t.host.jobs.complete('nope', 'w')).rejects.toThrow(/no open job nope/);
  });

  it('given a very long error message, then the failure is kept with the message cut and marked', async () => {
    const t = await given();
    await t.host.startInstance('payment', { variables: { amount: 5 } });
    const [job] = await t.host.jobs.fetchAndLock({ topic: 'charge', workerId: 'w1', lockDurationMs: 60 * SEC });
    const s = await t.host.jobs.fail(job.key, 'w1', { errorMessage: 'x'.repeat(20_000) });
    expect(s.jobs[job.key].errorMessage).toMatch(/^x{10000}\.\.\. \(cut at 10000 of 20000 characters\)$/);
  });
});
