import type { ExecutableProcess, ValueSource } from '../engine';
import type { TimerSchedule } from '../engine/timers';
import { startTimerDefs } from '../host/time/start-timers';
import { ScenarioError } from './bpsim/errors';
import type { Scenario } from './scenario';

/**
 * The start events of the simulated process that the model itself triggers: message and signal
 * start events by name (as the host's `StartEventIndex`: the first per name; a name given as an
 * expression is evaluated without variables), and timer start events with their schedule.
 */
export interface StartsByName {
  message: Map<string, { elementId: string; processId: string }>;
  signal: Map<string, string[]>;
}

export function startsByName(process: ExecutableProcess, now: number): StartsByName {
  const out: StartsByName = { message: new Map(), signal: new Map() };
  for (const node of process.startEvents) {
    for (const def of node.events) {
      if (def.kind !== 'message' && def.kind !== 'signal') continue;
      const name = nameOf((def.data as { name?: ValueSource } | undefined)?.name, now);
      if (name === null) continue;
      if (def.kind === 'message' && !out.message.has(name)) out.message.set(name, { elementId: node.id, processId: process.id });
      if (def.kind === 'signal' && !out.signal.has(name)) out.signal.set(name, [node.id]);
    }
  }
  return out;
}

function nameOf(source: ValueSource | undefined, now: number): string | null {
  if (!source) return null;
  if (source.kind === 'static') return source.value;
  const { value } = source.expr.compiled.evaluate({}, now);
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A timer start event that the scenario gives no arrivals: it starts cases on its own schedule. */
export interface TimerStart {
  elementId: string;
  schedule: TimerSchedule;
}

/**
 * The timer start events of `process` without an `InterTriggerTimer` in the scenario, with the
 * schedules the host would read at deploy (at the scenario's start).
 * @throws ScenarioError when one would never stop: an unbounded cycle or a cron in a scenario
 * without a Duration and no `instances` limit, or a timer whose value does not evaluate.
 */
export function timerStarts(process: ExecutableProcess, scenario: Scenario, instances: number | null): TimerStart[] {
  const given = new Set(scenario.arrivals.map((a) => a.startEventId));
  let defs: TimerStart[];
  try {
    defs = startTimerDefs(process, scenario.start);
  } catch (e) {
    throw new ScenarioError(`scenario ${scenario.id}: ${(e as Error).message}`);
  }
  const out = defs.filter((d) => !given.has(d.elementId));
  for (const d of out) {
    const unbounded = d.schedule.type === 'cron' || (d.schedule.type === 'cycle' && d.schedule.repetitions === null);
    if (unbounded && scenario.duration === null && instances === null) {
      throw new ScenarioError(`scenario ${scenario.id}, start event ${d.elementId}: its timer repeats without end and the scenario has no Duration, so the run would never stop (give a Duration, an InterTriggerTimer with a TriggerCount, or pass --instances N)`);
    }
  }
  return out;
}
