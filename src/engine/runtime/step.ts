import type { HistoryBody, HistoryEvent } from '../history/events';
import { emitElementEvent, emitFlowTaken } from './history-events';
import type { ExecutableProcess, FlowDef, NodeDef } from '../model/types';
import type { EngineContext } from '../ports';
import { dropContinuations, stopsAt, suspend } from './async';
import { createElementInstance } from './element-instances';
import type { Effect } from './effects';
import type { VariableChange } from './element-type';
import { evalMappings } from './evaluate';
import { ElementFailure } from './failure';
import { completeInstance } from './instance-end';
import { arriveQuantity, clearJoins, hasJoinTokens } from './joins';
import { activityLeave } from './leave';
import { nextRandom } from './random';
import type { ElementInstance, Incident, IncidentType, InstanceState, Variables } from './state';
import { setAll, visibleVariables } from './variables';
import { closeWaits, openWaits } from './waits';
import { PendingScopes } from './pending-scopes';
import { checkWatches } from './watch';

/** The events `Step.emit` records in a reduced history (element events have their own builders). */
const KEPT_WHEN_REDUCED: ReadonlySet<string> = new Set(['elementEntered', 'elementCompleted', 'elementTerminated', 'incidentRaised', 'instanceCompleted', 'instanceCanceled']);

const NONE_FRESH: ReadonlySet<string> = new Set();

export type Work = { t: 'activate' | 'complete'; id: string };

/** Default number of element executions one step may run (see {@link EngineLimits}). */
export const DEFAULT_STEP_BUDGET = 50_000;
/** Default number of live element instances of one instance. */
export const DEFAULT_MAX_ELEMENT_INSTANCES = 500_000;

/**
 * One step from a command to the next wait state. Owns a working copy of the state that it
 * mutates in place (the caller hands it a private copy), a FIFO work queue (no recursion, so long
 * loops cannot overflow the stack), and the effects and history it produces. Everything it reads
 * is in (definition, state, command, `now`) plus the deterministic ports of `ctx`.
 */
export class Step {
  readonly effects: Effect[] = [];
  readonly history: HistoryEvent[] = [];
  private readonly queue: Work[] = [];
  private head = 0;
  /** Elements that completed in this step; past the budget the step stops with an incident. */
  private executions = 0;
  private readonly budget: number;
  /** Live element instances the instance may hold. */
  readonly maxElements: number;
  /** Scopes whose last child may have gone (null = process scope). */
  private readonly maybeEmpty = new PendingScopes();
  /** The process has waits that watch variables (conditional events): writes are recorded in `changes`. */
  readonly watching: boolean;
  /** Variable writes since the watching waits were last checked. */
  changes: VariableChange[] = [];
  /** Watching waits to check whatever changed (just opened, or their incident resolved); made when first needed. */
  private fresh: Set<string> | null = null;
  /** While a catcher with several event definitions subscribes: the index of the one subscribing. */
  subscribingDef: number | null = null;

  constructor(
    readonly process: ExecutableProcess,
    readonly state: InstanceState,
    readonly ctx: EngineContext,
    /** The step's time: every event of the step carries it. */
    readonly now: number,
    /** `history: 'elements'` (see `HistoryMode`): only element and incident events are recorded. */
    readonly reduced = false,
  ) {
    this.budget = ctx.limits?.stepBudget ?? DEFAULT_STEP_BUDGET;
    this.maxElements = ctx.limits?.maxElementInstances ?? DEFAULT_MAX_ELEMENT_INSTANCES;
    this.watching = process.watchesVariables;
  }

  emit(body: HistoryBody): void {
    if (this.reduced && !KEPT_WHEN_REDUCED.has(body.type)) {
      ++this.state.seq; // the same numbering as a full history
      return;
    }
    const event = body as HistoryEvent;
    event.seq = ++this.state.seq;
    event.time = this.now;
    event.instanceId = this.state.instanceId;
    this.history.push(event);
  }

  /**
   * In a reduced history, counts one event of a type it does not keep and returns true, so that a
   * hot caller builds no event object only to have it dropped: `if (!step.skipsUnkept()) step.emit(...)`.
   * Only for types outside {@link KEPT_WHEN_REDUCED}.
   */
  skipsUnkept(): boolean {
    if (!this.reduced) return false;
    ++this.state.seq; // the same numbering as a full history
    return true;
  }

