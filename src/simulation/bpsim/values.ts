import { addDuration, parseIsoDateTime, parseIsoDuration } from '../../engine/timers';
import type { Distribution } from '../distributions';
import { distributionProblem } from '../distributions';
import type { TimeValue } from '../scenario';
import { ScenarioError } from './errors';
import type { GenericElement } from './generic';
import { attr, children, localName } from './generic';

/** A BPSim parameter's value, read: what it draws, in which unit, and the calendar it applies in. */
export interface ReadValue {
  dist: Distribution;
  /** True for `DurationParameter` (already milliseconds), false for numbers in the base time unit. */
  isDuration: boolean;
  calendar: string | null;
}

const DISTRIBUTIONS: Record<string, (n: (a: string) => number) => Distribution> = {
  UniformDistribution: (n) => ({ kind: 'uniform', min: n('min'), max: n('max') }),
  TriangularDistribution: (n) => ({ kind: 'triangular', min: n('min'), mode: n('mode'), max: n('max') }),
  NormalDistribution: (n) => ({ kind: 'normal', mean: n('mean'), standardDeviation: n('standardDeviation') }),
  TruncatedNormalDistribution: (n) => ({ kind: 'truncatedNormal', mean: n('mean'), standardDeviation: n('standardDeviation'), min: n('min'), max: n('max') }),
  LogNormalDistribution: (n) => ({ kind: 'logNormal', mean: n('mean'), standardDeviation: n('standardDeviation') }),
  ExponentialDistribution: (n) => ({ kind: 'exponential', mean: n('mean') }),
  GammaDistribution: (n) => ({ kind: 'gamma', shape: n('shape'), scale: n('scale') }),
  ErlangDistribution: (n) => ({ kind: 'erlang', k: n('k'), mean: n('mean') }),
  WeibullDistribution: (n) => ({ kind: 'weibull', shape: n('shape'), scale: n('scale') }),
  BetaDistribution: (n) => ({ kind: 'beta', shape: n('shape'), scale: n('scale') }),
  PoissonDistribution: (n) => ({ kind: 'poisson', mean: n('mean') }),
  BinomialDistribution: (n) => ({ kind: 'binomial', trials: n('trials'), probability: n('probability') }),
};

/**
 * Reads the first parameter value of a BPSim parameter (`<bpsim:ProcessingTime>` holding a
 * `NormalDistribution`, a `DurationParameter`...). `where` names the scenario, element and
 * parameter for errors. Returns null when the parameter holds no value.
 */
export function readValue(parameter: GenericElement, where: string): ReadValue | null {
  const value = children(parameter)[0];
  if (!value) return null;
  const calendar = attr(value, 'calendar') ?? null;
  const name = localName(value);
  const num = (a: string): number => {
    const text = attr(value, a);
    const n = text === undefined ? NaN : Number(text);
    if (!Number.isFinite(n)) throw new ScenarioError(`${where}: ${name} needs a numeric ${a} (got ${text === undefined ? 'nothing' : JSON.stringify(text)})`);
    return n;
  };
  const make = DISTRIBUTIONS[name];
  if (make) return checked({ dist: make(num), isDuration: false, calendar }, where, name);
  switch (name) {
    case 'NumericParameter':
    case 'FloatingParameter':
      return { dist: { kind: 'constant', value: num('value') }, isDuration: false, calendar };
    case 'DurationParameter': {
      const text = attr(value, 'value') ?? '';
      const d = parseIsoDuration(text);
      if (!d.ok) throw new ScenarioError(`${where}: DurationParameter ${JSON.stringify(text)} is not an ISO 8601 duration (${d.reason})`);
      return { dist: { kind: 'constant', value: addDuration(0, d.value) }, isDuration: true, calendar };
    }
    case 'DateTimeParameter': {
      const text = attr(value, 'value') ?? '';
      const t = parseIsoDateTime(/[zZ]|[+-]\d{2}:\d{2}$/.test(text) ? text : `${text}Z`);
      if (!t.ok) throw new ScenarioError(`${where}: DateTimeParameter ${JSON.stringify(text)} is not an ISO 8601 date-time (${t.reason})`);
      return { dist: { kind: 'constant', value: t.value.at }, isDuration: false, calendar };
    }
    case 'BooleanParameter':
      return { dist: { kind: 'constant', value: attr(value, 'value') === 'true' }, isDuration: false, calendar };
    case 'StringParameter':
    case 'ExpressionParameter':
      return { dist: { kind: 'constant', value: attr(value, 'value') ?? '' }, isDuration: false, calendar };
    case 'EnumParameter': {
      const options = children(value).map((c, i) => scalar(c, `${where}, value ${i + 1} of EnumParameter`));
      if (options.length === 0) throw new ScenarioError(`${where}: EnumParameter has no values`);
      return { dist: { kind: 'empirical', points: options.map((v) => ({ value: v, probability: 1 / options.length })) }, isDuration: false, calendar };
    }
    case 'UserDistribution': {
      const points = children(value).filter((c) => localName(c) === 'UserDistributionDataPoint').map((p, i) => {
        const probability = Number(attr(p, 'probability'));
        const inner = children(p)[0];
        if (!inner) throw new ScenarioError(`${where}: data point ${i + 1} of UserDistribution has no value`);
        return { probability, value: scalar(inner, `${where}, data point ${i + 1} of UserDistribution`) };
      });
      return checked({ dist: { kind: 'empirical', points }, isDuration: false, calendar }, where, name);
    }
    default:
      throw new ScenarioError(`${where}: the parameter value ${value.$type} is not simulated`);
  }
}

function scalar(value: GenericElement, where: string): number | string | boolean {
  const read = readValue({ $type: 'wrapper', $children: [value] }, where);
  if (!read || read.dist.kind !== 'constant') throw new ScenarioError(`${where}: expected a constant value, not ${value.$type}`);
  return read.dist.value;
}

function checked(v: ReadValue, where: string, name: string): ReadValue {
  const problem = distributionProblem(v.dist);
  if (problem) throw new ScenarioError(`${where}: ${name}: ${problem}`);
  return v;
}

/** A value as a time in ms: numbers are in the base time unit, durations already in ms. */
export function asTime(v: ReadValue, baseTimeUnitMs: number, where: string): TimeValue {
  if (v.dist.kind === 'constant' && typeof v.dist.value !== 'number') throw new ScenarioError(`${where}: a time must be a number or a duration, not ${JSON.stringify(v.dist.value)}`);
  return { dist: v.dist, scale: v.isDuration ? 1 : baseTimeUnitMs };
}

/** A value that must be a constant number (a quantity, a cost, a probability). */
export function asNumber(v: ReadValue | null, where: string): number | null {
  if (v === null) return null;
  if (v.dist.kind !== 'constant' || typeof v.dist.value !== 'number') throw new ScenarioError(`${where}: expected a number (NumericParameter or FloatingParameter)`);
  return v.dist.value;
}
