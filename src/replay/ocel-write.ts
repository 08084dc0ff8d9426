import { withEngineObjects } from './engine-log';
import { type AttrValue, type EventLog, isDate, iso, LIFECYCLES, type LogObject, type Relation } from './model';

/**
 * Writes a log as OCEL 2.0 JSON. Objects and relations come from the log when it has them (an
 * OCEL source, an engine export: process instances, user tasks, jobs; an engine log read from
 * XES gets them again from its `flowdeck:*` attributes); otherwise every case becomes
 * an object of type `case`, related to its events with the qualifier `case`. The lifecycle and the
 * resource travel as the event attributes `lifecycle:transition` and `org:resource`. An OCEL event
 * that was in several cases is written once; objects carry their O2O relations (engine exports: a
 * user task or job `part of` its process instance).
 *
 * @example
 * writeFileSync('out.jsonocel', writeOcel(log));
 */
export function writeOcel(source: EventLog): string {
  const log = withEngineObjects(source);
  const objects: LogObject[] = [...log.objects];
  const known = new Set(objects.map((o) => o.id));
  const caseObject = (c: string): Relation => {
    if (!known.has(c)) {
      known.add(c);
      objects.push({ id: c, type: 'case', attributes: {} });
    }
    return { objectId: c, qualifier: 'case' };
  };
  const eventTypes = new Map<string, Map<string, string>>();
  const events: unknown[] = [];
  const written = new Set<string>();
  for (let i = 0; i < log.size; i++) {
    const source = log.sourceIds.get(i);
    if (source !== undefined && written.has(source)) continue;
    const id = source ?? `e${i + 1}`;
    written.add(id);
    const activity = log.activities[log.activityOf[i]];
    const attrs: Array<{ name: string; value: unknown }> = [{ name: 'lifecycle:transition', value: LIFECYCLES[log.lifecycleOf[i]] }];
    const r = log.resourceOf[i];
    if (r >= 0) attrs.push({ name: 'org:resource', value: log.resources[r] });
    for (const [name, v] of Object.entries(log.attributes.get(i) ?? {})) attrs.push({ name, value: plain(v) });
    const declared = eventTypes.get(activity) ?? new Map<string, string>();
    eventTypes.set(activity, declared);
    for (const [name, v] of Object.entries(log.attributes.get(i) ?? {})) declared.set(name, typeName(v));
    declared.set('lifecycle:transition', 'string');
    if (r >= 0) declared.set('org:resource', 'string');
    const relations = log.relations.get(i) ?? [caseObject(log.cases[log.caseOf[i]])];
    events.push({ id, type: activity, time: iso(log.timeOf[i]), attributes: attrs, relationships: relations.map((x) => ({ objectId: x.objectId, qualifier: x.qualifier })) });
  }
  const objectTypes = new Map<string, Map<string, string>>();
  for (const o of objects) {
    const declared = objectTypes.get(o.type) ?? new Map<string, string>();
    objectTypes.set(o.type, declared);
    for (const [name, v] of Object.entries(o.attributes)) declared.set(name, typeName(v));
  }
  const doc = {
    objectTypes: [...objectTypes].map(([name, a]) => ({ name, attributes: [...a].map(([n, type]) => ({ name: n, type })) })),
    eventTypes: [...eventTypes].map(([name, a]) => ({ name, attributes: [...a].map(([n, type]) => ({ name: n, type })) })),
    objects: objects.map((o) => ({
      id: o.id, type: o.type, attributes: Object.entries(o.attributes).map(([name, v]) => ({ name, time: '1970-01-01T00:00:00.000Z', value: plain(v) })),
      // O2O; a relation to an object the log does not hold (a parent outside the export) is left out, as OCEL refers only to listed objects.
      relationships: (o.relationships ?? []).filter((r) => known.has(r.objectId)).map((r) => ({ objectId: r.objectId, qualifier: r.qualifier })),
    })),
    events,
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

/** OCEL attribute values are simple: a nested XES value goes out as its JSON text. */
function plain(v: AttrValue): string | number | boolean {
  if (typeof v !== 'object') return v;
  return isDate(v) ? iso(v.date) : JSON.stringify(v);
}

function typeName(v: AttrValue): string {
  if (typeof v === 'object') return isDate(v) ? 'time' : 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'float';
  return typeof v === 'boolean' ? 'boolean' : 'string';
}
