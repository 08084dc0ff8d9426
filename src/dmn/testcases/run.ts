/** Runs decision tests (TCK test-case files) against a compiled model: a verdict per test case. */
import { evaluateDecisions, evaluateDecisionService } from '../evaluate';
import type { CompiledDmn } from '../drg/compile-dmn';
import { FeelContext, type FeelValue } from '../../feel/values';
import type { TckTestCase, TckTestFile } from './read';
import { differs, tckToFeel } from './values';

/** The verdict of one test case: `problems` names each result node that differs, and how. */
export interface TestVerdict {
  readonly id: string;
  readonly description?: string;
  readonly passed: boolean;
  readonly problems: readonly string[];
}

/**
 * Evaluates every test case of a file and compares each result node with its expectation.
 * An evaluation that throws (no such decision, the budget ran out) fails its case with the message.
 *
 * @example
 * runTestFile(compiled, readTestFile(xml)).filter((v) => !v.passed);
 */
export function runTestFile(compiled: CompiledDmn, file: TckTestFile, now: () => number = Date.now): TestVerdict[] {
  return file.testCases.map((tc) => {
    try {
      const problems = runCase(compiled, tc, now);
      return { id: tc.id, description: tc.description, passed: problems.length === 0, problems };
    } catch (e) {
      return { id: tc.id, description: tc.description, passed: false, problems: [(e as Error).message] };
    }
  });
}

function runCase(compiled: CompiledDmn, tc: TckTestCase, now: () => number): string[] {
  const variables: Record<string, FeelValue> = {};
  for (const i of tc.inputs) variables[i.name] = tckToFeel(i.value);
  const options = { now, audit: false };
  const problems: string[] = [];
  const service = tc.type === 'decisionService' ? evaluateDecisionService(compiled, tc.invocableName ?? '', variables, options).value : undefined;
  // One evaluation for every result node: a decision they share is evaluated once.
  const values = tc.type === 'decisionService' ? undefined : evaluateDecisions(compiled, tc.results.map((node) => node.name), variables, options).values;
  tc.results.forEach((node, i) => {
    const actual = values
      ? (values[i] ?? null)
      : (tc.results.length > 1 && service instanceof FeelContext ? (service.entries.get(node.name) ?? null) : (service ?? null));
    const d = differs(tckToFeel(node.expected), actual);
    if (d) problems.push(`${node.name}: ${d}`);
  });
  return problems;
}

/** The file name of a model's n-th test file, as the TCK names them: `loan.dmn` → `loan-test-01.xml`. */
export function testFileName(modelFile: string, n = 1): string {
  return `${modelFile.replace(/\.dmn$/i, '')}-test-${String(n).padStart(2, '0')}.xml`;
}
