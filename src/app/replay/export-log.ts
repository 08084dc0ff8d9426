import type { EventLog } from '../../replay';
import { writeOcel } from '../../replay/ocel-write';
import { writeXes } from '../../replay/xes-write';

/**
 * Saves a log as XES or OCEL 2.0 JSON (an instance's history: process instance, user task and
 * job objects; element events with lifecycle transitions), for ProM, PM4Py, bupaR or Celonis.
 *
 * @example
 * exportLog(log, 'xes', 'instance-7');
 */
export function exportLog(log: EventLog, format: 'xes' | 'ocel', name: string): void {
  const text = format === 'xes' ? writeXes(log) : writeOcel(log);
  const url = URL.createObjectURL(new Blob([text], { type: format === 'xes' ? 'application/xml' : 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name.replace(/[\\/:*?"<>|]+/g, '-')}.${format === 'xes' ? 'xes' : 'jsonocel'}`;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
