import type { ModdleElement } from 'bpmn-moddle';
import { ext, formal, list, properties, str } from './extensions';
import type { Mapping, NodeDef } from './types';
import type { ExprCompiler } from './values';

type Report = (elementId: string, message: string) => void;

/** Reads the kind-specific parts of a flow node (zeebe extensions, loops, event definitions). */
export function compileNodeDetails(el: ModdleElement, node: NodeDef, exprs: ExprCompiler, report: Report): void {
  const id = node.id;
  const io = ext(el, 'zeebe:IoMapping');
  node.inputs = mappings(list(io, 'inputParameters'), id, 'input', exprs);
  node.outputs = mappings(list(io, 'outputParameters'), id, 'output', exprs);
  const eventDefs = list(el, 'eventDefinitions');

  switch (node.kind) {
    case 'serviceTask':
    case 'sendTask':
      compileJob(el, node, exprs, report, true);
      break;
    case 'userTask':
      compileUserTask(el, node, exprs);
      break;
    case 'scriptTask':
      compileScript(el, node, exprs, report);
      break;
    case 'businessRuleTask': {
      const called = ext(el, 'zeebe:CalledDecision');
      if (called) {
        const decisionId = exprs.value(id, 'decisionId', str(called, 'decisionId'));
        const resultVariable = str(called, 'resultVariable');
        if (!decisionId) report(id, 'zeebe:calledDecision has no decisionId');
        if (!resultVariable) report(id, 'zeebe:calledDecision has no resultVariable');
        if (decisionId && resultVariable) node.decision = { decisionId, resultVariable };
      } else compileJob(el, node, exprs, report, true);
      break;
    }
    case 'callActivity': {
      const called = ext(el, 'zeebe:CalledElement');
      const processId = exprs.value(id, 'processId', str(called, 'processId') ?? str(el, 'calledElement'));
      if (!processId) report(id, 'call activity has no zeebe:calledElement processId');
      else {
        node.call = {
          processId,
          propagateAllChildVariables: called?.propagateAllChildVariables !== false,
          propagateAllParentVariables: called?.propagateAllParentVariables !== false,
        };
      }
      break;
    }
    case 'complexGateway':
      node.activationCondition = exprs.expr(id, 'activationCondition', formal(el, 'activationCondition'));
      break;
    case 'endEvent':
    case 'intermediateThrowEvent':
    case 'boundaryEvent':
      compileEventDefinitions(el, eventDefs, node, exprs, report);
      break;
    default:
      break;
  }
  compileLoop(el, node, exprs, report);
}

function compileEventDefinitions(el: ModdleElement, defs: ModdleElement[], node: NodeDef, exprs: ExprCompiler, report: Report) {
  if (defs.length === 0) {
    if (node.kind === 'boundaryEvent') report(node.id, 'a boundary event needs an event definition');
    return;
  }
  if (defs.length > 1) {
    report(node.id, 'multiple event definitions are not supported');
    return;
  }
  const def = defs[0];
  if (def.$type === 'bpmn:TerminateEventDefinition' && node.kind === 'endEvent') node.terminate = true;
  else if (def.$type === 'bpmn:ErrorEventDefinition' && node.kind !== 'intermediateThrowEvent') {
    const errorRef = def.errorRef as ModdleElement | undefined;
    const errorCode = str(errorRef, 'errorCode') ?? null;
    if (node.kind === 'endEvent' && !errorCode) report(node.id, 'an error end event needs an error with an errorCode');
    node.error = { errorCode };
  } else if (def.$type === 'bpmn:MessageEventDefinition' && node.kind !== 'boundaryEvent' && ext(el, 'zeebe:TaskDefinition')) {
    // Zeebe convention: a message throw / end event with a task definition is carried out by a job worker.
    compileJob(el, node, exprs, report, true);
  } else report(node.id, `${def.$type} on ${node.kind} is not supported yet`);
}

function compileJob(el: ModdleElement, node: NodeDef, exprs: ExprCompiler, report: Report, required: boolean) {
  const def = ext(el, 'zeebe:TaskDefinition');
  const type = exprs.value(node.id, 'job type', str(def, 'type'));
  if (!type) {
    if (required) report(node.id, `${node.kind} has no zeebe:taskDefinition type`);
    return;
  }
  const retries = exprs.value(node.id, 'retries', str(def, 'retries') ?? '3') ?? { kind: 'static', value: '3' };
  const headers: Record<string, string> = {};
  for (const h of list(ext(el, 'zeebe:TaskHeaders'), 'values')) {
    const key = str(h, 'key');
    if (key) headers[key] = str(h, 'value') ?? '';
  }
  node.job = { type, retries, headers };
}

