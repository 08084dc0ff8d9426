import type { ModdleElement } from 'bpmn-moddle';
import type { EventDef, FlowDef, NodeDef, NodeKind } from '../model/types';
import type { ExprCompiler } from '../model/values';
import type { Step } from './step';
import type { ElementInstance, Incident, JoinState, Subscription, Variables } from './state';

/*
 * What the kernel knows of elements: these interfaces, nothing else. Every element kind lives in
 * one file of `behaviours/` that implements them (compile step, behaviour, commands), and the
 * registry (`behaviours/registry.ts`) is handed to the compiler, which stores each node's behaviour
 * on the node. The kernel (`runtime/`) never imports a behaviour.
 */

export type Report = (elementId: string, message: string) => void;

/** What an element's compile step may use. */
export interface CompileContext {
  exprs: ExprCompiler;
  report: Report;
  registry: ElementRegistry;
  /** The `bpmn:Definitions` (global errors, messages, signals...). */
  definitions: ModdleElement;
}

/** One BPMN element kind: how it compiles and what it does at run time. */
export interface ElementType {
  readonly kind: NodeKind;
  /** Its `flowElements` are compiled as its children (subprocesses). */
  readonly container?: boolean;
  /** Reads the kind-specific parts of the moddle element into `node`, reporting problems. */
  compile?(el: ModdleElement, node: NodeDef, cx: CompileContext): void;
  /** Runs once every node and flow of the process exists (attachments, checks needing flows). */
  link?(node: NodeDef, nodes: ReadonlyMap<string, NodeDef>, cx: CompileContext): void;
  /** The element instance exists and its input mappings are applied: complete it now or leave it waiting. */
  activate(step: Step, ei: ElementInstance, node: NodeDef): void;
  /** Which outgoing flows to take when the element completes (default: the activity rule). */
  leave?(step: Step, ei: ElementInstance, node: NodeDef): FlowDef[];
  /** Cleanup when the element instance is terminated (cancel its job, task, child instance...). */
  terminate?(step: Step, ei: ElementInstance, node: NodeDef): void;
  /** Resolves an incident whose `retry` is neither `activate` nor `complete` (e.g. `job`: hand the job out again). */
  resolveIncident?(step: Step, ei: ElementInstance, node: NodeDef, incident: Incident, retries: number | undefined): void;
  /** Joining gateways: how tokens arriving on incoming flows are merged. */
  readonly join?: JoinBehaviour;
  /**
   * Containers: the scope `ei` has no token left. Default: it completes. A container that decides
   * itself when it is done (an ad-hoc subprocess) completes it, starts more work, or waits.
   */
  scopeEmpty?(step: Step, ei: ElementInstance, node: NodeDef): void;
  /**
   * Containers: `child`, a direct child of `scope`, is completing (its variables are still there).
   * Returning true ends its token there: its outgoing flows are not taken.
   */
  childCompleting?(step: Step, scope: ElementInstance, node: NodeDef, child: ElementInstance, childNode: NodeDef): boolean;
  /**
   * A wait this catching element opened was triggered (a timer came due, a message was
   * correlated...). `owner` is the element instance that owned the wait: this catch event, the
   * activity a boundary sits on, an event-based gateway, or the scope of an event subprocess (null:
   * the process). `variables` came with the event (a message's payload).
   */
  triggered?(step: Step, catcher: NodeDef, owner: ElementInstance | null, variables: Variables | undefined): void;
}

/** How a joining gateway merges tokens; tokens wait in `state.joins` until it fires. */
export interface JoinBehaviour {
  /** A token arrived on `flow`; fire now (`step.enter(gateway)`) or wait. */
  arrive(step: Step, gateway: NodeDef, flow: FlowDef, scopeId: string | null): void;
  /** The work queue is empty: fire if the join can no longer wait. Returns true when it fired. */
  settle(step: Step, key: string, join: JoinState, gateway: NodeDef): boolean;
}

/** One kind of event definition (error, terminate, message, timer...). */
export interface EventBehaviour {
  readonly kind: string;
  /** Compiles the definition for `node`; reports and returns null when it is not allowed there. */
  compile(def: ModdleElement, el: ModdleElement, node: NodeDef, cx: CompileContext): EventDef | null;
  /**
   * A throw or end event with this definition is reached. Returns `continue` when the token then
   * moves on as usual (the event completes), `handled` when the behaviour took care of the token.
   */
  throw?(step: Step, ei: ElementInstance, node: NodeDef, def: EventDef): 'continue' | 'handled';
  /**
   * A catching element with this definition starts waiting: open its timer or subscription
   * (`runtime/waits.ts` addTimer / addSubscription) owned by `ownerId` (null: process scope).
   */
  subscribe?(step: Step, ownerId: string | null, catcher: NodeDef, def: EventDef): void;
  /** Runs once every node of the process exists (checks and links across nodes: link events). */
  link?(node: NodeDef, def: EventDef, nodes: ReadonlyMap<string, NodeDef>, cx: CompileContext): void;
  /**
   * The wait watches variables (a conditional event): re-check it. `changes` are the writes since
   * the last check that its owner can see; null when the wait was just opened or its incident was
   * resolved (check it in any case). Called by the kernel between two pieces of work of a step.
   */
  recheck?(step: Step, wait: Subscription, catcher: NodeDef, def: EventDef, changes: readonly VariableChange[] | null): void;
}

/** A variable written in a step: its scope (null: process), its name, and whether it was created. */
export interface VariableChange {
  scopeId: string | null;
  name: string;
  created: boolean;
}

/** Multi-instance and standard loops: the activity gets a body whose children are the iterations. */
export interface LoopType {
  /** Reads `loopCharacteristics` into `node.loop`. */
  compile(loop: ModdleElement, el: ModdleElement, node: NodeDef, cx: CompileContext): void;
  /** The body was entered: start the first (or every) inner instance, or complete at once. */
  activateBody(step: Step, body: ElementInstance, node: NodeDef): void;
  /** An inner instance completes (its scope still exists): collect output; true stops the loop. */
  beforeInnerRemoved(step: Step, inner: ElementInstance, node: NodeDef): boolean;
  /** After an inner instance was removed: start the next one, or complete the body. */
  innerCompleted(step: Step, body: ElementInstance, inner: ElementInstance, stop: boolean): void;
  /** The body completes: write its output collection. */
  bodyOutput(step: Step, body: ElementInstance, node: NodeDef): void;
}

/** Applies one command to the step's working state (the step then runs to the next wait state). */
export type CommandHandler = (step: Step, command: { type: string }) => void;

/** Everything the kernel is handed about elements, by moddle type and command type. */
export interface ElementRegistry {
  readonly elements: Readonly<Record<string, ElementType>>;
  readonly events: Readonly<Record<string, EventBehaviour>>;
  readonly loops: Readonly<Record<string, LoopType>>;
  /** Element commands (`completeJob`, `completeUserTask`, `childCompleted`...). */
  readonly commands: Readonly<Record<string, CommandHandler>>;
  /**
   * Told of every element instance that completes or is terminated, in processes that compensate
   * (`process.compensates`): compensation records what completed and drives its handlers.
   */
  readonly lifecycle?: LifecycleHooks;
}

export interface LifecycleHooks {
  /** `ei` completed and was removed (its fields are still readable); called before its outgoing flows are taken. */
  completed(step: Step, ei: ElementInstance, node: NodeDef): void;
  /** `ei` is being terminated (its children already are). */
  terminated(step: Step, ei: ElementInstance): void;
}
