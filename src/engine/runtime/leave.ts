import type { FlowDef, NodeDef } from '../model/types';
import { evalCondition } from './evaluate';
import { ElementFailure } from './failure';
import type { Step } from './step';
import type { ElementInstance } from './state';
import { visibleVariables } from './variables';

/**
 * Leaving an activity or event: unconditional flows are always taken, conditional ones when
 * true, the default flow when no conditional flow was true.
 */
export function activityLeave(step: Step, ei: ElementInstance, node: NodeDef): FlowDef[] {
  const out = node.outgoing;
  if (out.length === 0) return out;
  let conditional = false;
  for (const f of out) if (f.condition) conditional = true;
  if (!conditional) return out;
  const vars = visibleVariables(step, ei.parentId);
  const taken: FlowDef[] = [];
  let conditionTrue = false;
  for (const f of out) {
    if (f === node.defaultFlow) continue;
    if (!f.condition) taken.push(f);
    else if (evalCondition(step, f.condition, vars, `condition of ${f.id}`)) {
      taken.push(f);
      conditionTrue = true;
    }
  }
  if (!conditionTrue && node.defaultFlow) taken.push(node.defaultFlow);
  if (taken.length === 0) throw new ElementFailure('condition', `no outgoing flow of ${node.id} can be taken: no condition is true and there is no default flow`);
  return taken;
}

/** Every true condition (unconditional flows count as true); the default flow if none. */
export function inclusiveLeave(step: Step, ei: ElementInstance, node: NodeDef): FlowDef[] {
  const out = node.outgoing;
  if (out.length <= 1 && !out[0]?.condition) return out;
  const vars = visibleVariables(step, ei.parentId);
  const taken: FlowDef[] = [];
  for (const f of out) {
    if (f === node.defaultFlow) continue;
    if (!f.condition || evalCondition(step, f.condition, vars, `condition of ${f.id}`)) taken.push(f);
  }
  if (taken.length === 0 && node.defaultFlow) taken.push(node.defaultFlow);
  if (taken.length === 0) throw new ElementFailure('condition', `no outgoing flow of ${node.id} can be taken: no condition is true and there is no default flow`);
  return taken;
}
