import type { ModdleElement } from '../../engine';
import { CalendarError, parseCalendar } from '../calendar';
import type { ActivityParameters, CaseVariable, ResourceParameters, Scenario } from '../scenario';
import { ScenarioError } from './errors';
import type { GenericElement } from './generic';
import { attr, child, children, localName } from './generic';
import { list, modelIndex } from './model-index';
import type { ModelIndex } from './model-index';
import { asNumber, asTime, readValue } from './values';

export const TIME_UNITS: Record<string, number> = { ms: 1, s: 1_000, min: 60_000, hour: 3_600_000, day: 86_400_000, year: 365 * 86_400_000 };

/** When a scenario gives no start: Monday 2024-01-01 00:00 UTC, so calendars line up with weeks and runs repeat. */
export const DEFAULT_START = Date.UTC(2024, 0, 1);

/** The `bpsim:BPSimData` elements of a model (inside `bpmn:relationship type="BPSimData"`). */
export function bpsimData(definitions: ModdleElement): GenericElement[] {
  const out: GenericElement[] = [];
  for (const rel of list(definitions, 'relationships')) {
    if (rel.type !== 'BPSimData') continue;
    for (const v of list(rel.extensionElements as ModdleElement | undefined, 'values') as GenericElement[]) if (localName(v) === 'BPSimData') out.push(v);
  }
  return out;
}

/**
 * Reads every BPSim scenario of a parsed model. Parameters the simulator does not simulate are
 * listed in each scenario's `notSimulated` (they stay in the model).
 *
 * @example
 * const { definitions } = await parseBpmn(xml);
 * const [scenario] = readScenarios(definitions);
 * scenario.activities.Review.processing; // { dist: { kind: 'exponential', mean: 30 }, scale: 60000 }
 * @throws ScenarioError naming the scenario, element and parameter of a bad value.
 */
export function readScenarios(definitions: ModdleElement): Scenario[] {
  const index = modelIndex(definitions);
  const scenarios: Scenario[] = [];
  for (const data of bpsimData(definitions)) {
    for (const s of children(data)) if (localName(s) === 'Scenario') scenarios.push(readScenario(s, index, scenarios.length + 1));
  }
  return scenarios;
}

function readScenario(s: GenericElement, index: ModelIndex, n: number): Scenario {
  const id = attr(s, 'id') ?? `scenario-${n}`;
  const at = `scenario ${id}`;
  const params = child(s, 'ScenarioParameters') ?? { $type: 'bpsim:ScenarioParameters' };
  const unit = attr(params, 'baseTimeUnit') ?? 's';
  const unitMs = TIME_UNITS[unit];
  if (!unitMs) throw new ScenarioError(`${at}: baseTimeUnit ${JSON.stringify(unit)} is not one of ${Object.keys(TIME_UNITS).join(', ')}`);
  const notSimulated: string[] = [];
  const timeOf = (name: string): number | null => {
    const p = child(params, name);
    const v = p ? readValue(p, `${at}, ScenarioParameters ${name}`) : null;
    if (!v) return null;
    if (v.dist.kind !== 'constant' || typeof v.dist.value !== 'number') throw new ScenarioError(`${at}, ScenarioParameters ${name}: expected a constant`);
    return name === 'Start' || v.isDuration ? v.dist.value : v.dist.value * unitMs;
  };
  for (const c of children(params)) if (!['Start', 'Duration', 'Warmup'].includes(localName(c))) notSimulated.push(`ScenarioParameters ${localName(c)}`);
  const scenario: Scenario = {
    id,
    name: attr(s, 'name') ?? null,
    replications: positiveInt(attr(params, 'replication') ?? '1', `${at}: replication`),
    seed: Number(attr(params, 'seed') ?? '1') | 0,
    start: timeOf('Start') ?? DEFAULT_START,
    duration: timeOf('Duration'),
    warmup: timeOf('Warmup') ?? 0,
    baseTimeUnit: unit,
    baseTimeUnitMs: unitMs,
    currency: attr(params, 'baseCurrencyUnit') ?? null,
    arrivals: [],
    activities: {},
    catches: {},
    streams: [],
    sends: {},
    startVariables: {},
    probabilities: {},
    resources: {},
    calendars: {},
    notSimulated,
  };
  for (const c of children(s)) {
    if (localName(c) === 'Calendar') {
      const cid = attr(c, 'id') ?? '';
      try {
        const calendar = parseCalendar(cid, c.$body ?? '');
        const name = attr(c, 'name');
        scenario.calendars[cid] = name ? { ...calendar, name } : calendar;
      } catch (e) {
        throw e instanceof CalendarError ? new ScenarioError(`${at}: ${e.message}`) : e;
      }
    }
  }
  for (const c of children(s)) {
    const name = localName(c);
    if (name === 'ElementParameters') readElement(c, scenario, index, at);
    else if (name !== 'ScenarioParameters' && name !== 'Calendar') notSimulated.push(`Scenario ${name}`);
  }
  for (const [elementId, message] of index.sends) {
    const name = index.names.get(message);
    if (name) scenario.sends[elementId] = name;
  }
  checkProbabilities(scenario, index, at);
  checkReferences(scenario, at);
  return scenario;
}

