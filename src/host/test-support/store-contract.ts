import { describe, expect, it } from 'vitest';
import type { CommandRecord, HistoryEvent, InstanceState, Job, Subscription, UserTask } from '../../engine';
import type { BufferedMessage, DeploymentRecord, StartTimerRecord, Store } from '../store';
import { StoreConflictError } from '../store-errors';
import { concurrentOperationsContract } from './concurrent-contract';

/**
 * The behaviour every {@link Store} must have, as a Vitest suite: run it against an
 * implementation to prove it can back an EngineHost (MemoryStore runs it; the Dexie adapter in
 * src/store should too, over fake-indexeddb).
 *
 * @example
 * // src/store/dexie-store.test.ts
 * import 'fake-indexeddb/auto';
 * import { storeContract } from '../host/test-support/store-contract';
 * storeContract('DexieStore', async () => new DexieStore(await openTestDb()));
 */
export function storeContract(name: string, makeStore: () => Promise<Store> | Store): void {
  describe(`${name} (Store contract)`, () => {
    it('given a committed instance, then it loads back equal (as JSON), with its history in order', async () => {
      const store = await makeStore();
      const state = instance('i1', { jobs: ['j1'], tasks: ['t1'] });
      await store.commit({ instances: [state], history: [event('i1', 1), event('i1', 2)] });
      expect(JSON.parse(JSON.stringify(await store.loadInstance('i1')))).toEqual(JSON.parse(JSON.stringify(state)));
      expect((await store.loadHistory('i1')).map((e) => e.seq)).toEqual([1, 2]);
      expect((await store.loadHistory('i1', 1)).map((e) => e.seq)).toEqual([2]);
      expect(await store.loadInstance('nope')).toBeUndefined();
    });

    it('given an instance re-committed without a job, then the job no longer finds it; new jobs and tasks do', async () => {
      const store = await makeStore();
      await store.commit({ instances: [instance('i1', { jobs: ['j1'], tasks: ['t1'] })], history: [event('i1', 1)] });
      expect(await store.findInstanceByJob('j1')).toBe('i1');
      expect(await store.findInstanceByTask('t1')).toBe('i1');
      await store.commit({ instances: [instance('i1', { jobs: ['j2'] })], history: [event('i1', 2)] });
      expect(await store.findInstanceByJob('j1')).toBeUndefined();
      expect(await store.findInstanceByTask('t1')).toBeUndefined();
      expect(await store.findInstanceByJob('j2')).toBe('i1');
    });

    it('given several instances in one commit, then all are written; queries filter by process, status and incidents', async () => {
      const store = await makeStore();
      const done = { ...instance('i2'), status: 'completed' as const, processId: 'other' };
      const broken = instance('i3', { incident: true });
      await store.commit({ instances: [instance('i1'), done, broken], history: [event('i1', 1), event('i2', 1), event('i3', 1)] });
      const ids = async (q?: Parameters<Store['listInstances']>[0]) => (await store.listInstances(q)).map((s) => s.instanceId).sort();
      expect(await ids()).toEqual(['i1', 'i2', 'i3']);
      expect(await ids({ processId: 'other' })).toEqual(['i2']);
      expect(await ids({ status: 'active' })).toEqual(['i1', 'i3']);
      expect(await ids({ withIncidents: true })).toEqual(['i3']);
    });

    it('given a commit that cannot apply, then nothing of it is visible', async () => {
      const store = await makeStore();
      await store.commit({ instances: [instance('i1')], history: [event('i1', 1)] });
      await expect(store.commit({ instances: [instance('i2')], history: [event('ghost', 1)] })).rejects.toThrow();
      expect(await store.loadInstance('i2')).toBeUndefined();
      expect(await store.loadHistory('i1')).toHaveLength(1);
    });

    it('given deployments, then they list back in deployment order', async () => {
      const store = await makeStore();
      const d = (id: string, at: number): DeploymentRecord => ({ id, kind: 'bpmn', name: `${id}.bpmn`, xml: '<x/>', deployedAt: at, versions: { p: at } });
      await store.saveDeployment(d('d1', 1));
      await store.saveDeployment({ ...d('d2', 2), bundle: 'b1' });
      expect((await store.listDeployments()).map((x) => x.id)).toEqual(['d1', 'd2']);
      // The bundle of BPMN and DMN deployed together survives (bindingType="deployment").
      expect((await store.listDeployments()).map((x) => x.bundle)).toEqual([undefined, 'b1']);
    });

    it('given open subscriptions, then they are found by kind, name and correlation key, oldest first, and leave with their instance', async () => {
      const store = await makeStore();
      const keys = (subs: Array<{ key: string }>) => subs.map((x) => x.key);
      await store.commit({ instances: [instance('i1', { subscriptions: [sub('i1', 's1', 'message', 'paid', 'k1'), sub('i1', 's2', 'signal', 'alarm')] })], history: [] });
      await store.commit({ instances: [instance('i2', { subscriptions: [sub('i2', 's3', 'message', 'paid', 'k1'), sub('i2', 's4', 'message', 'paid', 'k2')] })], history: [] });
      expect(keys(await store.findSubscriptions('message', 'paid', 'k1'))).toEqual(['s1', 's3']);
      expect(await store.findSubscriptions('message', 'paid', 'k1')).toContainEqual(expect.objectContaining({ key: 's3', processId: 'p', processInstanceId: 'i2', elementId: 'E' }));
      expect(keys(await store.findSubscriptions('message', 'paid', 'nope'))).toEqual([]);
      expect(keys(await store.findSubscriptions('signal', 'alarm'))).toEqual(['s2']);
      // i1 is re-committed with one subscription more: the old one keeps its place.
      await store.commit({ instances: [instance('i1', { subscriptions: [sub('i1', 's1', 'message', 'paid', 'k1'), sub('i1', 's5', 'message', 'paid', 'k1')] })], history: [] });
      expect(keys(await store.findSubscriptions('message', 'paid', 'k1'))).toEqual(['s1', 's3', 's5']);
      expect(keys(await store.findSubscriptions('signal', 'alarm'))).toEqual([]);
      await store.commit({ instances: [{ ...instance('i2', { subscriptions: [sub('i2', 's3', 'message', 'paid', 'k1')] }), status: 'completed' }], history: [] });
      expect(keys(await store.findSubscriptions('message', 'paid', 'k1'))).toEqual(['s1', 's5']);
      expect(keys(await store.findSubscriptions('message', 'paid', 'k2'))).toEqual([]);
    });

    it('given buffered messages, then they list per name and key in publication order, change in place and leave when removed', async () => {
      const store = await makeStore();
      await store.commit({ instances: [], history: [], messages: [message('m1', 'k'), message('m2', 'other'), message('m3', 'k')] });
      expect((await store.findBufferedMessages('paid', 'k')).map((m) => m.key)).toEqual(['m1', 'm3']);
      await store.commit({ instances: [], history: [], messages: [{ ...message('m1', 'k'), correlatedTo: ['p'] }] });
      expect((await store.findBufferedMessages('paid', 'k')).map((m) => [m.key, m.correlatedTo])).toEqual([['m1', ['p']], ['m3', []]]);
      expect(await store.loadBufferedMessage('m2')).toEqual(message('m2', 'other'));
      await store.commit({ instances: [], history: [], removeMessages: ['m1', 'm2'] });
      expect((await store.listBufferedMessages()).map((m) => m.key)).toEqual(['m3']);
      expect(await store.loadBufferedMessage('m1')).toBeUndefined();
      expect(await store.findBufferedMessages('paid', 'other')).toEqual([]);
    });

    it('given open jobs, then the available ones of a type are found highest priority first, then oldest, limited, and leave with their instance', async () => {
      const store = await makeStore();
      const keys = async (type: string, now: number, limit = 10) => (await store.findAvailableJobs(type, now, limit)).map((j) => j.key);
      const withJobs = (id: string, jobs: Job[], extra: Partial<InstanceState> = {}): InstanceState => ({ ...instance(id), jobs: Object.fromEntries(jobs.map((j) => [j.key, j])), ...extra });
      await store.commit({
        instances: [
          withJobs('i1', [job('i1', 'old', { createdAt: 1 }), job('i1', 'urgent', { createdAt: 5, priority: 9 }), job('i1', 'other', { type: 'x' })]),
          withJobs('i2', [
            job('i2', 'new', { createdAt: 3 }),
            job('i2', 'locked', { state: 'activated', worker: 'w', lockExpiresAt: 100, createdAt: 4 }),
            job('i2', 'backoff', { state: 'backoff', retryAt: 50, priority: 1 }),
            job('i2', 'failed', { state: 'failed', retries: 0 }),
          ]),
          withJobs('i3', [job('i3', 'asleep')], { suspended: true }),
        ],
        history: [],
      });
      expect(await keys('t', 10)).toEqual(['urgent', 'old', 'new']);
      expect(await keys('t', 10, 2)).toEqual(['urgent', 'old']);
      // A retry backoff and a lock that have ended make their jobs available; a failed job never is.
      expect(await keys('t', 100)).toEqual(['urgent', 'backoff', 'old', 'new', 'locked']);
      expect(await keys('x', 0)).toEqual(['other']);
      expect(await keys('none', 0)).toEqual([]);
      expect((await store.findAvailableJobs('t', 10, 1))[0]).toMatchObject({ key: 'urgent', processInstanceId: 'i1', priority: 9 });
      // Re-committed without a job, ended, resumed: the index follows the states.
      await store.commit({ instances: [withJobs('i1', [job('i1', 'old', { createdAt: 1 })]), { ...withJobs('i2', []), status: 'completed' }, withJobs('i3', [job('i3', 'asleep')])], history: [] });
      expect(await keys('t', 100)).toEqual(['asleep', 'old']);
    });

    it('given message start locks, then they are found by process and key and by instance; a second holder is refused and the commit leaves no trace', async () => {
      const store = await makeStore();
      await store.commit({ instances: [instance('i1')], history: [], messageStartLocks: [{ processId: 'p', correlationKey: 'k', instanceId: 'i1' }] });
      expect(await store.findMessageStartLock('p', 'k')).toEqual({ processId: 'p', correlationKey: 'k', instanceId: 'i1' });
      expect((await store.findMessageStartLockOf('i1'))?.correlationKey).toBe('k');
      await expect(store.commit({ instances: [instance('i2')], history: [], messages: [message('m1', 'k')], messageStartLocks: [{ processId: 'p', correlationKey: 'k', instanceId: 'i2' }] })).rejects.toThrow(/held by instance i1/);
      expect(await store.loadInstance('i2')).toBeUndefined();
      expect(await store.listBufferedMessages()).toEqual([]);
      // Releasing the old holder and locking for the next in one commit hands the key over.
      await store.commit({ instances: [instance('i2')], history: [], releaseMessageStartLocks: ['i1'], messageStartLocks: [{ processId: 'p', correlationKey: 'k', instanceId: 'i2' }] });
      expect((await store.findMessageStartLock('p', 'k'))?.instanceId).toBe('i2');
      expect(await store.findMessageStartLockOf('i1')).toBeUndefined();
      await store.commit({ instances: [], history: [], releaseMessageStartLocks: ['i2'] });
      expect(await store.findMessageStartLock('p', 'k')).toBeUndefined();
    });

    it('given commands in commits, then the command log of each instance loads back in order', async () => {
      const store = await makeStore();
      await store.commit({ instances: [at(instance('i1'), 1)], history: [event('i1', 1)], commands: [command('i1', 1, 'start')] });
      await store.commit({ instances: [at(instance('i1'), 3)], history: [event('i1', 2)], commands: [command('i1', 2, 'a'), command('i1', 3, 'b')] });
      expect((await store.loadCommands('i1')).map((c) => [c.n, c.command.type])).toEqual([[1, 'start'], [2, 'a'], [3, 'b']]);
      expect(await store.loadCommands('nope')).toEqual([]);
    });

    it('given commands of two instances interleaved in one commit and more in later ones, then every record carries the store-wide order they were committed in', async () => {
      const store = await makeStore();
      // A parent step, its child's start, the parent again: one operation, as the host applies them.
      await store.commit({
        instances: [at(instance('p1'), 2), at(instance('c1'), 1)], history: [event('p1', 1), event('c1', 1)],
        commands: [command('p1', 1, 'start'), command('c1', 1, 'start'), command('p1', 2, 'a')],
      });
      await store.commit({ instances: [at(instance('c1'), 2)], history: [event('c1', 2)], commands: [command('c1', 2, 'b')] });
      await store.commit({ instances: [at(instance('p1'), 3)], history: [event('p1', 2)], commands: [command('p1', 3, 'c')] });
      const log = [...await store.loadCommands('p1'), ...await store.loadCommands('c1')];
      for (const r of log) expect(r.order, `order of ${r.instanceId} ${r.n}`).toEqual(expect.any(Number));
      const inOrder = log.sort((a, b) => (a.order as number) - (b.order as number)).map((r) => `${r.instanceId}:${r.n}`);
      expect(inOrder).toEqual(['p1:1', 'c1:1', 'p1:2', 'c1:2', 'p1:3']);
      expect(new Set(log.map((r) => r.order)).size).toBe(log.length);
    });

    it('given commits of several instances submitted at once (one group transaction where the store has one), then their records are numbered once each, in submission order', async () => {
      const store = await makeStore();
      const ids = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'];
      await Promise.all(ids.map((id) => store.commit({ instances: [at(instance(id), 2)], history: [event(id, 1)], commands: [command(id, 1, 'start'), command(id, 2, 'a')] })));
      const log = (await Promise.all(ids.map((id) => store.loadCommands(id)))).flat();
      expect(new Set(log.map((r) => r.order)).size).toBe(log.length);
      expect(log.sort((a, b) => (a.order as number) - (b.order as number)).map((r) => `${r.instanceId}:${r.n}`)).toEqual(ids.flatMap((id) => [`${id}:1`, `${id}:2`]));
    });

    it('given an instance at revision 2, when a stale writer commits a step based on revision 1, then it gets a conflict error and nothing of its commit is written', async () => {
      const store = await makeStore();
      await store.commit({ instances: [at(instance('i1'), 1)], history: [event('i1', 1)], commands: [command('i1', 1, 'start')] });
      // Writer A and writer B both loaded revision 1; A commits first.
      await store.commit({ instances: [at(instance('i1', { tasks: ['tA'] }), 2)], history: [event('i1', 2)], commands: [command('i1', 2, 'a')] });
      const stale = store.commit({
        instances: [at(instance('i1', { jobs: ['jB'] }), 2), at(instance('i9'), 1)],
        history: [event('i1', 2), event('i9', 1)],
        commands: [command('i1', 2, 'b'), command('i9', 1, 'start')],
        messages: [message('mB', 'k')],
      });
      const error = await stale.then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(StoreConflictError);
      expect(error).toMatchObject({ code: 'conflict', instanceId: 'i1', expectedRevision: 1, actualRevision: 2 });
      expect(await store.findInstanceByTask('tA')).toBe('i1');
      expect(await store.findInstanceByJob('jB')).toBeUndefined();
      expect(await store.loadInstance('i9')).toBeUndefined();
      expect(await store.loadHistory('i9')).toEqual([]);
      expect((await store.loadCommands('i1')).map((c) => c.command.type)).toEqual(['start', 'a']);
      expect(await store.listBufferedMessages()).toEqual([]);
      // A writer that reloads revision 2 goes through.
      await store.commit({ instances: [at(instance('i1'), 3)], history: [event('i1', 3)], commands: [command('i1', 3, 'b')] });
      expect((await store.loadInstance('i1'))?.commands).toBe(3);
    });

    it('given a stored instance, when another start commits the same instance id, then it is a conflict and the stored one stays', async () => {
      const store = await makeStore();
      await store.commit({ instances: [at(instance('i1', { tasks: ['t1'] }), 1)], history: [event('i1', 1)], commands: [command('i1', 1, 'start')] });
      await expect(store.commit({ instances: [at(instance('i1'), 1)], history: [], commands: [command('i1', 1, 'start')] }))
        .rejects.toMatchObject({ code: 'conflict', expectedRevision: 0, actualRevision: 1 });
      expect(await store.findInstanceByTask('t1')).toBe('i1');
    });

    it('given timer start events, then they are put by key, replaced per process and dropped when over', async () => {
      const store = await makeStore();
      const keys = async () => (await store.listStartTimers()).map((t) => `${t.key}@${t.dueAt}`).sort();
      await store.commit({ instances: [], history: [], startTimers: [startTimer('p', 'S1', 10), startTimer('p', 'S2', 20), startTimer('q', 'S', 30)] });
      expect(await keys()).toEqual(['p/S1@10', 'p/S2@20', 'q/S@30']);
      await store.commit({ instances: [], history: [], startTimers: [{ ...startTimer('p', 'S1', 10), dueAt: null }, { ...startTimer('q', 'S', 30), dueAt: 40, fired: 1 }] });
      expect(await keys()).toEqual(['p/S2@20', 'q/S@40']);
      await store.commit({ instances: [], history: [], replaceStartTimersOf: ['p'], startTimers: [startTimer('p', 'S3', 50)] });
      expect(await keys()).toEqual(['p/S3@50', 'q/S@40']);
      expect((await store.listStartTimers()).find((t) => t.key === 'q/S')).toEqual({ ...startTimer('q', 'S', 30), dueAt: 40, fired: 1 });
    });

    concurrentOperationsContract(makeStore);
  });
}

