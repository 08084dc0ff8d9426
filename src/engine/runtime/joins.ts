import type { FlowDef, NodeDef } from '../model/types';
import type { Step } from './step';
import type { JoinState } from './state';

/*
 * Tokens waiting at joining gateways live in `state.joins`, counted per incoming flow and keyed
 * `${scopeId}/${gatewayId}`. These are the kernel's tools for any join; what a join waits for is
 * its gateway's decision (`behaviours/*-gateway.ts`), see docs/engine-semantics.md.
 */

/** The join record of `gateway` in `scopeId`, created on first arrival, with the token counted. */
export function arrive(step: Step, gateway: NodeDef, flow: FlowDef, scopeId: string | null): { key: string; join: JoinState } {
  const key = `${scopeId ?? ''}/${gateway.id}`;
  let join = step.state.joins[key];
  if (!join) {
    join = { gatewayId: gateway.id, scopeId, arrived: new Array<number>(gateway.incoming.length).fill(0) };
    step.state.joins[key] = join;
  }
  if (join.phase !== 'reset') join.arrived[flow.targetIndex]++;
  return { key, join };
}

/** Fires the join: consumes one token per filled flow (`all`: every token) and enters the gateway. */
export function fire(step: Step, key: string, join: JoinState, gateway: NodeDef, consume: 'one' | 'all'): void {
  if (consume === 'all') {
    join.arrived.fill(0);
    join.phase = 'reset';
  } else {
    for (let i = 0; i < join.arrived.length; i++) if (join.arrived[i] > 0) join.arrived[i]--;
    if (join.arrived.every((n) => n === 0)) delete step.state.joins[key];
  }
  step.enter(gateway, join.scopeId);
}

/**
 * True while a token of the join's scope can still reach one of its empty incoming flows without
 * first reaching a filled one (the inclusive join rule). `anyFlow`: any incoming flow at all.
 */
export function tokensMayArrive(step: Step, join: JoinState, gateway: NodeDef, anyFlow = false): boolean {
  const upstream = gateway.upstream ?? [];
  for (const node of blockingNodes(step, join, gateway)) {
    if (!anyFlow && upstreamOfFilled(upstream, join, node)) continue;
    for (let i = 0; i < upstream.length; i++) {
      if ((anyFlow || join.arrived[i] === 0) && upstream[i].has(node)) return true;
    }
  }
  return false;
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

function upstreamOfFilled(upstream: Set<string>[], join: JoinState, node: string): boolean {
  for (let i = 0; i < upstream.length; i++) if (join.arrived[i] > 0 && upstream[i].has(node)) return true;
  return false;
}

/**
 * An activity with `startQuantity` n > 1: tokens arriving on any of its incoming flows wait here,
 * counted together, until n have arrived; then n are consumed (first flows first) and the activity
 * starts once. Fewer than n never start it (and keep the scope from completing), as BPMN says.
 */
export function arriveQuantity(step: Step, activity: NodeDef, flow: FlowDef, scopeId: string | null): void {
  const { key, join } = arrive(step, activity, flow, scopeId);
  let waiting = 0;
  for (const n of join.arrived) waiting += n;
  if (waiting < activity.startQuantity) return;
  let take = activity.startQuantity;
  for (let i = 0; i < join.arrived.length && take > 0; i++) {
    const used = Math.min(join.arrived[i], take);
    join.arrived[i] -= used;
    take -= used;
  }
  if (join.arrived.every((n) => n === 0)) delete step.state.joins[key];
  step.enter(activity, scopeId);
}

/** Drops the tokens waiting at joins of `scopeId` (the scope was terminated). */
export function clearJoins(step: Step, scopeId: string | null): void {
  const prefix = `${scopeId ?? ''}/`;
  for (const key of Object.keys(step.state.joins)) if (key.startsWith(prefix)) delete step.state.joins[key];
}

/** True while tokens wait at a join of `scopeId` (the scope cannot complete yet). */
export function hasJoinTokens(step: Step, scopeId: string | null): boolean {
  for (const key in step.state.joins) {
    const j = step.state.joins[key];
    if (j.scopeId === scopeId && j.arrived.some((n) => n > 0)) return true;
  }
  return false;
}
