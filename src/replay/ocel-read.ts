import { type Attributes, type AttrValue, type EventLog, LogBuilder, LogError, type LogObject, type Relation, lifecycleIndex, COMPLETE } from './model';

interface OcelAttr { name: string; value: unknown; time?: string }
interface OcelRel { objectId: string; qualifier?: string }

/**
 * Reads an OCEL 2.0 JSON log, flattened on one object type (the case notion): each event becomes
 * an event of every object of type `objectType` it relates to (events related to none are left
 * out). Without `objectType`, the type related to the most events is used. Lifecycle comes from an
 * event attribute `lifecycle:transition` (or `lifecycle`; default `complete`), the resource from
 * `org:resource` (or `resource`). Objects keep their O2O relations (`relationships`). Errors name
 * the JSON path.
 *
 * @example
 * const log = readOcel(text, { objectType: 'order' });
 */
export function readOcel(text: string, options: { objectType?: string; file?: string } = {}): EventLog {
  const file = options.file ?? 'log';
  const fail = (path: string, reason: string) => new LogError(`${file}: ${path}`, reason);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw fail('$', `not JSON: ${(e as Error).message}`);
  }
  if (!isObject(doc)) throw fail('$', 'an OCEL 2.0 log is a JSON object');
  const events = doc.events;
  const objects = doc.objects;
  if (!Array.isArray(events)) throw fail('$.events', 'missing or not an array (an OCEL 2.0 JSON log has "events" and "objects")');
  if (!Array.isArray(objects)) throw fail('$.objects', 'missing or not an array');
  const types = attributeTypes(doc.eventTypes);
  const builder = new LogBuilder('ocel');
  const typeOf = new Map<string, string>();
  builder.objects = objects.map((o, i): LogObject => {
    const path = `$.objects[${i}]`;
    if (!isObject(o) || typeof o.id !== 'string' || typeof o.type !== 'string') throw fail(path, 'an object needs a string "id" and "type"');
    typeOf.set(o.id, o.type);
    return { id: o.id, type: o.type, attributes: objectAttributes(o.attributes, `${path}.attributes`, fail) };
  });
  // O2O relations, once every object is known (one may name an object listed after it).
  objects.forEach((o: Record<string, unknown>, i) => {
    const rels = relationsOf(o.relationships, `$.objects[${i}].relationships`, typeOf, fail);
    if (rels.length > 0) builder.objects[i].relationships = rels;
  });
  const counts = new Map<string, number>();
  const parsed = events.map((e, i) => {
    const path = `$.events[${i}]`;
    if (!isObject(e)) throw fail(path, 'an event is an object');
    if (typeof e.id !== 'string') throw fail(`${path}.id`, 'missing or not a string');
    if (typeof e.type !== 'string') throw fail(`${path}.type`, 'missing or not a string');
    const time = typeof e.time === 'string' ? Date.parse(e.time) : NaN;
    if (Number.isNaN(time)) throw fail(`${path}.time`, `${JSON.stringify(e.time)} is not an ISO 8601 time`);
    const relations = relationsOf(e.relationships, `${path}.relationships`, typeOf, fail);
    const seen = new Set<string>();
    for (const r of relations) {
      const t = typeOf.get(r.objectId) as string;
      if (!seen.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
      seen.add(t);
    }
    return { e, path, time, relations };
  });
  const objectType = options.objectType ?? mostRelated(counts);
  if (objectType === undefined) throw fail('$.events', 'no event relates to any object: there is no case notion to follow');
  if (!builder.objects.some((o) => o.type === objectType)) {
    const known = [...new Set(builder.objects.map((o) => o.type))].sort();
    throw fail('$.objects', `no object of type "${objectType}" (types: ${known.join(', ') || 'none'})`);
  }
  for (const o of builder.objects) if (o.type === objectType) builder.caseId(o.id);
  for (const { e, path, time, relations } of parsed) {
    const attrs = eventAttributes(e.attributes, `${path}.attributes`, types.get(e.type as string), fail);
    const transition = attrs['lifecycle:transition'] ?? attrs.lifecycle;
    delete attrs['lifecycle:transition'];
    delete attrs.lifecycle;
    const lifecycle = transition === undefined ? COMPLETE : lifecycleIndex(String(transition));
    if (lifecycle === undefined) throw fail(`${path}.attributes`, `lifecycle "${String(transition)}" is not a standard XES transition`);
    const resource = attrs['org:resource'] ?? attrs.resource;
    delete attrs['org:resource'];
    delete attrs.resource;
    for (const r of relations) {
      if (typeOf.get(r.objectId) !== objectType) continue;
      const i = builder.add(r.objectId, e.type as string, lifecycle, time, resource === undefined ? null : String(resource), { ...attrs }, relations);
      builder.sourceIds.set(i, e.id as string);
    }
  }
  return builder.finish();
}

