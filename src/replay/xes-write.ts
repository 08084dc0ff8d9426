import { type AttrEntry, type Attributes, type AttrValue, type EventLog, type ScalarValue, eventsByCase, iso, LIFECYCLES } from './model';

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
 * float, boolean, date; nested ones as `list` (in `<values>`), `container` and attributes inside
 * attributes). Yields text chunks of about a trace each, so a large log is never one string.
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
  if (typeof v !== 'object') return simple(k, v, '/>');
  if ('date' in v) return simple(k, v, '/>');
  if ('list' in v) return `<list key="${k}"><values>${entries(v.list)}</values></list>`;
  if ('container' in v) return `<container key="${k}">${entries(v.container)}</container>`;
  return simple(k, v.value, `>${entries(v.meta)}</${typeOf(v.value)}>`);
}

/** A simple attribute, `end` closing it (`/>`, or its children and the end tag). */
function simple(k: string, v: ScalarValue, end: string): string {
  const value = typeof v === 'object' ? iso(v.date) : typeof v === 'string' ? xml(v) : String(v);
  return `<${typeOf(v)} key="${k}" value="${value}"${end}`;
}

function typeOf(v: ScalarValue): string {
  if (typeof v === 'object') return 'date';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'string';
}

function entries(list: AttrEntry[]): string {
  let s = '';
  for (const e of list) s += attribute(e.key, e.value);
  return s;
}

/** XML attribute text (line breaks and tabs as references, so they survive attribute normalisation). */
export function xml(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };
