import { CommandRejectedError } from '../engine';
import type { Command, Subscription, Variables } from '../engine';
import type { SimInstance } from './replication-types';
import type { StartsByName } from './model-starts';

/*
 * Messages and signals inside a replication, delivered as a host delivers them
 * (src/host/messages/deliver.ts, the Zeebe rules): the engine evaluates names and correlation
 * keys (when a wait opens, when a throw event throws) and takes `correlateMessage` /
 * `signalReceived`; this file only keeps the open waits by name and key and picks the receivers.
 * A thrown message has no time to live (as the host publishes it): nobody waiting, no message
 * start event, it is gone.
 */

/** What the post needs of the replication. */
export interface PostOffice {
  now(): number;
  /** The instance is still running (not finished or dropped). */
  live(inst: SimInstance): boolean;
  step(inst: SimInstance, command: Command): void;
  /** Starts a case of the simulated process at a start event with these variables. */
  startCase(startEventId: string, variables: Variables): SimInstance;
  /** A throw that was not delivered, with why (reported like an incident). */
  cut(what: string, reason: string): void;
  /** A message or signal (`message order`) that reached nobody. */
  lost(what: string): void;
}

/** Throws set off by one another at one instant (a signal start that throws the signal again...) stop here. */
export const MAX_CASCADE_DEPTH = 32;

interface Wait {
  inst: SimInstance;
  key: string;
  processId: string;
  /** Its keys in `byName` and (messages) `byKey`. */
  nameKey: string;
  corrKey: string | null;
}

export class Post {
  /** `kind name` → open waits in the order they opened (Map keeps insertion order). */
  private readonly byName = new Map<string, Map<Wait, true>>();
  /** `name NUL key` (messages) → open waits in the order they opened. */
  private readonly byKey = new Map<string, Map<Wait, true>>();
  private readonly waitsOf = new Map<SimInstance, Map<string, Wait>>();
  /** Message start locks: `correlationKey` → the case a message with that key started (Zeebe: one at a time). */
  private readonly locks = new Map<string, SimInstance>();
  private readonly lockOf = new Map<SimInstance, string>();
  /** Depth of the chain of throws that reached an instance at `at`. */
  private readonly reached = new Map<SimInstance, { at: number; depth: number }>();
  /** Depth of the delivery being stepped now (its throws are one deeper), 0 outside one. */
  private current = 0;

  constructor(
    private readonly office: PostOffice,
    private readonly starts: StartsByName,
    /** How many processes run in the replication (the case process and those it calls). */
    private readonly processes: number,
  ) {}

  /** A wait opened (`subscriptionOpened`): index it (conditional waits are the engine's own). */
  opened(inst: SimInstance, sub: Subscription): void {
    if (sub.kind === 'conditional') return;
    const wait: Wait = { inst, key: sub.key, processId: inst.process.id, nameKey: `${sub.kind} ${sub.name}`, corrKey: sub.kind === 'message' ? `${sub.name}\u0000${sub.correlationKey ?? ''}` : null };
    let mine = this.waitsOf.get(inst);
    if (!mine) this.waitsOf.set(inst, (mine = new Map()));
    mine.set(sub.key, wait);
    add(this.byName, wait.nameKey, wait);
    if (wait.corrKey !== null) add(this.byKey, wait.corrKey, wait);
  }

  /** A wait closed (`subscriptionClosed`). */
  closed(inst: SimInstance, key: string): void {
    const wait = this.waitsOf.get(inst)?.get(key);
    if (wait) this.remove(wait);
  }

  /** An instance ended or was dropped: its waits and its start lock go. */
  forget(inst: SimInstance): void {
    // Every finished case comes here: a process without messages or signals pays one check.
    if (this.waitsOf.size === 0 && this.reached.size === 0 && this.lockOf.size === 0) return;
    const mine = this.waitsOf.get(inst);
    if (mine) for (const wait of [...mine.values()]) this.remove(wait);
    this.waitsOf.delete(inst);
    this.reached.delete(inst);
    const lock = this.lockOf.get(inst);
    if (lock !== undefined) {
      this.locks.delete(lock);
      this.lockOf.delete(inst);
    }
  }

  /** Whether some instance waits for this message or signal name. */
  waiting(kind: 'message' | 'signal', name: string): boolean {
    return (this.byName.get(`${kind} ${name}`)?.size ?? 0) > 0;
  }

  /** Whether a message or signal of this name starts cases (a start event of the simulated process waits for it). */
  startsCases(kind: 'message' | 'signal', name: string): boolean {
    return kind === 'message' ? this.starts.message.has(name) : this.starts.signal.has(name);
  }

