import type { NodeDef } from '../model/types';
import type { EventBehaviour } from '../runtime/element-type';

/*
 * Link events (BPMN 2.0; Zeebe too): a "go to" within one scope. An intermediate throw event with
 * a link definition ends its token there and the token goes on at the intermediate catch event
 * with a link definition of the same name in the same scope (process or subprocess), which passes
 * it on at once. Checked at deploy: every throw finds its catch, a scope has one catch per name,
 * the catch has no incoming flows and the throw no outgoing ones.
 */

/** The compiled link definition (`EventDef.data`); `targetId` is set for throws once the process is linked. */
export interface LinkDef {
  name: string;
  targetId: string | null;
}

export const linkEvent: EventBehaviour = {
  kind: 'link',
  compile(def, _el, node, cx) {
    if (node.kind !== 'intermediateThrowEvent' && node.kind !== 'intermediateCatchEvent') {
      cx.report(node.id, `a link event definition is only allowed on intermediate throw and catch events, not on ${node.kind}`);
      return null;
    }
    const name = typeof def.name === 'string' ? def.name.trim() : '';
    if (name === '') {
      cx.report(node.id, 'a link event needs a name (the throw and the catch it goes to share it)');
      return null;
    }
    return { kind: 'link', id: (def.id as string | undefined) ?? null, behaviour: linkEvent, data: { name, targetId: null } satisfies LinkDef };
  },
  link(node, def, nodes, cx) {
    const link = def.data as LinkDef;
    if (node.events.length > 1) cx.report(node.id, 'a link event cannot have other event definitions');
    const where = node.containerId ?? 'the process';
    if (node.kind === 'intermediateCatchEvent') {
      if (node.incoming.length > 0) cx.report(node.id, 'a link catch event cannot have incoming sequence flows (throw events lead to it by name)');
      const first = catchesOf(nodes, node.containerId, link.name)[0];
      if (first !== node) cx.report(node.id, `${first.id} and ${node.id} both catch link '${link.name}' in ${where}: one catch event per link name and scope`);
      return;
    }
    if (node.outgoing.length > 0) cx.report(node.id, 'a link throw event cannot have outgoing sequence flows (it goes on at its catch event)');
    const target = catchesOf(nodes, node.containerId, link.name)[0];
    if (!target) cx.report(node.id, `no link catch event named '${link.name}' in ${where} for ${node.id} to go to`);
    else link.targetId = target.id;
  },
  throw(step, ei, _node, def) {
    const link = def.data as LinkDef;
    // The token moves to the catch event before the throw event completes, so the scope never looks empty.
    step.enter(step.node(link.targetId as string), ei.parentId);
    return 'continue';
  },
};

function catchesOf(nodes: ReadonlyMap<string, NodeDef>, containerId: string | null, name: string): NodeDef[] {
  const out: NodeDef[] = [];
  for (const n of nodes.values()) {
    if (n.kind !== 'intermediateCatchEvent' || n.containerId !== containerId) continue;
    if (n.events.some((d) => d.kind === 'link' && (d.data as LinkDef).name === name)) out.push(n);
  }
  return out;
}
