/**
 * The part of the sandbox prelude that gives scripts `BpmnError`: `throw new BpmnError('CODE',
 * 'message', { variables })` ends the script with a BPMN error for the engine to throw from the
 * script task. JavaScript source (a fragment of {@link SANDBOX_PRELUDE}'s function body, after
 * prelude-values.ts, whose `encode`, `clip` and `describe` it uses).
 *
 * Only objects this constructor made count (a WeakMap holds what each carries, so a plain object
 * with a `code`, or a forged prototype, is an ordinary uncaught value). Code and message are taken
 * as strings when the error is made; the variables are encoded with the same depth and size limits
 * as `setVariable` values when the run ends, inside the run, so their getters spend its time. The
 * class is frozen with the rest of the realm before the first script.
 */
export const PRELUDE_BPMN_ERROR = String.raw`
  const bpmnErrors = new WeakMap();
  const isArray = Array.isArray;
  class BpmnError extends Error {
    constructor(code, message, variables) {
      if (typeof code !== 'string' || code === '') throw new TypeError('BpmnError: the error code must be a non-empty string');
      if (variables !== undefined && variables !== null && (typeof variables !== 'object' || isArray(variables))) {
        throw new TypeError('BpmnError: variables must be an object of variable names to values');
      }
      const text = message === undefined || message === null ? code : String(message);
      super(text);
      bpmnErrors.set(this, [clip(code, 200), clip(text, 2000), variables === undefined ? null : variables]);
    }
    get code() {
      const carried = bpmnErrors.get(this);
      return carried === undefined ? undefined : carried[0];
    }
  }
  defineProperty(BpmnError.prototype, 'name', { value: 'BpmnError', writable: true, configurable: true });
  globalThis.BpmnError = BpmnError;

  function bpmnOutcome(carried) {
    try {
      const variables = carried[2] === null ? '{}' : encode(carried[2], 'the BpmnError variables', 'the BpmnError variables');
      return '{"ok":false,"bpmnError":{"code":' + jsonStringify(carried[0]) + ',"message":' + jsonStringify(carried[1]) + ',"variables":' + variables + '}}';
    } catch (error) {
      return jsonStringify({ ok: false, error: describe(error) });
    }
  }
`;
