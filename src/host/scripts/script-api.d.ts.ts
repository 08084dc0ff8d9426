/**
 * The globals a Flowdeck script task sees, as a TypeScript declaration file. The script editor hands
 * it to Monaco (`monaco.languages.typescript.javascriptDefaults.addExtraLib(SCRIPT_API_DTS,
 * 'flowdeck-script-api.d.ts')`) for completion and hover docs. Keep it in step with
 * `sandbox-prelude.ts`, which implements it. Configure the editor with `lib: ['es2022']` and no DOM
 * lib: scripts have no DOM, and the DOM's own `console` would clash with this one.
 *
 * @example
 * import { SCRIPT_API_DTS } from '../host/scripts/script-api.d.ts';
 * monaco.languages.typescript.javascriptDefaults.addExtraLib(SCRIPT_API_DTS, 'flowdeck-script-api.d.ts');
 */
export const SCRIPT_API_DTS = `/**
 * Flowdeck script task API. The script body runs as the body of a function: \`return\` a value to
 * make it the task's result (stored in the result variable, if the task declares one).
 * Scripts run synchronously in a sandbox with a time and memory limit; there is no fetch, require,
 * process, timers or DOM. The returned value follows the same rules as setVariable values.
 */

/** A JSON value: what variables hold. */
type FlowdeckJson = null | boolean | number | string | FlowdeckJson[] | { [key: string]: FlowdeckJson };

/** A read-only (frozen) copy of the variables visible to this task. */
declare const variables: { readonly [name: string]: FlowdeckJson };

/** The running task. Valid only while this script runs: kept for later, it refuses every call. */
declare const execution: {
  /** Id of the BPMN element running this script, e.g. "CalculateTotal". */
  readonly elementId: string;
  /** Id of the process instance. */
  readonly processInstanceId: string;
  /** The variable's value (including values set earlier in this script), or null when it is not set. */
  getVariable(name: string): FlowdeckJson;
  /**
   * Sets a process variable when the task completes. The value must be JSON-serialisable
   * (Dates become ISO strings, undefined becomes null); functions are rejected, and so are values
   * nested deeper than 256 levels or larger than 1 MiB of JSON.
   */
  setVariable(name: string, value: unknown): void;
};

/** Messages go to the engine log, tagged with the element id (the first 100 lines of each run). */
declare const console: {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};

/**
 * A BPMN error: \`throw new BpmnError('CARD_DECLINED', 'card declined', { reason: 'limit' })\`
 * ends the script and throws that error from its task, to be caught by an error boundary event or
 * an error event subprocess with that code (or none); nothing catches it: an incident. The
 * variables (JSON, same limits as setVariable) go to the catching event; setVariable calls of the
 * script are dropped. Only errors made with this constructor (or a subclass) count.
 */
declare class BpmnError extends Error {
  constructor(code: string, message?: string, variables?: { [name: string]: unknown });
  readonly code: string;
  readonly name: 'BpmnError';
}

/**
 * Time is the engine clock: \`Date.now()\` and \`new Date()\` return the moment the task runs
 * (virtual time in simulations). \`Math.random()\` is seeded per task run, so replays are identical.
 */
declare var Date: DateConstructor;
declare var Math: Math;
`;