function compileUserTask(el: ModdleElement, node: NodeDef, exprs: ExprCompiler) {
  const id = node.id;
  const a = ext(el, 'zeebe:AssignmentDefinition');
  const s = ext(el, 'zeebe:TaskSchedule');
  const p = ext(el, 'zeebe:PriorityDefinition');
  const f = ext(el, 'zeebe:FormDefinition');
  node.userTask = {
    assignee: exprs.value(id, 'assignee', str(a, 'assignee')),
    candidateUsers: exprs.value(id, 'candidateUsers', str(a, 'candidateUsers')),
    candidateGroups: exprs.value(id, 'candidateGroups', str(a, 'candidateGroups')),
    dueDate: exprs.value(id, 'dueDate', str(s, 'dueDate')),
    followUpDate: exprs.value(id, 'followUpDate', str(s, 'followUpDate')),
    priority: exprs.value(id, 'priority', str(p, 'priority')),
    formKey: exprs.value(id, 'formKey', str(f, 'formKey') ?? str(f, 'externalReference')),
    formId: exprs.value(id, 'formId', str(f, 'formId')),
  };
}

function compileScript(el: ModdleElement, node: NodeDef, exprs: ExprCompiler, report: Report) {
  const zeebeScript = ext(el, 'zeebe:Script');
  if (zeebeScript) {
    const expr = exprs.expr(node.id, 'script expression', str(zeebeScript, 'expression') ?? '');
    const resultVariable = str(zeebeScript, 'resultVariable');
    if (!resultVariable) report(node.id, 'zeebe:script has no resultVariable');
    if (expr && resultVariable) node.script = { language: 'feel', expr, resultVariable };
    return;
  }
  const format = (str(el, 'scriptFormat') ?? '').toLowerCase();
  const source = str(el, 'script');
  if (format === 'javascript' || format === 'js' || format === 'ecmascript') {
    if (source == null || source.trim() === '') report(node.id, 'script task has an empty script');
    else node.script = { language: 'javascript', source, resultVariable: properties(el).resultVariable ?? null };
    return;
  }
  if (ext(el, 'zeebe:TaskDefinition')) compileJob(el, node, exprs, report, true);
  else report(node.id, format ? `unsupported script format ${format}` : 'script task has neither a javascript script nor zeebe:script');
}

function compileLoop(el: ModdleElement, node: NodeDef, exprs: ExprCompiler, report: Report) {
  const loop = el.loopCharacteristics as ModdleElement | undefined;
  if (!loop) return;
  const id = node.id;
  if (loop.$type === 'bpmn:MultiInstanceLoopCharacteristics') {
    const z = ext(loop, 'zeebe:LoopCharacteristics');
    const inputCollection = exprs.expr(id, 'inputCollection', str(z, 'inputCollection'));
    const cardinality = exprs.expr(id, 'loopCardinality', formal(loop, 'loopCardinality'));
    if (!inputCollection && !cardinality && !str(z, 'inputCollection') && !formal(loop, 'loopCardinality')) {
      report(id, 'multi-instance needs zeebe:loopCharacteristics inputCollection or loopCardinality');
    }
    node.loop = {
      type: 'multiInstance',
      sequential: loop.isSequential === true,
      inputCollection,
      inputElement: str(z, 'inputElement') ?? null,
      outputCollection: str(z, 'outputCollection') ?? null,
      outputElement: exprs.expr(id, 'outputElement', str(z, 'outputElement')),
      cardinality,
      completionCondition: exprs.expr(id, 'completionCondition', formal(loop, 'completionCondition')),
    };
  } else if (loop.$type === 'bpmn:StandardLoopCharacteristics') {
    const max = loop.loopMaximum;
    if (!formal(loop, 'loopCondition') && (max === undefined || max === null || max === '')) {
      report(id, 'a standard loop needs a loopCondition or a loopMaximum');
    }
    node.loop = {
      type: 'standardLoop',
      loopCondition: exprs.expr(id, 'loopCondition', formal(loop, 'loopCondition')),
      loopMaximum: typeof max === 'number' ? max : typeof max === 'string' && max !== '' ? Number(max) : null,
      testBefore: loop.testBefore === true,
    };
  } else report(id, `unsupported loop ${loop.$type}`);
}

function mappings(params: ModdleElement[], id: string, what: string, exprs: ExprCompiler): Mapping[] {
  const out: Mapping[] = [];
  for (const p of params) {
    const target = str(p, 'target');
    const source = exprs.value(id, `${what} mapping ${target ?? ''}`, str(p, 'source') ?? '=null');
    if (target && source) out.push({ source, target });
  }
  return out;
}
