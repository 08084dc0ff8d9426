/**
 * The part of the sandbox prelude that turns script values into JSON text for the host: results,
 * `setVariable` values, console arguments and thrown errors. JavaScript source (a fragment of
 * {@link SANDBOX_PRELUDE}'s function body, which defines the constants it uses).
 *
 * `JSON.stringify` recurses in C for every nesting level, inside the wasm, on the host's own stack:
 * a value 20,000 levels deep overflows the host stack and leaves the QuickJS runtime unusable.
 * So the replacer below counts the depth as stringify descends and stops at `MAX_DEPTH` before the
 * recursion gets deep; getters, `toJSON`, proxies and `Symbol.toPrimitive` of script values run
 * inside the script's run, under its time limit.
 */
export const PRELUDE_VALUES = String.raw`
  // Errors of the sandbox's own limits: reported without a script line (they point at the prelude).
  const limitErrors = new WeakSet();
  function limitError(message) {
    const error = new RangeError(message);
    limitErrors.add(error);
    return error;
  }

  function encode(value, what, notJsonName) {
    if (value === undefined) return 'null';
    // A primitive has no depth and no toJSON of its own (the prototypes are frozen): no replacer,
    // which is a closure and a call per value in QuickJS.
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      const plain = jsonStringify(value);
      if (plain === undefined) throw new TypeError(notJsonName + ' is not a JSON value');
      if (plain.length > MAX_VALUE_CHARS) throw limitError(what + ' is larger than ' + MAX_VALUE_CHARS + ' characters of JSON');
      return plain;
    }
    let depths = null;
    const text = jsonStringify(value, function (key, v) {
      if (v !== null && typeof v === 'object') {
        if (depths === null) depths = new Map();
        const parent = depths.get(this);
        const depth = (parent === undefined ? 0 : parent) + 1;
        if (depth > MAX_DEPTH) throw limitError(what + ' is nested deeper than ' + MAX_DEPTH + ' levels');
        depths.set(v, depth);
      }
      return v;
    });
    if (text === undefined) throw new TypeError(notJsonName + ' is not a JSON value');
    if (text.length > MAX_VALUE_CHARS) throw limitError(what + ' is larger than ' + MAX_VALUE_CHARS + ' characters of JSON');
    return text;
  }

  function finish(hasResult, resultText, changes) {
    let total = resultText.length;
    let set = '';
    changes.forEach(function (entry, name) {
      total += entry[0].length + name.length;
      set += (set === '' ? '' : ',') + jsonStringify(name) + ':' + entry[0];
    });
    if (total > MAX_OUTPUT_CHARS) {
      throw limitError('script output (result and variables) is larger than ' + MAX_OUTPUT_CHARS + ' characters of JSON');
    }
    return '{"ok":true,"hasResult":' + (hasResult ? 'true' : 'false') + ',"result":' + resultText + ',"setVariables":{' + set + '}}';
  }

  function format(args) {
    let out = '';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      let s;
      if (typeof a === 'string') s = a;
      else {
        try { s = encode(a, 'console argument', 'console argument'); } catch (_) { s = undefined; }
        if (s === undefined || s === 'null' && a !== null) { try { s = String(a); } catch (_) { s = '[unprintable]'; } }
      }
      out += (i === 0 ? '' : ' ') + s;
    }
    return out;
  }

  // An error message becomes an incident text: a script must not make it megabytes long.
  function clip(text, max) {
    return text.length > max ? text.slice(0, max) + '...' : text;
  }

  function describe(error) {
    try {
      if (error !== null && typeof error === 'object') {
        return {
          name: clip(String(error.name), 100),
          message: clip(String(error.message), 2000),
          line: typeof error.lineNumber === 'number' ? error.lineNumber : null,
          column: typeof error.columnNumber === 'number' ? error.columnNumber : null,
          stack: typeof error.stack === 'string' ? clip(error.stack, 4000) : '',
          limit: limitErrors.has(error),
        };
      }
      return { name: 'Error', message: clip('uncaught ' + format([error]), 2000), line: null, column: null, stack: '', limit: false };
    } catch (_) {
      return { name: 'Error', message: 'uncaught exception whose description failed', line: null, column: null, stack: '', limit: false };
    }
  }
`;
