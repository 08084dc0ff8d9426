/**
 * The engine's only windows onto the world. Everything nondeterministic (time, ids, randomness) or
 * foreign (expressions, scripts, decisions, logging) arrives through these interfaces, so a step is a
 * pure function of (definition, state, command, ports) and replays identically.
 */

/** Wall clock in epoch milliseconds; a virtual clock in simulation and tests. */
export interface Clock {
  now(): number;
}

/** Produces unique ids (`instance`, `deployment`...); deterministic in tests. Not used inside a step. */
export interface IdGenerator {
  next(kind: string): string;
}

/** Uniform numbers in [0, 1); seeded in tests and simulation. The host draws instance seeds from it. */
export interface Random {
  next(): number;
}

/** Thrown by {@link ExpressionLanguage.compile} when the source does not parse. */
export class ExpressionSyntaxError extends Error {
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.name = 'ExpressionSyntaxError';
    this.line = line;
    this.column = column;
  }
}

/**
 * The expression language the host plugs in (FEEL). Compiled once per deployment.
 *
 * @example
 * const cond = expressions.compile('amount > 100', 'expression');
 * cond.evaluate({ amount: 150 }, clock.now()).value; // true
 */
export interface ExpressionLanguage {
  /** @throws ExpressionSyntaxError (or any Error with a message) when `source` does not parse. */
  compile(source: string, kind: 'expression' | 'unaryTests'): CompiledExpression;
}

/** A compiled expression. Variables and values are plain JSON values. May throw on a fatal evaluation error. */
export interface CompiledExpression {
  evaluate(variables: Readonly<Record<string, unknown>>, now: number): { value: unknown; warnings: string[] };
}

/** Runs one script synchronously in a sandbox (QuickJS in the host). */
export interface ScriptRunner {
  run(request: ScriptRequest): ScriptResult;
}

export interface ScriptRequest {
  elementId: string;
  processInstanceId: string;
  language: 'javascript';
  source: string;
  variables: Readonly<Record<string, unknown>>;
  now: number;
  randomSeed: number;
  timeoutMs: number;
  memoryLimitBytes: number;
}

export type ScriptResult =
  | { ok: true; result: unknown; setVariables: Record<string, unknown> }
  | { ok: false; error: string }
  /**
   * The script threw a BPMN error (`throw new BpmnError('CODE', 'message', { vars })`): the
   * script task throws it (caught by an error boundary or event subprocess, else an incident).
   * `error` is a readable summary for logs.
   */
  | { ok: false; bpmnError: ScriptBpmnError; error?: string };

export interface ScriptBpmnError {
  code: string;
  message: string;
  variables?: Record<string, unknown>;
}

/**
 * Which deployed version a business rule task calls (`zeebe:calledDecision bindingType`): the
 * latest, the one deployed with the process, or the latest carrying a version tag.
 */
export type DecisionBinding =
  | { type: 'latest' }
  /** `process`: the calling instance's process and version, filled in when the task evaluates. */
  | { type: 'deployment'; process?: { id: string; version: number } }
  | { type: 'versionTag'; versionTag: string };

/** Evaluates a deployed DMN decision by id. */
export interface DecisionEvaluator {
  evaluate(
    decisionId: string,
    variables: Readonly<Record<string, unknown>>,
    now: number,
    /** Absent means the latest version. */
    binding?: DecisionBinding,
  ): { ok: true; result: unknown; audit?: DecisionAuditTrail } | { ok: false; error: string };
}

/**
 * What an evaluation saw and did, as plain JSON: the version evaluated and, for each decision of
 * the requirement graph, its inputs, the rules that matched per decision table and its output.
 * The business rule task records it (capped) as a `decisionEvaluated` history event.
 */
export interface DecisionAuditTrail {
  version?: number;
  decisions: ReadonlyArray<{
    decisionId: string;
    decisionName?: string;
    inputs: Readonly<Record<string, unknown>>;
    tables: ReadonlyArray<{ tableId?: string; hitPolicy: string; matched: ReadonlyArray<{ index: number; id?: string }>; chosen: readonly number[]; usedDefaults?: boolean }>;
    output: unknown;
  }>;
  warnings: readonly string[];
}

export interface Logger {
  debug(msg: string, data?: unknown): void;
  warn(msg: string, data?: unknown): void;
}

/** Limits handed to the ScriptRunner with every request. */
export interface ScriptLimits {
  timeoutMs: number;
  memoryLimitBytes: number;
}

/**
 * Bounds on the work one instance may do, so that a model cannot hang or exhaust its host.
 * Each exhaustion is an incident on the element where it happened.
 */
export interface EngineLimits {
  /** Element executions (elements that complete) in one step without reaching a wait state. Default 50,000. */
  stepBudget?: number;
  /** Live element instances (tokens, scopes, waiting tasks) one instance may hold. Default 500,000. */
  maxElementInstances?: number;
  /** Call activities nested in one another (a process calling itself, two calling each other). Default 100. */
  maxCallDepth?: number;
}

/**
 * Everything a step needs besides the definition, the state and the command.
 * `scripts` and `decisions` are optional: a script or business rule task without them raises an incident.
 * Ids of jobs, tasks, incidents and child instances, and script seeds, come from the instance's own
 * state (`counters`, `rng`), never from here, so interleaving instances cannot change one's history.
 *
 * @example
 * const ctx: EngineContext = { clock: { now: () => Date.now() }, ids: createSequentialIds() };
 */
export interface EngineContext {
  /** Read once per step when the caller passes no `now`. */
  clock: Clock;
  /** Only for `start` without an `instanceId` (hosts pass one). */
  ids?: IdGenerator;
  scripts?: ScriptRunner;
  decisions?: DecisionEvaluator;
  logger?: Logger;
  /** Defaults: 1000 ms, 32 MiB. */
  scriptLimits?: ScriptLimits;
  limits?: EngineLimits;
}
