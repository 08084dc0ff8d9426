import type { Distribution } from '../distributions';
import { toICalendar } from './calendar';
import type { ProsimosPeriod } from './calendar';
import { fromProsimos } from './distribution';
import type { ProsimosDistribution } from './distribution';
import { ncName, resourceRoles } from './roles';
import type { ProsimosResource } from './roles';

/** What the import needs of the model: its ids, to check the scenario against them. */
export interface ProsimosModel {
  /** None start events of the process, in document order. */
  startEvents: string[];
  /** Activity id → name. */
  tasks: Map<string, string>;
  /** Sequence flow id → source element id. */
  flows: Map<string, string>;
  /** Gateway id → BPMN type (`bpmn:ExclusiveGateway`…). */
  gateways: Map<string, string>;
}

export interface ImportedRole {
  id: string;
  name: string;
  quantity: number;
  /** Per second (the scenario's base time unit) of busy time. */
  unitCost: number;
  calendarId: string | null;
}

/** A Prosimos scenario in BPSim terms (times in seconds), with what was not taken over. */
export interface ProsimosImport {
  startEventId: string | null;
  arrival: Distribution | null;
  arrivalCalendarId: string | null;
  calendars: Array<{ id: string; text: string }>;
  roles: ImportedRole[];
  activities: Array<{ taskId: string; processing: Distribution | null; roleId: string }>;
  probabilities: Record<string, number>;
  /** Case attributes, drawn per case at the start event (BPSim `Property`). */
  variables: Array<{ name: string; dist: Distribution }>;
  /** Everything of the file that is not simulated as Prosimos would, one line each. */
  report: string[];
}

/** The sections the import reads; any other key of the file is reported as not imported. */
const KNOWN = new Set(['resource_profiles', 'arrival_time_distribution', 'arrival_time_calendar', 'gateway_branching_probabilities', 'task_resource_distribution', 'resource_calendars', 'case_attributes']);

/**
 * Converts a Prosimos simulation scenario (its JSON) into BPSim terms for `model`. Prosimos
 * resources are individuals with their own calendar, cost and speed per task; BPSim roles are
 * pools of equal units, so resources that can do the same tasks on the same calendar become one
 * role (`roles.ts`). What cannot be carried over exactly is said in `report`, never dropped.
 *
 * @example
 * const r = convertProsimos(JSON.parse(text), model);
 * r.report; // ['resource_profiles: ...', ...]
 */
