import { list } from '../model/extensions';
import type { ElementType } from '../runtime/element-type';
import { activateCatch, catchTriggered } from './catch-events';

/** Intermediate catch event: waits for its event (timer, message, signal...), then moves on with its variables. */
export const intermediateCatchEvent: ElementType = {
  kind: 'intermediateCatchEvent',
  compile(el, node, cx) {
    if (list(el, 'eventDefinitions').length === 0) cx.report(node.id, 'an intermediate catch event needs an event definition');
  },
  activate: activateCatch,
  triggered: catchTriggered,
};