  effect(e: Effect): void {
    this.effects.push(e);
  }

  /** A new id of `kind`, unique within the instance and therefore wherever the instance id is. */
  nextId(kind: string): string {
    const n = (this.state.counters[kind] ?? 0) + 1;
    this.state.counters[kind] = n;
    return `${this.state.instanceId}-${kind}-${n}`;
  }

  /** A uniform number in [0, 1) from the instance's own random state. */
  random(): number {
    const [value, next] = nextRandom(this.state.rng);
    this.state.rng = next;
    return value;
  }

  node(id: string): NodeDef {
    const node = this.process.nodes.get(id);
    if (!node) throw new Error(`element ${id} is not in process ${this.process.id} v${this.process.version}`);
    return node;
  }

  /**
   * A token travels along `flow` inside scope `scopeId`, leaving the element instance `fromId`.
   * Returns the element instance it entered (null when it waits at a join).
   */
  take(flow: FlowDef, scopeId: string | null, fromId: string | null): ElementInstance | null {
    emitFlowTaken(this, flow.id, fromId, scopeId);
    const target = this.node(flow.targetId);
    if (target.startQuantity > 1) {
      arriveQuantity(this, target, flow, scopeId);
      return null;
    }
    const join = target.joins ? target.behaviour.join : undefined;
    if (join) {
      join.arrive(this, target, flow, scopeId);
      return null;
    }
    return this.enter(target, scopeId);
  }

  /** Creates an element instance of `node` in `scopeId` and queues its activation. */
  enter(node: NodeDef, scopeId: string | null, loopIndex?: number, variables?: Variables): ElementInstance {
    const ei = createElementInstance(this, node, scopeId, loopIndex, variables, true);
    this.queue.push({ t: 'activate', id: ei.id });
    return ei;
  }

