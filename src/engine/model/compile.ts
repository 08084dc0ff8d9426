import type { ModdleElement } from 'bpmn-moddle';
import type { ExpressionLanguage } from '../ports';
import { compileNodeDetails } from './compile-node';
import { formal, list, str } from './extensions';
import { computeUpstream } from './reachability';
import type { CompileError, ExecutableProcess, FlowDef, NodeDef, NodeKind } from './types';
import { createExprCompiler } from './values';
import type { ExprCompiler } from './values';

export interface CompileOptions {
  /** The expression language (FEEL) used for conditions, mappings and zeebe `=...` attributes. */
  expressions: ExpressionLanguage;
}

export interface CompiledDeployment {
  processes: Map<string, ExecutableProcess>;
  errors: CompileError[];
}

const KINDS: Record<string, NodeKind> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:Task': 'task',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:UserTask': 'userTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:ComplexGateway': 'complexGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:CallActivity': 'callActivity',
};

/** Elements that carry no execution semantics and are skipped silently. */
const IGNORED = new Set(['bpmn:SequenceFlow', 'bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:Association', 'bpmn:TextAnnotation', 'bpmn:Group']);

/**
 * Compiles every process of a parsed `bpmn:Definitions` into an executable graph, once per
 * deployment. Never throws on a bad model: each problem is returned in `errors`, naming the element.
 *
 * @example
 * const { processes, errors } = compileDeployment(definitions, { expressions: feel });
 * errors; // [{ processId: 'order', elementId: 'Flow_3', message: 'condition does not parse: ...' }]
 */
export function compileDeployment(definitions: ModdleElement, options: CompileOptions): CompiledDeployment {
  const processes = new Map<string, ExecutableProcess>();
  const errors: CompileError[] = [];
  for (const root of list(definitions, 'rootElements')) {
    // As in Zeebe, processes marked non-executable (e.g. other pools of a collaboration) are not deployed.
    if (root.$type !== 'bpmn:Process' || root.isExecutable === false) continue;
    const processId = root.id ?? '';
    const report = (elementId: string, message: string) => errors.push({ processId, elementId, message });
    const before = errors.length;
    const process = compileProcess(root, createExprCompiler(options.expressions, report), report);
    if (process && errors.length === before) processes.set(process.id, process);
  }
  if (processes.size === 0 && errors.length === 0) {
    errors.push({ processId: null, elementId: definitions.id ?? 'definitions', message: 'no executable process in the definitions' });
  }
  return { processes, errors };
}

type Report = (elementId: string, message: string) => void;

function compileProcess(el: ModdleElement, exprs: ExprCompiler, report: Report): ExecutableProcess | null {
  const nodes = new Map<string, NodeDef>();
  const flows = new Map<string, FlowDef>();
  const flowEls: ModdleElement[] = [];
  const starts = collect(el, null, nodes, flowEls, exprs, report);
  for (const f of flowEls) compileFlow(f, nodes, flows, exprs, report);
  for (const node of nodes.values()) finishNode(node, nodes, report);
  for (const node of nodes.values()) {
    if (node.joins && (node.kind === 'inclusiveGateway' || node.kind === 'complexGateway')) {
      node.upstream = computeUpstream(node, nodes);
    }
  }
  const id = el.id ?? '';
  if (starts.length === 0) report(id, 'the process has no none start event');
  if (starts.length > 1) report(id, `the process has ${starts.length} none start events; one is supported`);
  return { id, name: str(el, 'name') ?? null, version: 0, nodes, flows, startNodeId: starts[0] ?? '' };
}

