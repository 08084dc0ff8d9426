import type { CompiledExpression, DecisionBinding } from '../ports';
import type { ElementRegistry, ElementType, EventBehaviour, LoopType } from '../runtime/element-type';

/** The BPMN element kinds the engine executes. */
export type NodeKind =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateThrowEvent'
  | 'intermediateCatchEvent'
  | 'receiveTask'
  | 'eventBasedGateway'
  | 'boundaryEvent'
  | 'task'
  | 'manualTask'
  | 'userTask'
  | 'serviceTask'
  | 'sendTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'complexGateway'
  | 'subProcess'
  | 'adHocSubProcess'
  | 'transaction'
  | 'callActivity';

/** A compiled expression with the source it came from (for messages). */
export interface Expr {
  source: string;
  compiled: CompiledExpression;
}

/** A zeebe attribute value: `=expr` is an expression, anything else a literal string. */
export type ValueSource = { kind: 'static'; value: string } | { kind: 'expr'; expr: Expr };

/** A zeebe:input / zeebe:output mapping. `target` may be a dotted path (`order.total`). */
export interface Mapping {
  source: ValueSource;
  target: string;
}

export interface FlowDef {
  id: string;
  sourceId: string;
  targetId: string;
  condition: Expr | null;
  /** The condition as written (null when the flow has none), even if it failed to compile. */
  conditionSource: string | null;
  /** Position of this flow among the target's incoming flows (join bookkeeping). */
  targetIndex: number;
}

export interface JobDef {
  type: ValueSource;
  retries: ValueSource;
  headers: Record<string, string>;
  /** Order of hand-out (higher first): a `priority` task header or attribute; absent = 0. */
  priority?: ValueSource | null;
}

export interface UserTaskDef {
  assignee: ValueSource | null;
  candidateUsers: ValueSource | null;
  candidateGroups: ValueSource | null;
  dueDate: ValueSource | null;
  followUpDate: ValueSource | null;
  priority: ValueSource | null;
  /** zeebe:formDefinition formKey (or externalReference). */
  formKey: ValueSource | null;
  formId: ValueSource | null;
  /** The `category` header of `zeebe:taskHeaders` (static text, as Zeebe's headers are): the tasklist groups and filters by it. */
  category: string | null;
}

export type ScriptDef =
  | { language: 'javascript'; source: string; resultVariable: string | null }
  | { language: 'feel'; expr: Expr; resultVariable: string };

export interface DecisionDef {
  decisionId: ValueSource;
  resultVariable: string;
  /** `zeebe:calledDecision bindingType` (default latest) with its `versionTag`. */
  binding?: DecisionBinding;
}

export interface CallDef {
  processId: ValueSource;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
}

export interface MultiInstanceDef {
  type: 'multiInstance';
  sequential: boolean;
  inputCollection: Expr | null;
  inputElement: string | null;
  outputCollection: string | null;
  outputElement: Expr | null;
  /** The variable `outputElement` names (`result`, `result.total`), made local to each inner instance. */
  outputVariable: string | null;
  cardinality: Expr | null;
  completionCondition: Expr | null;
}

/**
 * One event definition of an event, compiled. `behaviour` is the event definition's file
 * (`behaviours/error-event.ts`...), handed in through the registry; the kernel only calls it.
 */
export interface EventDef {
  /** `error`, `terminate`, `message`, `timer`, ... (the event definition's file decides). */
  kind: string;
  /** The event definition element's id, when it has one. */
  id: string | null;
  behaviour: EventBehaviour;
  /** Error and escalation code (null catches all). */
  code?: string | null;
  /** Definition-specific compiled data (message name, timer schedule...). */
  data?: unknown;
}

/** An ad-hoc subprocess (`bpmn:adHocSubProcess`, with Zeebe's `zeebe:adHoc`). */
export interface AdHocDef {
  /** `ordering`: one inner activation at a time, or any number at once (the default). */
  sequential: boolean;
  /** Evaluated in the ad-hoc scope after each inner element completes; true completes the subprocess. */
  completionCondition: Expr | null;
  /** When the completion condition holds: terminate what still runs (default) or let it finish. */
  cancelRemainingInstances: boolean;
  /** `zeebe:adHoc activeElementsCollection`: the ids of the inner elements to activate on entry. */
  activeElements: Expr | null;
  /** `zeebe:adHoc outputCollection` and `outputElement`: collected as each inner flow ends. */
  outputCollection: string | null;
  outputElement: Expr | null;
  /** The variable `outputElement` names, made local to each activated element. */
  outputVariable: string | null;
  /** The inner elements that may be activated (no incoming flows), with Zeebe's description of each. */
  activatable: Array<{ elementId: string; elementName: string | null; documentation: string | null; properties: Record<string, string> }>;
}

