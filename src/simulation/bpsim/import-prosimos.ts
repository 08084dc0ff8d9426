import type { ModdleElement } from '../../engine';
import type { Distribution } from '../distributions';
import { convertProsimos } from '../prosimos/convert';
import type { ProsimosModel } from '../prosimos/convert';
import type { GenericElement } from './generic';
import { attr, children, localName } from './generic';
import { list, refId } from './model-index';
import { bpsimData } from './read';
import { BPSIM_NS, bpsimPrefix, dataElement, openModel } from './save';
import { valueElement } from './write';
import type { ElementFactory } from './write';

export interface ProsimosImportOptions {
  /** Default `prosimos` (`prosimos_2`… when taken). */
  scenarioId?: string;
  /** Default `Imported from Prosimos`. */
  name?: string;
  /** The scenario's `TriggerCount` (Prosimos takes the number of cases on its command line); default 100. */
  instances?: number;
}

export interface ProsimosImportResult {
  /** The model with the new scenario (and a `bpmn:resource` per role). */
  xml: string;
  scenarioId: string;
  /** What is not simulated as Prosimos would (see `prosimos/convert.ts`), one line each. */
  report: string[];
}

const ACTIVITY = /Task$|^bpmn:SubProcess$|^bpmn:CallActivity$/;

/**
 * Adds a Prosimos JSON scenario to a BPMN file as a BPSim scenario: arrivals with their calendar
 * on the process's none start event, a role (`bpmn:resource` with quantity, cost per second and
 * calendar) per group of interchangeable resources, a processing time and `getResource(role, 1)`
 * per task, probabilities on split flows. Times are in seconds (`baseTimeUnit="s"`), as Prosimos
 * has them. The rest of the file is kept as it was.
 *
 * @example
 * const { xml: withScenario, scenarioId, report } = await importProsimos(xml, JSON.parse(json), { instances: 500 });
 * @throws Error when the XML is not BPMN or the JSON is not an object.
 */
export async function importProsimos(xml: string, json: unknown, options: ProsimosImportOptions = {}): Promise<ProsimosImportResult> {
  const { moddle, definitions } = await openModel(xml);
  const roots = list(definitions, 'rootElements');
  const process = roots.find((e) => e.$type === 'bpmn:Process' && e.isExecutable !== false) ?? roots.find((e) => e.$type === 'bpmn:Process');
  const imported = convertProsimos(json, modelOf(process));
  const prefix = bpsimPrefix(definitions);
  const make: ElementFactory = (name, attributes) => moddle.createAny(`${prefix}:${name}`, BPSIM_NS, attributes);
  const el = (name: string, attributes: Record<string, string>, kids: GenericElement[] = []): GenericElement => {
    const e = make(name, attributes);
    if (kids.length > 0) e.$children = kids;
    return e;
  };
  const taken = new Set(bpsimData(definitions).flatMap(children).filter((s) => localName(s) === 'Scenario').map((s) => attr(s, 'id')));
  const base = options.scenarioId ?? 'prosimos';
  let scenarioId = base;
  for (let i = 2; taken.has(scenarioId); i++) scenarioId = `${base}_${i}`;

  // Roles are bpmn:resource root elements; an id the model uses for something else gets a suffix.
  const ids = new Map<string, ModdleElement>();
  const visit = (e: ModdleElement) => {
    if (typeof e.id === 'string') ids.set(e.id, e);
    for (const c of list(e, 'flowElements')) visit(c);
  };
  roots.forEach(visit);
  const roleIds = new Map<string, string>();
  for (const role of imported.roles) {
    let id = role.id;
    while (ids.has(id) && ids.get(id)?.$type !== 'bpmn:Resource') id = `${id}_role`;
    roleIds.set(role.id, id);
    if (!ids.has(id)) {
      const resource = moddle.create('bpmn:Resource', { id, name: role.name });
      definitions.rootElements = [...list(definitions, 'rootElements'), resource];
      ids.set(id, resource);
    }
  }

  const scenario = el('Scenario', { id: scenarioId, name: options.name ?? 'Imported from Prosimos' }, [
    el('ScenarioParameters', { replication: '1', seed: '1', baseTimeUnit: 's' }),
  ]);
  const params = (ref: string, groups: GenericElement[]) => scenario.$children?.push(el('ElementParameters', { elementRef: ref }, groups));
  const value = (d: Distribution, calendar?: string | null) => {
    const v = valueElement(d, make);
    if (calendar) v.calendar = calendar;
    return v;
  };
  if (imported.startEventId && imported.arrival) {
    params(imported.startEventId, [el('ControlParameters', {}, [
      el('InterTriggerTimer', {}, [value(imported.arrival, imported.arrivalCalendarId)]),
      el('TriggerCount', {}, [el('NumericParameter', { value: String(options.instances ?? 100) })]),
    ]), ...(imported.variables.length > 0 ? [el('PropertyParameters', {}, imported.variables.map((v) => el('Property', { name: v.name }, [value(v.dist)])))] : [])]);
  }
  for (const a of imported.activities) {
    const groups = [el('ResourceParameters', {}, [el('Selection', {}, [el('ExpressionParameter', { value: `getResource('${roleIds.get(a.roleId)}', 1)` })])])];
    if (a.processing) groups.unshift(el('TimeParameters', {}, [el('ProcessingTime', {}, [value(a.processing)])]));
    params(a.taskId, groups);
  }
  for (const r of imported.roles) {
    const resource = [el('Quantity', {}, [el('NumericParameter', { value: String(r.quantity) })])];
    if (r.calendarId) resource.push(el('Availability', {}, [el('BooleanParameter', { value: 'true', calendar: r.calendarId })]));
    params(roleIds.get(r.id) as string, [el('ResourceParameters', {}, resource), el('CostParameters', {}, [el('UnitCost', {}, [el('FloatingParameter', { value: String(r.unitCost) })])])]);
  }
  for (const [flow, p] of Object.entries(imported.probabilities)) params(flow, [el('ControlParameters', {}, [el('Probability', {}, [el('FloatingParameter', { value: String(p) })])])]);
  // Only the calendars something uses (a Prosimos file often lists calendars of unused resources).
  const usedCalendars = new Set([imported.arrivalCalendarId, ...imported.roles.map((r) => r.calendarId)]);
  for (const c of imported.calendars) {
    if (!usedCalendars.has(c.id)) continue;
    const calendar = el('Calendar', { id: c.id, name: c.id });
    calendar.$body = c.text;
    scenario.$children?.push(calendar);
  }
  dataElement(definitions, moddle, make).$children?.push(scenario);
  return { xml: (await moddle.toXML(definitions, { format: true })).xml, scenarioId, report: imported.report };
}

/** The ids the import checks the scenario against, from the process it simulates. */
function modelOf(process: ModdleElement | undefined): ProsimosModel {
  const model: ProsimosModel = { startEvents: [], tasks: new Map(), flows: new Map(), gateways: new Map() };
  const visit = (e: ModdleElement, top: boolean) => {
    const id = e.id as string;
    if (e.$type === 'bpmn:StartEvent' && top && list(e, 'eventDefinitions').length === 0) model.startEvents.push(id);
    else if (ACTIVITY.test(e.$type)) model.tasks.set(id, typeof e.name === 'string' ? e.name : '');
    else if (e.$type === 'bpmn:SequenceFlow') model.flows.set(id, refId(e, 'sourceRef') ?? '');
    else if (/Gateway$/.test(e.$type)) model.gateways.set(id, e.$type);
    for (const c of list(e, 'flowElements')) visit(c, false);
  };
  for (const e of list(process, 'flowElements')) visit(e, true);
  return model;
}