  /**
   * Creates an element instance of `node` that is not activated: a scope the caller fills itself
   * (a completed subprocess opened again to compensate what completed inside it).
   */
  openScope(node: NodeDef, scopeId: string | null, variables?: Variables): ElementInstance {
    return createElementInstance(this, node, scopeId, undefined, variables, false);
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

  /** Queues work a budget incident deferred, and lets every scope settle again. */
  resumeDeferred(work: Work[]): void {
    for (const w of work) if (this.state.elements[w.id]) this.queue.push(w);
    this.maybeEmpty.add(null);
    for (const id in this.state.elements) if (this.state.elements[id].children === 0) this.maybeEmpty.add(id);
    // Checks the stopped step did not get to.
    this.recheckAll();
  }

  /** Has the watching wait `key` checked before the step goes on, whatever changed (see runtime/watch.ts). */
  recheck(key: string): void {
    (this.fresh ??= new Set()).add(key);
  }

  /** Has every watching wait checked (after a suspension, during which none was). */
  recheckAll(): void {
    if (this.watching) for (const key in this.state.subscriptions) this.recheck(key);
  }

  /** Terminates `ei` and everything inside it. */
  terminate(ei: ElementInstance): void {
    if (ei.children > 0) {
      for (const child of this.childrenOf(ei.id)) this.terminate(child);
    }
    this.clearJoins(ei.id);
    const node = this.node(ei.elementId);
    if (ei.loopIndex !== undefined || !ei.body) node.behaviour.terminate?.(this, ei, node);
    if (this.state.continuations) dropContinuations(this, ei.id);
    if (this.process.compensates) this.process.registry.lifecycle?.terminated(this, ei);
    for (const inc of Object.values(this.state.incidents)) {
      if (inc.elementInstanceId === ei.id) this.dropIncident(inc);
    }
    emitElementEvent(this, 'elementTerminated', ei.elementId, ei.id, ei.parentId);
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

  raiseIncident(ei: ElementInstance, type: IncidentType, message: string, retry: Incident['retry'], jobKey: string | null = null): Incident {
    ei.status = 'incident';
    return this.openIncident(ei.elementId, ei.id, type, message, retry, jobKey);
  }

  /** Records an incident about `elementId` in `elementInstanceId` without touching any element's status (a wait's incident). */
  openIncident(elementId: string, elementInstanceId: string, type: IncidentType, message: string, retry: Incident['retry'], jobKey: string | null = null): Incident {
    const id = this.nextId('incident');
    const incident: Incident = { id, type, message, elementId, elementInstanceId, retry, jobKey, createdAt: this.now };
    this.state.incidents[id] = incident;
    this.emit({ type: 'incidentRaised', incidentId: id, incidentType: type, elementId, elementInstanceId, message });
    this.effect({ type: 'incidentRaised', incident: { ...incident } });
    return incident;
  }

  /** Removes an incident without retrying (its element was terminated, or it was resolved). */
  dropIncident(incident: Incident): void {
    delete this.state.incidents[incident.id];
    this.emit({ type: 'incidentResolved', incidentId: incident.id, elementId: incident.elementId, elementInstanceId: incident.elementInstanceId });
    this.effect({ type: 'incidentResolved', incidentId: incident.id });
  }

  /** Drains the queue, then settles joins and empty scopes, until nothing moves or the budget is spent. */
  run(): void {
    for (;;) {
      if (this.watching) this.checkWatches();
      while (this.head < this.queue.length) {
        const work = this.queue[this.head++];
        const ei = this.state.elements[work.id];
        if (!ei || ei.status === 'incident') continue;
        if (work.t === 'complete' && ++this.executions > this.budget) {
          this.stopOverBudget(ei, work);
          return;
        }
        try {
          if (work.t === 'activate') this.activate(ei);
          else this.leave(ei);
        } catch (err) {
          if (!(err instanceof ElementFailure)) throw err;
          this.raiseIncident(ei, err.type, err.message, work.t);
        }
        if (this.watching) this.checkWatches();
      }
      if (!isEmpty(this.state.joins) && this.settleJoins()) continue;
      if (this.maybeEmpty.size > 0 && this.settleScopes()) continue;
      break;
    }
  }

  /**
   * The budget ran out: the step stops here, consistent (every element instance is whole), with
   * an incident on the element it was about to complete. The rest of the queue is kept on the
   * incident and runs again when it is resolved.
   */
  private stopOverBudget(ei: ElementInstance, work: Work): void {
    const deferred: Work[] = [];
    for (let i = this.head; i < this.queue.length; i++) deferred.push(this.queue[i]);
    this.head = this.queue.length;
    const incident = this.raiseIncident(ei, 'budget',
      `the step ran more than ${this.budget} element executions without reaching a wait state (a loop without a wait state?); stopped at ${ei.elementId}`, work.t);
    if (deferred.length > 0) incident.deferred = deferred;
  }

  /** Hands the watching waits the writes (and openings) since their last check. */
  private checkWatches(): void {
    if (this.changes.length === 0 && (this.fresh === null || this.fresh.size === 0)) return;
    if (this.state.suspended) {
      // Nothing triggers while suspended; `resume` checks every watching wait again.
      this.changes = [];
      this.fresh = null;
      return;
    }
    const changes = this.changes;
    const fresh = this.fresh ?? NONE_FRESH;
    this.changes = [];
    this.fresh = null;
    checkWatches(this, changes, fresh);
  }

  private activate(ei: ElementInstance): void {
    const node = this.node(ei.elementId);
    if (stopsAt(node, ei, 'before')) {
      suspend(this, ei, node, 'before');
      return;
    }
    if (ei.body) {
      // Boundary events of a multi-instance activity belong to its body, not to each iteration.
      this.openBoundaryWaits(ei, node);
      (node.loopType as NonNullable<NodeDef['loopType']>).activateBody(this, ei, node);
      return;
    }
    if (node.inputs.length > 0) {
      // The element's own locals count: a multi-instance inner instance maps from its inputElement.
      const values = evalMappings(this, node.inputs, visibleVariables(this, ei.id), 'input mapping');
      setAll(this, ei.id, values, true);
    }
    if (ei.loopIndex === undefined) this.openBoundaryWaits(ei, node);
    this.openEventSubprocessWaits(ei, node.eventSubprocesses);
    node.behaviour.activate(this, ei, node);
  }

  private openBoundaryWaits(ei: ElementInstance, node: NodeDef): void {
    for (let i = 0; i < node.boundaries.length; i++) openWaits(this, ei, node.boundaries[i]);
  }

  /** The start events of a scope's event subprocesses wait while the scope (null: the process) is active. */
  openEventSubprocessWaits(scope: ElementInstance | null, subprocesses: readonly NodeDef[]): void {
    for (let i = 0; i < subprocesses.length; i++) {
      for (const start of subprocesses[i].eventStarts) openWaits(this, scope, this.node(start));
    }
  }

  private leave(ei: ElementInstance): void {
    const node = this.node(ei.elementId);
    // A compensation scope only held compensation: it has nothing of its own left to do.
    const reopened = ei.compensationScope === true;
    if (!reopened && stopsAt(node, ei, 'after')) {
      suspend(this, ei, node, 'after');
      return;
    }
    const inner = ei.loopIndex !== undefined;
    // Compensation handlers and scopes end where they are: their compensation run goes on instead.
    const helper = ei.helps !== undefined;
    const outputs = !ei.body && !reopened && node.outputs.length > 0 ? evalMappings(this, node.outputs, visibleVariables(this, ei.id), 'output mapping') : null;
    let flows = inner || helper ? null : (node.behaviour.leave ?? activityLeave)(this, ei, node);
    const loopType = node.loopType;
    const stop = inner && loopType ? loopType.beforeInnerRemoved(this, ei, node) : false;
    if (outputs) setAll(this, ei.parentId, outputs, false);
    if (ei.body && loopType) loopType.bodyOutput(this, ei, node);
    if (!inner && !helper && ei.parentId !== null && this.childCompleting(ei, node)) flows = null;
    emitElementEvent(this, 'elementCompleted', node.id, ei.id, ei.parentId);
    this.state.path.push(node.id);
    this.remove(ei);
    if (this.process.compensates) this.process.registry.lifecycle?.completed(this, ei, node);
    if (inner && loopType) loopType.innerCompleted(this, this.state.elements[ei.parentId as string], ei, stop);
    else if (flows) {
      // completionQuantity: that many tokens down each outgoing flow.
      for (let i = 0; i < flows.length; i++) {
        for (let q = 0; q < node.completionQuantity; q++) {
          const next = this.take(flows[i], ei.parentId, ei.id);
          // An event-based gateway hands the event it chose to the catch event it enters.
          if (next && ei.handOff) next.pending = ei.handOff;
        }
      }
    }
  }

  /** Tells a container that decides its own completion (an ad-hoc subprocess) that a child completes; true ends the child's token. */
  private childCompleting(ei: ElementInstance, node: NodeDef): boolean {
    const scope = this.state.elements[ei.parentId as string];
    if (!scope || scope.body) return false;
    const scopeNode = this.node(scope.elementId);
    return scopeNode.behaviour.childCompleting?.(this, scope, scopeNode, ei, node) === true;
  }

  private remove(ei: ElementInstance): void {
    if (ei.waits) closeWaits(this, ei.id);
    delete this.state.elements[ei.id];
    this.state.liveElements--;
    if (ei.parentId !== null) {
      const parent = this.state.elements[ei.parentId];
      if (parent && --parent.children === 0) this.maybeEmpty.add(ei.parentId);
    } else this.maybeEmpty.add(null);
  }

  private clearJoins(scopeId: string | null): void {
    clearJoins(this, scopeId);
  }

  hasJoinTokens(scopeId: string | null): boolean {
    return hasJoinTokens(this, scopeId);
  }

  private settleJoins(): boolean {
    let fired = false;
    for (const key of Object.keys(this.state.joins)) {
      const join = this.state.joins[key];
      if (!join) continue;
      const gateway = this.node(join.gatewayId);
      if (gateway.behaviour.join?.settle(this, key, join, gateway)) fired = true;
    }
    return fired;
  }

  private settleScopes(): boolean {
    let moved = false;
    const scopes = this.maybeEmpty.take();
    for (const scopeId of scopes) {
      if (scopeId === null) {
        // `liveElements` counts `elements` exactly (created in element-instances.ts, removed here), and
        // is cheaper than enumerating an object whose deleted integer keys leave it sparse.
        if (this.state.status === 'active' && this.state.liveElements === 0 && !this.hasJoinTokens(null)) completeInstance(this);
        continue;
      }
      const ei = this.state.elements[scopeId];
      if (!ei || ei.body || ei.children > 0 || ei.status !== 'active' || this.hasJoinTokens(scopeId)) continue;
      const node = this.node(ei.elementId);
      if (!node.behaviour.container) continue;
      if (node.behaviour.scopeEmpty && !ei.compensationScope) node.behaviour.scopeEmpty(this, ei, node);
      else this.complete(ei);
      moved = true;
    }
    return moved;
  }

}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}