/** Object types with how many events relate to them, most first (for a case-notion picker). */
export function ocelObjectTypes(text: string): Array<{ type: string; events: number }> {
  const doc = JSON.parse(text) as { events?: Array<{ relationships?: OcelRel[] }>; objects?: Array<{ id: string; type: string }> };
  const typeOf = new Map((doc.objects ?? []).map((o) => [o.id, o.type]));
  const counts = new Map<string, number>();
  for (const t of new Set(typeOf.values())) counts.set(t, 0);
  for (const e of doc.events ?? []) {
    for (const t of new Set((e.relationships ?? []).map((r) => typeOf.get(r.objectId)))) if (t !== undefined) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].map(([type, events]) => ({ type, events })).sort((a, b) => b.events - a.events || a.type.localeCompare(b.type));
}

/** An OCEL `relationships` array (of an event: E2O, of an object: O2O); each must name a listed object. */
function relationsOf(list: unknown, path: string, typeOf: Map<string, string>, fail: Fail): Relation[] {
  const rels = list ?? [];
  if (!Array.isArray(rels)) throw fail(path, 'not an array');
  return rels.map((r: unknown, j: number): Relation => {
    if (!isObject(r) || typeof r.objectId !== 'string') throw fail(`${path}[${j}].objectId`, 'missing or not a string');
    if (!typeOf.has(r.objectId)) throw fail(`${path}[${j}].objectId`, `no object "${r.objectId}" in $.objects`);
    return { objectId: r.objectId, qualifier: typeof r.qualifier === 'string' ? r.qualifier : '' };
  });
}

function mostRelated(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  for (const [t, n] of counts) if (best === undefined || n > (counts.get(best) as number)) best = t;
  return best;
}

function attributeTypes(eventTypes: unknown): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  if (!Array.isArray(eventTypes)) return out;
  for (const t of eventTypes) {
    if (!isObject(t) || typeof t.name !== 'string' || !Array.isArray(t.attributes)) continue;
    out.set(t.name, new Map(t.attributes.filter(isObject).map((a) => [String(a.name), String(a.type)])));
  }
  return out;
}

type Fail = (path: string, reason: string) => LogError;

function eventAttributes(list: unknown, path: string, types: Map<string, string> | undefined, fail: Fail): Attributes {
  const out: Attributes = {};
  if (list === undefined) return out;
  if (!Array.isArray(list)) throw fail(path, 'not an array');
  list.forEach((a: unknown, i) => {
    if (!isObject(a) || typeof a.name !== 'string') throw fail(`${path}[${i}].name`, 'missing or not a string');
    out[a.name] = attrValue((a as unknown as OcelAttr).value, types?.get(a.name), `${path}[${i}].value`, fail);
  });
  return out;
}

function objectAttributes(list: unknown, path: string, fail: Fail): Attributes {
  const out: Attributes = {};
  if (list === undefined) return out;
  if (!Array.isArray(list)) throw fail(path, 'not an array');
  // Object attributes change over time in OCEL 2.0; the log keeps each one's latest value.
  list.forEach((a: unknown, i) => {
    if (!isObject(a) || typeof a.name !== 'string') throw fail(`${path}[${i}].name`, 'missing or not a string');
    out[a.name] = attrValue((a as unknown as OcelAttr).value, undefined, `${path}[${i}].value`, fail);
  });
  return out;
}

function attrValue(v: unknown, type: string | undefined, path: string, fail: Fail): AttrValue {
  if (type === 'time' && typeof v === 'string') {
    const t = Date.parse(v);
    if (Number.isNaN(t)) throw fail(path, `"${v}" is not an ISO 8601 time`);
    return { date: t };
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw fail(path, 'an attribute value is a string, number or boolean');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
