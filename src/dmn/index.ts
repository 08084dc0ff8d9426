/**
 * DMN 1.1–1.5 reader and evaluator (pure). Parse once, compile once, evaluate many times.
 *
 * @example
 * import { parseDmn, compileDmn, evaluateDecision } from '../dmn';
 * const compiled = compileDmn(parseDmn(xml));
 * const { value, json, audit, warnings } = evaluateDecision(compiled, 'Approval Status', { Age: 18 });
 */
export { parseDmn, isDmnNamespace } from './model/read-dmn';
export type * from './model/types';
export { compileDmn, type CompileDmnOptions, type CompiledDmn } from './drg/compile-dmn';
export {
  evaluateDecision, evaluateDecisions, evaluateDecisionService, type DecisionResult, type DecisionsResult, type EvaluateOptions,
} from './evaluate';
export { decisionInputs, type DecisionInput } from './describe';
export type { DecisionAudit, TableAudit, MatchedRule } from './audit';
export type { DmnWarning } from './compile/session';
export type { CompileProblem } from './compile/feel-port';
export type { TableIndexMode } from './table/decision-table';
export { DmnError } from './errors';
export { XmlSyntaxError } from './xml/xml-reader';
export {
  readTestFile, writeTestFile, runTestFile, testFileName, feelToTck, tckToFeel,
  type TckTestCase, type TckTestFile, type TckValue, type TestVerdict,
} from './testcases';