export function convertProsimos(json: unknown, model: ProsimosModel): ProsimosImport {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('a Prosimos scenario is a JSON object');
  const j = json as Record<string, unknown>;
  const report: string[] = [];
  for (const key of Object.keys(j)) if (!KNOWN.has(key) && !isEmpty(j[key])) report.push(`${key}: not imported (not simulated here)`);
  const out: ProsimosImport = { startEventId: null, arrival: null, arrivalCalendarId: null, calendars: [], roles: [], activities: [], probabilities: {}, variables: [], report };

  // Arrivals at the process's none start event.
  out.startEventId = model.startEvents[0] ?? null;
  if (model.startEvents.length > 1) report.push(`arrival_time_distribution: the model has ${model.startEvents.length} none start events; arrivals go to ${out.startEventId}`);
  if (j.arrival_time_distribution !== undefined) {
    const c = fromProsimos(j.arrival_time_distribution as ProsimosDistribution);
    out.arrival = c.dist;
    if (c.note) report.push(`arrival_time_distribution: ${c.note}`);
    if (!out.startEventId) report.push('arrival_time_distribution: not imported, the model has no none start event');
  } else report.push('arrival_time_distribution: missing; no arrivals imported');
  if (Array.isArray(j.arrival_time_calendar) && j.arrival_time_calendar.length > 0) {
    out.arrivalCalendarId = 'prosimos_arrivals';
    addCalendar(out, out.arrivalCalendarId, j.arrival_time_calendar as ProsimosPeriod[], 'arrival_time_calendar');
  }

  caseAttributes(j.case_attributes, out);

  // Calendars by id (a list of {id, time_periods}, or older files: an object of id → periods).
  const calendarIds = new Map<string, string>();
  for (const [id, periods] of calendarEntries(j.resource_calendars)) {
    const bpsimId = `cal_${ncName(id)}`;
    calendarIds.set(id, bpsimId);
    addCalendar(out, bpsimId, periods, `resource_calendars ${id}`);
  }

  // Who does what, how fast.
  const perTask = new Map<string, Map<string, ProsimosDistribution>>();
  for (const t of list(j.task_resource_distribution, 'task_id')) {
    const taskId = String(t.task_id);
    const m = perTask.get(taskId) ?? new Map<string, ProsimosDistribution>();
    perTask.set(taskId, m);
    if (Array.isArray(t.resources)) for (const r of t.resources as Array<Record<string, unknown>>) m.set(String(r.resource_id), r as unknown as ProsimosDistribution);
    else for (const [rid, d] of Object.entries((t.resources ?? {}) as Record<string, ProsimosDistribution>)) m.set(rid, d);
  }
  const resources = new Map<string, ProsimosResource>();
  for (const pool of list(j.resource_profiles, 'id')) {
    for (const r of (pool.resource_list ?? []) as Array<Record<string, unknown>>) {
      const id = String(r.id);
      if (resources.has(id)) continue; // a resource listed in several pools is one person
      const calendar = r.calendar === undefined ? null : String(r.calendar);
      const tasks = [...perTask].filter(([t, m]) => m.has(id) && model.tasks.has(t)).map(([t]) => t);
      resources.set(id, { id, name: String(r.name ?? id), amount: Math.max(1, Math.round(Number(r.amount ?? 1))), costPerHour: Number(r.cost_per_hour ?? 0), calendar, tasks });
      if (calendar !== null && !calendarIds.has(calendar)) report.push(`resource_profiles: resource ${id} names calendar ${calendar}, which resource_calendars does not define; it is always available here`);
    }
  }
  const { roles, roleOf, notes } = resourceRoles([...resources.values()]);
  report.push(...notes);
  for (const role of roles) {
    out.roles.push({ id: role.id, name: role.name, quantity: role.quantity, unitCost: role.costPerHour / 3600, calendarId: role.calendar === null ? null : calendarIds.get(role.calendar) ?? null });
  }
  for (const [taskId, byResource] of perTask) {
    if (!model.tasks.has(taskId)) {
      report.push(`task_resource_distribution: ${taskId} is not an activity of the model; skipped`);
      continue;
    }
    const known = [...byResource.keys()].filter((rid) => resources.has(rid));
    for (const rid of byResource.keys()) if (!resources.has(rid)) report.push(`task_resource_distribution: ${taskId} names resource ${rid}, which resource_profiles does not list; skipped`);
    if (known.length === 0) continue;
    // The role with the most units among those whose resources can do the task.
    const candidates = [...new Set(known.map((rid) => roleOf.get(rid) as string))];
    const role = candidates.map((id) => roles.find((r) => r.id === id) as (typeof roles)[number]).sort((a, b) => b.quantity - a.quantity)[0];
    if (candidates.length > 1) report.push(`task ${taskId}: in Prosimos also done by ${candidates.filter((c) => c !== role.id).join(', ')} (other calendars or tasks); here only by role ${role.id}`);
    const mine = known.filter((rid) => roleOf.get(rid) === role.id);
    const dists = mine.map((rid) => byResource.get(rid) as ProsimosDistribution);
    const c = fromProsimos(dists[0]);
    if (dists.some((d) => JSON.stringify(d.distribution_name) + JSON.stringify(d.distribution_params) !== JSON.stringify(dists[0].distribution_name) + JSON.stringify(dists[0].distribution_params))) {
      report.push(`task ${taskId}: its resources in role ${role.id} work at different speeds in Prosimos; all take ${mine[0]}'s processing time here`);
    }
    if (c.note) report.push(`task ${taskId}, processing time: ${c.note}`);
    out.activities.push({ taskId, processing: c.dist, roleId: role.id });
  }
  for (const [taskId, name] of model.tasks) if (!perTask.has(taskId)) report.push(`task ${taskId}${name ? ` (${name})` : ''}: no task_resource_distribution entry; it takes no time and no resource`);

  // Branch probabilities (a list of {gateway_id, probabilities: [{path_id, value}]}, or an object of gateway → flow → value).
  for (const [gatewayId, flows] of branchEntries(j.gateway_branching_probabilities)) {
    const type = model.gateways.get(gatewayId);
    if (!type) {
      report.push(`gateway_branching_probabilities: ${gatewayId} is not a gateway of the model; skipped`);
      continue;
    }
    if (type !== 'bpmn:ExclusiveGateway' && type !== 'bpmn:InclusiveGateway') {
      report.push(`gateway_branching_probabilities: ${gatewayId} is a ${type.slice(5)}, whose flows are not chosen by probability; skipped`);
      continue;
    }
    const own = flows.filter(([f]) => model.flows.get(f) === gatewayId);
    for (const [f] of flows) if (model.flows.get(f) !== gatewayId) report.push(`gateway_branching_probabilities: ${f} is not an outgoing flow of ${gatewayId}; skipped`);
    const sum = own.reduce((s, [, p]) => s + p, 0);
    if (own.length === 0 || !(sum > 0)) continue;
    if (Math.abs(sum - 1) > 1e-6) report.push(`gateway ${gatewayId}: the probabilities sum to ${+sum.toFixed(6)}; scaled to sum to 1`);
    if (type === 'bpmn:InclusiveGateway') report.push(`gateway ${gatewayId}: an inclusive split; Prosimos may take several flows, here exactly one is taken by these probabilities`);
    for (const [f, p] of own) out.probabilities[f] = p / sum;
  }
  return out;
}

