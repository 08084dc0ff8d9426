/**
 * The event log every reader produces and every writer, the player and the heatmaps read: one
 * column per field (typed arrays and string tables), so a million events fit in a few tens of MiB
 * and travel from a worker to the page as transferable buffers.
 */

/** The standard transitions of the XES lifecycle extension (IEEE 1849, "standard" model). */
export const LIFECYCLES = [
  'schedule', 'assign', 'reassign', 'withdraw', 'start', 'suspend', 'resume', 'pi_abort', 'ate_abort', 'complete', 'autoskip', 'manualskip', 'unknown',
] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
const LIFECYCLE_INDEX = new Map<string, number>(LIFECYCLES.map((l, i) => [l, i]));
export const START = LIFECYCLE_INDEX.get('start') as number;
export const COMPLETE = LIFECYCLE_INDEX.get('complete') as number;
export const UNKNOWN = LIFECYCLE_INDEX.get('unknown') as number;

/** The index of a transition, or undefined when it is not a standard one. */
export function lifecycleIndex(name: string): number | undefined {
  return LIFECYCLE_INDEX.get(name) ?? LIFECYCLE_INDEX.get(name.toLowerCase());
}

export type LogFormat = 'xes' | 'ocel' | 'csv' | 'engine';

/** A simple attribute value; dates are kept as `{ date: epochMs }` so writers can type them again. */
export type ScalarValue = string | number | boolean | { date: number };
/** One attribute inside a nested one (keys may repeat inside a list). */
export interface AttrEntry {
  key: string;
  value: AttrValue;
}
/**
 * An attribute value: a simple one, or XES's nested ones (IEEE 1849 "nested-attributes"): a
 * `list` (ordered), a `container` (keyed, kept in order), or a simple value carrying attributes
 * of its own (`meta`).
 */
export type AttrValue = ScalarValue | { list: AttrEntry[] } | { container: AttrEntry[] } | { value: ScalarValue; meta: AttrEntry[] };
export type Attributes = Record<string, AttrValue>;

/** An OCEL object (also made from engine histories: process instances, user tasks, jobs). */
export interface LogObject {
  id: string;
  type: string;
  attributes: Attributes;
  /** OCEL 2.0 object-to-object (O2O) relations: a user task `part of` its process instance, an order that `contains` items. */
  relationships?: Relation[];
}

/** A relation to an object (OCEL E2O from an event, O2O from an object), with its qualifier. */
export interface Relation {
  objectId: string;
  qualifier: string;
}

/** One event, as a plain object (for tests, writers and the UI; the columns are what is stored). */
export interface LogEvent {
  caseId: string;
  activity: string;
  lifecycle: Lifecycle;
  /** Epoch milliseconds. */
  time: number;
  resource: string | null;
  attributes: Attributes;
}

export interface EventLog {
  format: LogFormat;
  name: string | null;
  size: number;
  /** Per event: index into `cases`, `activities`, `LIFECYCLES`, `resources` (-1: none), time in epoch ms. */
  caseOf: Int32Array;
  activityOf: Int32Array;
  lifecycleOf: Uint8Array;
  timeOf: Float64Array;
  resourceOf: Int32Array;
  cases: string[];
  activities: string[];
  resources: string[];
  /** Attributes beyond the standard ones, only for the events that have any. */
  attributes: Map<number, Attributes>;
  caseAttributes: Map<number, Attributes>;
  /** OCEL sources (and engine exports): the objects and, per event, its relations. */
  objects: LogObject[];
  relations: Map<number, Relation[]>;
  /** OCEL sources: the event's id in the source (one OCEL event may be in several cases). */
  sourceIds: Map<number, string>;
}

/**
 * A log that cannot be read: `where` names the line (`line 12`) or the JSON path
 * (`$.events[3].time`) and, when known, the file.
 */
