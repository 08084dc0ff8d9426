import type { ModdleElement } from 'bpmn-moddle';
import type { ExpressionLanguage } from '../ports';
import type { CompileContext, ElementRegistry } from '../runtime/element-type';
import { asyncAttributes } from './async-attributes';
import { formal, list, str } from './extensions';
import { compileMappings } from './mappings';
import type { CompileError, ExecutableProcess, FlowDef, NodeDef, NodeKind } from './types';
import { reportUnexecutedParts, reportUnexecutedRoots } from './unexecuted';
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

/**
 * Flow elements that carry no execution semantics here and are skipped: data objects and data store
 * references describe data the engine keeps in variables instead (a data association that would
 * copy data is an error, see unexecuted.ts). Every other flow element kind the registry does not
 * know is a compile error naming it.
 */
const IGNORED = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

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
  reportUnexecutedRoots(definitions, (elementId, message) => errors.push({ processId: null, elementId, message }));
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
  let watchesVariables = false;
  for (const node of nodes.values()) {
    for (const def of node.events) {
      def.behaviour.link?.(node, def, nodes, cx);
      if (def.behaviour.recheck) watchesVariables = true;
    }
  }
  const id = el.id ?? '';
  const topStarts = [...nodes.values()].filter((n) => n.kind === 'startEvent' && n.containerId === null);
  const starts = topStarts.filter((n) => !n.declaresEvents);
  if (topStarts.length === 0) cx.report(id, 'the process has no start event');
  if (starts.length > 1) cx.report(id, `the process has ${starts.length} none start events; one is supported`);
  const eventSubprocesses = [...nodes.values()].filter((n) => n.triggeredByEvent && n.containerId === null);
  let compensates = false;
  const handlers = new Set<string>();
  for (const node of nodes.values()) {
    if (!node.compensation) continue;
    compensates = true;
    if (node.compensation.handlerId) handlers.add(node.compensation.handlerId);
  }
  for (const node of nodes.values()) {
    if (node.forCompensation && !handlers.has(node.id)) cx.report(node.id, `${node.id} is marked isForCompensation but no compensation boundary event is associated with it`);
  }
  return {
    id, name: str(el, 'name') ?? null, version: 0, nodes, flows, startNodeId: starts[0]?.id ?? '',
    startEvents: topStarts.filter((n) => n.events.length > 0), eventSubprocesses, registry: cx.registry, watchesVariables, compensates,
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
    node.forCompensation = child.isForCompensation === true;
    node.inputs = compileMappings(child, 'input', node.id, cx.exprs);
    node.outputs = compileMappings(child, 'output', node.id, cx.exprs);
    compileQuantities(child, node, cx);
    compileAsync(child, node, cx);
    compileEventDefinitions(child, node, cx);
    type.compile?.(child, node, cx);
    compileLoop(child, node, cx);
    reportUnexecutedParts(child, id, cx.report);
    if (type.container) collect(child, id, nodes, flowEls, cx);
    const dflt = child.default as ModdleElement | undefined;
    if (dflt?.id) (node as NodeDef & { defaultFlowId?: string }).defaultFlowId = dflt.id;
  }
}

/**
 * An event's definitions: its own and those it references from the definitions root
 * (`eventDefinitionRef`). Several make a multiple event: a catcher triggers on any one of them, or,
 * `parallelMultiple`, once all have; a thrower throws them all, in order.
 */
function compileEventDefinitions(el: ModdleElement, node: NodeDef, cx: CompileContext): void {
  // The reader drops a reference it cannot resolve, with a warning (`unresolved reference <id>`).
  const defs = [...list(el, 'eventDefinitions'), ...list(el, 'eventDefinitionRef')];
  node.declaresEvents = defs.length > 0;
  for (const def of defs) {
    const behaviour = cx.registry.events[def.$type];
    if (!behaviour) {
      cx.report(node.id, `${def.$type} on ${node.kind} is not supported yet`);
      continue;
    }
    const compiled = behaviour.compile(def, el, node, cx);
    if (compiled) node.events.push(compiled);
  }
  if (node.job && node.events.length > 1) cx.report(node.id, 'a throw event whose message is a job (zeebe:taskDefinition) cannot throw other event definitions');
  node.parallelMultiple = el.parallelMultiple === true && defs.length > 1;
  if (node.parallelMultiple) {
    const instant = node.events.filter((d) => !d.behaviour.subscribe).map((d) => d.kind);
    if (instant.length > 0) cx.report(node.id, `a parallel multiple event waits for each of its events; ${instant.join(', ')} cannot be waited for (use timer, message, signal or conditional definitions)`);
    const processStart = node.kind === 'startEvent' && (el.$parent as ModdleElement | undefined)?.$type === 'bpmn:Process';
    if (processStart && node.events.some((d) => d.kind !== 'conditional')) {
      cx.report(node.id, 'a parallel multiple start event of a process is executed with conditional definitions only (host.evaluateConditions starts the process when all hold)');
    }
  }
}

/** BPMN `startQuantity` / `completionQuantity` of an activity (other flow nodes have neither). */
function compileQuantities(el: ModdleElement, node: NodeDef, cx: CompileContext): void {
  for (const key of ['startQuantity', 'completionQuantity'] as const) {
    const raw = el[key];
    if (raw === undefined || raw === null) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) {
      cx.report(node.id, `${key} must be a whole number of at least 1, not ${JSON.stringify(raw)}`);
      continue;
    }
    node[key] = n;
  }
}

function compileAsync(el: ModdleElement, node: NodeDef, cx: CompileContext): void {
  const attrs = asyncAttributes(el);
  for (const bad of attrs.invalid) cx.report(node.id, `${bad}: an asynchronous continuation attribute is true or false`);
  node.asyncBefore = attrs.before;
  node.asyncAfter = attrs.after;
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
    startQuantity: 1, completionQuantity: 1, parallelMultiple: false, asyncBefore: false, asyncAfter: false, adHoc: null,
    compensation: null, forCompensation: false,
  };
}
