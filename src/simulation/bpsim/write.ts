import type { Distribution } from '../distributions';
import type { GenericElement } from './generic';
import { attr, child, children, localName } from './generic';

/**
 * What the studio edits of a scenario. Times are numbers in `baseTimeUnit`; an absent entry
 * leaves the file's parameter as it is.
 */
export interface ScenarioEdit {
  name?: string;
  replications?: number;
  seed?: number;
  baseTimeUnit?: string;
  /** Start event id → inter-arrival time (a `bpmn:Message` / `bpmn:Signal` id: its global stream's inter-trigger time, ADR 0175). */
  arrivals?: Record<string, Distribution>;
  /** `bpmn:Message` / `bpmn:Signal` id → the time between the triggers of its global stream (ADR 0175); null removes the stream. */
  streams?: Record<string, Distribution | null>;
  /** Start event id (or stream's message / signal id) → trigger count per replication; null removes it. */
  triggerCounts?: Record<string, number | null>;
  /** Activity id → processing time; null removes it. */
  processing?: Record<string, Distribution | null>;
  /** Sequence flow id → probability; null removes it (the split then uses the model's conditions). */
  probabilities?: Record<string, number | null>;
  /** `bpmn:resource` id → quantity and cost per base time unit. */
  resources?: Record<string, { quantity: number; unitCost: number }>;
  /** Simulated start (epoch ms), written as an ISO date-time; null removes it (the reader's default). */
  start?: number | null;
  /** Activity id → cost per base time unit of its setup and processing; null removes it. */
  activityUnitCosts?: Record<string, number | null>;
  /** Length of a replication in base units; null removes it (until the trigger counts are reached). */
  duration?: number | null;
  /** Warm-up in base units (instances started in it are not counted); null removes it. */
  warmup?: number | null;
  /** Activity id → setup time (resources held before the work); null removes it. */
  setup?: Record<string, Distribution | null>;
  /** Activity id → wait time (after the work, without resources); null removes it. */
  wait?: Record<string, Distribution | null>;
  /** Activity id → fixed cost per completion; null removes it. */
  fixedCosts?: Record<string, number | null>;
  /** Activity id → priority in resource queues (higher first); null removes it. */
  priorities?: Record<string, number | null>;
  /** Start event id → its case variables (BPSim `PropertyParameters`), replacing the file's list. */
  variables?: Record<string, Array<{ name: string; dist: Distribution }>>;
  /** Calendar id → its name and iCalendar text (a `bpsim:Calendar`, added when new); null removes it. */
  calendars?: Record<string, { name: string; text: string } | null>;
  /** `bpmn:resource` id → the calendar its role is on shift in (BPSim `Availability`); null: always on shift. */
  resourceCalendars?: Record<string, string | null>;
  /** Start event id → the calendar its instances arrive in (the `calendar` of its `InterTriggerTimer`); null: any time. */
  arrivalCalendars?: Record<string, string | null>;
}

const SCENARIO_TIMES = ['Start', 'Duration', 'Warmup'];

/** Makes a generic BPSim element (`bpsim:Scenario`) the model's writer can serialise; bpmn-moddle's `createAny` in the app. */
export type ElementFactory = (localName: string, attributes: Record<string, string>) => GenericElement;

/** The BPSim element of a distribution (the inverse of the reader's). */
export function valueElement(d: Distribution, make: ElementFactory): GenericElement {
  const s = (n: number) => String(n);
  switch (d.kind) {
    case 'constant':
      if (typeof d.value === 'number') return make('FloatingParameter', { value: s(d.value) });
      if (typeof d.value === 'boolean') return make('BooleanParameter', { value: String(d.value) });
      return make('StringParameter', { value: d.value });
    case 'uniform': return make('UniformDistribution', { min: s(d.min), max: s(d.max) });
    case 'triangular': return make('TriangularDistribution', { min: s(d.min), mode: s(d.mode), max: s(d.max) });
    case 'normal': return make('NormalDistribution', { mean: s(d.mean), standardDeviation: s(d.standardDeviation) });
    case 'truncatedNormal': return make('TruncatedNormalDistribution', { mean: s(d.mean), standardDeviation: s(d.standardDeviation), min: s(d.min), max: s(d.max) });
    case 'logNormal': return make('LogNormalDistribution', { mean: s(d.mean), standardDeviation: s(d.standardDeviation) });
    case 'exponential': return make('ExponentialDistribution', { mean: s(d.mean) });
    case 'gamma': return make('GammaDistribution', { shape: s(d.shape), scale: s(d.scale) });
    case 'erlang': return make('ErlangDistribution', { k: s(d.k), mean: s(d.mean) });
    case 'weibull': return make('WeibullDistribution', { shape: s(d.shape), scale: s(d.scale) });
    case 'beta': return make('BetaDistribution', { shape: s(d.shape), scale: s(d.scale) });
    case 'poisson': return make('PoissonDistribution', { mean: s(d.mean) });
    case 'binomial': return make('BinomialDistribution', { trials: s(d.trials), probability: s(d.probability) });
    case 'empirical': {
      const u = make('UserDistribution', {});
      u.$children = d.points.map((p) => {
        const point = make('UserDistributionDataPoint', { probability: s(p.probability) });
        point.$children = [valueElement({ kind: 'constant', value: p.value }, make)];
        return point;
      });
      return u;
    }
  }
}

