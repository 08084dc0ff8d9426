import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Deployments, type InstanceState } from '../engine';
import { compileXml, testContext } from '../engine/test-support/harness';
import { replayInstance } from '../replay/rewind';
import { CountingIds, ManualClock } from './clocks';
import { EngineHost } from './engine-host';
import { FeelExpressions } from './feel-expressions';
import { MemoryStore } from './memory-store';

// A fork across call activities (docs/replay.md "Fork", ADR 0250): the parent restored from its
// own log, each waiting child from its records before the parent's step in the store-wide order.
const XML = readFileSync(join(import.meta.dirname, 'fork-call.test.bpmn'), 'utf8');
const T0 = Date.UTC(2026, 0, 5, 9);

async function callHost(store = new MemoryStore()) {
  const clock = new ManualClock(T0);
  const host = await EngineHost.create({ store, clock, expressions: new FeelExpressions(), ids: new CountingIds() });
  if ((await store.listDeployments()).length === 0) await host.deploy(XML, 'fork-call.bpmn');
  return { host, clock, store };
}

const deployments = new Deployments();
const compiled = compileXml(XML, deployments);

/** Each instance's command log replays to its stored history exactly. */
async function expectExactReplay(host: EngineHost, ids: string[]): Promise<void> {
  await compiled;
  for (const id of ids) {
    const state = (await host.getInstance(id)) as InstanceState;
    const process = deployments.get(state.processId, state.processVersion);
    if (!process) throw new Error(`${state.processId} is not compiled`);
    const replayed = replayInstance(process, JSON.parse(JSON.stringify(await host.commandLog(id))), testContext());
    expect(replayed.history, `replay of ${id}`).toEqual(await host.history(id));
  }
}

const lastSeq = async (host: EngineHost, id: string) => (await host.history(id)).at(-1)?.seq as number;
const childOf = (state: InstanceState | undefined) => Object.values(state?.elements ?? {}).filter((e) => e.childInstanceId).map((e) => e.childInstanceId as string);
const openTasks = async (host: EngineHost, id: string) => (await host.listUserTasks({ instanceId: id })).map((t) => t.elementId);

