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
 * The simulated log as XES (IEEE 1849-2016) with the concept, time, lifecycle and org extensions:
 * one trace per case, `start` and `complete` events per task (and `assign`, when it waited, at its
 * enable time).
 */
export function toXes(log: readonly LogEntry[], name = 'flowdeck simulation'): string {
  const byCase = new Map<string, LogEntry[]>();
  for (const e of log) {
    const list = byCase.get(e.caseId) ?? [];
    list.push(e);
    byCase.set(e.caseId, list);
  }
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<log xes.version="1849-2016" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">',
    '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
    '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
    '  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>',
    '  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
    '  <global scope="trace"><string key="concept:name" value="__INVALID__"/></global>',
    '  <global scope="event"><string key="concept:name" value="__INVALID__"/><date key="time:timestamp" value="1970-01-01T00:00:00.000Z"/><string key="lifecycle:transition" value="complete"/></global>',
    '  <classifier name="Activity" keys="concept:name"/>',
    `  <string key="concept:name" value="${xml(name)}"/>`,
  ];
  for (const [caseId, entries] of byCase) {
    out.push(`  <trace>`, `    <string key="concept:name" value="${xml(caseId)}"/>`);
    for (const e of entries) {
      if (e.startTime > e.enableTime) out.push(event(e, 'assign', e.enableTime));
      out.push(event(e, 'start', e.startTime), event(e, 'complete', e.endTime));
    }
    out.push('  </trace>');
  }
  out.push('</log>');
  return `${out.join('\n')}\n`;
}

function event(e: LogEntry, transition: string, time: number): string {
  const resource = e.resource ? `<string key="org:resource" value="${xml(e.resource)}"/>` : '';
  return `    <event><string key="concept:name" value="${xml(e.activity)}"/><string key="lifecycle:transition" value="${transition}"/><date key="time:timestamp" value="${iso(time)}"/>${resource}</event>`;
}

function iso(t: number): string {
  return new Date(t).toISOString();
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
