import { closesAt, isOpen, nextOpen } from './calendar';
import type { WeeklyCalendar } from './calendar';
import { Heap } from './heap';
import { nextOpenAll, openMsAll, workEndAll } from './joint-shifts';
import type { ResourceParameters } from './scenario';

/** A task waiting for, or holding, resources. */
export interface QueuedWork {
  priority: number;
  enabledAt: number;
  seq: number;
  canceled: boolean;
}

/**
 * One role's units (`clerk-1`, `clerk-2`...), its queue of waiting tasks (priority, then FIFO)
 * and its busy time. A unit works only while the role's calendar is open.
 */
export class Pool<W extends QueuedWork> {
  readonly free: number[];
  readonly queue = new Heap<W>((a, b) => a.priority > b.priority || (a.priority === b.priority && (a.enabledAt < b.enabledAt || (a.enabledAt === b.enabledAt && a.seq < b.seq))));
  busyMs = 0;
  cost = 0;
  /** A wake-up at the next opening is already scheduled. */
  wakePending = false;

  constructor(readonly params: ResourceParameters, readonly calendar: WeeklyCalendar | null) {
    this.free = Array.from({ length: params.quantity }, (_, i) => params.quantity - i);
  }

  onShift(t: number): boolean {
    return this.calendar === null || isOpen(this.calendar, t);
  }

  nextShift(t: number): number {
    return this.calendar === null ? t : nextOpen(this.calendar, t);
  }

  unitName(unit: number): string {
    return `${this.params.id}-${unit}`;
  }

  /** When `workMs` of on-shift time, starting at `t`, is done (a task pauses outside the calendar; `Infinity`: the calendar ends first). */
  workEnd(t: number, workMs: number): number {
    const c = this.calendar;
    if (c === null) return t + workMs;
    let at = t;
    let left = workMs;
    for (let guard = 0; guard < 100_000; guard++) {
      at = nextOpen(c, at);
      if (at === Infinity) return at; // the calendar has ended (RRULE UNTIL or COUNT): the work never ends
      const close = closesAt(c, at);
      if (at + left <= close) return at + left;
      left -= close - at;
      at = close;
    }
    return at + left;
  }

  /** On-shift unit-time in [from, to): the denominator of utilization. */
  availableMs(from: number, to: number): number {
    const c = this.calendar;
    if (c === null) return (to - from) * this.params.quantity;
    let sum = 0;
    let t = from;
    while (t < to) {
      t = nextOpen(c, t);
      if (t >= to) break;
      const close = Math.min(closesAt(c, t), to);
      sum += close - t;
      t = close;
    }
    return sum * this.params.quantity;
  }
}

/**
 * When `workMs` of work, starting at `t`, is done on the units of `pools` a task holds: it works
 * only while all their calendars are open (one role, or one calendar: that pool's own `workEnd`).
 */
export function heldWorkEnd<W extends QueuedWork>(pools: ReadonlyArray<Pool<W>>, t: number, workMs: number): number {
  if (pools.length === 1) return pools[0].workEnd(t, workMs);
  const calendars = calendarsOf(pools);
  return calendars.length === 0 ? t + workMs : workEndAll(calendars, t, workMs);
}

/** The work time a task holding the units of `pools` since `from` has done by `to`: the time all their calendars were open. */
export function heldWorkedMs<W extends QueuedWork>(pools: ReadonlyArray<Pool<W>>, from: number, to: number): number {
  const calendars = calendarsOf(pools);
  return calendars.length === 0 ? to - from : openMsAll(calendars, from, to);
}

/** When all of `pools` are next on shift together (at or after `t`). */
export function nextShiftOfAll<W extends QueuedWork>(pools: ReadonlyArray<Pool<W>>, t: number): number {
  const calendars = calendarsOf(pools);
  return calendars.length === 0 ? t : nextOpenAll(calendars, t);
}

/** The distinct calendars of `pools`. */
function calendarsOf<W extends QueuedWork>(pools: ReadonlyArray<Pool<W>>): WeeklyCalendar[] {
  const calendars: WeeklyCalendar[] = [];
  for (const p of pools) if (p.calendar !== null && !calendars.includes(p.calendar)) calendars.push(p.calendar);
  return calendars;
}
