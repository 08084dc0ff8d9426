import type { ModdleElement } from 'bpmn-moddle';
import { str } from '../model/extensions';
import type { NodeKind, ValueSource } from '../model/types';
import type { EventBehaviour } from '../runtime/element-type';
import { resolveValue } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import type { ElementInstance } from '../runtime/state';
import type { Step } from '../runtime/step';
import { findCatch } from './propagation';

/*
 * Escalation events (Zeebe rules): an escalation end or intermediate throw event throws its code
 * (static or FEEL, evaluated when reached); it goes outwards like an error (findCatch: a scope's
 * event subprocesses, then the activity's boundary events, up to the process, an exact code beating
 * a catch-all) and on to the parent through a call activity. Unlike an error it is non-critical:
 * the thrower moves on unless an interrupting catcher terminated it (its own scope or an enclosing
 * activity). Nothing catching it is no incident, only an `escalationThrown` event with `caughtBy`
 * null. Catchers (boundary events, event subprocess starts) may be interrupting or not; their code
 * is static, and a catcher without an escalation catches every code.
 */

const CAN_ESCALATE = new Set<NodeKind>(['subProcess', 'transaction', 'adHocSubProcess', 'callActivity']);

interface ThrowData {
  code: ValueSource;
}

export const escalationEvent: EventBehaviour = {
  kind: 'escalation',
  compile(def, el, node, cx) {
    const inEventSubprocess = node.kind === 'startEvent' && (el.$parent as { triggeredByEvent?: boolean } | undefined)?.triggeredByEvent === true;
    const throwing = node.kind === 'endEvent' || node.kind === 'intermediateThrowEvent';
    if (!throwing && node.kind !== 'boundaryEvent' && !inEventSubprocess) {
      cx.report(node.id, `an escalation event definition is not allowed on ${node.kind}${node.kind === 'startEvent' ? ' outside an event subprocess' : ''}`);
      return null;
    }
    const ref = def.escalationRef as ModdleElement | undefined;
    const raw = str(ref, 'escalationCode') ?? null;
    const id = (def.id as string | undefined) ?? null;
    if (throwing) {
      const code = cx.exprs.value(node.id, 'escalationCode', raw);
      if (!code) {
        if (!raw) cx.report(node.id, 'an escalation throw event needs an escalation with an escalationCode');
        return null;
      }
      return { kind: 'escalation', id, behaviour: escalationEvent, code: code.kind === 'static' ? code.value : null, data: { code } satisfies ThrowData };
    }
    if (raw !== null && raw.trimStart().startsWith('=')) {
      cx.report(node.id, `the escalationCode of a catching escalation event must be a static value, not an expression (${raw})`);
      return null;
    }
    return { kind: 'escalation', id, behaviour: escalationEvent, code: raw };
  },
  link(node, _def, nodes, cx) {
    if (node.kind !== 'boundaryEvent') return;
    const host = node.attachedTo ? nodes.get(node.attachedTo) : undefined;
    // Only scopes and called instances throw escalations (a worker cannot): on anything else it would never trigger.
    if (host && !CAN_ESCALATE.has(host.kind)) {
      cx.report(node.id, `an escalation boundary event must be attached to a subprocess or a call activity, not to ${host.kind} ${host.id}: nothing inside it can throw an escalation`);
    }
  },
  throw(step, ei, node, def) {
    const value = resolveValue(step, (def.data as ThrowData).code, ei.id, `escalationCode of ${node.id}`);
    if (typeof value !== 'string' || value === '') {
      throw new ElementFailure('extract', `the escalationCode of ${node.id} evaluated to ${JSON.stringify(value ?? null)}, expected a non-empty string`);
    }
    const scope = ei.parentId !== null ? step.state.elements[ei.parentId] : null;
    throwEscalation(step, scope ?? ei, value, ei);
    // An interrupting catcher around the thrower terminated it: nothing moves on from here.
    return step.state.elements[ei.id] ? 'continue' : 'handled';
  },
};

/**
 * Throws escalation `code` from `from` (the thrower's scope, or the call activity a child's
 * escalation came back to). The nearest catcher is triggered; with none, a called instance hands
 * it to its parent (`escalationToParent`), and at the top it is only recorded.
 */
export function throwEscalation(step: Step, from: ElementInstance, code: string, thrower: ElementInstance): void {
  const found = findCatch(step, from, 'escalation', code);
  step.emit({ type: 'escalationThrown', elementId: thrower.elementId, elementInstanceId: thrower.id, escalationCode: code, caughtBy: found?.catcher.id ?? null });
  if (found) {
    (found.catcher.behaviour.triggered as NonNullable<typeof found.catcher.behaviour.triggered>)(step, found.catcher, found.owner, undefined);
    return;
  }
  const parent = step.state.parent;
  if (parent) {
    step.effect({ type: 'escalationToParent', parentInstanceId: parent.instanceId, parentElementInstanceId: parent.elementInstanceId, escalationCode: code });
  }
}
