import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CountingIds, ManualClock } from '../host/clocks';
import { EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { MemoryStore } from '../host/memory-store';

// A fork across a call activity, through the host: refused with the precise message, and the
// reason it gives holds (the child's first command record has the parent's step's time, so the
// two logs cannot be put in one order by time).
const CALL = readFileSync(join(import.meta.dirname, '..', 'host', 'fixtures', 'call.bpmn'), 'utf8');

describe('fork across a call activity', () => {
  it('given a parent waiting at its call activity for a child, when forked there, then it is refused naming the activity and the child, and the logs share the time that would have to order them', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 9));
    const store = new MemoryStore();
    const host = await EngineHost.create({ store, clock, expressions: new FeelExpressions(), ids: new CountingIds() });
    await host.deploy(CALL, 'call.bpmn');
    const parent = await host.startInstance('parent');
    const child = Object.values((await host.getInstance(parent.instanceId))?.elements ?? {}).find((e) => e.childInstanceId)?.childInstanceId as string;
    expect(child).toBeTruthy();
    const history = await host.history(parent.instanceId);
    const last = history[history.length - 1].seq;
    await expect(host.fork(parent.instanceId, { atSeq: last })).rejects.toThrow(
      `instance ${parent.instanceId} cannot be forked at event ${last}: call activity CallShip waits for its child instance ${child} there. A fork would need the child as it was at that moment`,
    );
    const [parentStart] = await store.loadCommands(parent.instanceId);
    const [childStart] = await store.loadCommands(child);
    expect(childStart.time).toBe(parentStart.time);
  });
});
