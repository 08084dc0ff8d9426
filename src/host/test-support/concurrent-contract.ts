import { expect, it } from 'vitest';
import type { InstanceState } from '../../engine';
import { testFeel } from '../../engine/test-support/feel';
import { CountingIds, ManualClock } from '../clocks';
import { EngineHost } from '../engine-host';
import type { Store, StoreCommit } from '../store';
import { StoreConflictError } from '../store-errors';

/*
 * Part of the Store contract (`storeContract`): a host on the store, running operations
 * concurrently (group commit across operations, docs/adr/0141). Whatever the store does with
 * commits that arrive together, each operation is all or nothing and reads see what was committed
 * before them.
 */

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Concurrent" targetNamespace="http://flowdeck.test">
  <bpmn:process id="review" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
    <bpmn:userTask id="Review" />
    <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

async function hostOn(store: Store): Promise<EngineHost> {
  const host = await EngineHost.create({ store, clock: new ManualClock(1000), expressions: testFeel, ids: new CountingIds() });
  await host.deploy(XML, 'review.bpmn');
  return host;
}

export function concurrentOperationsContract(makeStore: () => Promise<Store> | Store): void {
  it('given 8 starts fired at once and reads fired with them, then every instance is committed whole and each read sees its own instance', async () => {
    // Given
    const host = await hostOn(await makeStore());

    // When: starts and, in the same turn, a read of each instance and a task completion of the first.
    const starts = Array.from({ length: 8 }, (_, i) => host.startInstance('review', { businessKey: `k${i}` }));
    const reads = Array.from({ length: 8 }, (_, i) => host.getInstance(`instance-${i + 1}`));
    const completed = host.completeUserTask({ instanceId: 'instance-1', elementId: 'Review' }, { ok: true });

    // Then
    const started = await Promise.all(starts);
    expect(started.map((s) => s.businessKey)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']);
    expect((await Promise.all(reads)).map((s) => s?.status)).toEqual(Array(8).fill('active'));
    expect((await completed).status).toBe('completed');
    for (const s of started.slice(1)) {
      expect((await host.getInstance(s.instanceId))?.tasks).toEqual(s.tasks);
      expect((await host.history(s.instanceId)).map((e) => e.seq)).toEqual(Array.from({ length: s.seq }, (_, i) => i + 1));
    }
    expect((await host.commandLog('instance-1')).map((c) => c.command.type)).toEqual(['start', 'completeUserTask']);
  });

  it('given concurrent operations, when one of them is refused by the store (a revision conflict), then only it fails and the others are committed', async () => {
    // Given: another writer (a second tab) steps instance-1 right after this host loaded it.
    const inner = await makeStore();
    let raceOn: string | undefined;
    const racing: Store = Object.create(inner) as Store;
    racing.loadInstance = async (id: string) => {
      const state = await inner.loadInstance(id);
      if (state && id === raceOn) {
        raceOn = undefined;
        const next: InstanceState = { ...state, commands: state.commands + 1, variables: { ...state.variables, by: 'other tab' } };
        const other: StoreCommit = { instances: [next], history: [], commands: [{ instanceId: id, n: state.commands + 1, time: 0, command: { type: 'setVariables' } }] };
        await inner.commit(other);
      }
      return state;
    };
    racing.commit = (changes) => inner.commit(changes);
    const host = await hostOn(racing);
    await host.startInstance('review');

    // When
    raceOn = 'instance-1';
    const refused = host.completeUserTask({ instanceId: 'instance-1', elementId: 'Review' }, { by: 'me' }).catch((e: unknown) => e);
    const starts = Array.from({ length: 6 }, () => host.startInstance('review'));

    // Then
    expect(await refused).toBeInstanceOf(StoreConflictError);
    const started = await Promise.all(starts);
    for (const s of started) expect((await host.getInstance(s.instanceId))?.status).toBe('active');
    expect(await host.getInstance('instance-1')).toMatchObject({ status: 'active', variables: { by: 'other tab' } });
  });
}
