/** Playback speeds offered (× the base rate). */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

/**
 * Log milliseconds per wall-clock millisecond at 1×: the whole log plays in one minute (a log of
 * days and a 3-second instance are both watchable); at least real time, so short logs do not race.
 *
 * @example
 * baseRate(0, 3_600_000); // 60: an hour of log per minute
 */
export function baseRate(start: number, end: number): number {
  return Math.max(1, (end - start) / 60_000);
}

/** The next time while playing: `t` moved by `elapsedMs` of wall time at `speed`, stopping at `end`. */
export function nextTime(t: number, elapsedMs: number, speed: number, start: number, end: number): number {
  return Math.min(end, t + elapsedMs * speed * baseRate(start, end));
}

/** A colour per case, well apart for neighbours (golden-angle hues). */
export function caseColour(caseIndex: number): string {
  return `hsl(${(caseIndex * 137.508) % 360}, 75%, 45%)`;
}

/** A time as the log shows it: ISO 8601 in UTC, or `+1m 20.5s` from the start on a relative clock. */
export function formatLogTime(t: number, relative: boolean): string {
  if (!relative) return new Date(t).toISOString().replace('T', ' ').replace('Z', ' UTC');
  const s = t / 1000;
  const m = Math.floor(s / 60);
  return `+${m > 0 ? `${m}m ` : ''}${(s - m * 60).toFixed(1)}s`;
}

/** A duration for legends: ms, s, min, h or d. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}
