/**
 * Lint rules for what Flowdeck adds to Camunda 8's format. A JavaScript script task
 * (`scriptFormat="javascript"` with a `<bpmn:script>` body) runs in Flowdeck's engine; Camunda 8
 * has no JavaScript runtime and runs a script task only as FEEL (`zeebe:script`) or through a job
 * worker (`zeebe:taskDefinition`). camunda-compat's `implementation` rule reports such a task as an
 * error ("must have one of zeebe:Script, zeebe:TaskDefinition"), which reads as if the task were
 * broken in Flowdeck too; `withoutFlowdeckScripts` keeps that rule quiet for them and
 * `javascript-script-task` says what is true instead, as a note (info).
 *
 * @example
 * ```ts
 * const rules = { 'javascript-script-task': javascriptScriptTask, implementation: withoutFlowdeckScripts(implementation) };
 * ```
 */
import { isJavaScriptFormat } from '../../scripts/script-format';

interface LintNode {
  $type: string;
  id?: string;
  scriptFormat?: string;
  script?: string;
  extensionElements?: { values?: Array<{ $type: string }> };
}

interface Reporter {
  report(id: string | undefined, message: string, path?: unknown): void;
}

type Check = ((node: LintNode, reporter: Reporter) => void) | { enter?(node: LintNode, reporter: Reporter): unknown; leave?(node: LintNode, reporter: Reporter): unknown };
type RuleFactory = (config?: unknown) => unknown;

/** The message a person sees on a JavaScript script task. */
export const JAVASCRIPT_SCRIPT_MESSAGE =
  'JavaScript script (Flowdeck only): Camunda 8 cannot run it; deploying there needs a job worker (zeebe:taskDefinition) or a FEEL script';

/** True for a script task that Flowdeck runs as JavaScript and Camunda 8 cannot run. */
export function isFlowdeckScriptTask(node: LintNode): boolean {
  if (node.$type !== 'bpmn:ScriptTask') return false;
  const values = node.extensionElements?.values ?? [];
  if (values.some((value) => value.$type === 'zeebe:Script' || value.$type === 'zeebe:TaskDefinition')) return false;
  return isJavaScriptFormat(node.scriptFormat) && (node.scriptFormat !== undefined || typeof node.script === 'string');
}

/** Notes on every JavaScript script task that it is a Flowdeck format (level `info` in `lint-config.ts`). */
export const javascriptScriptTask: RuleFactory = () => ({
  check(node: LintNode, reporter: Reporter) {
    if (isFlowdeckScriptTask(node)) reporter.report(node.id, JAVASCRIPT_SCRIPT_MESSAGE);
  },
});

/** `factory`'s rule, skipping JavaScript script tasks (reported by `javascriptScriptTask`). */
export function withoutFlowdeckScripts(factory: RuleFactory): RuleFactory {
  return (config) => {
    const rule = factory(config) as { check: Check; meta?: unknown };
    const check = rule.check;
    if (typeof check === 'function') {
      return { ...rule, check: (node: LintNode, reporter: Reporter) => (isFlowdeckScriptTask(node) ? undefined : check(node, reporter)) };
    }
    return {
      ...rule,
      check: {
        enter: (node: LintNode, reporter: Reporter) => (isFlowdeckScriptTask(node) ? undefined : check.enter?.(node, reporter)),
        leave: (node: LintNode, reporter: Reporter) => (isFlowdeckScriptTask(node) ? undefined : check.leave?.(node, reporter)),
      },
    };
  };
}
