import { behaviourFor } from '../behaviours/registry';
import { activateBody, beforeInnerRemoved, bodyOutput, innerCompleted } from '../behaviours/loop-body';
import { activityLeave } from '../behaviours/leave';
import type { HistoryBody, HistoryEvent } from '../history/events';
import type { ExecutableProcess, FlowDef, NodeDef } from '../model/types';
import type { EngineContext } from '../ports';
import type { Effect } from './effects';
import { evalMappings } from './evaluate';
import { ElementFailure } from './failure';
import { arriveAtJoin, settleJoins } from './joins';
import type { ElementInstance, IncidentType, InstanceState, Variables } from './state';
import { setAll, visibleVariables } from './variables';

type Work = { t: 'activate' | 'complete'; id: string };

/**
 * One step from a command to the next wait state. Owns a working copy of the state that it
 * mutates in place (the caller hands it a private copy), a FIFO work queue (no recursion, so long
 * loops cannot overflow the stack), and the effects and history it produces.
 */
export class Step {
  readonly effects: Effect[] = [];
  readonly history: HistoryEvent[] = [];
  readonly now: number;
  private readonly queue: Work[] = [];
  private head = 0;
  /** Scopes whose last child may have gone (null = process scope). */
  private readonly maybeEmpty = new Set<string | null>();

  constructor(
    readonly process: ExecutableProcess,
    readonly state: InstanceState,
    readonly ctx: EngineContext,
  ) {
    this.now = ctx.clock.now();
  }

  emit(body: HistoryBody): void {
    const event = body as HistoryEvent;
    event.seq = ++this.state.seq;
    event.time = this.now;
    event.instanceId = this.state.instanceId;
    this.history.push(event);
  }

  effect(e: Effect): void {
    this.effects.push(e);
  }

  node(id: string): NodeDef {
    const node = this.process.nodes.get(id);
    if (!node) throw new Error(`element ${id} is not in process ${this.process.id} v${this.process.version}`);
    return node;
  }

  /** A token travels along `flow` inside scope `scopeId`. */
  take(flow: FlowDef, scopeId: string | null): void {
    this.emit({ type: 'flowTaken', flowId: flow.id });
    const target = this.node(flow.targetId);
    if (target.joins && (target.kind === 'parallelGateway' || target.kind === 'inclusiveGateway' || target.kind === 'complexGateway')) {
      arriveAtJoin(this, target, flow, scopeId);
    } else this.enter(target, scopeId);
  }

  /** Creates an element instance of `node` in `scopeId` and queues its activation. */
  enter(node: NodeDef, scopeId: string | null, loopIndex?: number, variables?: Variables): ElementInstance {
    const id = String(++this.state.elementCounter);
    const ei: ElementInstance = { id, elementId: node.id, parentId: scopeId, status: 'active', children: 0 };
    if (node.loop && loopIndex === undefined) ei.body = { kind: 'parallel', items: null, total: 0, started: 0, active: 0, completed: 0 };
    if (loopIndex !== undefined) ei.loopIndex = loopIndex;
    this.state.elements[id] = ei;
    if (scopeId !== null) this.state.elements[scopeId].children++;
    this.emit({ type: 'elementEntered', elementId: node.id, elementInstanceId: id });
    if (variables) setAll(this, id, variables, true);
    this.queue.push({ t: 'activate', id });
    return ei;
  }

  /** Queues leaving `ei` (output mappings, outgoing flows). */
  complete(ei: ElementInstance): void {
    ei.status = 'active';
    this.queue.push({ t: 'complete', id: ei.id });
  }

  /** Re-runs the phase an incident interrupted. */
  retry(ei: ElementInstance, phase: 'activate' | 'complete'): void {
    ei.status = 'active';
    this.queue.push({ t: phase, id: ei.id });
  }

  /** Terminates `ei` and everything inside it. */
  terminate(ei: ElementInstance): void {
    if (ei.children > 0) {
      for (const child of this.childrenOf(ei.id)) this.terminate(child);
    }
    this.clearJoins(ei.id);
    const node = this.node(ei.elementId);
    if (ei.loopIndex !== undefined || !ei.body) behaviourFor(node.kind).terminate?.(this, ei, node);
    for (const inc of Object.values(this.state.incidents)) {
      if (inc.elementInstanceId === ei.id) {
        delete this.state.incidents[inc.id];
        this.emit({ type: 'incidentResolved', incidentId: inc.id, elementId: inc.elementId });
        this.effect({ type: 'incidentResolved', incidentId: inc.id });
      }
    }
    this.emit({ type: 'elementTerminated', elementId: ei.elementId, elementInstanceId: ei.id });
    this.remove(ei);
  }

  /** Terminates every element instance in a scope (terminate end event, cancel). */
  terminateScope(scopeId: string | null, except?: ElementInstance): void {
    for (const ei of this.childrenOf(scopeId)) if (ei !== except && this.state.elements[ei.id]) this.terminate(ei);
    this.clearJoins(scopeId);
  }