/** Walks a process or subprocess; returns the ids of its none start events. */
function collect(
  container: ModdleElement,
  containerId: string | null,
  nodes: Map<string, NodeDef>,
  flowEls: ModdleElement[],
  exprs: ExprCompiler,
  report: Report,
): string[] {
  const starts: string[] = [];
  for (const child of list(container, 'flowElements')) {
    const id = child.id ?? '';
    if (child.$type === 'bpmn:SequenceFlow') {
      flowEls.push(child);
      continue;
    }
    if (IGNORED.has(child.$type)) continue;
    const kind = KINDS[child.$type];
    if (!kind) {
      report(id, `unsupported element ${child.$type}`);
      continue;
    }
    if (kind === 'subProcess' && child.triggeredByEvent === true) {
      report(id, 'event subprocesses are not supported yet');
      continue;
    }
    const node = newNode(id, kind, str(child, 'name') ?? null, containerId);
    nodes.set(id, node);
    compileNodeDetails(child, node, exprs, report);
    if (kind === 'startEvent') {
      if (list(child, 'eventDefinitions').length > 0) report(id, 'only none start events are supported yet');
      else starts.push(id);
    }
    if (kind === 'subProcess') {
      const inner = collect(child, id, nodes, flowEls, exprs, report);
      if (inner.length !== 1) report(id, `a subprocess needs exactly one none start event (found ${inner.length})`);
      node.startNodeId = inner[0] ?? null;
    }
    if (kind === 'boundaryEvent') {
      node.attachedTo = (child.attachedToRef as ModdleElement | undefined)?.id ?? null;
      node.cancelActivity = child.cancelActivity !== false;
    }
    const dflt = child.default as ModdleElement | undefined;
    if (dflt?.id) (node as NodeDef & { defaultFlowId?: string }).defaultFlowId = dflt.id;
  }
  return starts;
}

function compileFlow(f: ModdleElement, nodes: Map<string, NodeDef>, flows: Map<string, FlowDef>, exprs: ExprCompiler, report: Report) {
  const id = f.id ?? '';
  const source = nodes.get((f.sourceRef as ModdleElement | undefined)?.id ?? '');
  const target = nodes.get((f.targetRef as ModdleElement | undefined)?.id ?? '');
  if (!source || !target) {
    report(id, `sequence flow ${source ? 'to' : 'from'} nowhere (missing or unsupported ${source ? 'target' : 'source'})`);
    return;
  }
  const conditionSource = formal(f, 'conditionExpression');
  const flow: FlowDef = {
    id,
    sourceId: source.id,
    targetId: target.id,
    condition: conditionSource != null ? exprs.expr(id, 'condition', conditionSource) : null,
    conditionSource: conditionSource ?? null,
    targetIndex: target.incoming.length,
  };
  flows.set(id, flow);
  source.outgoing.push(flow);
  target.incoming.push(flow);
}

function finishNode(node: NodeDef, nodes: Map<string, NodeDef>, report: Report) {
  const withDefault = node as NodeDef & { defaultFlowId?: string };
  if (withDefault.defaultFlowId) {
    node.defaultFlow = node.outgoing.find((f) => f.id === withDefault.defaultFlowId) ?? null;
    delete withDefault.defaultFlowId;
  }
  node.joins = node.incoming.length > 1;
  if (node.kind === 'boundaryEvent') {
    const host = node.attachedTo ? nodes.get(node.attachedTo) : undefined;
    if (!host) report(node.id, 'boundary event is not attached to a supported activity');
    else host.boundaries.push(node);
    if (node.incoming.length > 0) report(node.id, 'a boundary event cannot have incoming flows');
  }
  if (node.kind === 'startEvent' && node.incoming.length > 0) report(node.id, 'a start event cannot have incoming flows');
  if (node.kind === 'endEvent' && node.outgoing.length > 0) report(node.id, 'an end event cannot have outgoing flows');
  if (node.kind === 'exclusiveGateway' && node.outgoing.length > 1) {
    for (const f of node.outgoing) {
      if (f.conditionSource === null && f !== node.defaultFlow) report(f.id, `outgoing flow of ${node.kind} ${node.id} has no condition and is not the default flow`);
    }
  }
}

function newNode(id: string, kind: NodeKind, name: string | null, containerId: string | null): NodeDef {
  return {
    id, kind, name, containerId,
    incoming: [], outgoing: [], defaultFlow: null, inputs: [], outputs: [], boundaries: [],
    job: null, userTask: null, script: null, decision: null, call: null, loop: null,
    terminate: false, error: null, attachedTo: null, cancelActivity: true, startNodeId: null,
    activationCondition: null, upstream: null, joins: false,
  };
}

