import type { ModdleElement } from '../../engine';
import type { CaseVariable, Distribution, Scenario, ScenarioEdit, TimeValue } from '../../simulation';
import type { CalendarDraft } from './calendar-draft';
import { calendarDraftOf, calendarProblems, calendarTextOf } from './calendar-draft';

/** What of the model the form offers to parameterise. */
export interface ModelOutline {
  starts: Array<{ id: string; name: string }>;
  tasks: Array<{ id: string; name: string }>;
  /** Exclusive and inclusive gateways with more than one outgoing flow. */
  splits: Array<{ id: string; name: string; flows: Array<{ id: string; name: string }> }>;
  resources: Array<{ id: string; name: string }>;
  /** The model's messages and signals, which a global stream may trigger (ADR 0175). */
  streams: Array<{ id: string; name: string; kind: 'message' | 'signal' }>;
  /** Element id → name (or id), for tables and bottlenecks. */
  names: Record<string, string>;
}

const list = (e: ModdleElement | undefined, k: string) => (Array.isArray(e?.[k]) ? (e?.[k] as ModdleElement[]) : []);
const label = (e: ModdleElement) => (typeof e.name === 'string' && e.name.trim() ? e.name : (e.id as string));

/** The start events, tasks, splits and resources of the model's processes (sub-processes included). */
export function outline(definitions: ModdleElement): ModelOutline {
  const o: ModelOutline = { starts: [], tasks: [], splits: [], resources: [], streams: [], names: {} };
  const visit = (e: ModdleElement, top: boolean): void => {
    for (const c of list(e, 'flowElements')) {
      const id = c.id as string;
      o.names[id] = label(c);
      if (c.$type === 'bpmn:StartEvent' && top) o.starts.push({ id, name: label(c) });
      else if (/Task$/.test(c.$type)) o.tasks.push({ id, name: label(c) });
      else if (/^bpmn:(Exclusive|Inclusive)Gateway$/.test(c.$type) && list(c, 'outgoing').length > 1) {
        o.splits.push({ id, name: label(c), flows: list(c, 'outgoing').map((f) => ({ id: f.id as string, name: typeof f.name === 'string' && f.name ? f.name : `to ${label(f.targetRef as ModdleElement)}` })) });
      }
      if (list(c, 'flowElements').length > 0) visit(c, false);
    }
  };
  for (const r of list(definitions, 'rootElements')) {
    if (r.$type === 'bpmn:Process') visit(r, true);
    else if (r.$type === 'bpmn:Message' || r.$type === 'bpmn:Signal') {
      o.streams.push({ id: r.id as string, name: label(r), kind: r.$type === 'bpmn:Message' ? 'message' : 'signal' });
      o.names[r.id as string] = label(r);
    } else if (r.$type === 'bpmn:Resource') {
      o.resources.push({ id: r.id as string, name: label(r) });
      o.names[r.id as string] = label(r);
    }
  }
  return o;
}

/** The form's values: times in the scenario's base time unit. */
export interface Draft {
  name: string;
  replications: number;
  seed: number;
  baseTimeUnit: string;
  arrivals: Record<string, Distribution | null>;
  triggerCounts: Record<string, number | null>;
  processing: Record<string, Distribution | null>;
  probabilities: Record<string, number | null>;
  resources: Record<string, { quantity: number; unitCost: number }>;
  /** Simulated start (epoch ms, shown in UTC). */
  start: number;
  /** Length of a replication in base units; null: until every start's instances are done. */
  duration: number | null;
  /** Base units at the start whose instances run but are not counted. */
  warmup: number;
  setup: Record<string, Distribution | null>;
  wait: Record<string, Distribution | null>;
  fixedCosts: Record<string, number>;
  /** Per task, cost per base time unit of its setup and processing. */
  unitCosts: Record<string, number>;
  priorities: Record<string, number>;
  /** Start event id → the case variables drawn per instance (any distribution; the form edits text, numbers and the time-like ones). */
  variables: Record<string, CaseVariable[]>;
  /** The scenario's calendars by id. */
  calendars: Record<string, CalendarDraft>;
  /** Role → the calendar it is on shift in (null: always). */
  resourceCalendars: Record<string, string | null>;
  /** Start event with arrivals → the calendar instances arrive in (null: any time). */
  arrivalCalendars: Record<string, string | null>;
  /** Message or signal with a stream → the time between its triggers (null: a distribution the form cannot edit; absent: no stream). */
  streams: Record<string, Distribution | null>;
  /** Message or signal → its stream's trigger count (null: until the run ends). */
  streamCounts: Record<string, number | null>;
}

