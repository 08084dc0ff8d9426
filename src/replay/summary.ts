import type { DiagramModel } from './diagram-model';
import { matchActivities } from './match';
import { type EventLog, iso, type LogFormat } from './model';

/** `flowdeck log --json`: exactly these keys (`matched`/`unmatched` only with a model). */
export interface LogSummary {
  format: LogFormat;
  cases: number;
  events: number;
  activities: Record<string, number>;
  start: string | null;
  end: string | null;
  matched?: Record<string, string>;
  unmatched?: string[];
}

/**
 * The summary of a log: cases, events, events per activity (sorted by name), first and last time.
 * @example
 * summarize(log, readDiagramModel(xml)).unmatched; // ['Send reminder']
 */
export function summarize(log: EventLog, model?: DiagramModel): LogSummary {
  const counts = new Int32Array(log.activities.length);
  let start = Infinity;
  let end = -Infinity;
  for (let i = 0; i < log.size; i++) {
    counts[log.activityOf[i]]++;
    const t = log.timeOf[i];
    if (t < start) start = t;
    if (t > end) end = t;
  }
  const activities: Record<string, number> = {};
  for (const [a, i] of log.activities.map((a, i) => [a, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) activities[a] = counts[i];
  const summary: LogSummary = {
    format: log.format, cases: log.cases.length, events: log.size, activities, start: log.size ? iso(start) : null, end: log.size ? iso(end) : null,
  };
  if (model) {
    const m = matchActivities(log, model);
    summary.matched = m.matched;
    summary.unmatched = m.unmatched;
  }
  return summary;
}