/**
 * Writes the studio's edits into a `bpsim:Scenario` element in place. Only the parameters edited
 * are replaced; every other element and attribute (calendars, unknown parameters, vendor
 * extensions) stays as it was, so the file keeps what other BPSim tools wrote.
 *
 * @example
 * editScenario(scenarioElement, { replications: 3, processing: { Check: { kind: 'exponential', mean: 5 } } }, make);
 */
export function editScenario(scenario: GenericElement, edit: ScenarioEdit, make: ElementFactory): void {
  if (edit.name !== undefined) scenario.name = edit.name;
  const params = ensure(scenario, 'ScenarioParameters', make, true);
  if (edit.replications !== undefined) params.replication = String(edit.replications);
  if (edit.seed !== undefined) params.seed = String(edit.seed);
  if (edit.baseTimeUnit !== undefined) params.baseTimeUnit = edit.baseTimeUnit;
  const scenarioTime = (name: 'Start' | 'Duration' | 'Warmup', n: number | null) => {
    const rest = children(params).filter((c) => localName(c) !== name);
    if (n === null) {
      params.$children = rest;
      return;
    }
    const e = make(name, {});
    e.$children = [name === 'Start' ? make('DateTimeParameter', { value: new Date(n).toISOString() }) : make('NumericParameter', { value: String(n) })];
    // BPSim's sequence: Start, Duration, Warmup, then the rest.
    const rank = (c: GenericElement) => { const i = SCENARIO_TIMES.indexOf(localName(c)); return i < 0 ? SCENARIO_TIMES.length : i; };
    params.$children = [...rest, e].sort((a, b) => rank(a) - rank(b));
  };
  if (edit.start !== undefined) scenarioTime('Start', edit.start);
  if (edit.duration !== undefined) scenarioTime('Duration', edit.duration);
  if (edit.warmup !== undefined) scenarioTime('Warmup', edit.warmup);
  const set = (ref: string, group: string, name: string, value: GenericElement | null) => {
    const element = elementParameters(scenario, ref, make, value !== null);
    if (!element) return;
    const g = value === null ? child(element, group) : ensure(element, group, make);
    if (!g) return;
    if (value === null) {
      g.$children = children(g).filter((c) => localName(c) !== name);
      return;
    }
    ensure(g, name, make).$children = [value];
  };
  for (const [ref, d] of Object.entries(edit.arrivals ?? {})) {
    // A new distribution keeps the calendar the arrivals had.
    const calendar = arrivalValue(scenario, ref)?.calendar;
    const value = valueElement(d, make);
    if (typeof calendar === 'string') value.calendar = calendar;
    set(ref, 'ControlParameters', 'InterTriggerTimer', value);
  }
  for (const [ref, c] of Object.entries(edit.arrivalCalendars ?? {})) {
    const value = arrivalValue(scenario, ref);
    if (value && c !== null) value.calendar = c;
    else if (value) delete value.calendar;
  }
  for (const [ref, d] of Object.entries(edit.streams ?? {})) set(ref, 'ControlParameters', 'InterTriggerTimer', d === null ? null : valueElement(d, make));
  for (const [ref, n] of Object.entries(edit.triggerCounts ?? {})) set(ref, 'ControlParameters', 'TriggerCount', n === null ? null : make('NumericParameter', { value: String(n) }));
  for (const [ref, d] of Object.entries(edit.processing ?? {})) set(ref, 'TimeParameters', 'ProcessingTime', d === null ? null : valueElement(d, make));
  for (const [ref, p] of Object.entries(edit.probabilities ?? {})) set(ref, 'ControlParameters', 'Probability', p === null ? null : make('FloatingParameter', { value: String(p) }));
  for (const [ref, d] of Object.entries(edit.setup ?? {})) set(ref, 'TimeParameters', 'SetupTime', d === null ? null : valueElement(d, make));
  for (const [ref, d] of Object.entries(edit.wait ?? {})) set(ref, 'TimeParameters', 'WaitTime', d === null ? null : valueElement(d, make));
  for (const [ref, c] of Object.entries(edit.fixedCosts ?? {})) set(ref, 'CostParameters', 'FixedCost', c === null ? null : make('FloatingParameter', { value: String(c) }));
  for (const [ref, c] of Object.entries(edit.activityUnitCosts ?? {})) set(ref, 'CostParameters', 'UnitCost', c === null ? null : make('FloatingParameter', { value: String(c) }));
  for (const [ref, p] of Object.entries(edit.priorities ?? {})) set(ref, 'PriorityParameters', 'Priority', p === null ? null : make('NumericParameter', { value: String(p) }));
  for (const [ref, vars] of Object.entries(edit.variables ?? {})) {
    const element = elementParameters(scenario, ref, make, vars.length > 0);
    if (!element) continue;
    const group = ensure(element, 'PropertyParameters', make);
    group.$children = [...children(group).filter((c) => localName(c) !== 'Property'), ...vars.map((v) => {
      const property = make('Property', { name: v.name });
      property.$children = [valueElement(v.dist, make)];
      return property;
    })];
  }
  for (const [ref, r] of Object.entries(edit.resources ?? {})) {
    set(ref, 'ResourceParameters', 'Quantity', make('NumericParameter', { value: String(r.quantity) }));
    set(ref, 'CostParameters', 'UnitCost', make('FloatingParameter', { value: String(r.unitCost) }));
  }
  for (const [ref, c] of Object.entries(edit.resourceCalendars ?? {})) set(ref, 'ResourceParameters', 'Availability', c === null ? null : make('BooleanParameter', { value: 'true', calendar: c }));
  for (const [id, c] of Object.entries(edit.calendars ?? {})) editCalendar(scenario, id, c, make);
}