export class LogError extends Error {
  constructor(
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${where}: ${reason}`);
    this.name = 'LogError';
  }
}

/**
 * Appends events in file order, interning case ids, activities and resources.
 *
 * @example
 * const b = new LogBuilder('csv');
 * b.add('case-1', 'Approve', 'complete', Date.parse('2026-01-01T10:00:00Z'), 'ana');
 * const log = b.finish();
 */
export class LogBuilder {
  private n = 0;
  private caseOf = new Int32Array(1024);
  private activityOf = new Int32Array(1024);
  private lifecycleOf = new Uint8Array(1024);
  private timeOf = new Float64Array(1024);
  private resourceOf = new Int32Array(1024);
  private readonly caseIndex = new Map<string, number>();
  private readonly activityIndex = new Map<string, number>();
  private readonly resourceIndex = new Map<string, number>();
  private readonly cases: string[] = [];
  private readonly activities: string[] = [];
  private readonly resources: string[] = [];
  private readonly attributes = new Map<number, Attributes>();
  private readonly caseAttributes = new Map<number, Attributes>();
  private readonly relations = new Map<number, Relation[]>();
  readonly sourceIds = new Map<number, string>();
  objects: LogObject[] = [];
  name: string | null = null;

  constructor(private readonly format: LogFormat) {}

  get size(): number {
    return this.n;
  }

  /** The index of a case, created when new (a case with no events still counts). */
  caseId(id: string): number {
    return intern(this.caseIndex, this.cases, id);
  }

  setCaseAttributes(caseIdx: number, attributes: Attributes): void {
    if (Object.keys(attributes).length > 0) this.caseAttributes.set(caseIdx, attributes);
  }

  /** Appends an event; `lifecycle` is a standard transition (see {@link lifecycleIndex}). Returns its index. */
  add(caseId: string | number, activity: string, lifecycle: Lifecycle | number, time: number, resource: string | null, attributes?: Attributes, relations?: Relation[]): number {
    if (this.n === this.caseOf.length) this.grow();
    const i = this.n++;
    this.caseOf[i] = typeof caseId === 'number' ? caseId : this.caseId(caseId);
    this.activityOf[i] = intern(this.activityIndex, this.activities, activity);
    this.lifecycleOf[i] = typeof lifecycle === 'number' ? lifecycle : (LIFECYCLE_INDEX.get(lifecycle) as number);
    this.timeOf[i] = time;
    this.resourceOf[i] = resource === null || resource === '' ? -1 : intern(this.resourceIndex, this.resources, resource);
    if (attributes && Object.keys(attributes).length > 0) this.attributes.set(i, attributes);
    if (relations && relations.length > 0) this.relations.set(i, relations);
    return i;
  }

  finish(): EventLog {
    const n = this.n;
    return {
      format: this.format, name: this.name, size: n,
      caseOf: this.caseOf.slice(0, n), activityOf: this.activityOf.slice(0, n), lifecycleOf: this.lifecycleOf.slice(0, n),
      timeOf: this.timeOf.slice(0, n), resourceOf: this.resourceOf.slice(0, n),
      cases: this.cases, activities: this.activities, resources: this.resources,
      attributes: this.attributes, caseAttributes: this.caseAttributes, objects: this.objects, relations: this.relations, sourceIds: this.sourceIds,
    };
  }

  private grow(): void {
    const size = this.caseOf.length * 2;
    this.caseOf = resized(this.caseOf, new Int32Array(size));
    this.activityOf = resized(this.activityOf, new Int32Array(size));
    this.lifecycleOf = resized(this.lifecycleOf, new Uint8Array(size));
    this.timeOf = resized(this.timeOf, new Float64Array(size));
    this.resourceOf = resized(this.resourceOf, new Int32Array(size));
  }
}

/** Event `i` of a log as a plain object. */
export function eventAt(log: EventLog, i: number): LogEvent {
  const r = log.resourceOf[i];
  return {
    caseId: log.cases[log.caseOf[i]], activity: log.activities[log.activityOf[i]], lifecycle: LIFECYCLES[log.lifecycleOf[i]],
    time: log.timeOf[i], resource: r < 0 ? null : log.resources[r], attributes: log.attributes.get(i) ?? {},
  };
}

/** Every event as a plain object, in log order. */
export function eventsOf(log: EventLog): LogEvent[] {
  const out: LogEvent[] = [];
  for (let i = 0; i < log.size; i++) out.push(eventAt(log, i));
  return out;
}

/** Event indices grouped by case, each case's events in log order (cases in first-seen order). */
export function eventsByCase(log: EventLog): number[][] {
  const out: number[][] = log.cases.map(() => []);
  for (let i = 0; i < log.size; i++) out[log.caseOf[i]].push(i);
  return out;
}

function intern(index: Map<string, number>, table: string[], value: string): number {
  let i = index.get(value);
  if (i === undefined) {
    i = table.length;
    table.push(value);
    index.set(value, i);
  }
  return i;
}

/** `old`'s values copied into the larger `next`. */
export function resized<T extends Int32Array | Uint8Array | Float64Array>(old: T, next: T): T {
  next.set(old);
  return next;
}

/** Whether a value is a date (`{ date }`), not a nested one. */
export function isDate(v: AttrValue): v is { date: number } {
  return typeof v === 'object' && 'date' in v;
}

/** The simple value of an attribute (a list or container: null). */
export function scalarOf(v: AttrValue): ScalarValue | null {
  if (typeof v !== 'object' || 'date' in v) return v;
  return 'value' in v ? v.value : null;
}

/** ISO 8601 UTC of epoch milliseconds. */
export function iso(t: number): string {
  return new Date(t).toISOString();
}
