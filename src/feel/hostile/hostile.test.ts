import { describe, expect, it } from 'vitest';
import { compileExpression, FeelBudgetError, feelLimits, FeelSyntaxError, toJson, type FeelScope } from '../index';
import { HOSTILE_EXPRESSIONS, type HostileExpression } from './corpus';

/**
 * Runs the FEEL hostile corpus. Limits are the defaults but for fewer steps (300,000), so that the
 * cases that run out of steps do so in a fraction of a second; `budget.test.ts` runs the issue's
 * cases with the defaults themselves.
 */
const CORPUS_STEPS = 300_000;

type Outcome =
  | { kind: 'budget'; budget: string; message: string }
  | { kind: 'syntax'; message: string }
  | { kind: 'value'; value: unknown; warnings: string[] };

function attempt(c: HostileExpression): Outcome {
  let compiled;
  try {
    compiled = compileExpression(c.expression, { names: Object.keys(c.variables ?? {}) });
  } catch (e) {
    if (e instanceof FeelSyntaxError) return { kind: 'syntax', message: e.message };
    throw e;
  }
  try {
    const r = compiled.evaluate((c.variables ?? {}) as FeelScope, { limits: feelLimits({ maxSteps: CORPUS_STEPS, ...c.limits }) });
    return { kind: 'value', value: toJson(r.value), warnings: r.warnings.map((w) => w.message) };
  } catch (e) {
    if (e instanceof FeelBudgetError) return { kind: 'budget', budget: e.budget, message: e.message };
    throw e;
  }
}

describe('FEEL hostile corpus: every attack is contained', () => {
  it('has one case per attack, each with a distinct name', () => {
    expect(new Set(HOSTILE_EXPRESSIONS.map((c) => c.name)).size).toBe(HOSTILE_EXPRESSIONS.length);
  });

  for (const c of HOSTILE_EXPRESSIONS) {
    it(`${c.name}: ${c.attack}`, () => {
      const got = attempt(c);
      const want = c.expect;
      if ('budget' in want) {
        expect(got).toMatchObject({ kind: 'budget', budget: want.budget });
        expect((got as { message: string }).message).toMatch(want.message);
      } else if ('syntax' in want) {
        expect(got.kind).toBe('syntax');
        expect((got as { message: string }).message).toMatch(want.syntax);
      } else if ('nullWarning' in want) {
        expect(got).toMatchObject({ kind: 'value', value: null });
        expect((got as { warnings: string[] }).warnings.join('; ')).toMatch(want.nullWarning);
      } else {
        expect(got).toMatchObject({ kind: 'value', value: want.value });
      }
    });
  }
});