  childrenOf(scopeId: string | null): ElementInstance[] {
    const out: ElementInstance[] = [];
    for (const id in this.state.elements) {
      const ei = this.state.elements[id];
      if (ei.parentId === scopeId) out.push(ei);
    }
    return out;
  }

  raiseIncident(ei: ElementInstance, type: IncidentType, message: string, retry: 'activate' | 'complete' | 'job', jobKey: string | null = null): void {
    const id = this.ctx.ids.next('incident');
    const incident = { id, type, message, elementId: ei.elementId, elementInstanceId: ei.id, retry, jobKey, createdAt: this.now };
    this.state.incidents[id] = incident;
    ei.status = 'incident';
    this.emit({ type: 'incidentRaised', incidentId: id, incidentType: type, elementId: ei.elementId, message });
    this.effect({ type: 'incidentRaised', incident: { ...incident } });
  }

  /** Drains the queue, then settles joins and empty scopes, until nothing moves. */
  run(): void {
    for (;;) {
      while (this.head < this.queue.length) {
        const work = this.queue[this.head++];
        const ei = this.state.elements[work.id];
        if (!ei || ei.status === 'incident') continue;
        try {
          if (work.t === 'activate') this.activate(ei);
          else this.leave(ei);
        } catch (err) {
          if (!(err instanceof ElementFailure)) throw err;
          this.raiseIncident(ei, err.type, err.message, work.t);
        }
      }
      if (!isEmpty(this.state.joins) && settleJoins(this)) continue;
      if (this.maybeEmpty.size > 0 && this.settleScopes()) continue;
      break;
    }
  }

  private activate(ei: ElementInstance): void {
    const node = this.node(ei.elementId);
    if (ei.body) {
      activateBody(this, ei, node);
      return;
    }
    if (node.inputs.length > 0) {
      // The element's own locals count: a multi-instance inner instance maps from its inputElement.
      const values = evalMappings(this, node.inputs, visibleVariables(this, ei.id), 'input mapping');
      setAll(this, ei.id, values, true);
    }
    behaviourFor(node.kind).activate(this, ei, node);
  }

  private leave(ei: ElementInstance): void {
    const node = this.node(ei.elementId);
    const inner = ei.loopIndex !== undefined;
    const outputs = !ei.body && node.outputs.length > 0 ? evalMappings(this, node.outputs, visibleVariables(this, ei.id), 'output mapping') : null;
    const flows = inner ? null : (behaviourFor(node.kind).leave ?? activityLeave)(this, ei, node);
    const stop = inner ? beforeInnerRemoved(this, ei, node) : false;
    if (outputs) setAll(this, ei.parentId, outputs, false);
    if (ei.body) bodyOutput(this, ei, node);
    this.emit({ type: 'elementCompleted', elementId: node.id, elementInstanceId: ei.id });
    this.state.path.push(node.id);
    this.remove(ei);
    if (inner) innerCompleted(this, this.state.elements[ei.parentId as string], ei, stop);
    else if (flows) for (let i = 0; i < flows.length; i++) this.take(flows[i], ei.parentId);
  }

  private remove(ei: ElementInstance): void {
    delete this.state.elements[ei.id];
    if (ei.parentId !== null) {
      const parent = this.state.elements[ei.parentId];
      if (parent && --parent.children === 0) this.maybeEmpty.add(ei.parentId);
    } else this.maybeEmpty.add(null);
  }

  private clearJoins(scopeId: string | null): void {
    const prefix = `${scopeId ?? ''}/`;
    for (const key of Object.keys(this.state.joins)) if (key.startsWith(prefix)) delete this.state.joins[key];
  }

  hasJoinTokens(scopeId: string | null): boolean {
    for (const key in this.state.joins) {
      const j = this.state.joins[key];
      if (j.scopeId === scopeId && j.arrived.some((n) => n > 0)) return true;
    }
    return false;
  }

  private settleScopes(): boolean {
    let moved = false;
    const scopes = [...this.maybeEmpty];
    this.maybeEmpty.clear();
    for (const scopeId of scopes) {
      if (scopeId === null) {
        if (this.state.status === 'active' && isEmpty(this.state.elements) && !this.hasJoinTokens(null)) this.completeInstance();
        continue;
      }
      const ei = this.state.elements[scopeId];
      if (!ei || ei.body || ei.children > 0 || ei.status !== 'active' || this.hasJoinTokens(scopeId)) continue;
      this.complete(ei);
      moved = true;
    }
    return moved;
  }

  private completeInstance(): void {
    const s = this.state;
    s.status = 'completed';
    s.endedAt = this.now;
    s.joins = {};
    this.emit({ type: 'instanceCompleted' });
    this.effect({ type: 'instanceCompleted', instanceId: s.instanceId, variables: { ...s.variables } });
    if (s.parent) {
      this.effect({ type: 'notifyParent', parentInstanceId: s.parent.instanceId, parentElementInstanceId: s.parent.elementInstanceId, variables: { ...s.variables } });
    }
  }
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}
