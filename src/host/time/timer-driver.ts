import type { Clock, ExecutableProcess, InstanceState, Logger } from '../../engine';
import { CommandRejectedError } from '../../engine';
import { firstDue, nextDue } from '../../engine/timers';
import type { TimerSchedule } from '../../engine/timers';
import { commandFor, dueItemsOf, hostDueChanges, loadHostDueItems } from '../due';
import type { EngineHost } from '../engine-host';
import { Scheduler, type DueItem } from '../scheduler';
import type { StartTimerRecord, Store } from '../store';
import type { HostTransaction } from '../transaction';
import { startTimerDefs } from './start-timers';

/** A clock the driver may move (virtual time): tests, the CLI, the simulator. */
export interface SettableClock extends Clock {
  set(time: number): void;
}

/** Schedules of more than this many fires in one `runUntil` are cut off (an unbounded cycle would never end). */
const MAX_FIRES_PER_RUN = 1_000_000;

/**
 * Fires what falls due: instance timers (and whatever else `due.ts` lists) and timer start
 * events, each once per due time, earliest first, each in its own operation at its due time. The
 * scheduler is rebuilt from the store when the host starts and kept in step with every commit.
 * On a real clock `start()` arms a timer for the next due time (and fires what came due while the
 * host was down, at once); on a virtual clock `runUntil` moves the clock through each due time.
 */
export class TimerDriver {
  private readonly scheduler = new Scheduler();
  /** Keys scheduled per instance, so a commit can drop what an instance no longer waits for. */
  private readonly byInstance = new Map<string, Set<string>>();
  private readonly startTimers = new Map<string, StartTimerRecord>();
  /** Who fires host-level items (buffered messages' ends...), by kind. */
  private readonly firers = new Map<DueItem['kind'], (item: DueItem, now: number) => Promise<void>>();
  private armed: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  constructor(
    private readonly host: EngineHost,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger | undefined,
  ) {
    host.onCommitted((changes) => {
      for (const state of changes.instances) this.sync(state);
      if (changes.messages !== undefined || changes.removeMessages !== undefined) {
        const host = hostDueChanges(changes);
        for (const key of host.remove) this.scheduler.remove(key);
        for (const item of host.add) if (this.scheduler.scheduledAt(item.key) !== item.at) this.scheduler.add(item);
      }
      if (changes.replaceStartTimersOf) {
        for (const [key, t] of this.startTimers) {
          if (changes.replaceStartTimersOf.includes(t.processId)) this.dropStartTimer(key);
        }
      }
      for (const t of changes.startTimers ?? []) {
        if (t.dueAt === null) this.dropStartTimer(t.key);
        else {
          this.startTimers.set(t.key, t);
          this.scheduler.add({ key: `start:${t.key}`, at: t.dueAt, kind: 'startTimer', instanceId: null });
        }
      }
      if (this.running) this.arm();
    });
  }

  /** Indexes what the store holds: active instances' due items and pending timer start events (again after an import). */
  async load(): Promise<void> {
    for (const state of await this.store.listInstances({ status: 'active' })) this.sync(state);
    for (const t of await this.store.listStartTimers()) {
      if (t.dueAt === null) continue;
      this.startTimers.set(t.key, t);
      this.scheduler.add({ key: `start:${t.key}`, at: t.dueAt, kind: 'startTimer', instanceId: null });
    }
    for (const item of await loadHostDueItems(this.store)) this.scheduler.add(item);
    if (this.running) this.arm(); // data taken in while running (host.importData)
  }

  /**
   * Lets a host module fire the host-level items of `kind` (see `due.ts`) when they fall due, at
   * their due time, inside the driver's serial run (call `host.operateNow`, not `operate`).
   */
  onDue(kind: DueItem['kind'], fire: (item: DueItem, now: number) => Promise<void>): void {
    this.firers.set(kind, fire);
  }

  /** The earliest due time, or null when nothing waits. */
  nextDueAt(): number | null {
    return this.scheduler.nextAt();
  }

  /** Records the timer start events of newly deployed processes, replacing older versions'. */
  deployed(tx: HostTransaction, processes: readonly ExecutableProcess[]): void {
    for (const process of processes) {
      const defs = startTimerDefs(process, tx.now);
      const had = [...this.startTimers.values()].some((t) => t.processId === process.id);
      if (defs.length === 0 && !had) continue;
      tx.replaceStartTimers(process.id);
      for (const def of defs) {
        const dueAt = firstDue(def.schedule, tx.now);
        tx.putStartTimer({ key: `${process.id}/${def.elementId}`, processId: process.id, version: process.version, elementId: def.elementId, dueAt, fired: 0, schedule: def.schedule });
      }
    }
  }

