import { describe, expect, it } from 'vitest';
import { Deployments } from '../engine';
import { replayInstance } from '../replay/rewind';
import { compileXml, testContext } from '../engine/test-support/harness';
import { APPROVAL, runApproval } from '../replay/test-support/approval-run';

describe('rewind and fork', () => {
  it('given an instance that took the small branch, when forked after its user task with amount 900, then the fork restores that moment and takes the other branch', async () => {
    const { host, clock, instanceId, history } = await runApproval(100);
    expect((await host.getInstance(instanceId))?.path).toContain('AutoApprove');
    const timerCreated = history.find((e) => e.type === 'timerCreated');
    expect(timerCreated).toBeDefined();
    clock.advance(3_600_000);
    const fork = await host.fork(instanceId, { atSeq: (timerCreated as { seq: number }).seq, variables: { amount: 900 } });
    expect(fork.instanceId).not.toBe(instanceId);
    // Restored exactly: the user task done, waiting at the timer, the note it was completed with kept.
    expect(fork.variables).toEqual({ amount: 900, note: 'checked' });
    expect(Object.values(fork.timers).map((t) => t.elementId)).toEqual(['Wait']);
    // The timer was due long ago: the scheduler fires it at once.
    await host.timers.advance(0);
    const done = await host.getInstance(fork.instanceId);
    expect(done?.status).toBe('completed');
    expect(done?.path).toContain('Review');
    expect(done?.path).not.toContain('AutoApprove');
    const forkHistory = await host.history(fork.instanceId);
    const marker = forkHistory.find((e) => e.type === 'instanceForked');
    expect(marker).toMatchObject({ fromInstanceId: instanceId, atSeq: timerCreated?.seq, time: clock.now() });
    // Everything before the marker is the source's history up to that step, under the fork's id (keys included).
    const before = forkHistory.slice(0, forkHistory.indexOf(marker as never));
    expect(before.length).toBe(timerCreated?.seq);
    expect(JSON.parse(JSON.stringify(before).replaceAll(fork.instanceId, instanceId))).toEqual(history.slice(0, before.length));
  });

  it('given a fork, when its own command log is replayed, then it gives its stored history exactly, marker included', async () => {
    const { host, instanceId, history } = await runApproval(100);
    const at = history.find((e) => e.type === 'taskCompleted') as { seq: number };
    const fork = await host.fork(instanceId, { atSeq: at.seq, variables: { amount: 700 } });
    await host.timers.advance(0);
    const deployments = new Deployments();
    await compileXml(APPROVAL, deployments);
    const process = deployments.get('approval', 1);
    if (!process) throw new Error('approval is not compiled');
    const replayed = replayInstance(process, JSON.parse(JSON.stringify(await host.commandLog(fork.instanceId))), testContext());
    expect(replayed.history).toEqual(await host.history(fork.instanceId));
    expect(replayed.state.path).toContain('Review');
  });

  it('given an event the instance does not have, or its end, when forked, then it is refused naming why, and nothing is written', async () => {
    const { host, store, instanceId, history } = await runApproval(100);
    const before = (await store.listInstances()).length;
    await expect(host.fork(instanceId, { atSeq: 999 })).rejects.toThrow(`instance ${instanceId} has no history event 999 (it has ${history.length})`);
    await expect(host.fork(instanceId, { atSeq: history[history.length - 1].seq })).rejects.toThrow(/cannot be forked at event \d+: the instance is completed at that event/);
    await expect(host.fork('nope', { atSeq: 1 })).rejects.toThrow('no process instance nope');
    expect((await store.listInstances()).length).toBe(before);
  });
});
