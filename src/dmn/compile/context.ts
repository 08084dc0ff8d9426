import type { FeelValue } from '../../feel/values';
import type { TableIndexMode } from '../table/decision-table';
import type { DmnType } from '../types/dmn-type';
import { coerce, conformsTo } from '../types/conformance';
import type { TypeRegistry } from '../types/type-registry';
import type { FeelCompiler, NameScope, Scope } from './feel-port';
import type { Session, Site } from './session';

/** A compiled boxed expression. */
export type Evaluator = (scope: Scope, session: Session) => FeelValue;

/** What compiling an expression needs to know about where it sits. */
export interface CompileContext {
  readonly feel: FeelCompiler;
  readonly types: TypeRegistry;
  /** Namespace of the model the expression belongs to (type references resolve from it). */
  readonly namespace: string;
  readonly site: Site;
  /** Names visible to the expression. */
  readonly names: NameScope;
  /** All item-definition component names (so paths like `Person.first name` parse). */
  readonly componentNames: readonly string[];
  /** How decision tables look up rules (default `auto`). */
  readonly tableIndex?: TableIndexMode;
  /** `eager` compiles every cell of large tables up front, so that all syntax errors are known. */
  readonly compileCells?: 'auto' | 'eager';
}

/** The same context one level deeper (for labelling) and/or with more names. */
export function deeper(cx: CompileContext, element: string, ...names: string[]): CompileContext {
  return {
    ...cx,
    site: { ...cx.site, element: cx.site.element ? `${cx.site.element} > ${element}` : element },
    names: names.length ? cx.names.with(...names) : cx.names,
  };
}

/** Resolves a typeRef from the expression's model. */
export function typeOf(cx: CompileContext, typeRef: string | undefined): DmnType {
  return cx.types.resolve(cx.namespace, typeRef);
}

/**
 * Converts `value` to `type` (DMN type conversion); on mismatch warns at `site` and yields null.
 */
export function coerceAt(value: FeelValue, type: DmnType, session: Session, site: Site, what: string): FeelValue {
  if (type.kind === 'any' || type.kind === 'unknown') return value;
  // The common case, a conforming value, allocates nothing.
  if (value === null || value === undefined) return null;
  if (conformsTo(value, type)) return value;
  const r = coerce(value, type);
  if (r.error) session.warn(site, `${what}: ${r.error}`);
  return r.value;
}
