import type { ExecutableProcess, NodeDef } from '../engine';
import { ScenarioError } from './bpsim/errors';
import type { Rng } from './random';
import type { Scenario } from './scenario';

/** Activities that run at once in the engine (no job, no user task): the simulator gives them time by stopping before them. */
const INSTANT = new Set(['task', 'manualTask', 'scriptTask', 'businessRuleTask', 'sendTask']);

/**
 * Adapts a process compiled for this simulation to the scenario, without touching the kernel:
 * - activities with simulated time that would otherwise run at once get an asynchronous
 *   continuation before them (`asyncBefore`), which the runner continues when their time is over,
 *   so a script task's script runs at the end of its processing time;
 * - the outgoing flows of a split with branch probabilities get a condition that draws from the
 *   runner's random numbers (one draw per visit of the gateway: the first flow draws, the others
 *   compare), and the split loses its default flow.
 * Returns the ids of the activities the runner must hold.
 *
 * @throws ScenarioError when probabilities are given for the flows of something that is not an exclusive or inclusive gateway.
 */
export function prepareProcess(process: ExecutableProcess, scenario: Scenario, rng: () => Rng): Set<string> {
  const held = new Set<string>();
  for (const node of process.nodes.values()) {
    const a = scenario.activities[node.id];
    if (!a) continue;
    if (INSTANT.has(node.kind) && !node.job && (a.processing || a.setup || a.wait || a.resources.length > 0)) {
      node.asyncBefore = true;
      held.add(node.id);
    }
  }
  const gateways = new Set<NodeDef>();
  for (const flowId of Object.keys(scenario.probabilities)) {
    const flow = process.flows.get(flowId);
    if (!flow) continue; // a flow of another process of the model
    const gateway = process.nodes.get(flow.sourceId);
    if (!gateway) continue;
    if (gateway.kind !== 'exclusiveGateway' && gateway.kind !== 'inclusiveGateway') {
      throw new ScenarioError(`scenario ${scenario.id}, element ${flowId}: branch probabilities are simulated on exclusive and inclusive gateways, and ${gateway.id} is a ${gateway.kind}`);
    }
    gateways.add(gateway);
  }
  for (const gateway of gateways) {
    const out = gateway.outgoing;
    const missing = out.filter((f) => scenario.probabilities[f.id] === undefined);
    if (missing.length > 0) throw new ScenarioError(`scenario ${scenario.id}: gateway ${gateway.id} has branch probabilities, but not on ${missing.map((f) => f.id).join(', ')}`);
    const cumulative: number[] = [];
    let acc = 0;
    for (const f of out) cumulative.push((acc += scenario.probabilities[f.id]));
    let choice = 0;
    out.forEach((f, i) => {
      f.condition = {
        source: `probability ${scenario.probabilities[f.id]}`,
        compiled: {
          evaluate: () => {
            if (i === 0) {
              const u = rng().next() * acc;
              choice = cumulative.findIndex((c) => u < c);
              if (choice < 0) choice = out.length - 1;
            }
            return { value: choice === i, warnings: [] };
          },
        },
      };
    });
    gateway.defaultFlow = null;
  }
  return held;
}
