import type { InstanceState, Variables } from '../engine';
import { isConditionalStart, startConditionHolds } from '../engine/behaviours/conditional-event';
import type { EngineHost } from './engine-host';

/** What {@link evaluateConditions} did. */
export interface ConditionalStartResult {
  /** One new instance per conditional start event whose condition held, in deployment order. */
  instances: InstanceState[];
  /** Conditions that did not evaluate to a boolean for these variables: nothing started there. */
  skipped: Array<{ processId: string; elementId: string; reason: string }>;
}

/**
 * Conditional start events of processes, BPMN / Camunda 7 style (`POST /condition`; Camunda 8.9's
 * "evaluate conditional"): evaluates the condition of every process-level conditional start event
 * of the latest version of each deployed process (or only `processId`'s) against `variables`, and
 * starts an instance there, with those variables, for each that is true. Two start events of one
 * process that both hold start two instances. All of it is one operation and one commit.
 *
 * @example
 * const { instances } = await evaluateConditions(host, { temperature: 42 });
 * instances.map((i) => i.processId); // ['cooling']
 */
export function evaluateConditions(host: EngineHost, variables: Variables, options: { processId?: string } = {}): Promise<ConditionalStartResult> {
  return host.operate(async (tx) => {
    const result: ConditionalStartResult = { instances: [], skipped: [] };
    const ids = options.processId !== undefined ? [options.processId] : host.deployments.processIds();
    for (const processId of ids) {
      const process = host.deployments.get(processId);
      if (!process) continue;
      for (const node of process.startEvents) {
        if (!isConditionalStart(node)) continue;
        const outcome = startConditionHolds(node, variables, tx.now);
        if ('error' in outcome) result.skipped.push({ processId, elementId: node.id, reason: outcome.error });
        else if (outcome.holds) result.instances.push(await tx.start(process, { startEventId: node.id, variables }));
      }
    }
    return result;
  });
}
