import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeelBudgetError, feelLimits } from '../../feel';
import { compileDmn, evaluateDecision, parseDmn, type CompiledDmn } from '../index';
import { HOSTILE_DECISIONS, type HostileDecision } from './corpus';

/** The defaults but fewer steps, so that runaway cases stop in a fraction of a second. */
const LIMITS = feelLimits({ maxSteps: 300_000 });

function compile(c: HostileDecision): CompiledDmn {
  const xml = 'xml' in c.model ? c.model.xml : readFileSync(new URL(`./${c.model.file}`, import.meta.url), 'utf8');
  return compileDmn(parseDmn(xml), { compileCells: 'eager' });
}

describe('DMN hostile corpus: every model and decision is contained', () => {
  it('has one case per attack, each with a distinct name', () => {
    expect(new Set(HOSTILE_DECISIONS.map((c) => c.name)).size).toBe(HOSTILE_DECISIONS.length);
  });

  for (const c of HOSTILE_DECISIONS) {
    it(`${c.name}: ${c.attack}`, () => {
      const compiled = compile(c);
      const errors = compiled.problems.filter((p) => p.severity === 'error');
      const want = c.expect;
      if ('compileError' in want) {
        expect(errors.map((p) => `${p.decisionId}: ${p.message}`).join('\n')).toMatch(want.compileError);
        expect(errors.map((p) => p.decisionId)).toContain(want.decisionId);
        return;
      }
      expect(errors).toEqual([]);
      let outcome: { value: unknown; warnings: string[] } | FeelBudgetError;
      try {
        const r = evaluateDecision(compiled, c.decision!, c.variables ?? {}, { limits: LIMITS, now: () => 0 });
        outcome = { value: r.json, warnings: r.warnings.map((w) => w.message) };
      } catch (e) {
        if (!(e instanceof FeelBudgetError)) throw e;
        outcome = e;
      }
      if ('budget' in want) {
        expect(outcome).toBeInstanceOf(FeelBudgetError);
        const e = outcome as FeelBudgetError;
        expect(e.budget).toBe(want.budget);
        expect(`${e.message}${e.where ? ` at ${e.where}` : ''}`).toMatch(want.failure);
      } else if ('nullWarning' in want) {
        expect(outcome).toMatchObject({ value: null });
        expect((outcome as { warnings: string[] }).warnings.join('; ')).toMatch(want.nullWarning);
      } else {
        expect(outcome).toMatchObject({ value: want.value });
      }
    });
  }
});
