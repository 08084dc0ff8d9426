import type { TypeNode } from './ast';
import { Decimal } from './decimal';
import { NameSet, Parser } from './parser';
import { FeelContext, FeelFunction, FeelRange, type FeelValue, typeNameOf } from './values';

/**
 * A FEEL type: a named type (`number`, `date and time`, `Any`, an item definition's name), or a
 * constructed one (`list<T>`, `range<T>`, `context<k: T>`, `function<T1, T2> -> R`).
 */
export type FeelType = TypeNode;

/** Aliases accepted for built-in type names (XML Schema and older DMN spellings). */
const ALIASES: Record<string, string> = {
  dateTime: 'date and time',
  dayTimeDuration: 'days and time duration',
  yearMonthDuration: 'years and months duration',
  'feel:number': 'number',
  'feel:string': 'string',
  'feel:boolean': 'boolean',
  'feel:date': 'date',
  'feel:time': 'time',
  'feel:dateTime': 'date and time',
  'feel:date and time': 'date and time',
  'feel:dayTimeDuration': 'days and time duration',
  'feel:yearMonthDuration': 'years and months duration',
  'feel:days and time duration': 'days and time duration',
  'feel:years and months duration': 'years and months duration',
  'feel:context': 'context',
  'feel:Any': 'Any',
  'feel:list': 'list',
  'feel:function': 'function',
};

export const BUILTIN_TYPE_NAMES = new Set([
  'Any', 'Null', 'number', 'string', 'boolean', 'date', 'time', 'date and time', 'days and time duration',
  'years and months duration', 'list', 'context', 'function', 'range', 'duration',
]);

/**
 * Parses a FEEL type expression; throws FeelSyntaxError when it is not one.
 * @example parseType('list<context<name: string, age: number>>')
 */
export function parseType(source: string): FeelType {
  const t = source.trim();
  const alias = ALIASES[t];
  if (alias) return { kind: 'name', name: alias };
  const parsed = new Parser(t, new NameSet()).parseTypeSource();
  if (parsed.kind === 'name' && ALIASES[parsed.name]) return { kind: 'name', name: ALIASES[parsed.name] };
  return parsed;
}

/** Resolves type names that are not built in (item definitions); undefined when unknown. */
export type TypeResolver = (name: string) => FeelType | undefined;

/**
 * Whether a value is an instance of a type (`instance of` semantics). Null is an instance of `Null`
 * only. Unknown type names are resolved through `resolve`, else the answer is false.
 *
 * @example conformsTo(new Decimal(1), parseType('number')) // true
 */
export function conformsTo(v: FeelValue, type: FeelType, resolve?: TypeResolver): boolean {
  switch (type.kind) {
    case 'name': {
      const n = ALIASES[type.name] ?? type.name;
      if (n === 'Any') return v !== null;
      if (n === 'Null') return v === null;
      if (v === null) return false;
      if (BUILTIN_TYPE_NAMES.has(n)) {
        const actual = typeNameOf(v);
        if (n === 'duration') return actual === 'days and time duration' || actual === 'years and months duration';
        return actual === n;
      }
      const r = resolve?.(n);
      return r ? conformsTo(v, r, resolve) : false;
    }
    case 'list':
      return Array.isArray(v) && v.every((e) => e === null || conformsTo(e, type.of, resolve));
    case 'range':
      return v instanceof FeelRange && [v.start, v.end].every((e) => e === null || conformsTo(e, type.of, resolve));
    case 'context':
      return v instanceof FeelContext && type.fields.every(([k, t]) => v.entries.has(k) && (v.entries.get(k) === null || conformsTo(v.entries.get(k) ?? null, t, resolve)));
    case 'function': {
      if (!(v instanceof FeelFunction)) return false;
      if (v.params.length !== type.params.length) return false;
      return v.params.every((p, i) => {
        if (!p.type) return true;
        const pt = type.params[i];
        // Contravariant parameters: the function must accept what the type promises to pass.
        return typeEquals(parseTypeSafe(p.type), pt) || isAny(parseTypeSafe(p.type));
      });
    }
  }
}

function parseTypeSafe(s: string): FeelType | null {
  try {
    return parseType(s);
  } catch {
    return null;
  }
}

function isAny(t: FeelType | null): boolean {
  return t !== null && t.kind === 'name' && t.name === 'Any';
}

function typeEquals(a: FeelType | null, b: FeelType): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** Whether every type name inside is built in (so that the type can be checked without a resolver). */
export function onlyBuiltinNames(t: FeelType): boolean {
  switch (t.kind) {
    case 'name':
      return BUILTIN_TYPE_NAMES.has(ALIASES[t.name] ?? t.name);
    case 'list':
    case 'range':
      return onlyBuiltinNames(t.of);
    case 'context':
      return t.fields.every(([, f]) => onlyBuiltinNames(f));
    case 'function':
      return t.params.every(onlyBuiltinNames) && onlyBuiltinNames(t.result);
  }
}

/** Replaces item-definition names by their types; null when one cannot be resolved. */
export function resolveType(t: FeelType, resolve: TypeResolver | undefined): FeelType | null {
  switch (t.kind) {
    case 'name': {
      const n = ALIASES[t.name] ?? t.name;
      if (BUILTIN_TYPE_NAMES.has(n)) return t;
      const r = resolve?.(n);
      return r ? resolveType(r, resolve) : null;
    }
    case 'list':
    case 'range': {
      const of = resolveType(t.of, resolve);
      return of && { kind: t.kind, of };
    }
    case 'context': {
      const fields: [string, FeelType][] = [];
      for (const [k, f] of t.fields) {
        const r = resolveType(f, resolve);
        if (!r) return null;
        fields.push([k, r]);
      }
      return { kind: 'context', fields };
    }
    case 'function': {
      const params = t.params.map((p) => resolveType(p, resolve));
      const result = resolveType(t.result, resolve);
      return params.every((p) => p !== null) && result ? { kind: 'function', params: params as FeelType[], result } : null;
    }
  }
}

/** The type name of a value (`number`, `list`, `date and time`...), `Null` for null. */
export function typeOf(v: FeelValue): string {
  return v instanceof Decimal ? 'number' : typeNameOf(v);
}