/** An open subscription of `instanceId` for store tests. */
export function sub(instanceId: string, key: string, kind: 'message' | 'signal', name: string, correlationKey: string | null = null): Subscription {
  return { key, kind, name, correlationKey, elementId: 'E', elementInstanceId: null, processInstanceId: instanceId, interrupting: true, createdAt: 0 };
}

/** A buffered message `paid` with `correlationKey` for store tests. */
export function message(key: string, correlationKey: string): BufferedMessage {
  return { key, name: 'paid', correlationKey, messageId: null, variables: { v: 1 }, publishedAt: 0, expiresAt: 1000, correlatedTo: [] };
}

/** An open job of `instanceId` (type `t`, activatable, priority 0) for store tests. */
export function job(instanceId: string, key: string, fields: Partial<Job> = {}): Job {
  return {
    key, type: 't', retries: 1, elementId: 'E', elementInstanceId: 'e', processInstanceId: instanceId, customHeaders: {}, state: 'activatable', errorMessage: null,
    createdAt: 0, worker: null, lockExpiresAt: null, retryAt: null, priority: 0, ...fields,
  };
}

/** A minimal valid instance state for store tests. */
export function instance(id: string, options: { jobs?: string[]; tasks?: string[]; incident?: boolean; subscriptions?: Subscription[] } = {}): InstanceState {
  const task = (taskId: string): UserTask => ({
    id: taskId, elementId: 'U', elementInstanceId: 'u', processInstanceId: id, name: null, assignee: null, candidateUsers: [], candidateGroups: [],
    dueDate: null, followUpDate: null, priority: 50, formKey: null, formId: null, createdAt: 0,
  });
  return {
    schemaVersion: 2, instanceId: id, processId: 'p', processVersion: 1, businessKey: null, status: 'active', suspended: false, parent: null,
    startedAt: 0, endedAt: null, seq: 0, variables: { n: 1 }, elements: {}, elementCounter: 0, liveElements: 0, callDepth: 0, counters: {}, rng: 1, commands: 1, joins: {}, path: [], timers: {},
    subscriptions: Object.fromEntries((options.subscriptions ?? []).map((x) => [x.key, x])),
    jobs: Object.fromEntries((options.jobs ?? []).map((k) => [k, job(id, k)])),
    tasks: Object.fromEntries((options.tasks ?? []).map((t) => [t, task(t)])),
    incidents: options.incident
      ? { inc1: { id: 'inc1', type: 'script', message: 'boom', elementId: 'E', elementInstanceId: 'e', retry: 'activate', jobKey: null, createdAt: 0 } }
      : {},
  };
}

/** `state` at revision `commands` (the number of commands applied to it). */
export function at(state: InstanceState, commands: number): InstanceState {
  return { ...state, commands };
}

/** The command log entry number `n` of `instanceId`. */
export function command(instanceId: string, n: number, type: string): CommandRecord {
  return { instanceId, n, time: n, command: { type } };
}

/** A pending timer start event of `processId` for store tests. */
export function startTimer(processId: string, elementId: string, dueAt: number): StartTimerRecord {
  return { key: `${processId}/${elementId}`, processId, version: 1, elementId, dueAt, fired: 0, schedule: { kind: 'duration', ms: 10 } };
}

/** A history event of `instanceId` with sequence number `seq`. */
export function event(instanceId: string, seq: number): HistoryEvent {
  return { instanceId, seq, time: 0, type: 'instanceCompleted' };
}
