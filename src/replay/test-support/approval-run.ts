import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEvent } from '../../engine';
import { CountingIds, ManualClock } from '../../host/clocks';
import { EngineHost } from '../../host/engine-host';
import { FeelExpressions } from '../../host/feel-expressions';
import { MemoryStore } from '../../host/memory-store';

export const APPROVAL = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'approval.bpmn'), 'utf8');
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface ApprovalHost {
  host: EngineHost;
  clock: ManualClock;
  store: MemoryStore;
}

/** A host on a virtual clock with the approval model deployed. */
export async function approvalHost(): Promise<ApprovalHost> {
  const clock = new ManualClock(T0);
  const store = new MemoryStore();
  const host = await EngineHost.create({ store, clock, expressions: new FeelExpressions(), ids: new CountingIds() });
  await host.deploy(APPROVAL, 'approval.bpmn');
  return { host, clock, store };
}

/**
 * The approval model on a host with a virtual clock: an instance started with `amount` (on `on`, or a new host), its user
 * task completed a minute later, its timer fired a second after that (the gateway then decides).
 */
export async function runApproval(amount = 100, on?: ApprovalHost): Promise<ApprovalHost & { instanceId: string; history: HistoryEvent[] }> {
  const { host, clock, store } = on ?? (await approvalHost());
  const pi = await host.startInstance('approval', { variables: { amount } });
  clock.advance(60_000);
  await host.completeUserTask({ instanceId: pi.instanceId, elementId: 'Enter' }, { note: 'checked' });
  await host.timers.advance(1_000);
  return { host, clock, store, instanceId: pi.instanceId, history: await host.history(pi.instanceId) };
}
