import type { ExecutableProcess } from '../engine';
import { ScenarioError } from './bpsim/errors';
import type { Scenario } from './scenario';

/**
 * The scenario to run (by id, else the first) and the process that holds its start events (a
 * model may have several processes). Shared by `flowdeck simulate` and the studio's worker.
 *
 * @throws ScenarioError naming the model's scenarios or the start events when nothing fits.
 */
export function pickRun(scenarios: readonly Scenario[], processes: readonly ExecutableProcess[], scenarioId?: string): { scenario: Scenario; process: ExecutableProcess } {
  if (scenarios.length === 0) throw new ScenarioError('the model has no BPSim scenario (a bpmn:relationship type="BPSimData" with a bpsim:Scenario); see docs/simulation.md');
  const scenario = scenarioId === undefined ? scenarios[0] : scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new ScenarioError(`the model has no scenario ${scenarioId} (it has ${scenarios.map((s) => s.id).join(', ')})`);
  if (scenario.arrivals.length === 0) {
    // The model's own timer start events start cases where the scenario gives no arrivals.
    const timed = processes.find((p) => p.startEvents.some((n) => n.events.some((d) => d.kind === 'timer')));
    if (!timed) throw new ScenarioError(`scenario ${scenario.id}: no start event has an InterTriggerTimer and no process has a timer start event, so no instance would arrive`);
    return { scenario, process: timed };
  }
  const process = processes.find((p) => scenario.arrivals.every((a) => p.nodes.get(a.startEventId)?.kind === 'startEvent'));
  if (!process) throw new ScenarioError(`scenario ${scenario.id}: the start events ${scenario.arrivals.map((a) => a.startEventId).join(', ')} are not top-level start events of one executable process`);
  return { scenario, process };
}
