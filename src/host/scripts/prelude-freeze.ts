/**
 * The part of the sandbox prelude that hardens the realm: it makes the properties ordinary code
 * overrides assignable on its own objects, then freezes every intrinsic transitively, the ones
 * reachable from `globalThis` and the anonymous ones only reachable through values (iterator
 * prototypes, generator and async function intrinsics, iterator helpers, %TypedArray%,
 * %ThrowTypeError%), found as SES's `getAnonymousIntrinsics` finds them.
 *
 * It is JavaScript source (a fragment of {@link SANDBOX_PRELUDE}'s function body), not host code.
 * It runs before any script, but uses no `for...of`, spread, destructuring or other iterator
 * protocol: the prelude must not depend on the protocol it is protecting.
 */
export const PRELUDE_FREEZE = String.raw`
  // Freezing a prototype breaks ordinary code through the "override mistake": with
  // Error.prototype frozen, this.name = 'MyError' in a subclass throws. As SES does, turn the
  // properties code commonly overrides into accessors whose setter defines an own property on the
  // object being assigned (the prototype itself stays read-only).
  function enableOverride(proto, name) {
    const d = getOwnPropertyDescriptor(proto, name);
    if (d === undefined || !('value' in d)) return;
    const value = d.value;
    defineProperty(proto, name, {
      get: function () { return value; },
      set: function (v) {
        if (this === proto) throw new TypeError('Cannot assign to read only property \'' + String(name) + '\' of a built-in prototype');
        defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
      },
      enumerable: d.enumerable,
      configurable: false,
    });
  }
  function enableOverrides(proto, names) {
    for (let i = 0; i < names.length; i++) enableOverride(proto, names[i]);
  }
  enableOverrides(Object.prototype, ['constructor', 'toString', 'valueOf', 'toLocaleString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);
  const errors = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError, InternalError];
  for (let i = 0; i < errors.length; i++) enableOverrides(errors[i].prototype, ['name', 'message', 'constructor', 'toString']);
  enableOverrides(Function.prototype, ['constructor', 'toString']);
  enableOverrides(Array.prototype, ['constructor', 'toString']);
  enableOverrides(getPrototypeOf(getPrototypeOf([][Symbol.iterator]())), ['constructor']);

  // Values a script can reach that are not properties of anything reachable from globalThis by
  // name. The deep freeze below walks from each of them (own properties, accessors, prototypes).
  function anonymousIntrinsics() {
    const found = [];
    function add(v) { if (v !== undefined && v !== null) found[found.length] = v; }
    function* generator() {}
    async function* asyncGenerator() {}
    async function asyncFunction() {}
    const strictArguments = (function () { return arguments; })();
    add(getOwnPropertyDescriptor(strictArguments, 'callee').get);        // %ThrowTypeError%
    add(getPrototypeOf([][Symbol.iterator]()));                           // %ArrayIteratorPrototype%
    add(getPrototypeOf(getPrototypeOf([][Symbol.iterator]())));           // %IteratorPrototype%
    add(getPrototypeOf(''[Symbol.iterator]()));                           // %StringIteratorPrototype%
    add(getPrototypeOf(new Map()[Symbol.iterator]()));                    // %MapIteratorPrototype%
    add(getPrototypeOf(new Set()[Symbol.iterator]()));                    // %SetIteratorPrototype%
    add(getPrototypeOf(RegExp.prototype[Symbol.matchAll].call(/./g, ''))); // %RegExpStringIteratorPrototype%
    add(getPrototypeOf(Int8Array));                                       // %TypedArray%
    add(getPrototypeOf(generator));                                       // %GeneratorFunction.prototype%
    add(getPrototypeOf(generator).prototype);                             // %GeneratorPrototype%
    add(getPrototypeOf(generator).constructor);                           // %GeneratorFunction%
    add(getPrototypeOf(asyncGenerator));                                  // %AsyncGeneratorFunction.prototype%
    add(getPrototypeOf(asyncGenerator).prototype);                        // %AsyncGeneratorPrototype%
    add(getPrototypeOf(getPrototypeOf(asyncGenerator).prototype));        // %AsyncIteratorPrototype%
    add(getPrototypeOf(asyncGenerator).constructor);                      // %AsyncGeneratorFunction%
    add(getPrototypeOf(asyncFunction));                                   // %AsyncFunction.prototype%
    add(getPrototypeOf(asyncFunction).constructor);                       // %AsyncFunction%
    if (typeof Iterator === 'function') {
      add(getPrototypeOf(Iterator.from([]).take(0)));                     // %IteratorHelperPrototype%
      add(getPrototypeOf(Iterator.from({ next: function () { return { done: true, value: undefined }; } }))); // %WrapForValidIteratorPrototype%
      if (typeof Iterator.concat === 'function') add(getPrototypeOf(Iterator.concat()));
    }
    return found;
  }

  function deepFreeze(root) {
    const stack = [root];
    while (stack.length > 0) {
      const value = stack.pop();
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || isFrozen(value)) continue;
      freeze(value);
      stack[stack.length] = getPrototypeOf(value);
      const keys = ownKeys(value);
      for (let i = 0; i < keys.length; i++) {
        const d = getOwnPropertyDescriptor(value, keys[i]);
        if (d === undefined) continue;
        if ('value' in d) stack[stack.length] = d.value;
        else { stack[stack.length] = d.get; stack[stack.length] = d.set; }
      }
    }
    return root;
  }

  function freezeRealm() {
    const roots = anonymousIntrinsics();
    roots[roots.length] = globalThis;
    for (let i = 0; i < roots.length; i++) deepFreeze(roots[i]);
  }
`;