function readElement(e: GenericElement, s: Scenario, index: ModelIndex, at: string): void {
  const ref = attr(e, 'elementRef') ?? '';
  const type = index.types.get(ref);
  if (!type) throw new ScenarioError(`${at}: ElementParameters elementRef ${JSON.stringify(ref)} names no element of the model`);
  const where = `${at}, element ${ref}`;
  const groups = new Map(children(e).map((g) => [localName(g), g]));
  const param = (group: string, name: string): GenericElement | undefined => {
    const g = groups.get(group);
    return g ? child(g, name) : undefined;
  };
  const used = new Set<string>();
  const value = (group: string, name: string) => {
    used.add(`${group} ${name}`);
    const p = param(group, name);
    return p ? readValue(p, `${where}, ${name}`) : null;
  };
  const time = (group: string, name: string) => {
    const v = value(group, name);
    return v ? asTime(v, s.baseTimeUnitMs, `${where}, ${name}`) : null;
  };
  if (type === 'bpmn:SequenceFlow') {
    const p = asNumber(value('ControlParameters', 'Probability'), `${where}, Probability`);
    if (p !== null) s.probabilities[ref] = p;
  } else if (type === 'bpmn:Resource') {
    const quantity = asNumber(value('ResourceParameters', 'Quantity'), `${where}, Quantity`) ?? 1;
    const availability = value('ResourceParameters', 'Availability');
    const r: ResourceParameters = { id: ref, quantity: positiveInt(String(quantity), `${where}, Quantity`), unitCost: asNumber(value('CostParameters', 'UnitCost'), `${where}, UnitCost`) ?? 0, calendarId: availability?.calendar ?? null };
    s.resources[ref] = r;
  } else if (type === 'bpmn:StartEvent') {
    const inter = time('ControlParameters', 'InterTriggerTimer') ?? time('TimeParameters', 'InterTriggerTimer');
    const count = asNumber(value('ControlParameters', 'TriggerCount'), `${where}, TriggerCount`);
    const calendar = (param('ControlParameters', 'InterTriggerTimer') ?? param('TimeParameters', 'InterTriggerTimer'))?.$children?.[0];
    used.add('TimeParameters InterTriggerTimer');
    const variables: CaseVariable[] = [];
    for (const p of children(groups.get('PropertyParameters') ?? { $type: 'x' })) {
      if (localName(p) !== 'Property') continue;
      const name = attr(p, 'name');
      const v = readValue(p, `${where}, Property ${name}`);
      if (!name || !v) throw new ScenarioError(`${where}: a Property needs a name and a value`);
      variables.push({ name, dist: v.dist });
    }
    used.add('PropertyParameters Property');
    if (variables.length > 0) s.startVariables[ref] = variables;
    if (inter) s.arrivals.push({ startEventId: ref, interArrival: inter, triggerCount: count === null ? null : positiveInt(String(count), `${where}, TriggerCount`), calendarId: calendar ? attr(calendar, 'calendar') ?? null : null, variables });
  } else if (type === 'bpmn:Message' || type === 'bpmn:Signal') {
    const inter = time('ControlParameters', 'InterTriggerTimer');
    const count = asNumber(value('ControlParameters', 'TriggerCount'), `${where}, TriggerCount`);
    const name = index.names.get(ref);
    if (inter && name?.startsWith('=')) throw new ScenarioError(`${where}: a stream needs a literal name, not the expression ${JSON.stringify(name)}`);
    if (inter && !name) throw new ScenarioError(`${where}: a stream of ${type === 'bpmn:Message' ? 'messages' : 'signals'} needs the element's name (the name its catch events wait for)`);
    if (inter && name) s.streams.push({ elementId: ref, kind: type === 'bpmn:Message' ? 'message' : 'signal', name, interTrigger: inter, triggerCount: count === null ? null : positiveInt(String(count), `${where}, TriggerCount`) });
  } else if (type === 'bpmn:IntermediateCatchEvent' || type === 'bpmn:BoundaryEvent') {
    const delay = time('ControlParameters', 'InterTriggerTimer');
    if (delay) s.catches[ref] = delay;
  } else if (index.activities.has(ref)) {
    if (type === 'bpmn:ReceiveTask') {
      const delay = time('ControlParameters', 'InterTriggerTimer');
      if (delay) s.catches[ref] = delay;
    }
    const activity: ActivityParameters = {
      elementId: ref,
      setup: time('TimeParameters', 'SetupTime'),
      processing: time('TimeParameters', 'ProcessingTime'),
      wait: time('TimeParameters', 'WaitTime'),
      resources: [],
      fixedCost: asNumber(value('CostParameters', 'FixedCost'), `${where}, FixedCost`) ?? 0,
      unitCost: asNumber(value('CostParameters', 'UnitCost'), `${where}, UnitCost`) ?? 0,
      priority: asNumber(value('PriorityParameters', 'Priority'), `${where}, Priority`) ?? 0,
    };
    const selection = value('ResourceParameters', 'Selection');
    if (selection) activity.resources = parseSelection(String(selection.dist.kind === 'constant' ? selection.dist.value : ''), where, index);
    else activity.resources = (index.performers.get(ref) ?? []).map((role) => ({ role, quantity: 1 }));
    s.activities[ref] = activity;
  }
  for (const [group, g] of groups) {
    for (const p of children(g)) {
      const key = `${group} ${localName(p)}`;
      if (!used.has(key)) s.notSimulated.push(`${ref}: ${key}`);
    }
    if (children(g).length === 0 || group === 'VendorExtension') s.notSimulated.push(`${ref}: ${group}`);
  }
}

