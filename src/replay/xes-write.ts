import { type Attributes, type AttrValue, type EventLog, eventsByCase, iso, LIFECYCLES } from './model';

const HEADER = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<log xes.version="1849-2016" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">',
  '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
  '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
  '  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>',
  '  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
  '  <global scope="trace"><string key="concept:name" value="__INVALID__"/></global>',
  '  <global scope="event"><string key="concept:name" value="__INVALID__"/><date key="time:timestamp" value="1970-01-01T00:00:00.000Z"/><string key="lifecycle:transition" value="complete"/></global>',
  '  <classifier name="Activity" keys="concept:name"/>',
  '  <classifier name="Activity and transition" keys="concept:name lifecycle:transition"/>',
];

/**
 * Writes a log as XES (IEEE 1849-2016, concept / time / lifecycle / org extensions): one trace per
 * case in first-seen order, its events in log order, every kept attribute typed (string, int,
 * float, boolean, date). Yields text chunks of about a trace each, so a large log is never one string.
 *
 * @example
 * for (const chunk of xesChunks(log)) stream.write(chunk);
 */
export function* xesChunks(log: EventLog): Generator<string> {
  yield `${HEADER.join('\n')}\n  <string key="concept:name" value="${xml(log.name ?? 'flowdeck')}"/>\n`;
  const byCase = eventsByCase(log);
  for (let c = 0; c < byCase.length; c++) {
    const out: string[] = ['  <trace>', `    <string key="concept:name" value="${xml(log.cases[c])}"/>`];
    const ca = log.caseAttributes.get(c);
    if (ca) out.push(`    ${attributes(ca)}`);
    for (const i of byCase[c]) {
      const r = log.resourceOf[i];
      const extra = log.attributes.get(i);
      out.push(
        `    <event><string key="concept:name" value="${xml(log.activities[log.activityOf[i]])}"/>` +
          `<string key="lifecycle:transition" value="${LIFECYCLES[log.lifecycleOf[i]]}"/>` +
          `<date key="time:timestamp" value="${iso(log.timeOf[i])}"/>` +
          (r < 0 ? '' : `<string key="org:resource" value="${xml(log.resources[r])}"/>`) +
          (extra ? attributes(extra) : '') +
          '</event>',
      );
    }
    out.push('  </trace>\n');
    yield out.join('\n');
  }
  yield '</log>\n';
}

/** The whole XES text (see {@link xesChunks}). */
export function writeXes(log: EventLog): string {
  return [...xesChunks(log)].join('');
}

function attributes(a: Attributes): string {
  let s = '';
  for (const key in a) s += attribute(key, a[key]);
  return s;
}

function attribute(key: string, v: AttrValue): string {
  const k = xml(key);
  if (typeof v === 'object') return `<date key="${k}" value="${iso(v.date)}"/>`;
  if (typeof v === 'boolean') return `<boolean key="${k}" value="${v}"/>`;
  if (typeof v === 'number') return `<${Number.isInteger(v) ? 'int' : 'float'} key="${k}" value="${v}"/>`;
  return `<string key="${k}" value="${xml(v)}"/>`;
}

/** XML attribute text (line breaks and tabs as references, so they survive attribute normalisation). */
export function xml(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };
