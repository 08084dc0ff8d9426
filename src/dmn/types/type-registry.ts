import { Decimal } from '../../feel/decimal';
import {
  FeelContext, FeelDate, FeelDateTime, FeelDaysTimeDuration, FeelFunction, FeelRange, FeelTime,
  FeelYearsMonthsDuration, type FeelValue,
} from '../../feel/values';
import type { DmnModel, ItemDefinition } from '../model/types';
import { ANY, type BuiltinType, type DmnType, type ItemType, type ValueTest } from './dmn-type';

const builtin = (name: string, conforms: (v: FeelValue) => boolean, element?: DmnType): BuiltinType => ({ kind: 'builtin', name, conforms, element });

const NUMBER = builtin('number', (v) => Decimal.isDecimal(v));
const STRING = builtin('string', (v) => typeof v === 'string');
const BOOLEAN = builtin('boolean', (v) => typeof v === 'boolean');
const DATE = builtin('date', (v) => v instanceof FeelDate);
const TIME = builtin('time', (v) => v instanceof FeelTime);
const DATE_TIME = builtin('date and time', (v) => v instanceof FeelDateTime);
const DT_DURATION = builtin('days and time duration', (v) => v instanceof FeelDaysTimeDuration);
const YM_DURATION = builtin('years and months duration', (v) => v instanceof FeelYearsMonthsDuration);

/** FEEL built-in type names (with DMN 1.1 XML Schema aliases) → types. */
const BUILTINS: Record<string, DmnType> = {
  Any: ANY,
  number: NUMBER,
  string: STRING,
  boolean: BOOLEAN,
  date: DATE,
  time: TIME,
  'date and time': DATE_TIME,
  dateTime: DATE_TIME,
  'days and time duration': DT_DURATION,
  dayTimeDuration: DT_DURATION,
  'years and months duration': YM_DURATION,
  yearMonthDuration: YM_DURATION,
  duration: builtin('duration', (v) => v instanceof FeelDaysTimeDuration || v instanceof FeelYearsMonthsDuration),
  context: builtin('context', (v) => v instanceof FeelContext),
  list: builtin('list', (v) => Array.isArray(v), ANY),
  range: builtin('range', (v) => v instanceof FeelRange),
  function: builtin('function', (v) => v instanceof FeelFunction),
  // XML Schema names some DMN 1.1 models use.
  decimal: NUMBER,
  integer: NUMBER,
  double: NUMBER,
  int: NUMBER,
  long: NUMBER,
};

/** The built-in type for a FEEL type name, if it is one. */
export function builtinType(name: string): DmnType | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
}

/** Hooks the registry needs from the compiler: unary tests and FEEL type expressions. */
export interface TypeRegistryHooks {
  /** Compiles unary tests (allowedValues, typeConstraint) into a value test. */
  compileTest(text: string, where: string): ValueTest;
  /** Parses a FEEL type expression such as `list<number>`; undefined if not understood. */
  feelType?(text: string, resolve: (name: string) => DmnType | undefined): DmnType | undefined;
  /** Records a problem found while resolving (unknown type names). */
  problem(message: string): void;
}

/**
 * Resolves typeRefs of a set of models: local item definitions, `import.Type` through imports,
 * FEEL built-ins, then FEEL type expressions. Recursive item definitions are linked lazily.
 *
 * @example
 * const registry = new TypeRegistry([model], hooks);
 * registry.resolve(model.namespace, 'tPerson');
 */
export class TypeRegistry {
  private readonly byNamespace = new Map<string, DmnModel>();
  private readonly resolved = new Map<string, DmnType>();

  constructor(models: readonly DmnModel[], private readonly hooks: TypeRegistryHooks) {
    for (const m of models) this.byNamespace.set(m.namespace, m);
  }

