import { compileExpression, toJson } from '../../feel';
import type { CompiledExpression, ExpressionLanguage } from '../ports';
import { ExpressionSyntaxError } from '../ports';

/**
 * The FEEL ExpressionLanguage engine specs run on: src/feel behind the port, JSON in and out.
 * (The host has its own adapter; the engine proper never imports src/feel.)
 */
export const testFeel: ExpressionLanguage = {
  compile(source, kind) {
    try {
      // The engine compiles expressions only; unary tests belong to decision tables (src/dmn).
      if (kind === 'unaryTests') throw new Error('unary tests are not used by the engine');
      const expr = compileExpression(source);
      const compiled: CompiledExpression = {
        evaluate(variables, now) {
          const r = expr.evaluate(variables as Record<string, never>, { now: () => now });
          return { value: toJson(r.value), warnings: r.warnings.map((w) => w.message) };
        },
      };
      return compiled;
    } catch (err) {
      const e = err as { message: string; line?: number; column?: number };
      throw new ExpressionSyntaxError(e.message, e.line, e.column);
    }
  },
};
