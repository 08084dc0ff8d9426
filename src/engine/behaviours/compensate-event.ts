import type { ModdleElement } from 'bpmn-moddle';
import { list } from '../model/extensions';
import type { NodeDef } from '../model/types';
import type { CompileContext, EventBehaviour } from '../runtime/element-type';
import { compensationScopeOf, pickCompensation, runCompensation } from './compensation';

/*
 * Compensation event definitions (BPMN standard; see compensation.ts for what runs):
 * - a compensation boundary event names, through an association, the activity's handler (an
 *   activity marked isForCompensation, without sequence flows);
 * - the start event of a compensation event subprocess, inside the subprocess it compensates;
 * - intermediate throw and end events compensate what completed in their scope (with
 *   `activityRef`, only that activity), and wait until every handler has run (waitForCompletion;
 *   `false` is refused, see docs/engine-semantics.md).
 */

interface CompensateData {
  /** Throw events: the activity to compensate (null: everything of the scope). */
  activityRef: string | null;
  /** Boundary events: the associated handler. */
  handlerId: string | null;
}

export const compensateEvent: EventBehaviour = {
  kind: 'compensate',
  compile(def, el, node, cx) {
    const parent = el.$parent as ModdleElement | undefined;
    const inEventSubprocess = node.kind === 'startEvent' && parent?.triggeredByEvent === true;
    const throwing = node.kind === 'endEvent' || node.kind === 'intermediateThrowEvent';
    if (!throwing && node.kind !== 'boundaryEvent' && !inEventSubprocess) {
      cx.report(node.id, `a compensation event definition is not allowed on ${node.kind}${node.kind === 'startEvent' ? ' outside an event subprocess' : ''}`);
      return null;
    }
    const id = (def.id as string | undefined) ?? null;
    if (throwing) {
      if (def.waitForCompletion === false) cx.report(node.id, 'waitForCompletion="false" is not executed: a compensation throw event waits until its handlers are done');
      const ref = (def.activityRef as ModdleElement | undefined)?.id ?? null;
      return { kind: 'compensate', id, behaviour: compensateEvent, data: { activityRef: ref, handlerId: null } satisfies CompensateData };
    }
    if (node.kind === 'boundaryEvent') {
      const handlers = associatedTargets(el, cx);
      if (handlers.length !== 1) {
        cx.report(node.id, `a compensation boundary event needs exactly one association to its compensation handler (found ${handlers.length})`);
        return null;
      }
      return { kind: 'compensate', id, behaviour: compensateEvent, data: { activityRef: null, handlerId: handlers[0] } satisfies CompensateData };
    }
    return { kind: 'compensate', id, behaviour: compensateEvent, data: { activityRef: null, handlerId: null } satisfies CompensateData };
  },
  link(node, def, nodes, cx) {
    const data = def.data as CompensateData;
    if (node.kind === 'boundaryEvent') linkBoundary(node, data.handlerId as string, nodes, cx);
    else if (node.kind === 'startEvent') linkEventSubprocess(node, nodes, cx);
    else if (data.activityRef !== null) checkActivityRef(node, data.activityRef, nodes, cx);
  },
  throw(step, ei, node, def) {
    const { activityRef } = def.data as CompensateData;
    const picked = pickCompensation(step, compensationScopeOf(step, ei), activityRef);
    step.emit({ type: 'compensationThrown', elementId: node.id, elementInstanceId: ei.id, activityRef, completions: picked.length });
    if (picked.length === 0) return 'continue';
    // Waits until the last handler is done (compensation.ts then completes it).
    ei.status = 'waiting';
    runCompensation(step, ei, picked, 'complete');
    return 'handled';
  },
};

