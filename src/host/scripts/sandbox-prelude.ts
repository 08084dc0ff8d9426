import { PRELUDE_FREEZE } from './prelude-freeze';
import { PRELUDE_BPMN_ERROR } from './prelude-bpmn-error';
import { PRELUDE_VALUES } from './prelude-values';

/**
 * JavaScript evaluated once inside each fresh QuickJS context (never in the host realm, so the app's
 * CSP does not apply to it). It evaluates to a factory `(hostLog, limits) => run` where `limits` is
 * `[maxDepth, maxValueChars, maxOutputChars, maxLogLines]` and `run(source, envelopeJson) -> outcomeJson`; the
 * envelope is `[elementId, processInstanceId, now, randomSeed, variables]` as JSON.
 *
 * Why it looks like this:
 * - One context serves every instance on the host (a context per run is ~10x slower), so the whole
 *   realm, every intrinsic named or anonymous, is frozen before the first script (see
 *   prelude-freeze.ts): a script cannot leave globals, patched prototypes or a swapped
 *   `Math.random` behind for a script of another instance.
 * - Each run gets its own `execution` and `console`, which refuse calls once that run is over: a
 *   function a script stashed somewhere that outlives it cannot write into a later run.
 * - `eval` is replaced because indirect eval of `let x` creates a global lexical binding that would
 *   survive into the next script even with a frozen global object. `WeakRef`,
 *   `FinalizationRegistry` (callbacks at GC time, inside someone else's run) and
 *   `SharedArrayBuffer` are removed.
 * - Scripts are compiled with the sandbox's own `Function` constructor (not by pasting the source
 *   into a wrapper) so that a source such as `}); (function(){` cannot escape its function body.
 * - Values cross the boundary as one JSON string each way, checked for depth and size on the way
 *   out (prelude-values.ts): deep values would overflow the host's stack inside the wasm.
 * - No `for...of`, spread, destructuring or other iterator protocol in the prelude.
 */
