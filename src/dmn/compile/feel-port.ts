/**
 * The one place the DMN layer talks to the FEEL compiler: compiles with a per-model cache and turns
 * syntax errors into evaluators that yield null with a warning naming the decision and element.
 */
import {
  compileExpression, compileUnaryTests, FeelBudgetError, FeelSyntaxError, type CompiledExpression, type CompiledUnaryTests, type TypeResolver,
} from '../../feel';
import { describeSite } from '../errors';
import type { FeelValue } from '../../feel/values';
import type { Session, Site } from './session';

/** A scope of FEEL variables for one evaluation. */
export type Scope = Map<string, FeelValue>;

/** A compiled FEEL expression bound to its site. */
export type FeelEval = (scope: Scope, session: Session) => FeelValue;
/** Compiled unary tests bound to their site: true, false or null. */
export type FeelTest = (input: FeelValue, scope: Scope, session: Session) => FeelValue;

/**
 * A set of names visible at compile time. FEEL needs them to read names containing spaces
 * (`Monthly Income`); interned so that caches can key on an id instead of the whole set.
 */
export class NameScope {
  private static nextId = 1;
  readonly id = NameScope.nextId++;
  private children = new Map<string, NameScope>();

  constructor(readonly names: ReadonlySet<string>) {}

  /** This scope plus more names (memoized, so equal extensions share an id). */
  with(...extra: string[]): NameScope {
    const fresh = extra.filter((n) => n && !this.names.has(n));
    if (fresh.length === 0) return this;
    const key = fresh.join('\u0000');
    let child = this.children.get(key);
    if (!child) {
      child = new NameScope(new Set([...this.names, ...fresh]));
      this.children.set(key, child);
    }
    return child;
  }
}

/**
 * A problem found at compile time. Errors make the model misleading (a FEEL syntax error, a
 * requirement cycle or dangling reference, a duplicate id): hosts refuse to deploy such a model.
 * Warnings (an unknown type, an unsupported element) leave the model usable.
 */
export interface CompileProblem {
  readonly severity: 'error' | 'warning';
  /** Id of the decision (or BKM, input data, decision service) concerned. */
  readonly decisionId?: string;
  /** Where inside it, e.g. `decisionTable t1 > rule r3 > inputEntry 2`. */
  readonly element: string;
  readonly message: string;
}

/**
 * Compiles FEEL for one model with a cache: the same text in the same name scope compiles once.
 */
export class FeelCompiler {
  private readonly expressions = new Map<string, CompiledExpression | Error>();
  private readonly tests = new Map<string, CompiledUnaryTests | Error>();
  readonly problems: CompileProblem[] = [];

  /** @param types resolves item-definition names for FEEL's `instance of` */
  constructor(private readonly types?: TypeResolver) {}

  /** Compiles an expression; empty text evaluates to null. */
  expression(text: string, names: NameScope, site: Site): FeelEval {
    if (text.trim() === '') return () => null;
    const key = `${names.id}\u0000${text}`;
    let compiled = this.expressions.get(key);
    if (!compiled) {
      compiled = attempt(() => compileExpression(text, { names: names.names, types: this.types }));
      this.expressions.set(key, compiled);
    }
    if (compiled instanceof Error) return this.failed(compiled, site);
    const c = compiled;
    return (scope, session) => {
      let r;
      try {
        r = c.evaluate(scope, session.feelOptions);
      } catch (e) {
        throw located(e, site);
      }
      for (const w of r.warnings) session.warn(site, w.message);
      return r.value;
    };
  }

  /** Compiles unary tests; `-` and empty text match everything. */
  unaryTests(text: string, names: NameScope, site: Site): FeelTest {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === '-') return () => true;
    const key = `${names.id}\u0000${text}`;
    let compiled = this.tests.get(key);
    if (!compiled) {
      compiled = attempt(() => compileUnaryTests(text, { names: names.names, types: this.types }));
      this.tests.set(key, compiled);
    }
    if (compiled instanceof Error) {
      const fail = this.failed(compiled, site);
      return (_input, scope, session) => fail(scope, session);
    }
    const c = compiled;
    return (input, scope, session) => {
      let r;
      try {
        r = c.test(input, scope, session.feelOptions);
      } catch (e) {
        throw located(e, site);
      }
      for (const w of r.warnings) session.warn(site, w.message);
      return r.value;
    };
  }

  private failed(error: Error, site: Site): FeelEval {
    const message = error instanceof FeelSyntaxError ? `FEEL syntax error: ${error.message}` : `FEEL compile error: ${error.message}`;
    this.problems.push({ severity: 'error', decisionId: site.decisionId, element: site.element, message });
    return (_scope, session) => {
      session.warn(site, message);
      return null;
    };
  }
}

/** An exhausted budget learns the innermost site it ran out at (outer sites leave it alone). */
export function located(e: unknown, site: Site): unknown {
  if (e instanceof FeelBudgetError && e.where === undefined) e.where = describeSite(site);
  return e;
}

function attempt<T>(fn: () => T): T | Error {
  try {
    return fn();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