export interface StandardLoopDef {
  type: 'standardLoop';
  loopCondition: Expr | null;
  loopMaximum: number | null;
  testBefore: boolean;
}

/** One executable flow node, with everything precomputed that the runtime needs. */
export interface NodeDef {
  id: string;
  kind: NodeKind;
  /** What this element does: its file in `behaviours/`, handed in through the registry. */
  behaviour: ElementType;
  /** Multi-instance or standard loop behaviour when `loop` is set. */
  loopType: LoopType | null;
  /** Event definitions (events only; empty for none events). */
  events: EventDef[];
  /** The element declares event definitions (even ones that failed to compile): it is no none event. */
  declaresEvents: boolean;
  name: string | null;
  /** Id of the enclosing subprocess, or null at process level. */
  containerId: string | null;
  incoming: FlowDef[];
  outgoing: FlowDef[];
  defaultFlow: FlowDef | null;
  inputs: Mapping[];
  outputs: Mapping[];
  /** Boundary events attached to this activity. */
  boundaries: NodeDef[];
  /** A scope (subprocess): its event subprocesses, whose start events wait while it is active. */
  eventSubprocesses: NodeDef[];
  /** An event subprocess: the ids of its start events that have an event definition. */
  eventStarts: string[];
  job: JobDef | null;
  userTask: UserTaskDef | null;
  script: ScriptDef | null;
  decision: DecisionDef | null;
  call: CallDef | null;
  loop: MultiInstanceDef | StandardLoopDef | null;
  /** Boundary events: the activity they are attached to. */
  attachedTo: string | null;
  /** Boundary events: `cancelActivity`; start events of event subprocesses: `isInterrupting`. */
  cancelActivity: boolean;
  /** An event subprocess (`triggeredByEvent`): started by its start event's trigger, not by flows. */
  triggeredByEvent: boolean;
  /** Subprocess: its none start event. */
  startNodeId: string | null;
  /** Complex gateway activation condition. */
  activationCondition: Expr | null;
  /**
   * Inclusive / complex join: for each incoming flow (by targetIndex), the ids of nodes in the same
   * container from which that flow can still be reached without passing through this gateway.
   */
  upstream: Set<string>[] | null;
  /** True when the gateway joins (more than one incoming flow). */
  joins: boolean;
  /** Activities: tokens that must arrive before the activity starts (BPMN `startQuantity`, default 1). */
  startQuantity: number;
  /** Activities: tokens sent down each outgoing flow when the activity completes (`completionQuantity`, default 1). */
  completionQuantity: number;
  /** Catch events with several definitions: every one must trigger (`parallelMultiple`), not any one. */
  parallelMultiple: boolean;
  /** Asynchronous continuations: the step stops (a commit boundary) before the element starts / after it completes. */
  asyncBefore: boolean;
  asyncAfter: boolean;
  /** Ad-hoc subprocess definition. */
  adHoc: AdHocDef | null;
  /**
   * Activities that can be compensated once completed: the handler a compensation boundary event
   * is associated with, and (subprocesses) the compensation event subprocess inside.
   */
  compensation: CompensationDef | null;
  /** `isForCompensation`: a compensation handler, entered only when compensation runs. */
  forCompensation: boolean;
}

export interface CompensationDef {
  handlerId: string | null;
  eventSubprocessId: string | null;
}

/** A process compiled once per deployment; shared by every instance of that version. */
export interface ExecutableProcess {
  id: string;
  name: string | null;
  /** Set by {@link Deployments}; 0 when not deployed. */
  version: number;
  nodes: Map<string, NodeDef>;
  flows: Map<string, FlowDef>;
  /** The process-level none start event ('' when the process only starts on events). */
  startNodeId: string;
  /** Process-level start events with a definition (message, timer, signal): the host starts instances there. */
  startEvents: NodeDef[];
  /** Event subprocesses at process level: their start events wait while the instance runs. */
  eventSubprocesses: NodeDef[];
  /** The element registry it was compiled with: element commands are looked up here. */
  registry: ElementRegistry;
  /**
   * Some catching element re-checks its wait when variables change (a conditional event): steps
   * then record variable writes. False keeps the hot path free of that bookkeeping.
   */
  watchesVariables: boolean;
  /** Some activity can be compensated: steps record compensable completions (`state.compensation`). */
  compensates: boolean;
}

/** A problem found while compiling, always naming the element. */
export interface CompileError {
  processId: string | null;
  elementId: string;
  message: string;
}