describe('fork across a call activity', () => {
  it('given a parent whose call activity waits for a child at a user task, when forked there with amount 900, then the fork tree runs on: the forked child\'s tasks complete the forked parent, which takes the other branch; the source tree is unchanged', async () => {
    const { host } = await callHost();
    const parent = await host.startInstance('order', { variables: { amount: 100 } });
    const [child] = childOf(parent);
    expect(await openTasks(host, child)).toEqual(['Check']);
    const before = { parent: await host.history(parent.instanceId), child: await host.history(child) };

    const fork = await host.fork(parent.instanceId, { atSeq: await lastSeq(host, parent.instanceId), variables: { amount: 900 } });
    const [forkChild] = childOf(fork);
    expect(forkChild).toBe(`${fork.instanceId}-call-1`);
    const forkedChild = await host.getInstance(forkChild);
    expect(forkedChild?.parent?.instanceId).toBe(fork.instanceId);
    expect(await openTasks(host, forkChild)).toEqual(['Check']);
    expect((await host.history(forkChild)).find((e) => e.type === 'instanceForked')).toMatchObject({ fromInstanceId: child });
    expect((await host.history(fork.instanceId)).find((e) => e.type === 'instanceForked')).toMatchObject({ fromInstanceId: parent.instanceId });

    await host.completeUserTask({ instanceId: forkChild, elementId: 'Check' });
    await host.completeUserTask({ instanceId: forkChild, elementId: 'Approve' });
    expect((await host.getInstance(forkChild))?.status).toBe('completed');
    await host.completeUserTask({ instanceId: fork.instanceId, elementId: 'Notes' });
    const done = await host.getInstance(fork.instanceId);
    expect(done?.status).toBe('completed');
    expect(done?.path).toContain('Big');

    expect(await host.history(parent.instanceId)).toEqual(before.parent);
    expect(await host.history(child)).toEqual(before.child);
    expect((await host.getInstance(parent.instanceId))?.status).toBe('active');
    expect(await openTasks(host, child)).toEqual(['Check']);
    await expectExactReplay(host, [fork.instanceId, forkChild, parent.instanceId, child]);
  });

  it('given parent and child steps in the same millisecond in either order, when the parent is forked at its step, then the child is restored exactly as it was then: after its own earlier step, before its later one', async () => {
    for (const childFirst of [true, false]) {
      const { host, store } = await callHost();
      const parent = await host.startInstance('order', { variables: { amount: 100 } });
      const [child] = childOf(parent);
      if (childFirst) await host.completeUserTask({ instanceId: child, elementId: 'Check' });
      await host.completeUserTask({ instanceId: parent.instanceId, elementId: 'Notes' });
      const atNotes = await lastSeq(host, parent.instanceId);
      if (!childFirst) await host.completeUserTask({ instanceId: child, elementId: 'Check' });
      // One millisecond for everything: time cannot order these logs, the store's order does.
      const times = new Set([...await store.loadCommands(parent.instanceId), ...await store.loadCommands(child)].map((r) => r.time));
      expect(times).toEqual(new Set([T0]));

      const fork = await host.fork(parent.instanceId, { atSeq: atNotes });
      const [forkChild] = childOf(fork);
      expect(await openTasks(host, forkChild), `child first: ${childFirst}`).toEqual([childFirst ? 'Approve' : 'Check']);
      if (!childFirst) await host.completeUserTask({ instanceId: forkChild, elementId: 'Check' });
      await host.completeUserTask({ instanceId: forkChild, elementId: 'Approve' });
      expect((await host.getInstance(fork.instanceId))?.path).toContain('Small');
      await expectExactReplay(host, [fork.instanceId, forkChild]);
    }
  });

  it('given a fork tree whose child had a step before the parent\'s in the same millisecond, when the fork is forked again at that parent event, then its child is restored exactly too (the fork tree was committed in its sources\' order)', async () => {
    const { host } = await callHost();
    const parent = await host.startInstance('order', { variables: { amount: 100 } });
    const [child] = childOf(parent);
    await host.completeUserTask({ instanceId: child, elementId: 'Check' });
    await host.completeUserTask({ instanceId: parent.instanceId, elementId: 'Notes' });
    const atNotes = await lastSeq(host, parent.instanceId);
    const first = await host.fork(parent.instanceId, { atSeq: atNotes });
    const [firstChild] = childOf(first);
    // The fork's history up to its marker is the source's: event atNotes is its Notes completion too.
    const second = await host.fork(first.instanceId, { atSeq: atNotes, variables: { amount: 900 } });
    const [secondChild] = childOf(second);
    expect(await openTasks(host, secondChild)).toEqual(['Approve']);
    expect((await host.history(secondChild)).filter((e) => e.type === 'instanceForked').at(-1)).toMatchObject({ fromInstanceId: firstChild });
    await host.completeUserTask({ instanceId: secondChild, elementId: 'Approve' });
    expect((await host.getInstance(second.instanceId))?.path).toContain('Big');
    await expectExactReplay(host, [first.instanceId, firstChild, second.instanceId, secondChild]);
  });

  it('given a multi-instance call activity with one of three children done, when forked at that event, then the two waiting children are forked and completing them completes the forked parent', async () => {
    const { host } = await callHost();
    const parent = await host.startInstance('batch', { variables: { items: [1, 2, 3] } });
    const children = childOf(parent);
    expect(children).toHaveLength(3);
    await host.completeUserTask({ instanceId: children[1], elementId: 'Pick' });
    const fork = await host.fork(parent.instanceId, { atSeq: await lastSeq(host, parent.instanceId) });
    const forked = childOf(fork);
    expect(forked.sort()).toEqual([children[0], children[2]].map((c) => fork.instanceId + c.slice(parent.instanceId.length)).sort());
    for (const c of forked) expect(await openTasks(host, c)).toEqual(['Pick']);
    for (const c of forked) await host.completeUserTask({ instanceId: c, elementId: 'Pick' });
    expect((await host.getInstance(fork.instanceId))?.status).toBe('completed');
    expect((await host.getInstance(parent.instanceId))?.status).toBe('active');
    await expectExactReplay(host, [fork.instanceId, ...forked]);
  });

  it('given a call two levels deep, when the outer instance is forked, then the middle and inner children are forked with it, linked to the fork tree, and the inner task completes them all', async () => {
    const { host } = await callHost();
    const outer = await host.startInstance('outer', { variables: { amount: 1 } });
    const [middle] = childOf(outer);
    const [inner] = childOf(await host.getInstance(middle));
    await host.completeUserTask({ instanceId: inner, elementId: 'Check' });
    const fork = await host.fork(outer.instanceId, { atSeq: await lastSeq(host, outer.instanceId) });
    const [forkMiddle] = childOf(fork);
    const [forkInner] = childOf(await host.getInstance(forkMiddle));
    expect(forkInner).toBe(`${fork.instanceId}${inner.slice(outer.instanceId.length)}`);
    expect((await host.getInstance(forkInner))?.parent?.instanceId).toBe(forkMiddle);
    expect((await host.getInstance(forkInner))?.callDepth).toBe(2);
    // Forked at the outer start: the inner child as that operation left it, before its Check.
    expect(await openTasks(host, forkInner)).toEqual(['Check']);
    await host.completeUserTask({ instanceId: forkInner, elementId: 'Check' });
    await host.completeUserTask({ instanceId: forkInner, elementId: 'Approve' });
    expect((await host.getInstance(fork.instanceId))?.status).toBe('completed');
    await expectExactReplay(host, [fork.instanceId, forkMiddle, forkInner]);
  });

  it('given a middle instance of a call chain, when it is forked, then the fork runs on its own (no parent, depth 0) with its waiting child forked under it at depth 1; the outer instance is not touched', async () => {
    const { host } = await callHost();
    const outer = await host.startInstance('outer', { variables: { amount: 1 } });
    const [middle] = childOf(outer);
    const outerHistory = await host.history(outer.instanceId);
    const fork = await host.fork(middle, { atSeq: await lastSeq(host, middle) });
    expect(fork.parent).toBeNull();
    expect(fork.callDepth).toBe(0);
    const [forkInner] = childOf(fork);
    expect((await host.getInstance(forkInner))?.parent?.instanceId).toBe(fork.instanceId);
    expect((await host.getInstance(forkInner))?.callDepth).toBe(1);
    await host.completeUserTask({ instanceId: forkInner, elementId: 'Check' });
    await host.completeUserTask({ instanceId: forkInner, elementId: 'Approve' });
    expect((await host.getInstance(fork.instanceId))?.status).toBe('completed');
    expect(await host.history(outer.instanceId)).toEqual(outerHistory);
    expect((await host.getInstance(outer.instanceId))?.status).toBe('active');
    await expectExactReplay(host, [fork.instanceId, forkInner]);
  });

  it('given a child that ended in the operation that started it, when the parent is forked at the step that entered the call activity, then it is refused naming the child, and nothing is written', async () => {
    const { host, store } = await callHost();
    const parent = await host.startInstance('quick');
    expect(parent.status).toBe('completed');
    const entered = (await host.history(parent.instanceId)).find((e) => e.type === 'elementEntered' && e.elementId === 'CallInstant') as { seq: number };
    const before = (await store.listInstances()).length;
    await expect(host.fork(parent.instanceId, { atSeq: entered.seq })).rejects.toThrow(
      `instance ${parent.instanceId} cannot be forked at event ${entered.seq}: child instance ${parent.instanceId}-call-1 of call activity CallInstant of instance ${parent.instanceId} was already completed at that moment`,
    );
    expect((await store.listInstances()).length).toBe(before);
  });

  it('given logs written before stores kept an order, when the parent is forked while its child waits, then it is refused with the reason, and the child\'s start shares the parent\'s time', async () => {
    const { host, store } = await callHost();
    const parent = await host.startInstance('order', { variables: { amount: 100 } });
    const [child] = childOf(parent);
    const snapshot = JSON.parse(JSON.stringify(store.snapshot()));
    for (const c of snapshot.commands) delete c.order;
    const old = await callHost(await MemoryStore.fromSnapshot(snapshot));
    const at = await lastSeq(old.host, parent.instanceId);
    await expect(old.host.fork(parent.instanceId, { atSeq: at })).rejects.toThrow(
      `instance ${parent.instanceId} cannot be forked at event ${at}: call activity CallReview waits for its child instance ${child} there. A fork would need the child as it was at that moment, `
      + 'and the two command logs have no common order',
    );
    const [parentStart] = await old.store.loadCommands(parent.instanceId);
    const [childStart] = await old.store.loadCommands(child);
    expect(childStart.time).toBe(parentStart.time);
    expect((await old.store.listInstances()).length).toBe(2);
  });
});
