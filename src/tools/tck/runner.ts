/**
 * Runs the DMN TCK: every test file of every test folder, case by case, against src/dmn.
 * Node-only (reads the file system); the evaluation itself is the pure DMN layer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileDmn, evaluateDecisions, evaluateDecisionService, parseDmn, type CompiledDmn, type DmnModel, type EvaluateOptions,
} from '../../dmn';
import type { FeelValue } from '../../feel/values';
import { FeelContext } from '../../feel/values';
import { isNullOnly, readTestFile, type TckTestCase } from './test-file';
import { compare, toFeel } from './values';

export const LEVELS = ['compliance-level-2', 'compliance-level-3', 'non-compliant'] as const;
export type Level = (typeof LEVELS)[number];

export type Outcome = 'SUCCESS' | 'FAILURE' | 'ERROR';

/** The result of one test case (all its result nodes). */
export interface CaseResult {
  readonly level: Level;
  readonly folder: string;
  readonly testFile: string;
  readonly id: string;
  readonly outcome: Outcome;
  readonly detail: string;
  /** True when some result node expects a non-null value. */
  readonly valueExpected: boolean;
  /** Warnings of the evaluation (for cause analysis). */
  readonly warnings: readonly string[];
  /** Evaluation time of the case in milliseconds (after compilation). */
  readonly millis: number;
}

/** A loaded test folder: its compiled models (or the error that prevented it) and test files. */
export interface LoadedFolder {
  readonly level: Level;
  readonly folder: string;
  readonly testFiles: { name: string; cases: TckTestCase[]; compiled?: CompiledDmn; loadError?: string }[];
}

/** Finds the TestCases directory: `$DMN_TCK_DIR` or `../shared/dmn-tck` beside the repository. */
export function tckDir(repoRoot: string): string {
  const base = process.env.DMN_TCK_DIR ?? join(repoRoot, '..', 'shared', 'dmn-tck');
  try {
    if (statSync(join(base, 'TestCases')).isDirectory()) return join(base, 'TestCases');
  } catch {
    // base itself may be the TestCases folder
  }
  return base;
}

/** Reads and compiles every test folder of the given levels. */
export function loadFolders(testCasesDir: string, levels: readonly Level[] = LEVELS, filter?: RegExp): LoadedFolder[] {
  const out: LoadedFolder[] = [];
  for (const level of levels) {
    let folders: string[];
    try {
      folders = readdirSync(join(testCasesDir, level)).sort();
    } catch {
      continue;
    }
    for (const folder of folders) {
      const dir = join(testCasesDir, level, folder);
      if (!statSync(dir).isDirectory()) continue;
      if (filter && !filter.test(`${level}/${folder}`)) continue;
      const files = readdirSync(dir).sort();
      const models: { file: string; model?: DmnModel; error?: string }[] = files
        .filter((f) => f.endsWith('.dmn'))
        .map((file) => {
          try {
            return { file, model: parseDmn(readFileSync(join(dir, file), 'utf8')) };
          } catch (e) {
            return { file, error: `${file}: ${(e as Error).message}` };
          }
        });
      const testFiles = files.filter((f) => /-test-\d+\.xml$/.test(f)).map((f) => {
        const parsed = readTestFile(readFileSync(join(dir, f), 'utf8'));
        const name = f.replace(/\.xml$/, '');
        const main = models.find((m) => m.file === parsed.modelName) ?? models[0];
        if (!main || main.error || !main.model) return { name, cases: parsed.testCases, loadError: main?.error ?? 'no model' };
        const others = models.filter((m) => m !== main && m.model).map((m) => m.model!);
        try {
          return { name, cases: parsed.testCases, compiled: compileDmn([main.model, ...others]) };
        } catch (e) {
          return { name, cases: parsed.testCases, loadError: `compile: ${(e as Error).message}` };
        }
      });
      out.push({ level, folder, testFiles });
    }
  }
  return out;
}

/** A fixed clock so that `now()`/`today()` cases are deterministic within a run. */
const RUN_CLOCK = Date.now();

/** Runs one test case and compares every result node. */
export function runCase(level: Level, folder: string, testFile: string, compiled: CompiledDmn, tc: TckTestCase): CaseResult {
  const valueExpected = tc.results.some((r) => !isNullOnly(r.expected));
  const base = { level, folder, testFile, id: tc.id, valueExpected };
  const variables: Record<string, FeelValue> = {};
  const byNamespace: Record<string, Record<string, FeelValue>> = {};
  for (const input of tc.inputs) {
    const v = toFeel(input.value);
    if (input.namespace && input.namespace !== compiled.main.namespace) (byNamespace[input.namespace] ??= {})[input.name] = v;
    else variables[input.name] = v;
  }
  // The TCK compares values only: no audit trail, as the reference runners record none.
  const options: EvaluateOptions = { now: () => RUN_CLOCK, inputsByNamespace: byNamespace, audit: false };
  const warnings: string[] = [];
  // Only the evaluation is timed: the comparison with the expectations happens afterwards.
  const started = performance.now();
  let actuals: FeelValue[];
  try {
    actuals = evaluateCase(compiled, tc, variables, options, warnings);
  } catch (e) {
    return { ...base, outcome: 'ERROR', detail: (e as Error).message, warnings, millis: performance.now() - started };
  }
  const millis = performance.now() - started;
  const problems: string[] = [];
  tc.results.forEach((node, i) => {
    const d = compare(node.expected, actuals[i] ?? null);
    if (d) problems.push(`${node.name}: ${d}`);
  });
  if (problems.length === 0) return { ...base, outcome: 'SUCCESS', detail: '', warnings, millis };
  return { ...base, outcome: 'FAILURE', detail: problems.join('; '), warnings, millis };
}

/** Evaluates a case: one value per result node, in order. */
function evaluateCase(compiled: CompiledDmn, tc: TckTestCase, variables: Record<string, FeelValue>, options: EvaluateOptions, warnings: string[]): FeelValue[] {
  if (tc.type === 'decisionService') {
    const r = evaluateDecisionService(compiled, tc.invocableName ?? '', variables, options);
    for (const w of r.warnings) warnings.push(w.message);
    return tc.results.map((node) => (tc.results.length > 1 && r.value instanceof FeelContext ? (r.value.entries.get(node.name) ?? null) : r.value));
  }
  // One evaluation for all result nodes, as the reference runners evaluate a model once per case.
  const r = evaluateDecisions(compiled, tc.results.map((node) => (node.namespace ? `${node.namespace}#${node.name}` : node.name)), variables, options);
  for (const w of r.warnings) warnings.push(w.message);
  return r.values as FeelValue[];
}

/** Runs every case of the loaded folders. */
export function runAll(folders: readonly LoadedFolder[]): CaseResult[] {
  const results: CaseResult[] = [];
  for (const f of folders) {
    for (const tf of f.testFiles) {
      for (const tc of tf.cases) {
        if (!tf.compiled) {
          results.push({
            level: f.level, folder: f.folder, testFile: tf.name, id: tc.id, outcome: 'ERROR', detail: tf.loadError ?? 'not compiled',
            valueExpected: tc.results.some((r) => !isNullOnly(r.expected)), warnings: [], millis: 0,
          });
        } else {
          results.push(runCase(f.level, f.folder, tf.name, tf.compiled, tc));
        }
      }
    }
  }
  return results;
}
