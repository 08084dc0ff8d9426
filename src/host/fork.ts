import type { CommandRecord, Deployments, EngineContext, HistoryEvent, IdGenerator, InstanceState, Variables } from '../engine';
import {
  forkRecords, markForked, renameId, renameRecords, replayInstance, restoreAt, RewindError, unforkable, waitingCalls, type ForkOf,
} from '../replay/rewind';
import { restoreTree } from './fork-tree';
import type { Store } from './store';
import { HostError, type HostTransaction } from './transaction';

/** Rewind to history event `atSeq` of an instance and go on from there in a new instance, with `variables` set. */
export interface ForkRequest {
  atSeq: number;
  /** Set at process scope on the fork, after the restore (`setVariables`). */
  variables?: Variables;
}

/**
 * Rewind and fork (docs/replay.md "Fork"): the source's command log is re-executed up to the step
 * that wrote event `atSeq` (never guessed), under a new instance id; the fork then gets an
 * `instanceForked` history event and a `setVariables` command with the edits, marked `forkOf`
 * (so its audit entry says "fork"), and runs on from there in this transaction. Its own command
 * log replays to its history exactly (`replayInstance`).
 *
 * Where call activities wait for children there, the children (and theirs) are forked with it:
 * each restored from its own records before that step in the store-wide order (ADR 0250), under
 * ids made of the fork's, its parent link on the fork, with its own `instanceForked` marker
 * (an empty `setVariables` marked `forkOf`).
 *
 * @example
 * const fork = await host.fork(pi, { atSeq: 12, variables: { amount: 900 } });
 * @throws HostError `notFound` (no instance, no event `atSeq`), `invalid` (the instance was over
 * at that event, or a call activity waited for a child there and the logs have no store-wide order).
 */
export async function forkInstance(
  tx: HostTransaction,
  ports: { ctx: EngineContext; deployments: Deployments; ids: IdGenerator; store: Store },
  sourceId: string,
  request: ForkRequest,
): Promise<InstanceState> {
  const source = await tx.state(sourceId);
  const process = ports.deployments.get(source.processId, source.processVersion);
  if (!process) throw new HostError('notFound', `process ${source.processId} version ${source.processVersion} is not deployed`);
  const records = await ports.store.loadCommands(sourceId);
  let at;
  try {
    at = restoreAt(process, records, ports.ctx, request.atSeq);
  } catch (error) {
    if (error instanceof RewindError) throw new HostError('notFound', error.message);
    throw error;
  }
  const cut = records[at.commands - 1].order;
  const why = unforkable(at.state, typeof cut === 'number');
  if (why) throw new HostError('invalid', `instance ${sourceId} cannot be forked at event ${request.atSeq}: ${why}`);
  const children = waitingCalls(at.state).length === 0 ? [] : await restoreTree(at.state, cut as number, {
    deployments: ports.deployments, ctx: ports.ctx, loadCommands: (id) => ports.store.loadCommands(id), instance: (id) => tx.state(id),
  }).catch((error: unknown) => {
    throw error instanceof HostError ? new HostError(error.reason, `instance ${sourceId} cannot be forked at event ${request.atSeq}: ${error.message}`) : error;
  });

  const fork: ForkOf = { instanceId: sourceId, atSeq: request.atSeq, commands: at.commands };
  const forkId = ports.ids.next('instance');
  const depth = source.callDepth;
  const prefix = forkRecords(records, fork, forkId);
  const tree = [{ process, source: records.slice(0, at.commands), records: prefix, marker: fork }];
  for (const c of children) {
    const renamed = renameRecords(c.records, sourceId, forkId);
    const start = renamed[0].command as { callDepth?: number };
    renamed[0] = { ...renamed[0], command: { ...renamed[0].command, callDepth: (start.callDepth ?? 1) - depth } };
    tree.push({ process: c.process, source: c.records, records: renamed, marker: { instanceId: c.sourceId, atSeq: lastSeq(c.history), commands: c.records.length } });
  }
  const restored = tree.map((m) => {
    const r = replayInstance(m.process, m.records, ports.ctx);
    r.history.push(markForked(r.state, m.marker, tx.now));
    return r;
  });
  tx.adopt(restored, inSourceOrder(tree));
  // The children's markers first: the parent's edit may run on into them.
  for (const [i, c] of children.entries()) {
    await tx.dispatch(renameId(c.sourceId, sourceId, forkId), { type: 'setVariables', variables: {}, forkOf: tree[i + 1].marker } as never);
  }
  return tx.dispatch(forkId, { type: 'setVariables', variables: request.variables ?? {}, forkOf: fork } as never);
}

/** The forked records of every member, in the order their source records had in the store (one order, so a fork of the fork stays exact). */
function inSourceOrder(tree: ReadonlyArray<{ source: readonly CommandRecord[]; records: readonly CommandRecord[] }>): CommandRecord[] {
  const all = tree.flatMap((m) => m.records.map((r, i) => ({ r, order: m.source[i].order ?? 0 })));
  if (tree.length === 1) return all.map((x) => x.r);
  return all.sort((a, b) => a.order - b.order).map((x) => x.r);
}

function lastSeq(history: readonly HistoryEvent[]): number {
  return history.length > 0 ? history[history.length - 1].seq : 0;
}
