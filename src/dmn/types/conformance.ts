import { FeelContext, FeelFunction, type FeelValue } from '../../feel/values';
import { typeName, type DmnType, type ItemType } from './dmn-type';

/**
 * True when `v` is an instance of type `t` (DMN "conforms to"). null conforms to every type.
 *
 * @example
 * conformsTo(new Decimal(1), registry.resolve('number')); // true
 */
export function conformsTo(v: FeelValue, t: DmnType): boolean {
  if (v === null || v === undefined) return true;
  switch (t.kind) {
    case 'any':
    case 'unknown':
      return true;
    case 'builtin':
      return t.conforms(v);
    case 'item':
      return itemConforms(v, t);
  }
}

function itemConforms(v: FeelValue, t: ItemType): boolean {
  if (t.collection) {
    if (!Array.isArray(v)) return false;
    const element = elementOf(t);
    for (let i = 0; i < v.length; i++) if (!conformsTo(v[i]!, element)) return false;
    return !t.typeConstraint || t.typeConstraint(v);
  }
  return singleConforms(v, t);
}

/** Conformance of a non-collection item type (also used for the elements of a collection). */
function singleConforms(v: FeelValue, t: ItemType): boolean {
  if (t.components) {
    if (!(v instanceof FeelContext)) return false;
    for (const [name, ct] of t.components) {
      // Every component must be present (DMN 1.5 context<…> type semantics); null values conform.
      if (!v.entries.has(name)) return false;
      if (!conformsTo(v.entries.get(name) ?? null, ct)) return false;
    }
  } else if (t.functionType) {
    if (!(v instanceof FeelFunction)) return false;
  } else if (t.base && !conformsTo(v, t.base)) {
    return false;
  }
  if (t.allowedValues && !t.allowedValues(v)) return false;
  if (!t.collection && t.typeConstraint && !t.typeConstraint(v)) return false;
  return true;
}

/** The element type of a collection item type: the same definition without the collection flag. */
export function elementOf(t: ItemType): DmnType {
  // Types are immutable: each collection type's element type is made once (this runs per check).
  let el = elements.get(t);
  if (el === undefined) elements.set(t, (el = makeElementOf(t)));
  return el;
}

const elements = new WeakMap<ItemType, DmnType>();

function makeElementOf(t: ItemType): DmnType {
  return {
    kind: 'item',
    name: t.name,
    base: t.base,
    collection: false,
    components: t.components,
    allowedValues: t.allowedValues,
    functionType: t.functionType,
  };
}

/** True when values of `t` are lists. */
export function isListType(t: DmnType): boolean {
  if (t.kind === 'item') return t.collection || (!t.components && !t.functionType && !!t.base && isListType(t.base));
  if (t.kind === 'builtin') return t.element !== undefined || t.name === 'list';
  return false;
}

function listElement(t: DmnType): DmnType | undefined {
  if (t.kind === 'item') {
    if (t.collection) return elementOf(t);
    if (!t.components && t.base) return listElement(t.base);
  }
  if (t.kind === 'builtin') return t.element;
  return undefined;
}

/** The outcome of a type conversion: the (possibly converted) value, or null with the reason. */
export interface Coerced {
  readonly value: FeelValue;
  readonly error?: string;
}

/**
 * Applies DMN type conversion (DMN 1.5 §10.3.2.9.4): a conforming value is kept; a singleton list
 * becomes its element and a value becomes a singleton list when that makes it conform; anything
 * else becomes null with an error message.
 *
 * @example
 * coerce([new Decimal(5)], numberType).value; // Decimal 5
 * coerce('x', numberType); // { value: null, error: "'x' does not conform to number" }
 */
export function coerce(v: FeelValue, t: DmnType): Coerced {
  if (v === null || v === undefined || conformsTo(v, t)) return { value: v ?? null };
  if (Array.isArray(v) && v.length === 1 && !isListType(t) && conformsTo(v[0]!, t)) return { value: v[0]! };
  if (!Array.isArray(v)) {
    const el = listElement(t);
    if (el && conformsTo(v, el)) {
      const wrapped = [v];
      if (conformsTo(wrapped, t)) return { value: wrapped };
    }
  }
  return { value: null, error: `${describe(v)} does not conform to type ${typeName(t)}` };
}

function describe(v: FeelValue): string {
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v instanceof FeelContext) return 'a context';
  if (v instanceof FeelFunction) return 'a function';
  if (typeof v === 'boolean') return String(v);
  if (v && typeof v === 'object' && 'kind' in v) return `a ${(v as { kind: string }).kind}`;
  return String(v);
}
