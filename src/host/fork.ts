import type { Deployments, EngineContext, IdGenerator, InstanceState, Variables } from '../engine';
import { forkRecords, markForked, replayInstance, restoreAt, RewindError, unforkable, type ForkOf } from '../replay/rewind';
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
 * @throws HostError `notFound` (no instance, no event `atSeq`), `invalid` (the instance was over
 * at that event, or a call activity waited for a child there).
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
  const why = unforkable(at.state);
  if (why) throw new HostError('invalid', `instance ${sourceId} cannot be forked at event ${request.atSeq}: ${why}`);
  const fork: ForkOf = { instanceId: sourceId, atSeq: request.atSeq, commands: at.commands };
  const forkId = ports.ids.next('instance');
  const prefix = forkRecords(records, fork, forkId);
  const restored = replayInstance(process, prefix, ports.ctx);
  restored.history.push(markForked(restored.state, fork, tx.now));
  tx.adopt(restored.state, restored.history, prefix);
  return tx.dispatch(forkId, { type: 'setVariables', variables: request.variables ?? {}, forkOf: fork } as never);
}