export const SANDBOX_PRELUDE = String.raw`
(function (hostLog, limits) {
  'use strict';
  const RealDate = Date;
  const RealFunction = Function;
  const jsonParse = JSON.parse;
  const jsonStringify = JSON.stringify;
  const freeze = Object.freeze;
  const isFrozen = Object.isFrozen;
  const defineProperty = Object.defineProperty;
  const getPrototypeOf = Object.getPrototypeOf;
  const ownKeys = Reflect.ownKeys;
  const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
  const construct = Reflect.construct;
  const apply = Reflect.apply;
  const hasOwn = Object.prototype.hasOwnProperty;
  const fnToString = Function.prototype.toString;
  const MAX_DEPTH = limits[0];
  const MAX_VALUE_CHARS = limits[1];
  const MAX_OUTPUT_CHARS = limits[2];
  // The host keeps this many console lines per run (and notes the rest): no need to send more.
  const MAX_LOG_CALLS = limits[3] + 1;

  let now = 0;
  let rngA = 0, rngB = 0, rngC = 0, rngD = 0;
  // The run whose execution and console may be used; 0 between runs.
  let activeRun = 0;
  let runCounter = 0;

  function FlowdeckDate() {
    if (new.target === undefined) return new RealDate(now).toString();
    return construct(RealDate, arguments.length === 0 ? [now] : arguments, new.target);
  }
  FlowdeckDate.prototype = RealDate.prototype;
  FlowdeckDate.now = function now_() { return now; };
  FlowdeckDate.UTC = RealDate.UTC;
  FlowdeckDate.parse = RealDate.parse;
  defineProperty(RealDate.prototype, 'constructor', { value: FlowdeckDate, writable: true, configurable: true });
  globalThis.Date = FlowdeckDate;

  // splitmix32 spreads the seed, sfc32 produces the stream: small, fast, and well distributed.
  // No inner closure: creating one per run is measurable in QuickJS.
  function splitmix(s) {
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }
  function seedRandom(seed) {
    let s = (seed >>> 0) ^ ((seed / 4294967296) >>> 0);
    s = (s + 0x9e3779b9) | 0; rngA = splitmix(s);
    s = (s + 0x9e3779b9) | 0; rngB = splitmix(s);
    s = (s + 0x9e3779b9) | 0; rngC = splitmix(s);
    s = (s + 0x9e3779b9) | 0; rngD = splitmix(s);
  }
  Math.random = function random() {
    const t = (((rngA + rngB) | 0) + rngD) | 0;
    rngD = (rngD + 1) | 0;
    rngA = rngB ^ (rngB >>> 9);
    rngB = (rngC + (rngC << 3)) | 0;
    rngC = (rngC << 21) | (rngC >>> 11);
    rngC = (rngC + t) | 0;
    return (t >>> 0) / 4294967296;
  };

  globalThis.eval = function eval_() { throw new TypeError('eval is not available in scripts'); };
  delete globalThis.WeakRef;
  delete globalThis.FinalizationRegistry;
  delete globalThis.SharedArrayBuffer;
${PRELUDE_FREEZE}
${PRELUDE_VALUES}
${PRELUDE_BPMN_ERROR}

  // Each run gets its own execution and console objects (a stashed one must not work in a later
  // run), but creating closures in QuickJS is slow (~10 µs for both objects per run): so the
  // objects are plain and empty, inheriting getters from frozen prototypes, their state lives in
  // this WeakMap, and a method's function is made the first time a run reads it.
  const runStates = new WeakMap();
  function stateOf(object) {
    const state = runStates.get(object);
    if (state === undefined) throw new TypeError('not a Flowdeck execution or console object');
    return state;
  }
  function stale(what) {
    return new Error(what + ' was called after its script run ended (execution and console are valid only during the run that received them)');
  }
  function getVariableOf(state) {
    return function getVariable(name) {
      if (state.run !== activeRun) throw stale('execution.getVariable()');
      const changed = state.changes.get(name);
      if (changed !== undefined) return changed[1];
      return hasOwn.call(state.variables, name) ? state.variables[name] : null;
    };
  }
  function setVariableOf(state) {
    return function setVariable(name, value) {
      if (state.run !== activeRun) throw stale('execution.setVariable()');
      if (typeof name !== 'string' || name === '') throw new TypeError('setVariable: the name must be a non-empty string');
      const text = encode(value, 'variable "' + name + '"', 'the value of variable "' + name + '"');
      state.changes.set(name, freeze([text, deepFreeze(jsonParse(text))]));
    };
  }
  function emitterOf(state, level) {
    return function () {
      if (state.run !== activeRun) throw stale('console.' + level + '()');
      if (++state.logCalls <= MAX_LOG_CALLS) hostLog(level, format(arguments));
    };
  }
  const executionProto = freeze(Object.create(Object.prototype, {
    elementId: { get: function () { return stateOf(this).elementId; }, enumerable: true },
    processInstanceId: { get: function () { return stateOf(this).processInstanceId; }, enumerable: true },
    getVariable: { get: function () { const s = stateOf(this); return s.getVariable || (s.getVariable = getVariableOf(s)); } },
    setVariable: { get: function () { const s = stateOf(this); return s.setVariable || (s.setVariable = setVariableOf(s)); } },
  }));
  function consoleMethod(level) {
    return { get: function () { const s = stateOf(this); return s[level] || (s[level] = emitterOf(s, level)); } };
  }
  const consoleProto = freeze(Object.create(Object.prototype, {
    log: consoleMethod('log'), info: consoleMethod('info'), debug: consoleMethod('debug'), warn: consoleMethod('warn'), error: consoleMethod('error'),
  }));

  const FUNCTION_HEAD = "function anonymous(variables,execution,console\n) {\n'use strict';\n";
  const compiled = new Map();
  function compile(source) {
    let fn = compiled.get(source);
    if (fn === undefined) {
      fn = RealFunction('variables', 'execution', 'console', "'use strict';\n" + source);
      // QuickJS builds the function by pasting the body into source text; a body such as
      // '}); (function(){' would close it early. The genuine function's text is exactly this.
      if (apply(fnToString, fn, []) !== FUNCTION_HEAD + source + '\n}') {
        throw new SyntaxError('the script closes its own function body');
      }
      deepFreeze(fn);
      if (compiled.size >= 256) compiled.clear();
      compiled.set(source, fn);
    }
    return fn;
  }

  function run(source, envelopeJson) {
    const id = ++runCounter;
    const changes = new Map();
    try {
      const envelope = jsonParse(envelopeJson);
      now = envelope[2];
      seedRandom(envelope[3]);
      const variables = deepFreeze(envelope[4]);
      const fn = compile(source);
      const state = { run: id, elementId: envelope[0], processInstanceId: envelope[1], variables: variables, changes: changes, logCalls: 0,
        getVariable: null, setVariable: null, log: null, info: null, debug: null, warn: null, error: null };
      const execution = { __proto__: executionProto };
      const scriptConsole = { __proto__: consoleProto };
      runStates.set(execution, state);
      runStates.set(scriptConsole, state);
      activeRun = id;
      // A direct call: fn is the sandbox's own frozen function, and no argument array is made.
      const result = fn(variables, execution, scriptConsole);
      if (result !== null && (typeof result === 'object' || typeof result === 'function') && typeof result.then === 'function') {
        throw new TypeError('scripts run synchronously: return a value, not a Promise');
      }
      const resultText = encode(result, 'script result', 'the returned value');
      activeRun = 0;
      return finish(result !== undefined, resultText, changes);
    } catch (error) {
      const thrown = error !== null && typeof error === 'object' ? bpmnErrors.get(error) : undefined;
      if (thrown !== undefined) return bpmnOutcome(thrown);
      return jsonStringify({ ok: false, error: describe(error) });
    } finally {
      activeRun = 0;
    }
  }

  freezeRealm();
  return run;
})
`;
