import type { Behaviour } from './behaviour';
import { jobTask } from './service-task';
import { evalIn } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import { applyResult } from '../runtime/results';
import { visibleVariables } from '../runtime/variables';

const DEFAULT_TIMEOUT_MS = 1000;
const DEFAULT_MEMORY_BYTES = 32 * 1024 * 1024;

/**
 * Script task: JavaScript through the ScriptRunner port (its `setVariables` and, with a
 * `resultVariable` zeebe:property, its result become variables), or a FEEL `zeebe:script`.
 */
export const scriptTask: Behaviour = {
  activate(step, ei, node) {
    const script = node.script;
    if (!script) {
      jobTask.activate(step, ei, node);
      return;
    }
    if (script.language === 'feel') {
      const value = evalIn(step, script.expr, ei.id, `script of ${node.id}`);
      applyResult(step, ei, node, { [script.resultVariable]: value ?? null });
      step.complete(ei);
      return;
    }
    const runner = step.ctx.scripts;
    if (!runner) throw new ElementFailure('script', `no script runner is configured for ${node.id}`);
    const limits = step.ctx.scriptLimits;
    const result = runner.run({
      elementId: node.id,
      processInstanceId: step.state.instanceId,
      language: 'javascript',
      source: script.source,
      variables: visibleVariables(step, ei.id),
      now: step.now,
      randomSeed: Math.floor(step.ctx.random.next() * 0x7fffffff),
      timeoutMs: limits?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      memoryLimitBytes: limits?.memoryLimitBytes ?? DEFAULT_MEMORY_BYTES,
    });
    if (!result.ok) throw new ElementFailure('script', `script of ${node.id} failed: ${result.error}`);
    const vars = { ...result.setVariables };
    if (script.resultVariable) vars[script.resultVariable] = result.result ?? null;
    applyResult(step, ei, node, vars);
    step.complete(ei);
  },
  terminate: jobTask.terminate,
};
