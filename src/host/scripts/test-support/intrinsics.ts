/**
 * The intrinsics a script can reach, named as the spec (and SES's `getAnonymousIntrinsics`) names
 * them, each with the expression that reaches it from inside a script and the keys an attacker
 * would patch. Shared by the per-intrinsic spec and the hostile corpus.
 */
export interface IntrinsicCase {
  name: string;
  /** A script expression that evaluates to the intrinsic. */
  reach: string;
  /** Property keys to patch, as script expressions (`'next'`, `Symbol.iterator`). */
  keys: string[];
}

const ITER = "'next', 'return', 'throw', 'constructor', Symbol.iterator, Symbol.toStringTag";

export const INTRINSICS: IntrinsicCase[] = [
  { name: '%ArrayIteratorPrototype%', reach: 'Object.getPrototypeOf([][Symbol.iterator]())', keys: [ITER] },
  { name: '%StringIteratorPrototype%', reach: "Object.getPrototypeOf(''[Symbol.iterator]())", keys: [ITER] },
  { name: '%MapIteratorPrototype%', reach: 'Object.getPrototypeOf(new Map()[Symbol.iterator]())', keys: [ITER] },
  { name: '%SetIteratorPrototype%', reach: 'Object.getPrototypeOf(new Set()[Symbol.iterator]())', keys: [ITER] },
  { name: '%RegExpStringIteratorPrototype%', reach: "Object.getPrototypeOf('a'.matchAll(/a/g))", keys: [ITER] },
  { name: '%IteratorPrototype%', reach: 'Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))', keys: [`${ITER}, 'map', 'filter', 'take', 'toArray', 'forEach', 'reduce'`] },
  { name: '%AsyncIteratorPrototype%', reach: 'Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype))', keys: ['Symbol.asyncIterator', "'next'"] },
  { name: '%GeneratorFunction%', reach: '(function* () {}).constructor', keys: ["'prototype'", "'name'", "'length'"] },
  { name: '%GeneratorFunction.prototype%', reach: 'Object.getPrototypeOf(function* () {})', keys: ["'constructor'", "'prototype'", 'Symbol.toStringTag'] },
  { name: '%GeneratorPrototype%', reach: 'Object.getPrototypeOf(function* () {}).prototype', keys: [ITER] },
  { name: '%AsyncFunction%', reach: '(async function () {}).constructor', keys: ["'prototype'", "'name'"] },
  { name: '%AsyncFunction.prototype%', reach: 'Object.getPrototypeOf(async function () {})', keys: ["'constructor'", 'Symbol.toStringTag'] },
  { name: '%AsyncGeneratorFunction%', reach: '(async function* () {}).constructor', keys: ["'prototype'", "'name'"] },
  { name: '%AsyncGeneratorFunction.prototype%', reach: 'Object.getPrototypeOf(async function* () {})', keys: ["'constructor'", "'prototype'"] },
  { name: '%AsyncGeneratorPrototype%', reach: 'Object.getPrototypeOf(async function* () {}).prototype', keys: [ITER] },
  { name: '%IteratorHelperPrototype%', reach: 'Object.getPrototypeOf(Iterator.from([]).take(0))', keys: [ITER] },
  { name: '%WrapForValidIteratorPrototype%', reach: 'Object.getPrototypeOf(Iterator.from({ next() { return { done: true }; } }))', keys: [ITER] },
  { name: '%IteratorConcatPrototype%', reach: 'Object.getPrototypeOf(Iterator.concat())', keys: [ITER] },
  { name: '%Iterator%', reach: 'Iterator', keys: ["'from'", "'concat'", "'prototype'"] },
  { name: '%TypedArray%', reach: 'Object.getPrototypeOf(Int8Array)', keys: ["'from'", "'of'", "'prototype'", 'Symbol.species'] },
  { name: '%TypedArray.prototype%', reach: 'Object.getPrototypeOf(Int8Array.prototype)', keys: ["'map'", "'set'", "'subarray'", 'Symbol.iterator', "'values'"] },
  { name: '%ThrowTypeError%', reach: "(function () { 'use strict'; return Object.getOwnPropertyDescriptor(arguments, 'callee').get; })()", keys: ["'call'", "'apply'", "'name'"] },
  { name: '%Promise%', reach: 'Promise', keys: ["'resolve'", "'all'", "'withResolvers'", 'Symbol.species'] },
  { name: '%Promise.prototype%', reach: 'Promise.prototype', keys: ["'then'", "'catch'", "'finally'", "'constructor'"] },
  // Flowdeck's own: the BPMN error scripts throw (prelude-bpmn-error.ts).
  { name: 'BpmnError', reach: 'BpmnError', keys: ["'prototype'", "'name'", 'Symbol.hasInstance'] },
  { name: 'BpmnError.prototype', reach: 'BpmnError.prototype', keys: ["'code'", "'name'", "'constructor'", "'message'"] },
  { name: '%Array.prototype%', reach: 'Array.prototype', keys: ["'map'", "'forEach'", "'push'", "'join'", 'Symbol.iterator', "'values'", "'constructor'", "'toString'"] },
  { name: '%Array.prototype[@@unscopables]%', reach: 'Array.prototype[Symbol.unscopables]', keys: ["'flat'", "'at'"] },
  { name: '%Object.prototype%', reach: 'Object.prototype', keys: ["'toString'", "'hasOwnProperty'", "'__proto__'", "'toJSON'", "'then'"] },
  { name: '%Function.prototype%', reach: 'Function.prototype', keys: ["'call'", "'apply'", "'bind'", "'toString'", 'Symbol.hasInstance'] },
  { name: '%String.prototype%', reach: 'String.prototype', keys: ["'indexOf'", "'replace'", "'split'", 'Symbol.iterator', "'toString'"] },
  { name: '%RegExp.prototype%', reach: 'RegExp.prototype', keys: ["'exec'", "'test'", 'Symbol.replace', 'Symbol.matchAll', "'flags'"] },
  { name: '%Map.prototype%', reach: 'Map.prototype', keys: ["'get'", "'set'", "'entries'", 'Symbol.iterator'] },
  { name: '%Set.prototype%', reach: 'Set.prototype', keys: ["'add'", "'has'", "'values'", 'Symbol.iterator'] },
  { name: '%Error.prototype%', reach: 'Error.prototype', keys: ["'toString'", "'name'", "'message'"] },
  { name: '%JSON%', reach: 'JSON', keys: ["'parse'", "'stringify'"] },
  { name: '%Math%', reach: 'Math', keys: ["'random'", "'max'"] },
  { name: '%Reflect%', reach: 'Reflect', keys: ["'apply'", "'ownKeys'"] },
  { name: '%Symbol%', reach: 'Symbol', keys: ["'iterator'", "'for'", "'asyncIterator'"] },
  { name: '%Date%', reach: 'Date', keys: ["'now'", "'prototype'"] },
  { name: '%Date.prototype%', reach: 'Date.prototype', keys: ["'getTime'", "'toISOString'", "'toJSON'"] },
  { name: '%Function%', reach: 'Function', keys: ["'prototype'"] },
  { name: '%globalThis%', reach: 'globalThis', keys: ["'Array'", "'Object'", "'JSON'", "'Promise'", "'Iterator'"] },
];

