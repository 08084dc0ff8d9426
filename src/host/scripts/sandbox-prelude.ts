/**
 * JavaScript evaluated once inside each fresh QuickJS context (never in the host realm, so the app's
 * CSP does not apply to it). It evaluates to a factory that receives the host's log function and
 * returns `run(source, envelopeJson) -> resultJson`, where the envelope is
 * `[elementId, processInstanceId, now, randomSeed, variables]` as JSON.
 *
 * Why it looks like this:
 * - One context is reused for speed, so the whole realm is frozen after setup: a script cannot leave
 *   globals, patched prototypes or a swapped `Math.random` behind for the next script. The only
 *   mutable state is in this closure and is reset by every `run`.
 * - `eval` is replaced because indirect eval of `let x` creates a global lexical binding that would
 *   survive into the next script even with a frozen global object.
 * - Scripts are compiled with the sandbox's own `Function` constructor (not by pasting the source
 *   into a wrapper) so that a source such as `}); (function(){` cannot escape its function body.
 * - Values cross the boundary as one JSON string each way: far cheaper than marshalling handles.
 */
export const SANDBOX_PRELUDE = String.raw`
(function (hostLog) {
  'use strict';
  const RealDate = Date;
  const RealFunction = Function;
  const jsonParse = JSON.parse;
  const jsonStringify = JSON.stringify;
  const freeze = Object.freeze;
  const isFrozen = Object.isFrozen;
  const getPrototypeOf = Object.getPrototypeOf;
  const ownKeys = Reflect.ownKeys;
  const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
  const construct = Reflect.construct;
  const hasOwn = Object.prototype.hasOwnProperty;
  const apply = Reflect.apply;
  const isArray = Array.isArray;

  let now = 0;
  let elementId = '';
  let processInstanceId = '';
  let variables = null;
  let changes = null;
  let rngA = 0, rngB = 0, rngC = 0, rngD = 0;

  function FlowdeckDate(...args) {
    if (new.target === undefined) return new RealDate(now).toString();
    return construct(RealDate, args.length === 0 ? [now] : args, new.target);
  }
  FlowdeckDate.prototype = RealDate.prototype;
  FlowdeckDate.now = function now_() { return now; };
  FlowdeckDate.UTC = RealDate.UTC;
  FlowdeckDate.parse = RealDate.parse;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: FlowdeckDate, writable: true, configurable: true });
  globalThis.Date = FlowdeckDate;

  // splitmix32 spreads the seed, sfc32 produces the stream: small, fast, and well distributed.
  function seedRandom(seed) {
    let s = (seed >>> 0) ^ ((seed / 4294967296) >>> 0);
    function splitmix() {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    }
    rngA = splitmix(); rngB = splitmix(); rngC = splitmix(); rngD = splitmix();
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

  // Freezing a prototype breaks ordinary code through the "override mistake": with
  // Error.prototype frozen, \`this.name = 'MyError'\` in a subclass throws. As SES does, turn the
  // properties code commonly overrides into accessors whose setter defines an own property on the
  // object being assigned (the prototype itself stays read-only).
  function enableOverride(proto, name) {
    const d = getOwnPropertyDescriptor(proto, name);
    if (d === undefined || !('value' in d)) return;
    const value = d.value;
    Object.defineProperty(proto, name, {
      get() { return value; },
      set(v) {
        if (this === proto) throw new TypeError('Cannot assign to read only property \'' + String(name) + '\' of a built-in prototype');
        Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
      },
      enumerable: d.enumerable,
      configurable: false,
    });
  }
  for (const name of ['constructor', 'toString', 'valueOf', 'toLocaleString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toJSON']) enableOverride(Object.prototype, name);
  for (const E of [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError]) {
    for (const name of ['name', 'message', 'constructor', 'toString']) enableOverride(E.prototype, name);
  }
  for (const name of ['constructor', 'toString']) {
    enableOverride(Function.prototype, name);
    enableOverride(Array.prototype, name);
  }

  function deepFreeze(root) {
    const stack = [root];
    while (stack.length > 0) {
      const value = stack.pop();
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || isFrozen(value)) continue;
      freeze(value);
      stack.push(getPrototypeOf(value));
      for (const key of ownKeys(value)) {
        const d = getOwnPropertyDescriptor(value, key);
        if (d === undefined) continue;
        if ('value' in d) stack.push(d.value);
        else { stack.push(d.get); stack.push(d.set); }
      }
    }
    return root;
  }

  function toJsonValue(value, what) {
    if (value === undefined) return null;
    const text = jsonStringify(value);
    if (text === undefined) throw new TypeError(what + ' is not a JSON value');
    return jsonParse(text);
  }

  function format(args) {
    let out = '';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      let s;
      if (typeof a === 'string') s = a;
      else { try { s = jsonStringify(a); } catch (_) { s = undefined; } if (s === undefined) s = String(a); }
      out += (i === 0 ? '' : ' ') + s;
    }
    return out;
  }

  const execution = {
    get elementId() { return elementId; },
    get processInstanceId() { return processInstanceId; },
    getVariable(name) {
      if (changes !== null && hasOwn.call(changes, name)) return changes[name];
      return variables !== null && hasOwn.call(variables, name) ? variables[name] : null;
    },
    setVariable(name, value) {
      if (typeof name !== 'string' || name === '') throw new TypeError('setVariable: the name must be a non-empty string');
      changes[name] = deepFreeze(toJsonValue(value, 'the value of variable "' + name + '"'));
    },
  };
  const scriptConsole = {
    log(...args) { hostLog('log', format(args)); },
    info(...args) { hostLog('info', format(args)); },
    debug(...args) { hostLog('debug', format(args)); },
    warn(...args) { hostLog('warn', format(args)); },
    error(...args) { hostLog('error', format(args)); },
  };

  const fnToString = Function.prototype.toString;
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

  function describe(error) {
    if (error !== null && typeof error === 'object') {
      return {
        name: String(error.name),
        message: String(error.message),
        line: typeof error.lineNumber === 'number' ? error.lineNumber : null,
        column: typeof error.columnNumber === 'number' ? error.columnNumber : null,
        stack: typeof error.stack === 'string' ? error.stack : '',
      };
    }
    return { name: 'Error', message: 'uncaught ' + format([error]), line: null, column: null, stack: '' };
  }

  function run(source, envelopeJson) {
    changes = {};
    try {
      const envelope = jsonParse(envelopeJson);
      elementId = envelope[0];
      processInstanceId = envelope[1];
      now = envelope[2];
      seedRandom(envelope[3]);
      variables = deepFreeze(envelope[4]);
      const result = apply(compile(source), undefined, [variables, execution, scriptConsole]);
      if (result !== null && (typeof result === 'object' || typeof result === 'function') && typeof result.then === 'function') {
        throw new TypeError('scripts run synchronously: return a value, not a Promise');
      }
      const out = { ok: true, result: toJsonValue(result, 'the returned value'), hasResult: result !== undefined, setVariables: changes };
      return jsonStringify(out);
    } catch (error) {
      return jsonStringify({ ok: false, error: describe(error) });
    } finally {
      variables = null;
      changes = null;
    }
  }

  deepFreeze(globalThis);
  deepFreeze(execution);
  deepFreeze(scriptConsole);
  return run;
})
`;
