import type { ModdleElement } from 'bpmn-moddle';
import { ext, properties, str } from '../model/extensions';
import type { NodeDef } from '../model/types';
import type { CompileContext, ElementType } from '../runtime/element-type';
import { evalIn } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import { applyResult } from '../runtime/results';
import { visibleVariables } from '../runtime/variables';
import { throwBpmnError } from './error-event';
import { activateJob, cancelJob, compileJob, retryJob } from './job';

const DEFAULT_TIMEOUT_MS = 1000;
const DEFAULT_MEMORY_BYTES = 32 * 1024 * 1024;

/**
 * Script task: JavaScript through the ScriptRunner port (its `setVariables` and, with a
 * `resultVariable` zeebe:property, its result become variables), a FEEL `zeebe:script`, or, with a
 * `zeebe:taskDefinition` and no script, a job (Camunda 8's way of running other languages).
 * A JavaScript script may `throw new BpmnError(code, message, variables)`: the task throws that
 * BPMN error, as a worker's `throwError` does.
 */
export const scriptTask: ElementType = {
  kind: 'scriptTask',
  compile: compileScript,
  activate(step, ei, node) {
    const script = node.script;
    if (!script) {
      activateJob(step, ei, node);
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
      randomSeed: Math.floor(step.random() * 0x7fffffff),
      timeoutMs: limits?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      memoryLimitBytes: limits?.memoryLimitBytes ?? DEFAULT_MEMORY_BYTES,
    });
    if (!result.ok && 'bpmnError' in result) {
      // As a worker's throwError: caught, the catcher takes it (and the task is terminated); not caught, an incident whose resolution runs the script again.
      const { code, message, variables } = result.bpmnError;
      if (throwBpmnError(step, ei, code, message, variables)) return;
      throw new ElementFailure('unhandledError', `error '${code}' thrown by the script of ${node.id} (${message}) is not caught by any boundary event or event subprocess`);
    }
    if (!result.ok) throw new ElementFailure('script', `script of ${node.id} failed: ${result.error}`);
    const vars = { ...result.setVariables };
    if (script.resultVariable) vars[script.resultVariable] = result.result ?? null;
    applyResult(step, ei, node, vars);
    step.complete(ei);
  },
  terminate: cancelJob,
  resolveIncident: retryJob,
};

function compileScript(el: ModdleElement, node: NodeDef, cx: CompileContext): void {
  const zeebeScript = ext(el, 'zeebe:Script');
  if (zeebeScript) {
    const expr = cx.exprs.expr(node.id, 'script expression', str(zeebeScript, 'expression') ?? '');
    const resultVariable = str(zeebeScript, 'resultVariable');
    if (!resultVariable) cx.report(node.id, 'zeebe:script has no resultVariable');
    if (expr && resultVariable) node.script = { language: 'feel', expr, resultVariable };
    return;
  }
  const format = (str(el, 'scriptFormat') ?? '').toLowerCase();
  const source = str(el, 'script');
  if (format === 'javascript' || format === 'js' || format === 'ecmascript') {
    if (source == null || source.trim() === '') cx.report(node.id, 'script task has an empty script');
    else node.script = { language: 'javascript', source, resultVariable: properties(el).resultVariable ?? null };
    return;
  }
  if (ext(el, 'zeebe:TaskDefinition')) compileJob(el, node, cx, true);
  else cx.report(node.id, format ? `unsupported script format ${format}` : 'script task has neither a javascript script nor zeebe:script');
}