/**
 * A script that tries every way to change the intrinsic (assignment, defineProperty, delete, new
 * properties, a new prototype) with a function that steals what it sees and flips answers.
 * It returns nothing; whether any attempt threw does not matter, only what a later script sees.
 */
export function plantScript(c: IntrinsicCase): string {
  return `
    const target = ${c.reach};
    const stolen = [];
    const evil = function () { stolen.push(this); return { done: true, value: true }; };
    const keys = [${c.keys.join(', ')}];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      try { target[key] = evil; } catch (_) {}
      try { Object.defineProperty(target, key, { value: evil, writable: true, configurable: true }); } catch (_) {}
      try { Object.defineProperty(target, key, { get() { stolen.push(this); return evil; } }); } catch (_) {}
      try { delete target[key]; } catch (_) {}
    }
    try { target.planted = evil; } catch (_) {}
    try { Object.setPrototypeOf(target, { planted: evil, next: evil, then: evil }); } catch (_) {}
    try { Object.preventExtensions(target); } catch (_) {}
  `;
}

/**
 * What a script sees of the intrinsic: frozen or not, every own key with the type and nativeness
 * of its value, and the same for its prototype. Equal before and after an attack = untouched.
 */
export function fingerprintScript(c: IntrinsicCase): string {
  return `
    const fnToString = Function.prototype.toString;
    function describe(o) {
      if (o === null || (typeof o !== 'object' && typeof o !== 'function')) return String(o);
      const keys = Reflect.ownKeys(o).map(String).sort();
      const props = keys.map((k) => {
        const d = Reflect.getOwnPropertyDescriptor(o, Reflect.ownKeys(o).find((x) => String(x) === k));
        const v = 'value' in d ? d.value : d.get;
        const kind = typeof v === 'function' ? (fnToString.call(v).includes('[native code]') ? 'native' : 'script') : typeof v;
        return k + ':' + kind + (d.writable ? 'w' : '') + (d.configurable ? 'c' : '');
      });
      return (Object.isFrozen(o) ? 'frozen ' : 'open ') + (Object.isExtensible(o) ? 'ext ' : '') + props.join(',');
    }
    const target = ${c.reach};
    return { self: describe(target), proto: describe(Object.getPrototypeOf(target)), planted: typeof target.planted };
  `;
}

/** Exercises every iterator kind, destructuring, spread, iterator helpers and promises; see {@link USE_EXPECTED}. */
export const USE_SCRIPT = `
  const out = [];
  for (const x of [1, 2]) out.push(x);
  for (const c of 'ab') out.push(c);
  for (const [k, v] of new Map([['k', 1]])) out.push(k + v);
  for (const v of new Set([3])) out.push(v);
  for (const m of 'a1a2'.matchAll(/a(\\d)/g)) out.push(m[1]);
  function* g() { yield 4; }
  for (const v of g()) out.push(v);
  out.push(...[5], Array.from(new Set([6]))[0]);
  out.push(Iterator.from([7]).map((x) => x + 1).toArray()[0], [...Iterator.concat([9])][0]);
  out.push(Array.from(new Int8Array([10]))[0]);
  const [a, b] = [11, 12];
  out.push(a, b, JSON.stringify({ n: 13 }), Promise.resolve(1) instanceof Promise, typeof (async function* () {})().next);
  return out;
`;

export const USE_EXPECTED = [1, 2, 'a', 'b', 'k1', 3, '1', '2', 4, 5, 6, 8, 9, 10, 11, 12, '{"n":13}', true, 'function'];
