import type { ModdleElement } from 'bpmn-moddle';
import { ext, formal, list, properties, str } from '../model/extensions';
import type { AdHocDef, NodeDef } from '../model/types';
import { CommandRejectedError } from '../runtime/commands';
import type { CommandHandler, ElementType } from '../runtime/element-type';
import { evalCondition, evalIn } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import { activityLeave } from '../runtime/leave';
import type { AdHocState, ElementInstance, Variables } from '../runtime/state';
import type { Step } from '../runtime/step';
import { setLocal, setPropagating, visibleVariables } from '../runtime/variables';

/*
 * Ad-hoc subprocess (BPMN 2.0 13.3.5, with Zeebe's `zeebe:adHoc`). Its inner elements without
 * incoming flows are *enabled*; which run, and how often, is decided at run time: on entry the
 * ids in Zeebe's `activeElementsCollection` are activated; at any time the command
 * `activateAdHocElements` activates more (BPMN's performer choice). With `ordering="Sequential"`
 * one activation runs at a time (later ones queue, in order, and start when the scope is empty);
 * `Parallel` (the default) runs any number at once, the same element several times too. After each
 * inner element completes the `completionCondition` is evaluated in the ad-hoc scope: true
 * completes the subprocess, terminating what still runs unless `cancelRemainingInstances="false"`
 * (then it completes once that finished, activating nothing more). Without a condition it
 * completes when everything activated has completed (Zeebe); until the first activation it waits.
 * Activated elements run in the ad-hoc scope itself; see docs/engine-semantics.md for how this
 * differs from Zeebe's inner instances.
 */

/** Activates enabled inner elements of a waiting ad-hoc subprocess (with local variables for each). */
export type AdHocCommand = {
  type: 'activateAdHocElements';
  elementInstanceId: string;
  elements: Array<{ elementId: string; variables?: Variables }>;
};

const PATH = /^\s*([A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*)*\s*$/;

export const adHocSubProcess: ElementType = {
  kind: 'adHocSubProcess',
  container: true,
  compile(el, node, cx) {
    if (ext(el, 'zeebe:TaskDefinition')) cx.report(node.id, 'an ad-hoc subprocess run by a job worker (zeebe:taskDefinition) is not executed: activate its elements with activeElementsCollection or activateAdHocElements');
    if (el.triggeredByEvent === true) cx.report(node.id, 'an ad-hoc subprocess cannot be an event subprocess');
    const z = ext(el, 'zeebe:AdHoc');
    const outputElement = cx.exprs.expr(node.id, 'outputElement', str(z, 'outputElement'));
    const outputCollection = str(z, 'outputCollection') ?? null;
    if (!outputCollection !== !str(z, 'outputElement')) cx.report(node.id, 'zeebe:adHoc needs both outputCollection and outputElement, or neither');
    node.adHoc = {
      sequential: el.ordering === 'Sequential',
      completionCondition: cx.exprs.expr(node.id, 'completionCondition', formal(el, 'completionCondition')),
      cancelRemainingInstances: el.cancelRemainingInstances !== false,
      activeElements: cx.exprs.expr(node.id, 'activeElementsCollection', str(z, 'activeElementsCollection')),
      outputCollection,
      outputElement,
      outputVariable: outputElement ? (PATH.exec(outputElement.source)?.[1] ?? null) : null,
      activatable: describeInner(el, node),
    };
  },
  link(node, nodes, cx) {
    const inner = [...nodes.values()].filter((n) => n.containerId === node.id);
    for (const n of inner) {
      if (n.kind === 'startEvent') cx.report(n.id, `an ad-hoc subprocess (${node.id}) has no start events: its elements without incoming flows are activated instead`);
      if (n.kind === 'endEvent') cx.report(n.id, `an ad-hoc subprocess (${node.id}) has no end events: an inner flow ends where its last element completes`);
    }
    const def = node.adHoc as AdHocDef;
    const enabled = new Set(inner.filter((n) => isActivatable(n)).map((n) => n.id));
    def.activatable = def.activatable.filter((a) => enabled.has(a.elementId));
    if (!inner.some((n) => isActivity(n))) cx.report(node.id, 'an ad-hoc subprocess needs at least one activity');
  },
  activate(step, ei, node) {
    const def = node.adHoc as AdHocDef;
    ei.adHoc = { queue: [], activated: 0 };
    setLocal(step, ei.id, 'adHocSubProcessElements', def.activatable.map((a) => ({ ...a, properties: { ...a.properties } })));
    if (def.outputCollection) setLocal(step, ei.id, def.outputCollection, []);
    if (!def.activeElements) return;
    const ids = evalIn(step, def.activeElements, ei.id, `activeElementsCollection of ${node.id}`);
    if (ids === null || ids === undefined) return;
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
      throw new ElementFailure('extract', `activeElementsCollection of ${node.id} evaluated to ${JSON.stringify(ids)}, expected a list of element ids`);
    }
    const unknown = (ids as string[]).filter((id) => !def.activatable.some((a) => a.elementId === id));
    if (unknown.length > 0) throw new ElementFailure('extract', `activeElementsCollection of ${node.id} names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not ${activatableText(def)}`);
    activateElements(step, ei, node, (ids as string[]).map((elementId) => ({ elementId })));
  },
  childCompleting(step, scope, node, child, childNode) {
    const def = node.adHoc as AdHocDef;
    const state = scope.adHoc as AdHocState;
    if (childNode.triggeredByEvent) {
      // An interrupting event subprocess ends the ad-hoc subprocess with it (as in Zeebe).
      if (step.node(child.startAt ?? '').cancelActivity) state.completing = true;
      return false;
    }
    // Nothing written before both expressions evaluated: a failure is an incident on `child`
    // whose retry runs this again.
    let collected: unknown[] | null = null;
    if (def.outputCollection && def.outputElement && childNode.outgoing.length === 0) {
      const value = evalIn(step, def.outputElement, child.id, `outputElement of ${node.id}`) ?? null;
      collected = [...((scope.variables?.[def.outputCollection] as unknown[] | undefined) ?? []), value];
    }
    let done = false;
    if (!state.completing && def.completionCondition) {
      const vars = visibleVariables(step, scope.id);
      done = evalCondition(step, def.completionCondition, collected ? { ...vars, [def.outputCollection as string]: collected } : vars, `completionCondition of ${node.id}`);
    }
    if (collected) setLocal(step, scope.id, def.outputCollection as string, collected);
    if (done) {
      state.completing = true;
      state.queue = [];
      if (def.cancelRemainingInstances) step.terminateScope(scope.id, child);
    }
    // Once it is completing, no further inner element starts: this token ends here.
    return state.completing === true;
  },
  scopeEmpty(step, ei, node) {
    const def = node.adHoc as AdHocDef;
    const state = ei.adHoc as AdHocState;
    if (state.completing) step.complete(ei);
    else if (state.queue.length > 0) startActivation(step, ei, state.queue.shift() as AdHocState['queue'][number]);
    else if (!def.completionCondition && state.activated > 0) step.complete(ei);
  },
  leave(step, ei, node) {
    const def = node.adHoc as AdHocDef;
    if (def.outputCollection) setPropagating(step, ei.parentId, def.outputCollection, ei.variables?.[def.outputCollection] ?? []);
    return activityLeave(step, ei, node);
  },
};

