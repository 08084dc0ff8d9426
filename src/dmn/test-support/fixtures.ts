import { readFileSync } from 'node:fs';
import { compileDmn, evaluateDecision, parseDmn, type CompileDmnOptions, type CompiledDmn } from '../index';

/** Reads a fixture that sits beside the spec (`new URL('./x.dmn', import.meta.url)`). */
export function readFixture(url: URL): string {
  return readFileSync(url, 'utf8');
}

/** Parses and compiles fixtures; the first is the main model. */
export function compileFixtures(urls: URL[], options?: CompileDmnOptions): CompiledDmn {
  return compileDmn(urls.map((u) => parseDmn(readFixture(u))), options);
}

/** Evaluates a decision and returns its JSON result. */
export function decide(compiled: CompiledDmn, decision: string, variables: Record<string, unknown> = {}): unknown {
  return evaluateDecision(compiled, decision, variables).json;
}
