import type { FeelValue } from '../../feel/values';

/**
 * A resolved DMN type: a FEEL built-in, an item definition (possibly structured, a collection, a
 * function type, or restricted by allowed values), or Any.
 */
export type DmnType = AnyType | BuiltinType | ItemType | UnknownType;

export interface AnyType {
  readonly kind: 'any';
}

/** A FEEL type given by name or type expression (`number`, `list<string>`, `context<a: number>`). */
export interface BuiltinType {
  readonly kind: 'builtin';
  readonly name: string;
  /** Decides `instance of` for this type. */
  readonly conforms: (v: FeelValue) => boolean;
  /** Element type when the type is a list type (for singleton-list conversions). */
  readonly element?: DmnType;
}

/** A value test compiled from unary tests (allowedValues / typeConstraint). */
export type ValueTest = (v: FeelValue) => boolean;

/** An item definition, resolved. Mutable while the registry links recursive definitions. */
export interface ItemType {
  readonly kind: 'item';
  readonly name: string;
  /** The underlying type (typeRef), when the item definition has one. */
  base?: DmnType;
  collection: boolean;
  /** Structured type: component name → type, in order. */
  components?: [string, DmnType][];
  allowedValues?: ValueTest;
  typeConstraint?: ValueTest;
  functionType?: { readonly parameters: readonly [string, DmnType][]; readonly output: DmnType };
}

/** A typeRef that names nothing known; treated as Any (a compile problem is reported). */
export interface UnknownType {
  readonly kind: 'unknown';
  readonly name: string;
}

export const ANY: AnyType = { kind: 'any' };

/** Display name of a type for messages. */
export function typeName(t: DmnType): string {
  switch (t.kind) {
    case 'any': return 'Any';
    case 'builtin':
    case 'item':
    case 'unknown':
      return t.name;
  }
}