  /** Fires everything due at the clock's time (a real clock: what came due while the host was down fires now, once). */
  runDue(): Promise<number> {
    return this.host.serial(async () => {
      let fired = 0;
      const now = this.clock.now();
      for (let item = this.scheduler.popNext(now); item; item = this.scheduler.popNext(now)) {
        await this.fire(item, now);
        fired++;
      }
      return fired;
    });
  }

  /**
   * Moves a virtual clock to `time`, firing each due item at its own due time in order (items that
   * firing schedules, like the next round of a cycle, fire too when they fall before `time`).
   */
  runUntil(time: number): Promise<number> {
    const clock = this.settable();
    return this.host.serial(async () => {
      let fired = 0;
      for (;;) {
        const at = this.scheduler.nextAt();
        if (at === null || at > time) break;
        if (++fired > MAX_FIRES_PER_RUN) throw new Error(`more than ${MAX_FIRES_PER_RUN} timers fell due before ${new Date(time).toISOString()}`);
        if (at > clock.now()) clock.set(at);
        const item = this.scheduler.popNext(clock.now()) as DueItem;
        await this.fire(item, clock.now());
      }
      if (time > clock.now()) clock.set(time);
      return fired;
    });
  }

  /** `runUntil(now + ms)` on a virtual clock. */
  advance(ms: number): Promise<number> {
    if (!(ms >= 0)) throw new RangeError(`cannot advance the clock by ${ms} ms`);
    return this.runUntil(this.clock.now() + ms);
  }

  /** Fires due items, moving a virtual clock forward, until nothing is scheduled (or `maxFires`, for unbounded cycles). */
  async runUntilIdle(maxFires = 10_000): Promise<number> {
    let fired = 0;
    for (let at = this.scheduler.nextAt(); at !== null && fired < maxFires; at = this.scheduler.nextAt()) {
      fired += await this.runUntil(at);
    }
    return fired;
  }

  /** Real time: fire what is due now, then keep a timer armed for the next due time. */
  start(): Promise<number> {
    this.running = true;
    return this.runDue().finally(() => this.arm());
  }

  stop(): void {
    this.running = false;
    if (this.armed) clearTimeout(this.armed);
    this.armed = null;
  }

  private arm(): void {
    if (this.armed) clearTimeout(this.armed);
    this.armed = null;
    const at = this.scheduler.nextAt();
    if (at === null || !this.running) return;
    // setTimeout holds at most 2^31-1 ms; a later timer re-arms when this one ends.
    const delay = Math.min(Math.max(0, at - this.clock.now()), 0x7fffffff);
    this.armed = setTimeout(() => {
      this.armed = null;
      this.runDue().catch((error: unknown) => this.logger?.warn(`firing due timers failed: ${(error as Error).message}`)).finally(() => this.arm());
    }, delay);
  }

  private async fire(item: DueItem, now: number): Promise<void> {
    try {
      const firer = this.firers.get(item.kind);
      if (item.kind === 'startTimer') await this.fireStartTimer(item.key.slice('start:'.length), now);
      else if (firer) await firer(item, now);
      else {
        const instanceId = item.instanceId as string;
        await this.host.operateNow((tx) => tx.dispatch(instanceId, commandFor(item)), now);
      }
    } catch (error) {
      // A stale item (the instance moved on in the meantime) is dropped; anything else is logged.
      if (!(error instanceof CommandRejectedError)) this.logger?.warn(`${item.kind} ${item.key} could not fire: ${(error as Error).message}`);
    }
  }

  private async fireStartTimer(key: string, now: number): Promise<void> {
    const record = this.startTimers.get(key);
    if (!record || record.dueAt === null || record.dueAt > now) return;
    const process = this.host.deployments.get(record.processId, record.version);
    if (!process) return;
    const fired = record.fired + 1;
    const next = nextDue(record.schedule as TimerSchedule, record.dueAt, fired, now);
    await this.host.operateNow(async (tx) => {
      tx.putStartTimer({ ...record, fired, dueAt: next });
      return tx.start(process, { startEventId: record.elementId });
    }, now);
  }

  private dropStartTimer(key: string): void {
    this.startTimers.delete(key);
    this.scheduler.remove(`start:${key}`);
  }

  private sync(state: InstanceState): void {
    const items = dueItemsOf(state);
    const before = this.byInstance.get(state.instanceId);
    if (items.length === 0 && before === undefined) return;
    const now = new Set<string>();
    for (const item of items) {
      now.add(item.key);
      if (this.scheduler.scheduledAt(item.key) !== item.at) this.scheduler.add(item);
    }
    if (before) for (const key of before) if (!now.has(key)) this.scheduler.remove(key);
    if (now.size > 0) this.byInstance.set(state.instanceId, now);
    else this.byInstance.delete(state.instanceId);
  }

  private settable(): SettableClock {
    const clock = this.clock as Partial<SettableClock>;
    if (typeof clock.set !== 'function') throw new Error('moving time needs a virtual clock (ManualClock); a real clock fires timers with start()');
    return clock as SettableClock;
  }
}