  /**
   * The depth a throw of `source` has now (1 when nothing thrown at this instant reached it), or
   * null when the chain is too deep (the throw is reported as cut).
   */
  admit(source: SimInstance, what: string): number | null {
    const r = this.reached.get(source);
    const depth = Math.max(r && r.at === this.office.now() ? r.depth : 0, this.current) + 1;
    if (depth <= MAX_CASCADE_DEPTH) return depth;
    this.office.cut(what, `it would be throw ${depth} of a chain of throws set off by one another at one instant (at most ${MAX_CASCADE_DEPTH})`);
    return null;
  }

  /**
   * A message (thrown by the model, or of a global stream): to the oldest open wait for its name
   * and key, at most one per process; then to the simulated process's message start event,
   * unless a case that a message with the same key started still runs. `fifo`: the key is not
   * looked at (a stream's message goes to the oldest wait for its name, ADR 0175).
   */
  message(name: string, correlationKey: string, variables: Variables, depth: number, fifo = false): void {
    const waits = fifo ? this.byName.get(`message ${name}`) : this.byKey.get(`${name}\u0000${correlationKey}`);
    const reachedProcesses = new Set<string>();
    // The map itself, not a copy: a delivery closes its wait (deleted entries are skipped), and
    // once every process has its message the rest need not be looked at (one process: the first).
    if (waits) {
      for (const wait of waits.keys()) {
        if (reachedProcesses.has(wait.processId)) continue;
        if (this.deliver(wait, { type: 'correlateMessage', subscriptionKey: wait.key, messageName: name, variables }, depth)) reachedProcesses.add(wait.processId);
        if (reachedProcesses.size === this.processes) break;
      }
    }
    const start = this.starts.message.get(name);
    if (start === undefined || reachedProcesses.has(start.processId) || (correlationKey !== '' && this.locks.has(correlationKey))) {
      if (reachedProcesses.size === 0) this.office.lost(`message ${name}`);
      return;
    }
    const inst = this.within(depth, () => this.office.startCase(start.elementId, variables));
    this.mark(inst, depth);
    if (correlationKey !== '' && this.office.live(inst)) {
      this.locks.set(correlationKey, inst);
      this.lockOf.set(inst, correlationKey);
    }
  }

  /** A signal: to every wait open for it now (not those its deliveries open), then the simulated process's signal start events. */
  signal(name: string, variables: Variables, depth: number): void {
    const waits = this.byName.get(`signal ${name}`);
    let reached = 0;
    for (const wait of waits ? [...waits.keys()] : []) if (this.deliver(wait, { type: 'signalReceived', subscriptionKey: wait.key, variables }, depth)) reached++;
    const starts = this.starts.signal.get(name) ?? [];
    for (const elementId of starts) this.mark(this.within(depth, () => this.office.startCase(elementId, variables)), depth);
    if (reached === 0 && starts.length === 0) this.office.lost(`signal ${name}`);
  }

  private deliver(wait: Wait, command: Command, depth: number): boolean {
    const inst = wait.inst;
    const state = inst.state;
    // A suspended instance takes nothing (as the host); a wait that closed meanwhile neither.
    if (!this.office.live(inst) || state.status !== 'active' || state.suspended || !state.subscriptions[wait.key]) return false;
    this.mark(inst, depth);
    try {
      this.within(depth, () => this.office.step(inst, command));
    } catch (error) {
      // As the host: a wait that refuses the message (it does not apply any more) does not take it.
      if (error instanceof CommandRejectedError) return false;
      throw error;
    }
    return true;
  }

  /** Runs a delivery's step: what it throws is one deeper than `depth`. */
  private within<T>(depth: number, run: () => T): T {
    const outer = this.current;
    this.current = depth;
    try {
      return run();
    } finally {
      this.current = outer;
    }
  }

  /** Later steps of `inst` at this instant (its work due now) are still part of the chain. */
  private mark(inst: SimInstance, depth: number): void {
    if (!this.office.live(inst)) return;
    const r = this.reached.get(inst);
    if (r && r.at === this.office.now() && r.depth >= depth) return;
    this.reached.set(inst, { at: this.office.now(), depth });
  }

  private remove(wait: Wait): void {
    this.waitsOf.get(wait.inst)?.delete(wait.key);
    drop(this.byName, wait.nameKey, wait);
    if (wait.corrKey !== null) drop(this.byKey, wait.corrKey, wait);
  }
}

function drop(index: Map<string, Map<Wait, true>>, key: string, wait: Wait): void {
  const set = index.get(key);
  if (set?.delete(wait) && set.size === 0) index.delete(key);
}

function add(index: Map<string, Map<Wait, true>>, key: string, wait: Wait): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Map()));
  set.set(wait, true);
}
