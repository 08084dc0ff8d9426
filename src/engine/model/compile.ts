import type { ModdleElement } from 'bpmn-moddle';
import type { ExpressionLanguage } from '../ports';
import type { CompileContext, ElementRegistry } from '../runtime/element-type';
import { formal, list, str } from './extensions';
import { compileMappings } from './mappings';
import type { CompileError, ExecutableProcess, FlowDef, NodeDef, NodeKind } from './types';
import { createExprCompiler } from './values';

export interface CompileOptions {
  /** The expression language (FEEL) used for conditions, mappings and zeebe `=...` attributes. */
  expressions: ExpressionLanguage;
  /** The element kinds to compile with (`behaviours/registry.ts`). */
  registry: ElementRegistry;
}

export interface CompiledDeployment {
  processes: Map<string, ExecutableProcess>;
  errors: CompileError[];
}

/** Elements that carry no execution semantics and are skipped silently. */
const IGNORED = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:Association', 'bpmn:TextAnnotation', 'bpmn:Group']);

/**
 * Compiles every executable process of a parsed `bpmn:Definitions` into an executable graph, once
 * per deployment, with the element kinds of `registry`. Never throws on a bad model: each problem
 * is returned in `errors`, naming the element.
 *
 * @example
 * const { processes, errors } = compileProcesses(definitions, { expressions: feel, registry: defaultRegistry });
 * errors; // [{ processId: 'order', elementId: 'Flow_3', message: 'condition does not parse: ...' }]
 */
export function compileProcesses(definitions: ModdleElement, options: CompileOptions): CompiledDeployment {
  const processes = new Map<string, ExecutableProcess>();
  const errors: CompileError[] = [];
  for (const root of list(definitions, 'rootElements')) {
    // As in Zeebe, processes marked non-executable (e.g. other pools of a collaboration) are not deployed.
    if (root.$type !== 'bpmn:Process' || root.isExecutable === false) continue;
    const processId = root.id ?? '';
    const report = (elementId: string, message: string) => errors.push({ processId, elementId, message });
    const before = errors.length;
    const cx: CompileContext = { exprs: createExprCompiler(options.expressions, report), report, registry: options.registry, definitions };
    const process = compileProcess(root, cx);
    if (errors.length === before) processes.set(process.id, process);
  }
  if (processes.size === 0 && errors.length === 0) {
    errors.push({ processId: null, elementId: definitions.id ?? 'definitions', message: 'no executable process in the definitions' });
  }
  return { processes, errors };
}

function compileProcess(el: ModdleElement, cx: CompileContext): ExecutableProcess {
  const nodes = new Map<string, NodeDef>();
  const flows = new Map<string, FlowDef>();
  const flowEls: ModdleElement[] = [];
  collect(el, null, nodes, flowEls, cx);
  for (const f of flowEls) compileFlow(f, nodes, flows, cx);
  for (const node of nodes.values()) {
    const withDefault = node as NodeDef & { defaultFlowId?: string };
    if (withDefault.defaultFlowId) {
      node.defaultFlow = node.outgoing.find((f) => f.id === withDefault.defaultFlowId) ?? null;
      delete withDefault.defaultFlowId;
    }
    node.joins = node.incoming.length > 1;
  }
  for (const node of nodes.values()) node.behaviour.link?.(node, nodes, cx);
  const id = el.id ?? '';
  const topStarts = [...nodes.values()].filter((n) => n.kind === 'startEvent' && n.containerId === null);
  const starts = topStarts.filter((n) => !n.declaresEvents);
  if (topStarts.length === 0) cx.report(id, 'the process has no start event');
  if (starts.length > 1) cx.report(id, `the process has ${starts.length} none start events; one is supported`);
  const eventSubprocesses = [...nodes.values()].filter((n) => n.triggeredByEvent && n.containerId === null);
  return {
    id, name: str(el, 'name') ?? null, version: 0, nodes, flows, startNodeId: starts[0]?.id ?? '',
    startEvents: topStarts.filter((n) => n.events.length > 0), eventSubprocesses, registry: cx.registry,
  };
}

