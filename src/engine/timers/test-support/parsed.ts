/** Helpers for the timer specs: unwrap parser results, parse schedules as they come back from storage. */
import { parseTimer } from '../parse-timer';
import type { Parsed, TimerKind, TimerSchedule } from '../types';

/** An instant as ISO text (null stays null), so failures read as dates. */
export const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

/** The value of a parser result; throws with the reason when it failed. */
export function valueOf<T>(r: Parsed<T>, text: string): T {
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r.value;
}

/** The reason of a parser result; throws when it succeeded. */
export function reasonOf<T>(r: Parsed<T>, text: string): string {
  if (r.ok) throw new Error(`${text} parsed`);
  return r.reason;
}

/** A schedule through `parseTimer` and a JSON round trip, as the scheduler reads it from storage. */
export function storedSchedule(kind: TimerKind, value: string): TimerSchedule {
  const r = parseTimer({ kind, value });
  if (!r.ok) throw new Error(r.error);
  return JSON.parse(JSON.stringify(r.schedule)) as TimerSchedule;
}
