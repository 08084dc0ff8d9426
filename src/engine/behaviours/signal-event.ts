import type { ModdleElement } from 'bpmn-moddle';
import { str } from '../model/extensions';
import type { ValueSource } from '../model/types';
import { CommandRejectedError } from '../runtime/commands';
import type { CommandHandler, EventBehaviour } from '../runtime/element-type';
import { resolveValue } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import type { Variables } from '../runtime/state';
import type { Step } from '../runtime/step';
import { addSubscription, triggerWait } from '../runtime/waits';

/*
 * Signal events: a broadcast. A throw or end event asks the host to broadcast the signal
 * (`broadcastSignal`); every catching signal event waiting for that name receives it
 * (`signalReceived`), and every process with a signal start event gets a new instance.
 */

export interface SignalDef {
  name: ValueSource;
}

export type SignalCommand = { type: 'signalReceived'; subscriptionKey: string; variables?: Variables };

export const signalEvent: EventBehaviour = {
  kind: 'signal',
  compile(def, _el, node, cx) {
    const signal = def.signalRef as ModdleElement | undefined;
    const raw = str(signal, 'name');
    if (!raw) {
      cx.report(node.id, signal ? `signal ${signal.id ?? ''} has no name` : 'the signal event references no bpmn:signal');
      return null;
    }
    const name = cx.exprs.value(node.id, 'signal name', raw);
    return name ? { kind: 'signal', id: (def.id as string | undefined) ?? null, behaviour: signalEvent, data: { name } satisfies SignalDef } : null;
  },
  subscribe(step, ownerId, catcher, def) {
    addSubscription(step, {
      key: step.nextId('sub'), kind: 'signal', name: signalName(step, def.data as SignalDef, ownerId, catcher.id), correlationKey: null,
      elementId: catcher.id, elementInstanceId: ownerId, processInstanceId: step.state.instanceId, interrupting: catcher.cancelActivity, createdAt: step.now,
    });
  },
  throw(step, ei, node, def) {
    step.effect({ type: 'broadcastSignal', name: signalName(step, def.data as SignalDef, ei.id, node.id), variables: { ...(ei.variables ?? {}) }, sourceInstanceId: step.state.instanceId });
    return 'continue';
  },
};

function signalName(step: Step, signal: SignalDef, scopeId: string | null, elementId: string): string {
  const name = resolveValue(step, signal.name, scopeId, `signal name of ${elementId}`);
  if (typeof name !== 'string' || name === '') throw new ElementFailure('extract', `the signal name of ${elementId} evaluated to ${JSON.stringify(name ?? null)}, expected a non-empty string`);
  return name;
}

const signalReceived: CommandHandler = (step, input) => {
  const command = input as SignalCommand;
  const sub = step.state.subscriptions[command.subscriptionKey];
  if (!sub || sub.kind !== 'signal') throw new CommandRejectedError('notFound', `no open signal subscription ${command.subscriptionKey}`);
  triggerWait(step, sub, 'signal', command.variables, !sub.interrupting);
};

export const SIGNAL_COMMANDS: Record<SignalCommand['type'], CommandHandler> = { signalReceived };
