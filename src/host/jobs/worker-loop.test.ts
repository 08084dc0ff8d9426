import { describe, expect, it, vi } from 'vitest';
import { fixture } from '../../engine/test-support/harness';
import { MessageTestHost, T0 } from '../test-support/message-host';
import { WorkerLoop } from './worker-loop';

const SEC = 1000;
const given = () => MessageTestHost.create([fixture(import.meta.url, 'jobs.bpmn')]);

describe('WorkerLoop: a worker loop over host.jobs', () => {
  it('given payments, when the worker polls, then its handler results complete them and a returned bpmnError takes the boundary', async () => {
    const t = await given();
    const ok = await t.host.startInstance('payment', { variables: { amount: 5 } });
    const declined = await t.host.startInstance('payment', { variables: { amount: 5000 } });
    const worker = new WorkerLoop(t.host, {
      topic: 'charge', workerId: 'w1', lockDurationMs: 30 * SEC, fetchVariables: ['amount'],
      handler: (job) => ((job.variables.amount as number) > 1000 ? { bpmnError: 'CARD_DECLINED', variables: { reason: 'limit' } } : { receipt: `r-${job.variables.amount as number}` }),
    });
    expect(await worker.poll()).toBe(2);
    expect((await t.state(ok.instanceId)).variables.receiptId).toBe('r-5');
    const d = await t.state(declined.instanceId);
    expect(d.path).toContain('declinedEnd');
    expect(d.variables.reason).toBe('limit');
    expect(await worker.poll()).toBe(0);
  });

  it('given a handler that throws, then the job fails with a retry used and comes back after the backoff', async () => {
    const t = await given();
    const pi = await t.host.startInstance('payment', { variables: { amount: 5 } });
    let calls = 0;
    const worker = new WorkerLoop(t.host, {
      topic: 'charge', workerId: 'w1', lockDurationMs: 30 * SEC, retryBackoffMs: 10 * SEC,
      handler: () => {
        if (++calls === 1) throw new Error('gateway timeout');
        return { receipt: 'second try' };
      },
    });
    expect(await worker.poll()).toBe(1);
    expect(Object.values((await t.state(pi.instanceId)).jobs)[0]).toMatchObject({ state: 'backoff', retries: 2, errorMessage: 'gateway timeout', retryAt: T0 + 10 * SEC });
    expect(await worker.poll()).toBe(0);
    await t.host.timers.advance(10 * SEC);
    expect(await worker.poll()).toBe(1);
    expect((await t.state(pi.instanceId)).variables.receiptId).toBe('second try');
  });

  it('given a handler slower than its lock, then its late report is dropped with a warning and the job is there for the next worker', async () => {
    const t = await given();
    const pi = await t.host.startInstance('payment', { variables: { amount: 5 } });
    const slow = new WorkerLoop(t.host, {
      topic: 'charge', workerId: 'slow', lockDurationMs: 30 * SEC,
      handler: () => {
        t.clock.set(t.clock.now() + 31 * SEC); // the work outlives the lock
        return { receipt: 'late' };
      },
      logger: { debug: () => {}, warn: (m) => t.warnings.push(m) },
    });
    expect(await slow.poll()).toBe(0);
    expect(t.warnings.join('\n')).toMatch(/job worker slow: job .* moved on before the report: .*the lock of worker slow expired/);
    const quick = new WorkerLoop(t.host, { topic: 'charge', workerId: 'quick', lockDurationMs: 30 * SEC, handler: () => ({ receipt: 'on time' }) });
    expect(await quick.poll()).toBe(1);
    expect((await t.state(pi.instanceId)).variables.receiptId).toBe('on time');
  });

  it('given a started worker on (fake) real timers, then it handles what is there at once and new work at its next poll interval, and nothing after stop', async () => {
    const t = await given();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const first = await t.host.startInstance('payment', { variables: { amount: 1 } });
      const worker = new WorkerLoop(t.host, { topic: 'charge', workerId: 'w1', lockDurationMs: 30 * SEC, handler: (job) => ({ receipt: `r-${job.variables.amount as number}` }) });
      worker.start(1000);
      await vi.advanceTimersByTimeAsync(0);
      expect((await t.state(first.instanceId)).status).toBe('completed');
      const second = await t.host.startInstance('payment', { variables: { amount: 2 } });
      await vi.advanceTimersByTimeAsync(500);
      expect((await t.state(second.instanceId)).status).toBe('active');
      await vi.advanceTimersByTimeAsync(600);
      expect((await t.state(second.instanceId)).status).toBe('completed');
      worker.stop();
      const third = await t.host.startInstance('payment', { variables: { amount: 3 } });
      await vi.advanceTimersByTimeAsync(5000);
      expect((await t.state(third.instanceId)).status).toBe('active');
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('given bad options, then the worker is refused naming them', async () => {
    const t = await given();
    expect(() => new WorkerLoop(t.host, { topic: '', workerId: 'w', lockDurationMs: 1, handler: () => {} })).toThrow(/topic of the job worker/);
    expect(() => new WorkerLoop(t.host, { topic: 't', workerId: 'w', lockDurationMs: -1, handler: () => {} })).toThrow(/lockDurationMs of the job worker/);
    expect(() => new WorkerLoop(t.host, { topic: 't', workerId: 'w', lockDurationMs: 1, handler: undefined as never })).toThrow(/needs a handler function/);
  });
});
