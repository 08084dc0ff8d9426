import type { ModdleElement } from 'bpmn-moddle';
import type { ElementType } from '../runtime/element-type';
import { activateCatch, catchTriggered } from './catch-events';
import { compileMessage, messageEvent } from './message-event';

/** Receive task: waits for its message like a message catch event (Zeebe), and may carry boundaries and loops. */
export const receiveTask: ElementType = {
  kind: 'receiveTask',
  compile(el, node, cx) {
    const message = compileMessage(el.messageRef as ModdleElement | undefined, node, cx, true);
    if (message) node.events.push({ kind: 'message', id: null, behaviour: messageEvent, data: message });
  },
  activate: activateCatch,
  triggered: catchTriggered,
};
