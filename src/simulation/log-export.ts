import { csvField } from '../replay/csv-write';
import { iso, LogBuilder } from '../replay/model';
import { writeOcel } from '../replay/ocel-write';
import { writeXes } from '../replay/xes-write';
import type { LogEntry } from './replication';

/**
 * The simulated log as Prosimos writes it: `case_id,activity,enable_time,start_time,end_time,resource`,
 * times ISO 8601 UTC. Fields with a comma, quote or line break are quoted (RFC 4180).
 *
 * @example
 * toProsimosCsv([{ caseId: '1', activity: 'Serve', enableTime: 0, startTime: 0, endTime: 60000, resource: 'Clerk-1' }]);
 * // 'case_id,activity,enable_time,start_time,end_time,resource\r\n1,Serve,1970-01-01T00:00:00.000Z,...'
 */
export function toProsimosCsv(log: readonly LogEntry[]): string {
  const rows = ['case_id,activity,enable_time,start_time,end_time,resource'];
  for (const e of log) rows.push([e.caseId, e.activity, iso(e.enableTime), iso(e.startTime), iso(e.endTime), e.resource].map(csvField).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * The simulated log as XES (IEEE 1849-2016) with the concept, time, lifecycle and org extensions,
 * written by src/replay's XES writer: one trace per case, `start` and `complete` events per task
 * (and `assign`, when it waited, at its enable time).
 */
export function toXes(log: readonly LogEntry[], name = 'flowdeck simulation'): string {
  return writeXes(eventLog(log, 'xes', name));
}

/**
 * The simulated log as OCEL 2.0 JSON, written by src/replay's OCEL writer: every case is an object
 * of type `case`; events as in {@link toXes}.
 */
export function toOcel(log: readonly LogEntry[], name = 'flowdeck simulation'): string {
  return writeOcel(eventLog(log, 'ocel', name));
}

function eventLog(log: readonly LogEntry[], format: 'xes' | 'ocel', name: string) {
  const b = new LogBuilder(format);
  b.name = name;
  for (const e of log) {
    if (e.startTime > e.enableTime) b.add(e.caseId, e.activity, 'assign', e.enableTime, e.resource);
    b.add(e.caseId, e.activity, 'start', e.startTime, e.resource);
    b.add(e.caseId, e.activity, 'complete', e.endTime, e.resource);
  }
  return b.finish();
}