/** A time value in base units, when its distribution scales linearly (else null: shown as kept from the file). */
function inBaseUnits(t: TimeValue | null, baseMs: number): Distribution | null {
  if (!t) return null;
  const f = t.scale / baseMs;
  const d = t.dist;
  const r = (x: number) => Math.round(x * f * 1e6) / 1e6;
  switch (d.kind) {
    case 'constant': return typeof d.value === 'number' ? { kind: 'constant', value: r(d.value) } : null;
    case 'exponential': return { kind: 'exponential', mean: r(d.mean) };
    case 'uniform': return { kind: 'uniform', min: r(d.min), max: r(d.max) };
    case 'triangular': return { kind: 'triangular', min: r(d.min), mode: r(d.mode), max: r(d.max) };
    case 'normal': return { kind: 'normal', mean: r(d.mean), standardDeviation: r(d.standardDeviation) };
    default: return null;
  }
}

/** The form's values of a scenario as read from the file. */
export function draftOf(s: Scenario, o: ModelOutline): Draft {
  const inUnits = (ms: number) => Math.round((ms / s.baseTimeUnitMs) * 1e6) / 1e6;
  const d: Draft = {
    name: s.name ?? s.id, replications: s.replications, seed: s.seed, baseTimeUnit: s.baseTimeUnit, arrivals: {}, triggerCounts: {}, processing: {}, probabilities: {}, resources: {},
    start: s.start, duration: s.duration === null ? null : inUnits(s.duration), warmup: inUnits(s.warmup), setup: {}, wait: {}, fixedCosts: {}, unitCosts: {}, priorities: {}, variables: {},
    calendars: {}, resourceCalendars: {}, arrivalCalendars: {}, streams: {}, streamCounts: {},
  };
  for (const st of o.streams) {
    const found = s.streams.find((x) => x.elementId === st.id);
    // Present only for a stream the file has (null: one the form cannot edit, kept as it is).
    if (found) d.streams[st.id] = inBaseUnits(found.interTrigger, s.baseTimeUnitMs);
    d.streamCounts[st.id] = found?.triggerCount ?? null;
  }
  for (const [id, c] of Object.entries(s.calendars)) d.calendars[id] = calendarDraftOf(c);
  for (const a of s.arrivals) {
    d.arrivals[a.startEventId] = inBaseUnits(a.interArrival, s.baseTimeUnitMs);
    d.triggerCounts[a.startEventId] = a.triggerCount;
    d.variables[a.startEventId] = a.variables.map((v) => ({ name: v.name, dist: v.dist }));
    d.arrivalCalendars[a.startEventId] = a.calendarId;
  }
  for (const t of o.tasks) {
    const a = s.activities[t.id];
    d.processing[t.id] = inBaseUnits(a?.processing ?? null, s.baseTimeUnitMs);
    d.setup[t.id] = inBaseUnits(a?.setup ?? null, s.baseTimeUnitMs);
    d.wait[t.id] = inBaseUnits(a?.wait ?? null, s.baseTimeUnitMs);
    d.fixedCosts[t.id] = a?.fixedCost ?? 0;
    d.unitCosts[t.id] = a?.unitCost ?? 0;
    d.priorities[t.id] = a?.priority ?? 0;
  }
  for (const sp of o.splits) for (const f of sp.flows) d.probabilities[f.id] = s.probabilities[f.id] ?? null;
  for (const r of o.resources) {
    d.resources[r.id] = { quantity: s.resources[r.id]?.quantity ?? 1, unitCost: s.resources[r.id]?.unitCost ?? 0 };
    d.resourceCalendars[r.id] = s.resources[r.id]?.calendarId ?? null;
  }
  return d;
}

/** Only what changed, so the file keeps what the form does not show (distributions it cannot edit, calendars). */
export function editOf(before: Draft, after: Draft): ScenarioEdit {
  const e: ScenarioEdit = {};
  if (after.name !== before.name) e.name = after.name;
  if (after.replications !== before.replications) e.replications = after.replications;
  if (after.seed !== before.seed) e.seed = after.seed;
  if (after.baseTimeUnit !== before.baseTimeUnit) e.baseTimeUnit = after.baseTimeUnit;
  const changed = <T,>(a: Record<string, T>, b: Record<string, T>) => Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  for (const k of changed(before.arrivals, after.arrivals)) if (after.arrivals[k]) (e.arrivals ??= {})[k] = after.arrivals[k] as Distribution;
  for (const k of changed(before.triggerCounts, after.triggerCounts)) (e.triggerCounts ??= {})[k] = after.triggerCounts[k];
  for (const k of changed(before.streams, after.streams)) (e.streams ??= {})[k] = after.streams[k];
  for (const k of changed(before.streamCounts, after.streamCounts)) (e.triggerCounts ??= {})[k] = after.streamCounts[k];
  for (const k of changed(before.processing, after.processing)) (e.processing ??= {})[k] = after.processing[k];
  for (const k of changed(before.probabilities, after.probabilities)) (e.probabilities ??= {})[k] = after.probabilities[k];
  for (const k of changed(before.resources, after.resources)) (e.resources ??= {})[k] = after.resources[k];
  if (after.start !== before.start) e.start = after.start;
  if (after.duration !== before.duration) e.duration = after.duration;
  if (after.warmup !== before.warmup) e.warmup = after.warmup === 0 ? null : after.warmup;
  for (const k of changed(before.setup, after.setup)) (e.setup ??= {})[k] = after.setup[k];
  for (const k of changed(before.wait, after.wait)) (e.wait ??= {})[k] = after.wait[k];
  // Zero is the reader's default: the parameter is removed rather than written.
  for (const k of changed(before.fixedCosts, after.fixedCosts)) (e.fixedCosts ??= {})[k] = after.fixedCosts[k] || null;
  for (const k of changed(before.unitCosts, after.unitCosts)) (e.activityUnitCosts ??= {})[k] = after.unitCosts[k] || null;
  for (const k of changed(before.priorities, after.priorities)) (e.priorities ??= {})[k] = after.priorities[k] || null;
  for (const k of changed(before.variables, after.variables)) (e.variables ??= {})[k] = after.variables[k];
  for (const k of changed(before.calendars, after.calendars)) (e.calendars ??= {})[k] = { name: after.calendars[k].name, text: calendarTextOf(after.calendars[k]) };
  for (const k of Object.keys(before.calendars)) if (!(k in after.calendars)) (e.calendars ??= {})[k] = null;
  for (const k of changed(before.resourceCalendars, after.resourceCalendars)) (e.resourceCalendars ??= {})[k] = after.resourceCalendars[k];
  for (const k of changed(before.arrivalCalendars, after.arrivalCalendars)) (e.arrivalCalendars ??= {})[k] = after.arrivalCalendars[k];
  return e;
}

