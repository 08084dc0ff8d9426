import { isDeepStrictEqual } from 'node:util';
import type { RunOutcome } from './outcome';
import type { ScenarioExpect } from './scenario';

/**
 * Compares an outcome with a scenario's `expect`; returns one readable line per mismatch (empty
 * when everything holds).
 *
 * @example
 * checkExpectations(outcome, { state: 'completed', passed: ['Charge'] });
 * // ['expected state completed, got active (active: Charge)']
 */
export function checkExpectations(outcome: RunOutcome, expect: ScenarioExpect | undefined): string[] {
  if (!expect) return [];
  const problems: string[] = [];
  if (expect.state !== undefined && expect.state !== outcome.state) {
    const detail = outcome.incidents.length
      ? ` (incidents: ${outcome.incidents.map((i) => `${i.elementId}: ${i.message}`).join('; ')})`
      : outcome.active.length ? ` (active: ${outcome.active.join(', ')})` : '';
    problems.push(`expected state ${expect.state}, got ${outcome.state}${detail}`);
  }
  const passed = new Set(outcome.path);
  for (const id of expect.passed ?? []) if (!passed.has(id)) problems.push(`expected ${id} to be passed, but it never completed`);
  for (const id of expect.notPassed ?? []) if (passed.has(id)) problems.push(`expected ${id} not to be passed, but it completed`);
  for (const [name, want] of Object.entries(expect.variables ?? {})) {
    if (!(name in outcome.variables)) problems.push(`expected variable ${name} = ${JSON.stringify(want)}, but it is not set`);
    else if (!isDeepStrictEqual(outcome.variables[name], want)) {
      problems.push(`expected variable ${name} = ${JSON.stringify(want)}, got ${JSON.stringify(outcome.variables[name])}`);
    }
  }
  return problems;
}