/** The value element of a start event's arrivals (`InterTriggerTimer`, under either group BPSim allows). */
function arrivalValue(scenario: GenericElement, ref: string): GenericElement | undefined {
  const element = children(scenario).find((c) => localName(c) === 'ElementParameters' && attr(c, 'elementRef') === ref);
  if (!element) return undefined;
  const timer = ['ControlParameters', 'TimeParameters'].map((g) => child(element, g)).map((g) => g && child(g, 'InterTriggerTimer')).find((t) => t !== undefined);
  return timer ? children(timer)[0] : undefined;
}

/** Replaces, adds (last, where BPSim's schema puts calendars) or removes a `bpsim:Calendar`. */
function editCalendar(scenario: GenericElement, id: string, c: { name: string; text: string } | null, make: ElementFactory): void {
  const list = children(scenario);
  const found = list.find((e) => localName(e) === 'Calendar' && attr(e, 'id') === id);
  if (c === null) {
    scenario.$children = list.filter((e) => e !== found);
    return;
  }
  const calendar = found ?? make('Calendar', { id, name: c.name });
  calendar.name = c.name;
  calendar.$body = c.text;
  if (!found) scenario.$children = [...list, calendar];
}

/** A new, empty scenario element (`ScenarioParameters` only); fill it with {@link editScenario}. */
export function newScenario(id: string, name: string, make: ElementFactory): GenericElement {
  const s = make('Scenario', { id, name });
  s.$children = [make('ScenarioParameters', { replication: '1', seed: '1', baseTimeUnit: 'min' })];
  return s;
}

function elementParameters(scenario: GenericElement, ref: string, make: ElementFactory, create: boolean): GenericElement | undefined {
  const found = children(scenario).find((c) => localName(c) === 'ElementParameters' && attr(c, 'elementRef') === ref);
  if (found || !create) return found;
  const e = make('ElementParameters', { elementRef: ref });
  // Element parameters go before calendars, which BPSim's schema puts last.
  const list = children(scenario);
  const at = list.findIndex((c) => localName(c) === 'Calendar');
  scenario.$children = at < 0 ? [...list, e] : [...list.slice(0, at), e, ...list.slice(at)];
  return e;
}

function ensure(parent: GenericElement, name: string, make: ElementFactory, first = false): GenericElement {
  const found = child(parent, name);
  if (found) return found;
  const e = make(name, {});
  parent.$children = first ? [e, ...children(parent)] : [...children(parent), e];
  return e;
}