/** Starts the requested activations now, or queues them behind the running one (sequential ordering). */
function activateElements(step: Step, ei: ElementInstance, node: NodeDef, elements: AdHocState['queue']): void {
  const def = node.adHoc as AdHocDef;
  const state = ei.adHoc as AdHocState;
  for (const request of elements) {
    if (def.sequential && (ei.children > 0 || state.queue.length > 0 || step.hasJoinTokens(ei.id))) state.queue.push(request);
    else startActivation(step, ei, request);
  }
}

function startActivation(step: Step, ei: ElementInstance, request: AdHocState['queue'][number]): void {
  const def = step.node(ei.elementId).adHoc as AdHocDef;
  const variables: Variables = { ...(request.variables ?? {}) };
  // As for multi-instance outputElement: each activation's result lands in its own local.
  if (def.outputVariable && !(def.outputVariable in variables)) variables[def.outputVariable] = null;
  (ei.adHoc as AdHocState).activated++;
  step.enter(step.node(request.elementId), ei.id, undefined, Object.keys(variables).length > 0 ? variables : undefined);
}

const activateAdHocElements: CommandHandler = (step, input) => {
  const command = input as AdHocCommand;
  const ei = step.state.elements[command.elementInstanceId];
  const node = ei ? step.node(ei.elementId) : undefined;
  if (!ei || !node?.adHoc || !ei.adHoc) throw new CommandRejectedError('notFound', `no ad-hoc subprocess is active at element instance ${command.elementInstanceId}`);
  if (ei.status === 'incident') throw new CommandRejectedError('invalid', `ad-hoc subprocess ${node.id} has an open incident`);
  if (ei.adHoc.completing) throw new CommandRejectedError('invalid', `ad-hoc subprocess ${node.id} is completing: its completion condition held`);
  const def = node.adHoc;
  if (!Array.isArray(command.elements) || command.elements.length === 0) throw new CommandRejectedError('invalid', 'activateAdHocElements needs at least one element');
  for (const e of command.elements) {
    if (!def.activatable.some((a) => a.elementId === e.elementId)) {
      throw new CommandRejectedError('invalid', `${e.elementId} is not ${activatableText(def)}`);
    }
  }
  activateElements(step, ei, node, command.elements.map((e) => (e.variables ? { elementId: e.elementId, variables: e.variables } : { elementId: e.elementId })));
};

export const AD_HOC_COMMANDS: Record<AdHocCommand['type'], CommandHandler> = { activateAdHocElements };

function activatableText(def: AdHocDef): string {
  return `an element of the ad-hoc subprocess that can be activated (${def.activatable.map((a) => a.elementId).join(', ') || 'none'})`;
}

/** Inner flow nodes a run may activate: no incoming flows; not boundary events, event subprocesses or link targets. */
function isActivatable(n: NodeDef): boolean {
  if (n.incoming.length > 0 || n.kind === 'boundaryEvent' || n.triggeredByEvent || n.kind === 'startEvent') return false;
  return !(n.kind === 'intermediateCatchEvent' && n.events.some((d) => d.kind === 'link'));
}

function isActivity(n: NodeDef): boolean {
  return !n.kind.endsWith('Event') && !n.kind.endsWith('Gateway');
}

/** Zeebe's `adHocSubProcessElements`: each inner flow node with its name, documentation and properties. */
function describeInner(el: ModdleElement, _node: NodeDef): AdHocDef['activatable'] {
  return list(el, 'flowElements')
    .filter((c) => c.$type !== 'bpmn:SequenceFlow' && c.id)
    .map((c) => ({
      elementId: c.id as string,
      elementName: str(c, 'name') ?? null,
      documentation: str(list(c, 'documentation')[0], 'text') ?? null,
      properties: properties(c),
    }));
}