/**
 * What is wrong with the form's values, each naming its element: probabilities of a split that do
 * not sum to 1 (the same rule the reader applies), counts that are not positive whole numbers.
 */
export function problemsOf(d: Draft, o: ModelOutline): string[] {
  const out: string[] = [];
  if (!(Number.isInteger(d.replications) && d.replications >= 1)) out.push('Replications must be a whole number of at least 1.');
  for (const [id, n] of Object.entries(d.triggerCounts)) if (n !== null && !(Number.isInteger(n) && n >= 1)) out.push(`Instances of ${o.names[id] ?? id} must be a whole number of at least 1.`);
  for (const [id, n] of Object.entries(d.streamCounts)) if (n !== null && !(Number.isInteger(n) && n >= 1)) out.push(`The stream of ${o.names[id] ?? id} must trigger a whole number of times, at least 1.`);
  for (const sp of o.splits) {
    const ps = sp.flows.map((f) => d.probabilities[f.id]);
    if (ps.every((p) => p === null || p === undefined)) continue;
    const sum = ps.reduce<number>((a, p) => a + (p ?? 0), 0);
    if (Math.abs(sum - 1) > 1e-9) out.push(`The branch probabilities of ${sp.name} (${sp.id}) sum to ${Math.round(sum * 1e6) / 1e6}, not 1.`);
  }
  for (const [id, r] of Object.entries(d.resources)) if (!(Number.isInteger(r.quantity) && r.quantity >= 1)) out.push(`The quantity of ${o.names[id] ?? id} must be a whole number of at least 1.`);
  if (d.duration !== null && !(d.duration > 0)) out.push('The duration must be more than 0 (or empty: until every instance is done).');
  if (!(d.warmup >= 0)) out.push('The warm-up must be 0 or more.');
  else if (d.duration !== null && d.duration > 0 && d.warmup >= d.duration) out.push('The warm-up must be shorter than the duration.');
  if (!Number.isFinite(d.start)) out.push('The start must be a date and time.');
  for (const [id, c] of Object.entries(d.fixedCosts)) if (!(c >= 0)) out.push(`The fixed cost of ${o.names[id] ?? id} must be 0 or more.`);
  for (const [id, c] of Object.entries(d.unitCosts)) if (!(c >= 0)) out.push(`The cost per time unit of ${o.names[id] ?? id} must be 0 or more.`);
  for (const [id, p] of Object.entries(d.priorities)) if (!Number.isFinite(p)) out.push(`The priority of ${o.names[id] ?? id} must be a number.`);
  for (const [id, vars] of Object.entries(d.variables)) {
    const seen = new Set<string>();
    for (const v of vars) {
      if (!/^[A-Za-z_$][\w$]*$/.test(v.name)) out.push(`A case variable of ${o.names[id] ?? id} needs a name (letters, digits, _; not ${JSON.stringify(v.name)}).`);
      else if (seen.has(v.name)) out.push(`The case variable ${v.name} of ${o.names[id] ?? id} is given twice.`);
      seen.add(v.name);
    }
  }
  for (const [id, c] of Object.entries(d.calendars)) out.push(...calendarProblems(id, c));
  const uses = [...Object.entries(d.resourceCalendars), ...Object.entries(d.arrivalCalendars)];
  for (const [owner, c] of uses) if (c !== null && !d.calendars[c]) out.push(`${o.names[owner] ?? owner} uses the calendar ${c}, which the scenario no longer has: choose another.`);
  return out;
}
