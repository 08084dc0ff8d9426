import { dispatch, start, type CommandRecord, type EngineContext, type ExecutableProcess, type HistoryEvent, type InstanceState, type StartOptions } from '../engine';

/** The exact state of an instance after one of its history events, found by re-executing its command log. */
export interface RestorePoint {
  state: InstanceState;
  /** The history up to and including the step that wrote event `atSeq`. */
  history: HistoryEvent[];
  /** Command records re-executed (the step holding `atSeq` is the last). */
  commands: number;
}

/** What a fork's start record says about where it came from (also in its audit entry). */
export interface ForkOf {
  instanceId: string;
  atSeq: number;
  /** The source's command records the fork re-executed. */
  commands: number;
}

/** A rewind that cannot be done: the event is not in the log, or the state there cannot be forked. */
export class RewindError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RewindError';
  }
}

/**
 * Re-executes a command log (start, then each command at its recorded time) until the step that
 * wrote history event `atSeq`, and returns the state after that step: a step is atomic, so that
 * is the state the instance had at that event. Nothing is guessed: this is the engine's own step.
 *
 * @example
 * const at = restoreAt(process, await host.commandLog(pi), ctx, 12);
 * at.state.variables; // the variables as they were after event 12
 * @throws RewindError when the log holds no event `atSeq`.
 */
export function restoreAt(process: ExecutableProcess, records: readonly CommandRecord[], ctx: EngineContext, atSeq: number): RestorePoint {
  const r = run(process, records, ctx, atSeq);
  if (!r.reached) throw new RewindError(`instance ${records[0]?.instanceId ?? '?'} has no history event ${atSeq} (it has ${r.history.length})`);
  return r;
}

/**
 * Re-executes a whole command log, forks included (a record marked with {@link ForkOf} gets its
 * `instanceForked` event first, as the fork wrote it): the history this gives is the stored
 * history, event for event.
 *
 * @example
 * expect(replayInstance(process, log, ctx).history).toEqual(await host.history(id));
 */
export function replayInstance(process: ExecutableProcess, records: readonly CommandRecord[], ctx: EngineContext): { state: InstanceState; history: HistoryEvent[] } {
  const { state, history } = run(process, records, ctx, Infinity);
  return { state, history };
}

function run(process: ExecutableProcess, records: readonly CommandRecord[], ctx: EngineContext, atSeq: number): RestorePoint & { reached: boolean } {
  if (records.length === 0) throw new RewindError('an empty command log');
  const history: HistoryEvent[] = [];
  let state = null as unknown as InstanceState;
  let n = 0;
  for (const record of records) {
    n++;
    if (record.n !== n) throw new RewindError(`the command log of ${record.instanceId} has a gap before command ${n}`);
    const fork = forkOf(record);
    if (fork) history.push(markForked(state, fork, record.time));
    const result = n === 1 ? startFrom(process, record, ctx) : dispatch(process, state, record.command as never, ctx, { now: record.time, inPlace: true });
    state = result.state;
    for (const e of result.history) history.push(e);
    if (history.length > 0 && history[history.length - 1].seq >= atSeq) return { state, history, commands: n, reached: true };
  }
  return { state, history, commands: n, reached: false };
}

/**
 * The command records a fork of `source` starts with: the source's first `commands` records
 * under the fork's id (every key the engine made from the instance id renamed; variable values
 * are left as they were), standalone (no parent). The fork's next record, its edit, carries the
 * {@link ForkOf} mark (`setVariables` with `forkOf`).
 */
export function forkRecords(records: readonly CommandRecord[], fork: ForkOf, forkId: string): CommandRecord[] {
  return renameRecords(records.slice(0, fork.commands), fork.instanceId, forkId).map((r, i) => (i === 0 ? { ...r, command: { ...r.command, parent: null, callDepth: 0 } } : r));
}