/**
 * Prosimos case attributes (`[{name, type: 'discrete', values: [{key, value: probability}]}`, or
 * `type: 'continuous'` with a distribution as `values`) as case variables: a discrete one draws one
 * of its keys (an empirical distribution), a continuous one a number. Case variables reach the
 * model's conditions (FEEL) as process variables; Prosimos' `branch_rules` and
 * `prioritisation_rules`, which read them, are not imported (reported as other sections are).
 */
function caseAttributes(v: unknown, out: ProsimosImport): void {
  if (!Array.isArray(v)) return;
  for (const [i, a] of (v as Array<Record<string, unknown>>).entries()) {
    const name = String(a?.name ?? '');
    const where = `case_attributes ${name || i + 1}`;
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
      out.report.push(`${where}: not imported, ${JSON.stringify(name)} is not a variable name`);
      continue;
    }
    if (a.type === 'discrete' && Array.isArray(a.values)) {
      const points = (a.values as Array<{ key: unknown; value: unknown }>).map((x) => ({ value: String(x?.key), probability: Number(x?.value) }));
      const sum = points.reduce((t, p) => t + p.probability, 0);
      if (points.length === 0 || points.some((p) => !(p.probability >= 0)) || !(sum > 0)) {
        out.report.push(`${where}: not imported, its values need keys with probabilities`);
        continue;
      }
      if (Math.abs(sum - 1) > 1e-6) out.report.push(`${where}: the probabilities sum to ${+sum.toFixed(6)}; scaled to sum to 1`);
      out.variables.push({ name, dist: { kind: 'empirical', points: points.map((p) => ({ ...p, probability: p.probability / sum })) } });
    } else if (a.type === 'continuous' && a.values && typeof a.values === 'object') {
      const c = fromProsimos(a.values as ProsimosDistribution);
      if (c.note) out.report.push(`${where}: ${c.note}`);
      if (c.dist) out.variables.push({ name, dist: c.dist });
      else out.report.push(`${where}: not imported`);
    } else out.report.push(`${where}: not imported, type ${JSON.stringify(a.type)} (discrete or continuous)`);
  }
}

function addCalendar(out: ProsimosImport, id: string, periods: ProsimosPeriod[], where: string): void {
  const { text, problems } = toICalendar(Array.isArray(periods) ? periods : []);
  for (const p of problems) out.report.push(`${where}: ${p}; skipped`);
  out.calendars.push({ id, text });
}

function calendarEntries(v: unknown): Array<[string, ProsimosPeriod[]]> {
  if (Array.isArray(v)) return v.map((c: Record<string, unknown>) => [String(c.id), (c.time_periods ?? []) as ProsimosPeriod[]]);
  if (v && typeof v === 'object') return Object.entries(v as Record<string, ProsimosPeriod[]>);
  return [];
}

function branchEntries(v: unknown): Array<[string, Array<[string, number]>]> {
  if (Array.isArray(v)) return v.map((g: Record<string, unknown>) => [String(g.gateway_id), ((g.probabilities ?? []) as Array<{ path_id: string; value: number | string }>).map((p) => [String(p.path_id), Number(p.value)] as [string, number])]);
  if (v && typeof v === 'object') return Object.entries(v as Record<string, Record<string, number | string>>).map(([g, m]) => [g, Object.entries(m).map(([f, p]) => [f, Number(p)] as [string, number])]);
  return [];
}

/** A list section, or (older files) an object of id → entry. */
function list(v: unknown, idKey: string): Array<Record<string, unknown>> {
  if (Array.isArray(v)) return v as Array<Record<string, unknown>>;
  if (v && typeof v === 'object') return Object.entries(v as Record<string, Record<string, unknown>>).map(([id, e]) => ({ [idKey]: id, ...e }));
  return [];
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.keys(v as object).length === 0);
}
