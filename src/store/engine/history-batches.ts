import { Dexie } from 'dexie';
import type { HistoryEvent } from '../../engine';
import type { FlowdeckDb } from '../db';
import type { HistoryBatchRow } from './rows';

/**
 * The events of a stored batch, in either shape: JSON text (written since ADR 0242) or objects
 * (batches written before, and by the v3 upgrade).
 */
export function batchEvents(row: HistoryBatchRow): HistoryEvent[] {
  if (row.eventsJson !== undefined) return JSON.parse(row.eventsJson) as HistoryEvent[];
  return row.events ?? [];
}

/** A batch row as the commit writes it: the events as one JSON text. */
export function historyBatchRow(instanceId: string, seq: number, last: number, events: readonly HistoryEvent[]): HistoryBatchRow {
  return { instanceId, seq, last, eventsJson: JSON.stringify(events) };
}

/**
 * One instance's history in seq order, after `afterSeq`, from its batches (schema v3: one row per
 * commit, ADR 0140). Reads from the batch that may hold `afterSeq + 1`: batches start at their
 * first event's seq and never overlap, so the batches below it hold nothing wanted except possibly
 * the last of them, found with one reverse key lookup.
 */
export async function loadHistoryBatches(db: FlowdeckDb, instanceId: string, afterSeq = 0): Promise<HistoryEvent[]> {
  const table = db.historyBatches;
  let from = afterSeq + 1;
  if (afterSeq > 0) {
    const holder = await table.where('[instanceId+seq]').between([instanceId, Dexie.minKey], [instanceId, afterSeq], true, true).last();
    if (holder && holder.last > afterSeq) from = holder.seq;
  }
  const batches = await table.where('[instanceId+seq]').between([instanceId, from], [instanceId, Dexie.maxKey], true, true).toArray();
  const out: HistoryEvent[] = [];
  for (const b of batches) for (const e of batchEvents(b)) if (e.seq > afterSeq) out.push(e);
  return out;
}

/** Every stored history event of every instance (an export), grouped by instance, each in seq order. */
export async function allHistory(db: FlowdeckDb): Promise<HistoryEvent[]> {
  const out: HistoryEvent[] = [];
  for (const b of await db.historyBatches.toArray()) for (const e of batchEvents(b)) out.push(e);
  return out;
}