/**
 * Command records with every id the engine derived from instance `from` renamed to `to`: the
 * instance itself, its keys (`from-job-3`), and its call activities' children and their
 * descendants, whose ids derive from it (`from-call-1`, `from-call-1-call-2`); variable values
 * are left as they were. The `order` is dropped: the store numbers the copies at commit.
 */
export function renameRecords(records: readonly CommandRecord[], from: string, to: string): CommandRecord[] {
  const rename = (v: unknown, key: string): unknown => {
    if (key === 'variables' || key === 'elements') return v;
    if (typeof v === 'string') return renameId(v, from, to);
    if (Array.isArray(v)) return v.map((x) => rename(x, ''));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x, k)]));
    return v;
  };
  return records.map((r) => ({ instanceId: renameId(r.instanceId, from, to), n: r.n, time: r.time, command: rename(r.command, '') as CommandRecord['command'] }));
}

/** `id` with the instance id `from` it is made of replaced by `to` (unchanged when it is not made of it). */
export function renameId(id: string, from: string, to: string): string {
  return id === from ? to : id.startsWith(`${from}-`) ? to + id.slice(from.length) : id;
}

/**
 * Why a restored state cannot go on as an instance of its own (null: it can). With `ordered`
 * false (the log's records carry no store-wide `order`: written before stores kept one), a call
 * activity waiting for its child is refused, not guessed: the fork would need the child's state at
 * that moment, and such logs are ordered per instance only (`n`, and a time that two steps may
 * share), so which of the child's steps came before the parent's cannot be told exactly
 * (docs/replay.md "Fork"). With `ordered`, the children are restored too (`src/host/fork-tree.ts`).
 */
export function unforkable(state: InstanceState, ordered = false): string | null {
  if (state.status !== 'active') return `the instance is ${state.status} at that event: there is nothing left to run`;
  const calls = waitingCalls(state);
  if (calls.length === 0 || ordered) return null;
  const [call] = calls;
  const more = calls.length > 1 ? ` (and ${calls.length - 1} more)` : '';
  return `call activity ${call.elementId} waits for its child instance ${call.childInstanceId}${more} there. A fork would need the child as it was at that moment, `
    + 'and the two command logs have no common order (a child step and a parent step at the same millisecond cannot be told apart), so the fork would not be exact: '
    + `fork the child ${call.childInstanceId} on its own, or this instance at an event before ${call.elementId} started or after it completed`;
}

/** The call activities of a state that wait for a child instance, with the child's id. */
export function waitingCalls(state: InstanceState): Array<{ elementId: string; id: string; childInstanceId: string }> {
  const out: Array<{ elementId: string; id: string; childInstanceId: string }> = [];
  for (const e of Object.values(state.elements)) if (e.childInstanceId !== undefined) out.push({ elementId: e.elementId, id: e.id, childInstanceId: e.childInstanceId });
  return out;
}

/** Writes the fork marker into a restored state (as the fork did): the next history number. */
export function markForked(state: InstanceState, fork: ForkOf, time: number): HistoryEvent {
  state.seq += 1;
  return { seq: state.seq, time, instanceId: state.instanceId, type: 'instanceForked', fromInstanceId: fork.instanceId, atSeq: fork.atSeq };
}

/** The fork mark of a record (a fork's edit), if any. */
export function forkOf(record: CommandRecord): ForkOf | null {
  const f = (record.command as { forkOf?: ForkOf }).forkOf;
  return f && typeof f === 'object' ? f : null;
}

function startFrom(process: ExecutableProcess, first: CommandRecord, ctx: EngineContext) {
  if (first.command.type !== 'start') throw new RewindError('a command log starts with its start record');
  const c = first.command as unknown as StartOptions & { seed: number };
  return start(process, {
    instanceId: first.instanceId, variables: c.variables, businessKey: c.businessKey ?? null, parent: c.parent ?? null, callDepth: c.callDepth,
    seed: c.seed, now: first.time, startEventId: c.startEventId,
  }, ctx);
}
