import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDeployment } from '../compile-deployment';
import { parseBpmn } from '../model/parse';
import type { ExecutableProcess } from '../model/types';
import type { DecisionEvaluator, EngineContext, ScriptRunner, ScriptRequest } from '../ports';
import { Deployments } from '../deployments';
import { createSequentialIds } from '../runtime/ids';
import type { Variables } from '../runtime/state';
import { testFeel } from './feel';

/** Reads a fixture that sits beside the spec: `fixture(import.meta.url, 'x.bpmn')`. */
export function fixture(specUrl: string, name: string): string {
  return readFileSync(join(dirname(fileURLToPath(specUrl)), name), 'utf8');
}

/** Parses and compiles BPMN XML; fails the test with every compile error. */
export async function compileXml(xml: string, deployments = new Deployments()): Promise<Map<string, ExecutableProcess>> {
  const { definitions } = await parseBpmn(xml);
  const { processes, errors } = compileDeployment(definitions, { expressions: testFeel });
  if (errors.length > 0) throw new Error(errors.map((e) => `${e.elementId}: ${e.message}`).join('\n'));
  deployments.deploy(processes.values());
  return processes;
}

/** The single process of a fixture beside the spec, deployed as version 1. */
export async function loadProcess(specUrl: string, name: string, processId?: string): Promise<ExecutableProcess> {
  const processes = await compileXml(fixture(specUrl, name));
  const process = processId ? processes.get(processId) : [...processes.values()][0];
  if (!process) throw new Error(`no process ${processId ?? ''} in ${name}`);
  return process;
}

/** A script runner for specs: scripts are looked up by their exact source. */
export function fakeScripts(scripts: Record<string, (vars: Readonly<Variables>, req: ScriptRequest) => { result?: unknown; set?: Variables } | string>): ScriptRunner & { requests: ScriptRequest[] } {
  const requests: ScriptRequest[] = [];
  return {
    requests,
    run(req) {
      requests.push(req);
      const fn = scripts[req.source.trim()];
      if (!fn) return { ok: false, error: `unknown script ${req.source}` };
      const out = fn(req.variables, req);
      if (typeof out === 'string') return { ok: false, error: out };
      return { ok: true, result: out.result ?? null, setVariables: out.set ?? {} };
    },
  };
}

export function fakeDecisions(decisions: Record<string, (vars: Readonly<Variables>) => unknown>): DecisionEvaluator {
  return {
    evaluate(decisionId, variables) {
      const fn = decisions[decisionId];
      if (!fn) return { ok: false, error: `no decision ${decisionId}` };
      try {
        return { ok: true, result: fn(variables) };
      } catch (err) {
        return { ok: false, error: (err as Error).message };
      }
    },
  };
}

/** A deterministic context: a clock that advances 1 s per call to `now()` and sequential instance ids. */
export function testContext(extra: Partial<EngineContext> = {}): EngineContext & { clockAt: { t: number } } {
  const clockAt = { t: Date.UTC(2026, 0, 1) };
  return {
    clock: { now: () => (clockAt.t += 1000) },
    ids: createSequentialIds(),
    clockAt,
    ...extra,
  };
}

/** JSON round trip: what a store would give back. */
export function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