/** `getResource('clerk', 2)`, several joined by `and`, or a bare resource id. */
function parseSelection(expression: string, where: string, index: ModelIndex): ActivityParameters['resources'] {
  const out: ActivityParameters['resources'] = [];
  const re = /getResource\(\s*['"]([^'"]+)['"]\s*(?:,\s*(\d+)\s*)?\)/g;
  for (let m = re.exec(expression); m; m = re.exec(expression)) out.push({ role: m[1], quantity: Number(m[2] ?? 1) });
  if (out.length === 0 && index.types.get(expression.trim()) === 'bpmn:Resource') out.push({ role: expression.trim(), quantity: 1 });
  if (out.length === 0) throw new ScenarioError(`${where}, Selection: ${JSON.stringify(expression)} is not simulated (write getResource('roleId', quantity))`);
  return out;
}

function checkProbabilities(s: Scenario, index: ModelIndex, at: string): void {
  const bySource = new Map<string, number>();
  for (const [flow, p] of Object.entries(s.probabilities)) {
    if (!(p >= 0 && p <= 1)) throw new ScenarioError(`${at}, element ${flow}: Probability ${p} is not between 0 and 1`);
    const source = index.flowSources.get(flow) ?? '';
    bySource.set(source, (bySource.get(source) ?? 0) + p);
  }
  for (const [source, sum] of bySource) {
    if (Math.abs(sum - 1) > 1e-6) throw new ScenarioError(`${at}: the branch probabilities of the outgoing flows of ${source} sum to ${+sum.toFixed(6)}, not 1`);
  }
}

/** Resources named by tasks (performers or Selection) and calendars named by parameters must exist. */
function checkReferences(s: Scenario, at: string): void {
  for (const a of Object.values(s.activities)) {
    for (const r of a.resources) {
      if (!s.resources[r.role]) s.resources[r.role] = { id: r.role, quantity: 1, unitCost: 0, calendarId: null };
      if (r.quantity > s.resources[r.role].quantity) throw new ScenarioError(`${at}, element ${a.elementId}: it needs ${r.quantity} of ${r.role}, which has only ${s.resources[r.role].quantity}`);
    }
  }
  const calendars = [...Object.values(s.resources).map((r) => [r.id, r.calendarId] as const), ...s.arrivals.map((a) => [a.startEventId, a.calendarId] as const)];
  for (const [owner, c] of calendars) if (c !== null && !s.calendars[c]) throw new ScenarioError(`${at}, element ${owner}: calendar ${JSON.stringify(c)} is not a Calendar of the scenario`);
}

function positiveInt(text: string, where: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new ScenarioError(`${where} must be a whole number >= 1 (got ${JSON.stringify(text)})`);
  return n;
}
