import type { ModdleElement } from 'bpmn-moddle';
import { ext, str } from '../model/extensions';
import type { EventDef, Expr, NodeDef, ValueSource } from '../model/types';
import { CommandRejectedError } from '../runtime/commands';
import type { CommandHandler, CompileContext, EventBehaviour } from '../runtime/element-type';
import { evalIn, resolveValue } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import type { Variables } from '../runtime/state';
import type { Step } from '../runtime/step';
import { addSubscription, triggerWait } from '../runtime/waits';
import { compileJob } from './job';

/*
 * Message events (Zeebe rules). A catching message event (intermediate catch, boundary, event
 * subprocess start, receive task) subscribes when it is entered, with the message name and the
 * correlation key (`zeebe:subscription correlationKey` on the `bpmn:message`, FEEL) evaluated
 * then; the host correlates published messages to subscriptions (`correlateMessage`). A message
 * start event of a process is the host's (it starts instances). A message throw or end event with
 * a `zeebe:taskDefinition` is a job (the Zeebe convention); without one, Flowdeck publishes the
 * message itself (`publishMessage` effect), its correlation key read from the same
 * `zeebe:subscription` in the thrower's scope, its variables the thrower's input mappings.
 */

/** The compiled message reference (`EventDef.data`). */
export interface MessageDef {
  name: ValueSource;
  correlationKey: Expr | null;
}

/** The host correlated a message to a subscription. */
export type MessageCommand = { type: 'correlateMessage'; subscriptionKey: string; messageName?: string; variables?: Variables };

export const messageEvent: EventBehaviour = {
  kind: 'message',
  compile(def, el, node, cx) {
    const id = (def.id as string | undefined) ?? null;
    const throwing = node.kind === 'endEvent' || node.kind === 'intermediateThrowEvent';
    if (throwing && ext(el, 'zeebe:TaskDefinition')) {
      compileJob(el, node, cx, true);
      return { kind: 'message', id, behaviour: messageEvent };
    }
    const message = compileMessage(def.messageRef as ModdleElement | undefined, node, cx, !throwing && !isProcessStart(el, node));
    return message ? { kind: 'message', id, behaviour: messageEvent, data: message } : null;
  },
  subscribe(step, ownerId, catcher, def) {
    const message = def.data as MessageDef;
    const { name, correlationKey } = evaluateMessage(step, message, ownerId, catcher);
    addSubscription(step, {
      key: step.nextId('sub'), kind: 'message', name, correlationKey, elementId: catcher.id, elementInstanceId: ownerId,
      processInstanceId: step.state.instanceId, interrupting: catcher.cancelActivity, createdAt: step.now,
    });
  },
  throw(step, ei, node, def) {
    const message = def.data as MessageDef;
    const { name, correlationKey } = evaluateMessage(step, message, ei.id, node);
    step.effect({ type: 'publishMessage', name, correlationKey, variables: { ...(ei.variables ?? {}) }, sourceInstanceId: step.state.instanceId });
    return 'continue';
  },
};

/** Reads a `bpmn:message` reference: its name and its `zeebe:subscription` correlation key. */
export function compileMessage(message: ModdleElement | undefined, node: NodeDef, cx: CompileContext, needsKey: boolean): MessageDef | null {
  const rawName = str(message, 'name');
  if (!message || !rawName) {
    cx.report(node.id, message ? `message ${message.id ?? ''} has no name` : 'the message event references no bpmn:message');
    return null;
  }
  const name = cx.exprs.value(node.id, 'message name', rawName);
  const keySource = str(ext(message, 'zeebe:Subscription'), 'correlationKey');
  if (needsKey && !keySource) cx.report(node.id, `message ${rawName} has no zeebe:subscription correlationKey`);
  const correlationKey = keySource ? cx.exprs.expr(node.id, 'correlationKey', keySource) : null;
  return name ? { name, correlationKey } : null;
}

/** The message name and correlation key, evaluated in `scopeId` (Zeebe: a key is a string or a number). */
export function evaluateMessage(step: Step, message: MessageDef, scopeId: string | null, node: NodeDef): { name: string; correlationKey: string | null } {
  const name = resolveValue(step, message.name, scopeId, `message name of ${node.id}`);
  if (typeof name !== 'string' || name === '') throw new ElementFailure('extract', `the message name of ${node.id} evaluated to ${JSON.stringify(name ?? null)}, expected a non-empty string`);
  if (!message.correlationKey) return { name, correlationKey: null };
  const key = evalIn(step, message.correlationKey, scopeId, `correlationKey of ${node.id}`);
  if (typeof key !== 'string' && typeof key !== 'number') {
    throw new ElementFailure('extract', `the correlationKey of ${node.id} ('${message.correlationKey.source}') evaluated to ${JSON.stringify(key ?? null)}, expected a string or a number`);
  }
  return { name, correlationKey: String(key) };
}

/** The message definition of a catching node (a message event's, or a receive task's own). */
export function messageOf(node: NodeDef): EventDef | undefined {
  return node.events.find((d) => d.kind === 'message');
}

function isProcessStart(el: ModdleElement, node: NodeDef): boolean {
  return node.kind === 'startEvent' && (el.$parent as ModdleElement | undefined)?.triggeredByEvent !== true;
}

const correlateMessage: CommandHandler = (step, input) => {
  const command = input as MessageCommand;
  const sub = step.state.subscriptions[command.subscriptionKey];
  if (!sub || sub.kind !== 'message') throw new CommandRejectedError('notFound', `no open message subscription ${command.subscriptionKey}`);
  if (command.messageName !== undefined && command.messageName !== sub.name) {
    throw new CommandRejectedError('invalid', `subscription ${sub.key} waits for message ${sub.name}, not ${command.messageName}`);
  }
  // A non-interrupting boundary or event subprocess start keeps waiting for the next message.
  triggerWait(step, sub, 'message', command.variables, !sub.interrupting);
};

export const MESSAGE_COMMANDS: Record<MessageCommand['type'], CommandHandler> = { correlateMessage };