/** Walks a process or a container element, compiling each flow node with its element kind. */
function collect(container: ModdleElement, containerId: string | null, nodes: Map<string, NodeDef>, flowEls: ModdleElement[], cx: CompileContext): void {
  for (const child of list(container, 'flowElements')) {
    const id = child.id ?? '';
    if (child.$type === 'bpmn:SequenceFlow') {
      flowEls.push(child);
      continue;
    }
    if (IGNORED.has(child.$type)) continue;
    const type = cx.registry.elements[child.$type];
    if (!type) {
      cx.report(id, `unsupported element ${child.$type}`);
      continue;
    }
    const node = newNode(id, type.kind, str(child, 'name') ?? null, containerId, type);
    nodes.set(id, node);
    node.inputs = compileMappings(child, 'input', node.id, cx.exprs);
    node.outputs = compileMappings(child, 'output', node.id, cx.exprs);
    compileEventDefinitions(child, node, cx);
    type.compile?.(child, node, cx);
    compileLoop(child, node, cx);
    if (type.container) collect(child, id, nodes, flowEls, cx);
    const dflt = child.default as ModdleElement | undefined;
    if (dflt?.id) (node as NodeDef & { defaultFlowId?: string }).defaultFlowId = dflt.id;
  }
}

function compileEventDefinitions(el: ModdleElement, node: NodeDef, cx: CompileContext): void {
  const defs = list(el, 'eventDefinitions');
  node.declaresEvents = defs.length > 0;
  if (defs.length > 1) {
    cx.report(node.id, 'multiple event definitions are not supported');
    return;
  }
  for (const def of defs) {
    const behaviour = cx.registry.events[def.$type];
    if (!behaviour) {
      cx.report(node.id, `${def.$type} on ${node.kind} is not supported yet`);
      continue;
    }
    const compiled = behaviour.compile(def, el, node, cx);
    if (compiled) node.events.push(compiled);
  }
}

function compileLoop(el: ModdleElement, node: NodeDef, cx: CompileContext): void {
  const loop = el.loopCharacteristics as ModdleElement | undefined;
  if (!loop) return;
  const type = cx.registry.loops[loop.$type];
  if (!type) {
    cx.report(node.id, `unsupported loop ${loop.$type}`);
    return;
  }
  type.compile(loop, el, node, cx);
  if (node.loop) node.loopType = type;
}

function compileFlow(f: ModdleElement, nodes: Map<string, NodeDef>, flows: Map<string, FlowDef>, cx: CompileContext): void {
  const id = f.id ?? '';
  const source = nodes.get((f.sourceRef as ModdleElement | undefined)?.id ?? '');
  const target = nodes.get((f.targetRef as ModdleElement | undefined)?.id ?? '');
  if (!source || !target) {
    cx.report(id, `sequence flow ${source ? 'to' : 'from'} nowhere (missing or unsupported ${source ? 'target' : 'source'})`);
    return;
  }
  const conditionSource = formal(f, 'conditionExpression');
  const flow: FlowDef = {
    id,
    sourceId: source.id,
    targetId: target.id,
    condition: conditionSource != null ? cx.exprs.expr(id, 'condition', conditionSource) : null,
    conditionSource: conditionSource ?? null,
    targetIndex: target.incoming.length,
  };
  flows.set(id, flow);
  source.outgoing.push(flow);
  target.incoming.push(flow);
}

function newNode(id: string, kind: NodeKind, name: string | null, containerId: string | null, behaviour: NodeDef['behaviour']): NodeDef {
  return {
    id, kind, name, containerId, behaviour, loopType: null, events: [], declaresEvents: false,
    incoming: [], outgoing: [], defaultFlow: null, inputs: [], outputs: [], boundaries: [], eventSubprocesses: [], eventStarts: [],
    job: null, userTask: null, script: null, decision: null, call: null, loop: null,
    attachedTo: null, cancelActivity: true, triggeredByEvent: false, startNodeId: null,
    activationCondition: null, upstream: null, joins: false,
  };
}
