import type { FlowDef, NodeDef } from '../model/types';
import { evalCondition } from './evaluate';
import { ElementFailure } from './failure';
import type { Step } from './step';
import type { JoinState } from './state';
import { visibleVariables } from './variables';

/**
 * Joining gateways. Tokens waiting at a join live in `state.joins`, counted per incoming flow.
 *
 * - parallel: fires as soon as every incoming flow holds a token.
 * - inclusive: fires once the queue has drained and no token of the scope can still reach an
 *   empty incoming flow (see docs/engine-semantics.md for the exact rule).
 * - complex: fires when its activation condition holds (or like an inclusive join without one),
 *   then absorbs the late tokens of that round (`reset`) until none can arrive any more.
 */
export function arriveAtJoin(step: Step, gateway: NodeDef, flow: FlowDef, scopeId: string | null): void {
  const key = `${scopeId ?? ''}/${gateway.id}`;
  let join = step.state.joins[key];
  if (!join) {
    join = { gatewayId: gateway.id, scopeId, arrived: new Array<number>(gateway.incoming.length).fill(0) };
    step.state.joins[key] = join;
  }
  if (gateway.kind === 'complexGateway' && join.phase === 'reset') {
    // A late token of a round that already fired: consumed here, it goes no further.
    return;
  }
  join.arrived[flow.targetIndex]++;
  if (gateway.kind === 'parallelGateway') {
    if (join.arrived.every((n) => n > 0)) fire(step, key, join, gateway, false);
    return;
  }
  if (gateway.kind === 'complexGateway' && gateway.activationCondition) {
    if (activationHolds(step, join, gateway, scopeId)) fire(step, key, join, gateway, true);
    return;
  }
}

/** Called when the work queue is empty. Returns true if a join fired (so more work is queued). */
export function settleJoins(step: Step): boolean {
  let fired = false;
  for (const key of Object.keys(step.state.joins)) {
    const join = step.state.joins[key];
    if (!join) continue;
    const gateway = step.node(join.gatewayId);
    if (gateway.kind === 'parallelGateway') continue;
    const blocked = blockingNodes(step, join, gateway);
    if (join.phase === 'reset') {
      if (!anyUpstream(blocked, gateway, () => true)) delete step.state.joins[key];
      continue;
    }
    if (!join.arrived.some((n) => n > 0)) continue;
    if (gateway.kind === 'complexGateway' && gateway.activationCondition) continue;
    // Tokens still able to reach an empty incoming flow (and no filled one) keep the join waiting.
    const mayStillArrive = anyUpstream(blocked, gateway, (i) => join.arrived[i] === 0, (node) => upstreamOfFilled(gateway, join, node));
    if (mayStillArrive) continue;
    fire(step, key, join, gateway, gateway.kind === 'complexGateway');
    fired = true;
  }
  return fired;
}

function fire(step: Step, key: string, join: JoinState, gateway: NodeDef, complex: boolean): void {
  if (complex) {
    join.arrived.fill(0);
    join.phase = 'reset';
  } else {
    for (let i = 0; i < join.arrived.length; i++) if (join.arrived[i] > 0) join.arrived[i]--;
    if (join.arrived.every((n) => n === 0)) delete step.state.joins[key];
  }
  step.enter(gateway, join.scopeId);
}

function activationHolds(step: Step, join: JoinState, gateway: NodeDef, scopeId: string | null): boolean {
  let flows = 0;
  let tokens = 0;
  for (const n of join.arrived) {
    if (n > 0) flows++;
    tokens += n;
  }
  const vars = { ...visibleVariables(step, scopeId), _activationCount: flows, numberOfTokens: tokens };
  try {
    return evalCondition(step, gateway.activationCondition!, vars, `activation condition of ${gateway.id}`);
  } catch (err) {
    if (!(err instanceof ElementFailure)) throw err;
    // No element instance exists while tokens wait, so there is nothing to hang an incident on.
    step.ctx.logger?.warn(err.message, { elementId: gateway.id });
    return false;
  }
}

/** Element ids where tokens of the join's scope sit: live element instances and other joins' waiting tokens. */
function blockingNodes(step: Step, join: JoinState, gateway: NodeDef): string[] {
  const out: string[] = [];
  for (const id in step.state.elements) {
    const ei = step.state.elements[id];
    if (ei.parentId === join.scopeId) out.push(ei.elementId);
  }
  for (const key in step.state.joins) {
    const other = step.state.joins[key];
    if (other !== join && other.scopeId === join.scopeId && other.gatewayId !== gateway.id && other.arrived.some((n) => n > 0)) out.push(other.gatewayId);
  }
  return out;
}

function anyUpstream(nodes: string[], gateway: NodeDef, flowFilter: (i: number) => boolean, excuse?: (node: string) => boolean): boolean {
  const upstream = gateway.upstream ?? [];
  for (const node of nodes) {
    for (let i = 0; i < upstream.length; i++) {
      if (flowFilter(i) && upstream[i].has(node) && !(excuse?.(node) ?? false)) return true;
    }
  }
  return false;
}

function upstreamOfFilled(gateway: NodeDef, join: JoinState, node: string): boolean {
  const upstream = gateway.upstream ?? [];
  for (let i = 0; i < upstream.length; i++) if (join.arrived[i] > 0 && upstream[i].has(node)) return true;
  return false;
}
