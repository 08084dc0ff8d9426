import type { ModdleElement } from 'bpmn-moddle';
import { ext, list, str } from '../model/extensions';
import { compileMappings } from '../model/mappings';
import type { NodeDef } from '../model/types';
import type { CompileContext } from '../runtime/element-type';

/*
 * Global tasks (BPMN 2.0 10.2.7: `bpmn:globalTask`, `globalUserTask`, `globalScriptTask`,
 * `globalManualTask`, `globalBusinessRuleTask`): a task defined once at the definitions root and
 * used by call activities (`calledElement` naming it). A call activity that calls one runs the
 * global task's behaviour in place: a user task, a script, a decision..., with the global task's
 * extensions (zeebe:assignmentDefinition, zeebe:taskDefinition, zeebe:calledDecision, ...); the
 * call activity's own extensions of the same kind win. Its input/output mappings apply, or the
 * global task's when it has none. A
 * `globalTask` with a zeebe:taskDefinition is a job, like a service task (BPMN has no global
 * service task); without one it completes at once, like `bpmn:task`.
 */

/** The task element kind each global task runs as. */
const RUNS_AS: Record<string, string> = {
  'bpmn:GlobalUserTask': 'bpmn:UserTask',
  'bpmn:GlobalScriptTask': 'bpmn:ScriptTask',
  'bpmn:GlobalManualTask': 'bpmn:ManualTask',
  'bpmn:GlobalBusinessRuleTask': 'bpmn:BusinessRuleTask',
};

/** The root element a call activity's static `calledElement` names, if it is in these definitions. */
export function calledRootElement(calledElement: string | undefined, cx: CompileContext): ModdleElement | undefined {
  if (!calledElement) return undefined;
  return list(cx.definitions, 'rootElements').find((r) => r.id === calledElement && r.$type !== 'bpmn:Process');
}

/**
 * Compiles the call activity `node` as the global task `global`: the node takes the global task's
 * behaviour (its kind stays `callActivity`, so history shows the call activity).
 */
export function compileGlobalTask(global: ModdleElement, callActivity: ModdleElement, node: NodeDef, cx: CompileContext): void {
  const as = global.$type === 'bpmn:GlobalTask' ? (ext(global, 'zeebe:TaskDefinition') ? 'bpmn:ServiceTask' : 'bpmn:Task') : RUNS_AS[global.$type];
  const type = as ? cx.registry.elements[as] : undefined;
  if (!type) {
    cx.report(node.id, `call activity calls ${global.$type} ${global.id ?? ''}, which is not executed (call a process or a global task)`);
    return;
  }
  node.behaviour = type;
  type.compile?.(asTask(global, callActivity, as as string), node, cx);
  if (node.inputs.length === 0) node.inputs = compileMappings(global, 'input', node.id, cx.exprs);
  if (node.outputs.length === 0) node.outputs = compileMappings(global, 'output', node.id, cx.exprs);
}

function extensions(el: ModdleElement): ModdleElement[] {
  return list(el.extensionElements as ModdleElement | undefined, 'values');
}

/** The global task read as the task kind it runs as (its script and language under the task's names). */
function asTask(global: ModdleElement, callActivity: ModdleElement, $type: string): ModdleElement {
  const language = str(global, 'scriptLanguage');
  return {
    $type,
    id: callActivity.id,
    name: str(callActivity, 'name') ?? str(global, 'name'),
    $parent: callActivity.$parent,
    // The call activity's own extensions (a zeebe:property, a form...) come first and so win.
    extensionElements: { $type: 'bpmn:ExtensionElements', values: [...extensions(callActivity), ...extensions(global)] },
    script: str(global, 'script'),
    // scriptLanguage is a URI or MIME type (`text/javascript`); the script task wants a format name.
    scriptFormat: language && /java[-_ ]?script|ecmascript/i.test(language) ? 'javascript' : language,
  } as ModdleElement;
}