function linkBoundary(node: NodeDef, handlerId: string, nodes: ReadonlyMap<string, NodeDef>, cx: CompileContext): void {
  const host = node.attachedTo ? nodes.get(node.attachedTo) : undefined;
  const handler = nodes.get(handlerId);
  if (node.outgoing.length > 0) cx.report(node.id, 'a compensation boundary event cannot have outgoing sequence flows: its handler is associated with it');
  if (!handler) {
    cx.report(node.id, `the compensation handler ${handlerId} is not an activity of this process`);
    return;
  }
  if (!handler.forCompensation) cx.report(handler.id, `${handler.id} is associated with compensation boundary event ${node.id} but is not marked isForCompensation`);
  if (handler.incoming.length > 0 || handler.outgoing.length > 0) cx.report(handler.id, 'a compensation handler cannot have sequence flows');
  // Interrupted, a handler would never report back: the compensation waiting for it would hang.
  const interrupting = handler.boundaries.find((b) => b.cancelActivity);
  if (interrupting) cx.report(interrupting.id, `a compensation handler (${handler.id}) cannot have interrupting boundary events: its compensation would not go on; make it non-interrupting or handle the error inside a subprocess handler`);
  if (!host) return;
  if (host.compensation?.handlerId) {
    cx.report(node.id, `${host.id} already has a compensation boundary event: one handler per activity`);
    return;
  }
  host.compensation = { handlerId: handler.id, eventSubprocessId: host.compensation?.eventSubprocessId ?? null };
}

function linkEventSubprocess(node: NodeDef, nodes: ReadonlyMap<string, NodeDef>, cx: CompileContext): void {
  const esp = node.containerId ? nodes.get(node.containerId) : undefined;
  const scope = esp?.containerId ? nodes.get(esp.containerId) : undefined;
  if (!esp) return;
  if (!scope) {
    cx.report(esp.id, 'a compensation event subprocess belongs inside the subprocess it compensates, not at process level');
    return;
  }
  if (scope.compensation?.eventSubprocessId) {
    cx.report(esp.id, `${scope.id} already has a compensation event subprocess (${scope.compensation.eventSubprocessId})`);
    return;
  }
  scope.compensation = { handlerId: scope.compensation?.handlerId ?? null, eventSubprocessId: esp.id };
}

/** The activity must be in the scope the throw compensates: its own, or the one its compensation event subprocess compensates. */
function checkActivityRef(node: NodeDef, activityRef: string, nodes: ReadonlyMap<string, NodeDef>, cx: CompileContext): void {
  const target = nodes.get(activityRef);
  if (!target) {
    cx.report(node.id, `activityRef ${activityRef} is not an activity of this process`);
    return;
  }
  let container = node.containerId ? nodes.get(node.containerId) : undefined;
  while (container?.triggeredByEvent && container.eventStarts.some((id) => nodes.get(id)?.events.some((d) => d.kind === 'compensate'))) {
    container = container.containerId ? nodes.get(container.containerId) : undefined;
  }
  if (target.containerId !== (container?.id ?? null)) {
    cx.report(node.id, `activityRef ${activityRef} is not in the scope ${node.id} compensates (${container?.id ?? 'the process'})`);
  }
}

/** The targets of the associations whose source is `el`, in its container or any enclosing one. */
function associatedTargets(el: ModdleElement, cx: CompileContext): string[] {
  const out: string[] = [];
  const containers: ModdleElement[] = [];
  for (let c = el.$parent as ModdleElement | undefined; c; c = c.$parent as ModdleElement | undefined) containers.push(c);
  // Modelers may keep associations in a collaboration.
  for (const root of list(cx.definitions, 'rootElements')) if (root.$type === 'bpmn:Collaboration') containers.push(root);
  for (const c of containers) {
    for (const a of list(c, 'artifacts')) {
      if (a.$type !== 'bpmn:Association') continue;
      const source = (a.sourceRef as ModdleElement | undefined)?.id;
      const target = (a.targetRef as ModdleElement | undefined)?.id;
      if (source === el.id && target) out.push(target);
    }
  }
  return out;
}
