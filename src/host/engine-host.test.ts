import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../engine';
import type { InstanceState } from '../engine';
import { CountingIds, ManualClock } from './clocks';
import { DeployError, EngineHost, type EngineHostOptions } from './engine-host';
import { FeelExpressions } from './feel-expressions';
import { MemoryStore } from './memory-store';
import { createQuickJsScriptRunner, type QuickJsScriptRunner } from './scripts/quickjs-runner';
import { HostError } from './transaction';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const ORDER = fixture('order.bpmn');
const CALL = fixture('call.bpmn');

describe('EngineHost', () => {
  let scripts: QuickJsScriptRunner;
  let store: MemoryStore;
  let host: EngineHost;
  const options = (extra: Partial<EngineHostOptions> = {}): EngineHostOptions => ({
    store, clock: new ManualClock(Date.UTC(2024, 0, 1)), expressions: new FeelExpressions(), ids: new CountingIds(), scripts, ...extra,
  });

  beforeAll(async () => {
    scripts = await createQuickJsScriptRunner();
  });
  afterAll(() => scripts.dispose());
  beforeEach(async () => {
    store = new MemoryStore();
    host = await EngineHost.create(options());
  });

  describe('input limits', () => {
    it('given variables nested 3,000 deep, a non-object, a function or NaN, when passed in, then each is refused naming the call and where, and nothing runs', async () => {
      await host.deploy(ORDER, 'order.bpmn');
      let deep: Record<string, unknown> = {};
      const root = deep;
      for (let i = 0; i < 3000; i++) deep = (deep.a = {}) as Record<string, unknown>;
      await expect(host.startInstance('order', { variables: root })).rejects.toThrow(/the variables of startInstance are nested deeper than 128 levels \(at a\.a\.a/);
      await expect(host.startInstance('order', { variables: [1] as never })).rejects.toThrow(/must be a JSON object, not an array/);
      await expect(host.startInstance('order', { variables: { f: () => 1 } as never })).rejects.toThrow(/f is a function/);
      await expect(host.startInstance('order', { variables: { n: Number.NaN } })).rejects.toThrow(/n is NaN/);
      expect(await store.listInstances()).toEqual([]);
      expect(store.commits).toBe(0);
    });
  });

  describe('deploy', () => {
    it('given a model whose ids repeat, when deployed, then it is refused naming every duplicated id, and nothing is stored', async () => {
      const xml = readFileSync(join(import.meta.dirname, '../engine/model/duplicates.bpmn'), 'utf8');
      const error = await host.deploy(xml, 'dup.bpmn').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeployError);
      expect((error as DeployError).errors.map((e) => e.elementId)).toEqual(['f1', 'work', 'dup']);
      expect((error as Error).message).toContain('the id work is used twice');
      expect(await store.listDeployments()).toEqual([]);
    });

    it('given the same model twice, then each process gets the next version and the deployment is stored', async () => {
      const first = await host.deploy(ORDER, 'order.bpmn');
      const second = await host.deploy(ORDER, 'order.bpmn');
      expect(first.processes).toEqual([{ id: 'order', name: 'Order', version: 1 }]);
      expect(second.processes).toEqual([{ id: 'order', name: 'Order', version: 2 }]);
      expect((await store.listDeployments()).map((d) => [d.name, d.versions])).toEqual([['order.bpmn', { order: 1 }], ['order.bpmn', { order: 2 }]]);
    });

    it('given XML that is not BPMN, then a DeployError says so', async () => {
      await expect(host.deploy('<nope')).rejects.toThrow(DeployError);
      await expect(host.deploy('<nope')).rejects.toThrow(/not a BPMN 2.0 file/);
    });

    it('given a condition that does not parse, then the DeployError names the element', async () => {
      const error = await host.deploy(fixture('bad-condition.bpmn')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeployError);
      expect((error as DeployError).errors[0]).toMatchObject({ processId: 'bad', elementId: 'f2' });
      expect((error as Error).message).toMatch(/bad\/f2: .*does not parse/);
    });
  });

  describe('running the order process', () => {
    beforeEach(async () => {
      await host.deploy(ORDER);
    });

    it('given a high amount, when started, then the script scores it and the instance waits at the approval task, committed once', async () => {
      const pi = await host.startInstance('order', { variables: { amount: 150 } });
      expect(pi.status).toBe('active');
      expect(pi.path).toEqual(['Received', 'Score', 'NeedsApproval']);
      expect(pi.variables).toEqual({ amount: 150, risk: 'high' });
      expect((await host.listUserTasks({ instanceId: pi.instanceId })).map((t) => t.elementId)).toEqual(['Approve']);
      expect(store.commits).toBe(1);
      const history = await host.history(pi.instanceId);
      expect(history[0]).toMatchObject({ type: 'instanceStarted', seq: 1 });
      expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
    });

    it('given the approval and the charge job, when both complete by element id, then the instance completes', async () => {
      const pi = await host.startInstance('order', { variables: { amount: 150 } });
      await host.completeUserTask({ instanceId: pi.instanceId, elementId: 'Approve' }, { approvedBy: 'ann' });
      const [job] = await host.listJobs({ instanceId: pi.instanceId });
      expect(job).toMatchObject({ elementId: 'Charge', type: 'charge', retries: 2 });
      const done = await host.completeJob({ jobKey: job.key }, { receipt: 'R-1' });
      expect(done.status).toBe('completed');
      expect(done.path).toEqual(['Received', 'Score', 'NeedsApproval', 'Approve', 'Merge', 'Charge', 'Done']);
      expect(done.variables).toMatchObject({ approvedBy: 'ann', receipt: 'R-1' });
      expect(await host.listJobs()).toEqual([]);
    });

    it('given a BPMN error thrown on the charge job, then the boundary event path runs', async () => {
      const pi = await host.startInstance('order', { variables: { amount: 5 } });
      const done = await host.throwError({ instanceId: pi.instanceId, elementId: 'Charge' }, 'DECLINED');
      expect(done.status).toBe('completed');
      expect(done.path.slice(-3)).toEqual(['Declined', 'Refund', 'Cancelled']);
      expect(done.path).not.toContain('Done');
    });

    it('given failures until retries run out, then an incident opens; resolving it with retries reopens the job', async () => {
      const pi = await host.startInstance('order', { variables: { amount: 5 } });
      const ref = { instanceId: pi.instanceId, elementId: 'Charge' };
      expect(Object.values((await host.failJob(ref, { errorMessage: 'timeout' })).jobs)[0]).toMatchObject({ retries: 1, state: 'activatable' });
      await host.failJob(ref, { errorMessage: 'still down' });
      const [incident] = await host.listIncidents({ instanceId: pi.instanceId });
      expect(incident).toMatchObject({ type: 'jobNoRetries', elementId: 'Charge', processInstanceId: pi.instanceId });
      await expect(host.completeJob(ref)).rejects.toThrow(HostError);
      await host.resolveIncident(pi.instanceId, incident.id, 3);
      expect(await host.listIncidents()).toEqual([]);
      expect((await host.completeJob(ref)).status).toBe('completed');
    });

    it('given a script that loops forever in the sandbox, then its task gets an incident, other instances still run, and a retry after a fix completes', async () => {
      const limited = await EngineHost.create(options({ scriptLimits: { timeoutMs: 100, memoryLimitBytes: 32 << 20 } }));
      await limited.deploy(fixture('spin.bpmn'));
      const stuck = await limited.startInstance('spin', { variables: { spin: true } });
      const [incident] = await limited.listIncidents({ instanceId: stuck.instanceId });
      expect(incident).toMatchObject({ elementId: 'Spin', message: expect.stringContaining('script timed out after 100 ms') });
      expect((await limited.startInstance('spin', { variables: { spin: false } })).status).toBe('completed');
      await limited.setVariables(stuck.instanceId, { spin: false });
      expect((await limited.resolveIncident(stuck.instanceId, incident.id)).status).toBe('completed');
    });

    it('given a suspended instance, then commands are refused until it resumes', async () => {
      const pi = await host.startInstance('order', { variables: { amount: 5 } });
      await host.suspend(pi.instanceId);
      await expect(host.completeJob({ instanceId: pi.instanceId, elementId: 'Charge' })).rejects.toThrow(CommandRejectedError);
      await host.resume(pi.instanceId);
      expect((await host.completeJob({ instanceId: pi.instanceId, elementId: 'Charge' })).status).toBe('completed');
    });

    it('given set variables and a cancel, then the state shows both', async () => {
      const pi = await host.startInstance('order', { variables: { amount: 5 } });
      expect((await host.setVariables(pi.instanceId, { note: 'rush' })).variables).toMatchObject({ note: 'rush' });
      const cancelled = await host.cancel(pi.instanceId);
      expect(cancelled.status).toBe('canceled');
      expect(await host.listInstances({ status: 'canceled' })).toHaveLength(1);
    });

    it('given a wrong reference, then the error lists what is open', async () => {
      const pi = await host.startInstance('order', { variables: { amount: 5 } });
      await expect(host.completeJob({ instanceId: pi.instanceId, elementId: 'Approve' })).rejects.toThrow('no open job at Approve in instance instance-1 (open: job at Charge)');
      await expect(host.completeJob({ jobKey: 'job-99' })).rejects.toThrow('no open job job-99');
      await expect(host.startInstance('shipping')).rejects.toThrow('process shipping is not deployed (deployed: order)');
    });

    it('given a job worker that throws mid-operation, then nothing of the operation is committed', async () => {
      const failing = await EngineHost.create(options({ workers: { charge: () => { throw new Error('worker crashed'); } } }));
      await expect(failing.startInstance('order', { variables: { amount: 5 } })).rejects.toThrow('worker crashed');
      expect(await store.listInstances()).toEqual([]);
      expect(store.commits).toBe(0);
    });

    it('given a committed instance, when a later operation fails in its cascade, then the stored state is exactly as before', async () => {
      const failing = await EngineHost.create(options({ workers: { charge: () => { throw new Error('worker crashed'); } } }));
      const pi = await failing.startInstance('order', { variables: { amount: 150 } });
      const before = JSON.stringify(await store.loadInstance(pi.instanceId));
      await expect(failing.completeUserTask({ instanceId: pi.instanceId, elementId: 'Approve' })).rejects.toThrow('worker crashed');
      expect(JSON.stringify(await store.loadInstance(pi.instanceId))).toBe(before);
      expect((await store.loadHistory(pi.instanceId)).at(-1)?.seq).toBe(JSON.parse(before).seq);
    });

    it('given inline job workers, then jobs complete or throw errors within the same operation', async () => {
      const auto = await EngineHost.create(options({ workers: { charge: (job, vars) => (Number(vars.amount) > 10 ? { errorCode: 'DECLINED' } : { charged: job.elementId }) } }));
      expect((await auto.startInstance('order', { variables: { amount: 5 } })).variables).toMatchObject({ charged: 'Charge' });
      expect((await auto.startInstance('order', { variables: { amount: 50 } })).path).toContain('Refund');
    });

    it('given a host restarted on the same store, then it redeploys the same versions and continues a JSON-cloned instance', async () => {
      const pi = await host.startInstance('order', { variables: { amount: 5 } });
      const cloned = new MemoryStore();
      for (const d of await store.listDeployments()) await cloned.saveDeployment(d);
      await cloned.commit({ instances: [JSON.parse(JSON.stringify(await store.loadInstance(pi.instanceId))) as InstanceState], history: [] });
      const restarted = await EngineHost.create({ ...options(), store: cloned });
      expect(restarted.deployments.latestVersion('order')).toBe(1);
      expect((await restarted.completeJob({ instanceId: pi.instanceId, elementId: 'Charge' })).status).toBe('completed');
    });
  });

  it('given a stored deployment that no longer compiles, when a host is created, then it starts, warns and keeps the others', async () => {
    await host.deploy(ORDER, 'order.bpmn');
    await store.saveDeployment({ id: 'broken', kind: 'bpmn', name: 'bad.bpmn', xml: fixture('bad-condition.bpmn'), deployedAt: 0, versions: { bad: 1 } });
    const warnings: string[] = [];
    const restarted = await EngineHost.create({ ...options(), logger: { debug: () => {}, warn: (m) => warnings.push(m) } });
    expect(restarted.deployments.processIds()).toEqual(['order']);
    expect(warnings).toEqual([expect.stringMatching(/^stored deployment broken \(bad\.bpmn\) could not be restored: the model has 1 error/)]);
  });

  describe('call activities', () => {
    beforeEach(async () => {
      await host.deploy(CALL);
    });

    it('given a parent calling ship, when the child job completes, then the child completes and the parent continues, in one commit', async () => {
      const parent = await host.startInstance('parent', { variables: { orderId: 'A-1' } });
      const [child] = (await host.listInstances({ processId: 'ship' }));
      expect(child.parent).toMatchObject({ instanceId: parent.instanceId });
      expect(child.variables).toMatchObject({ orderId: 'A-1' });
      const commits = store.commits;
      await host.completeJob({ instanceId: child.instanceId, elementId: 'Pack' }, { parcel: 'P-7' });
      expect(store.commits).toBe(commits + 1);
      const done = await host.getInstance(parent.instanceId);
      expect(done).toMatchObject({ status: 'completed', variables: { parcel: 'P-7' } });
      expect((await host.getInstance(child.instanceId))?.status).toBe('completed');
    });

    it('given a parent that is cancelled, then its child is cancelled too', async () => {
      const parent = await host.startInstance('parent');
      await host.cancel(parent.instanceId);
      expect((await host.listInstances({ processId: 'ship' }))[0].status).toBe('canceled');
    });

    it('given a child cancelled on its own, then the parent gets an incident at the call activity', async () => {
      const parent = await host.startInstance('parent');
      const [child] = await host.listInstances({ processId: 'ship' });
      await host.cancel(child.instanceId);
      expect(await host.listIncidents({ instanceId: parent.instanceId })).toMatchObject([{ elementId: 'CallShip', type: 'calledElement' }]);
    });

    it('given a BPMN error the child does not catch, then the parent\'s error boundary on the call activity takes it', async () => {
      await host.deploy(fixture('call-error.bpmn'));
      const buyer = await host.startInstance('buyer');
      const [pay] = await host.listInstances({ processId: 'pay' });
      await host.throwError({ instanceId: pay.instanceId, elementId: 'Charge' }, 'NO_FUNDS');
      expect(await host.getInstance(buyer.instanceId)).toMatchObject({ status: 'completed' });
      expect((await host.getInstance(buyer.instanceId))?.path).toEqual(['BStart', 'PayFailed', 'Unpaid']);
      expect((await host.getInstance(pay.instanceId))?.status).toBe('canceled');
      expect(await host.listIncidents()).toEqual([]);
    });

    it('given a called process that is not deployed, then the call activity gets an incident', async () => {
      const pi = await host.startInstance('orphan');
      expect(await host.listIncidents({ instanceId: pi.instanceId })).toMatchObject([{ elementId: 'CallMissing' }]);
      const [incident] = await host.listIncidents({ instanceId: pi.instanceId });
      expect(incident.message).toBe('CallMissing could not call its instance: process nowhere is not deployed');
    });
  });
});
