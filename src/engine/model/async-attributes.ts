import type { ModdleElement } from 'bpmn-moddle';

/**
 * The namespaces whose `asyncBefore` / `asyncAfter` attributes Flowdeck reads, by URI (the prefix
 * is the file's choice): Flowdeck's own, Camunda 7's (`camunda:asyncBefore`, `camunda:asyncAfter`
 * and the older `camunda:async`), Flowable's (`flowable:async`, `flowable:asyncLeave`) and
 * Activiti's (`activiti:async`, before only). The moddle keeps attributes of unknown namespaces in
 * `$attrs`, so models from those tools deploy unchanged (docs/adr/0050-async-continuations.md).
 */
export const FLOWDECK_NS = 'http://flowdeck.dev/schema/bpmn';
const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';
const FLOWABLE_NS = 'http://flowable.org/bpmn';
const ACTIVITI_NS = 'http://activiti.org/bpmn';

const NAMES: Record<string, { before: string[]; after: string[] }> = {
  [FLOWDECK_NS]: { before: ['asyncBefore'], after: ['asyncAfter'] },
  [CAMUNDA_NS]: { before: ['asyncBefore', 'async'], after: ['asyncAfter'] },
  [FLOWABLE_NS]: { before: ['async'], after: ['asyncLeave'] },
  [ACTIVITI_NS]: { before: ['async'], after: [] },
};

export interface AsyncAttributes {
  before: boolean;
  after: boolean;
  /** Attributes that are there but are not `true` or `false` (reported by the compiler). */
  invalid: string[];
}

/**
 * Reads the asynchronous continuation attributes of a flow node.
 *
 * @example
 * // <bpmn:serviceTask flowdeck:asyncBefore="true" ...> with xmlns:flowdeck="http://flowdeck.dev/schema/bpmn"
 * asyncAttributes(task); // { before: true, after: false, invalid: [] }
 */
export function asyncAttributes(el: ModdleElement): AsyncAttributes {
  const out: AsyncAttributes = { before: false, after: false, invalid: [] };
  const attrs = el.$attrs as Record<string, string> | undefined;
  if (!attrs) return out;
  for (const qname of Object.keys(attrs)) {
    const colon = qname.indexOf(':');
    if (colon < 0 || qname.startsWith('xmlns:')) continue;
    const names = NAMES[namespaceOf(el, qname.slice(0, colon)) ?? ''];
    if (!names) continue;
    const local = qname.slice(colon + 1);
    const phase = names.before.includes(local) ? 'before' : names.after.includes(local) ? 'after' : null;
    if (!phase) continue;
    const value = String(attrs[qname]).trim();
    if (value !== 'true' && value !== 'false') out.invalid.push(`${qname}="${value}"`);
    else if (value === 'true') out[phase] = true;
  }
  return out;
}

/** The namespace URI a prefix stands for, declared on the element or one of its ancestors. */
function namespaceOf(el: ModdleElement | undefined, prefix: string): string | undefined {
  for (let at = el; at; at = at.$parent as ModdleElement | undefined) {
    const uri = (at.$attrs as Record<string, string> | undefined)?.[`xmlns:${prefix}`];
    if (uri) return uri;
  }
  return undefined;
}
