import { evaluate as feelinEvaluate } from 'feelin';
import type { CompiledExpression, ExpressionLanguage } from '../ports';
import { ExpressionSyntaxError } from '../ports';

/**
 * A FEEL ExpressionLanguage for engine specs, on `feelin` until src/feel is committed (then this
 * file wraps compileExpression/fromJson/toJson instead). Values in and out are plain JSON.
 */
export const testFeel: ExpressionLanguage = {
  compile(source) {
    try {
      feelinEvaluate(source, {});
    } catch (err) {
      throw new ExpressionSyntaxError((err as Error).message);
    }
    const compiled: CompiledExpression = {
      evaluate(variables) {
        const { value, warnings } = feelinEvaluate(source, variables as Record<string, unknown>);
        return { value: toPlain(value), warnings: warnings.map((w) => w.message) };
      },
    };
    return compiled;
  },
};

function toPlain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return String(value);
}
