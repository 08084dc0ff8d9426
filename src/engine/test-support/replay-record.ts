import { CountingIds, ManualClock, SeededRandom } from '../../host/clocks';
import { EngineHost } from '../../host/engine-host';
import { MemoryStore } from '../../host/memory-store';
import type { QuickJsScriptRunner } from '../../host/scripts/quickjs-runner';
import type { CommandRecord } from '../runtime/step-result';
import type { HistoryEvent } from '../history/events';
import { testFeel } from './feel';
import { readModel, type Scenario } from './replay-scenarios';

/** One recorded history file: every instance a scenario created, with its command log and history. */
export interface HistoryFile {
  name: string;
  description: string;
  models: string[];
  /** The step budget the scenario ran with. */
  stepBudget: number;
  instances: Array<{ instanceId: string; processId: string; processVersion: number; log: CommandRecord[]; history: HistoryEvent[] }>;
}

/** The step budget of recorded runs (small, so the budget scenario stays small). */
export const RECORD_BUDGET = 40;

/** Runs a scenario on a fresh host and returns what the history file holds. */
export async function recordScenario(scenario: Scenario, scripts: QuickJsScriptRunner): Promise<HistoryFile> {
  const store = new MemoryStore();
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const host = new EngineHost({
    store, clock, ids: new CountingIds(), random: new SeededRandom(11), expressions: testFeel, scripts, limits: { stepBudget: RECORD_BUDGET },
  });
  for (const model of scenario.models) await host.deploy(readModel(model), model);
  await scenario.run(host, clock);
  const instances = [];
  for (const state of await host.listInstances()) {
    instances.push({
      instanceId: state.instanceId, processId: state.processId, processVersion: state.processVersion,
      // The engine's log: the store's `order` (ADR 0250) says how the store interleaved instances, not what the engine did.
      log: (await host.commandLog(state.instanceId)).map(({ order: _order, ...record }) => record), history: await host.history(state.instanceId),
    });
  }
  return { name: scenario.name, description: scenario.description, models: scenario.models, stepBudget: RECORD_BUDGET, instances };
}
