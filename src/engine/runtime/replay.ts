import type { HistoryEvent } from '../history/events';
import type { ExecutableProcess } from '../model/types';
import type { EngineContext } from '../ports';
import { dispatch, start } from './engine';
import type { InstanceState } from './state';
import type { CommandRecord, StartOptions } from './step-result';

/**
 * Re-executes an instance from its command log: the start, then every command at its recorded
 * time. The step is deterministic, so the history and state are those the instance had (a replay
 * suite keeps that true). `ctx` supplies the same scripts and decisions as the original run.
 *
 * @example
 * const { history } = replayLog(process, records, ctx);
 * expect(history).toEqual(storedHistory);
 * @throws Error when the log does not start with a `start` record or is not gap-free.
 */
export function replayLog(process: ExecutableProcess, records: readonly CommandRecord[], ctx: EngineContext): { state: InstanceState; history: HistoryEvent[] } {
  const [first, ...rest] = records;
  if (!first || first.command.type !== 'start') throw new Error('a command log starts with its start record');
  const c = first.command as unknown as StartOptions & { seed: number };
  let result = start(process, {
    instanceId: first.instanceId, variables: c.variables, businessKey: c.businessKey ?? null, parent: c.parent ?? null, callDepth: c.callDepth,
    seed: c.seed, now: first.time, startEventId: c.startEventId,
  }, ctx);
  const history = [...result.history];
  let expected = 2;
  for (const record of rest) {
    if (record.n !== expected++) throw new Error(`command log of ${record.instanceId} has a gap before command ${record.n}`);
    result = dispatch(process, result.state, record.command, ctx, { now: record.time, inPlace: true });
    for (const e of result.history) history.push(e);
  }
  return { state: result.state, history };
}
