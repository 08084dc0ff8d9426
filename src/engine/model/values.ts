import type { ExpressionLanguage } from '../ports';
import type { Expr, ValueSource } from './types';

/** Collects compile problems for one element while compiling its expressions. */
export interface ExprCompiler {
  /** Compiles `source` (a leading `=` is stripped); records an error and returns null if it does not parse. */
  expr(elementId: string, what: string, source: string | undefined | null): Expr | null;
  /** A zeebe attribute: `=...` compiles as an expression, anything else stays a literal. */
  value(elementId: string, what: string, source: string | undefined | null): ValueSource | null;
}

export function createExprCompiler(
  expressions: ExpressionLanguage,
  report: (elementId: string, message: string) => void,
): ExprCompiler {
  const expr = (elementId: string, what: string, source: string | undefined | null): Expr | null => {
    if (source == null) return null;
    const text = stripEquals(source);
    if (text.trim() === '') {
      report(elementId, `${what} is empty`);
      return null;
    }
    try {
      return { source: text, compiled: expressions.compile(text, 'expression') };
    } catch (err) {
      const e = err as { message?: string; line?: number; column?: number };
      const at = e.line != null ? ` (line ${e.line}${e.column != null ? `, column ${e.column}` : ''})` : '';
      report(elementId, `${what} does not parse: ${e.message ?? String(err)}${at}: ${text}`);
      return null;
    }
  };
  const value = (elementId: string, what: string, source: string | undefined | null): ValueSource | null => {
    if (source == null || source === '') return null;
    if (!source.trimStart().startsWith('=')) return { kind: 'static', value: source };
    const compiled = expr(elementId, what, source);
    return compiled ? { kind: 'expr', expr: compiled } : null;
  };
  return { expr, value };
}

/** zeebe marks expressions with a leading `=`; the expression language never sees it. */
export function stripEquals(source: string): string {
  const trimmed = source.trimStart();
  return trimmed.startsWith('=') ? trimmed.slice(1) : source;
}