  /** The type named by `typeRef` as seen from the model with this namespace (Any when absent). */
  resolve(namespace: string, typeRef: string | undefined): DmnType {
    if (typeRef === undefined || typeRef.trim() === '') return ANY;
    const ref = typeRef.trim();
    const key = `${namespace}\u0000${ref}`;
    const cached = this.resolved.get(key);
    if (cached) return cached;
    const found = this.lookup(namespace, ref);
    if (found) {
      this.resolved.set(key, found);
      return found;
    }
    this.hooks.problem(`unknown type '${ref}' (treated as Any)`);
    const unknown: DmnType = { kind: 'unknown', name: ref };
    this.resolved.set(key, unknown);
    return unknown;
  }

  /** Like {@link resolve} but undefined (and no problem reported) when the name is unknown. */
  find(namespace: string, typeRef: string): DmnType | undefined {
    const key = `${namespace}\u0000${typeRef.trim()}`;
    const cached = this.resolved.get(key);
    if (cached) return cached.kind === 'unknown' ? undefined : cached;
    return this.lookup(namespace, typeRef.trim());
  }

  private lookup(namespace: string, ref: string): DmnType | undefined {
    const model = this.byNamespace.get(namespace);
    const local = model?.itemDefinitions.find((d) => d.name === ref);
    if (local) return this.itemType(namespace, local, `${namespace}\u0000${ref}`);
    if (model) {
      for (const imp of model.imports) {
        if (imp.name && ref.startsWith(`${imp.name}.`)) {
          const inner = ref.slice(imp.name.length + 1);
          const target = this.byNamespace.get(imp.namespace);
          if (target?.itemDefinitions.some((d) => d.name === inner)) return this.resolve(imp.namespace, inner);
        }
      }
    }
    const feelName = ref.startsWith('feel.') ? ref.slice(5) : ref;
    const b = builtinType(feelName);
    if (b) return b;
    return this.hooks.feelType?.(ref, (n) => this.lookup(namespace, n));
  }

  private itemType(namespace: string, def: ItemDefinition, key: string): DmnType {
    const existing = this.resolved.get(key);
    if (existing) return existing;
    const t: ItemType = { kind: 'item', name: def.name, collection: def.isCollection };
    // Registered before linking so that recursive definitions find themselves.
    this.resolved.set(key, t);
    this.fill(namespace, def, t);
    return t;
  }

  private fill(namespace: string, def: ItemDefinition, t: ItemType): void {
    if (def.components.length > 0) {
      t.components = def.components.map((c) => [c.name, this.anonymous(namespace, c)]);
    } else if (def.functionItem) {
      t.functionType = {
        parameters: def.functionItem.parameters.map((p) => [p.name, this.resolve(namespace, p.typeRef)]),
        output: this.resolve(namespace, def.functionItem.outputTypeRef),
      };
    } else if (def.typeRef) {
      t.base = this.resolve(namespace, def.typeRef);
    }
    const where = `itemDefinition '${def.name}'`;
    if (def.allowedValues) t.allowedValues = this.hooks.compileTest(def.allowedValues, `${where} allowedValues`);
    if (def.typeConstraint) t.typeConstraint = this.hooks.compileTest(def.typeConstraint, `${where} typeConstraint`);
  }

  /** An inline item definition (an item component): not registered by name. */
  private anonymous(namespace: string, def: ItemDefinition): DmnType {
    if (def.components.length === 0 && !def.isCollection && !def.allowedValues && !def.typeConstraint && !def.functionItem) {
      return this.resolve(namespace, def.typeRef);
    }
    const t: ItemType = { kind: 'item', name: def.name, collection: def.isCollection };
    this.fill(namespace, def, t);
    return t;
  }

  /** Every component name of every item definition (FEEL needs names that contain spaces). */
  componentNames(): Set<string> {
    const names = new Set<string>();
    const walk = (d: ItemDefinition) => {
      names.add(d.name);
      for (const c of d.components) walk(c);
    };
    for (const m of this.byNamespace.values()) for (const d of m.itemDefinitions) walk(d);
    return names;
  }
}
