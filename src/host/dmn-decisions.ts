import { compileDmn, DmnError, evaluateDecision, parseDmn } from '../dmn';
import type { CompiledDmn } from '../dmn';
import type { DeployableDecisions } from './engine-host';

/** A DMN file that could not be deployed (not XML, not DMN, no decision). */
export class DmnDeployError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DmnDeployError';
  }
}

interface DeployedDecision {
  version: number;
  compiled: CompiledDmn;
}

/**
 * The engine's DecisionEvaluator over src/dmn. Each deployed DMN file is parsed and compiled once;
 * every decision in it becomes the next version of its id, and business rule tasks evaluate the
 * latest version. Results are JSON (`toJson` of the FEEL value); the audit holds the DMN audit
 * trail (which rules matched) and the evaluation warnings.
 *
 * Compile problems (a FEEL syntax error in one cell, an unknown type) do not stop a deployment:
 * the DMN evaluator turns them into null results with warnings; `deploy` returns them as warnings.
 *
 * @example
 * const decisions = new DmnDecisions();
 * await decisions.deploy(dmnXml);                       // { versions: { discount: 1 }, warnings: [] }
 * decisions.evaluate('discount', { tier: 'gold', amount: 150 }, Date.now());
 * // { ok: true, result: 0.1, audit: { decisions: [...], warnings: [] } }
 */
export class DmnDecisions implements DeployableDecisions {
  private readonly byId = new Map<string, DeployedDecision[]>();
  /** Decision names point at ids, so a task may reference a decision by either. */
  private readonly idByName = new Map<string, string>();

  async deploy(xml: string, versions?: Record<string, number>): Promise<{ versions: Record<string, number>; warnings: string[] }> {
    let compiled: CompiledDmn;
    try {
      compiled = compileDmn(parseDmn(xml));
    } catch (error) {
      throw new DmnDeployError(`not a DMN file: ${(error as Error).message}`);
    }
    const decisions = compiled.main.decisions;
    if (decisions.length === 0) throw new DmnDeployError('the DMN file holds no decision');
    const given: Record<string, number> = {};
    for (const d of decisions) {
      const list = this.byId.get(d.id) ?? [];
      const version = versions?.[d.id] ?? (list.length ? list[list.length - 1].version + 1 : 1);
      if (list.some((x) => x.version === version)) throw new DmnDeployError(`decision ${d.id} version ${version} is already deployed`);
      list.push({ version, compiled });
      list.sort((a, b) => a.version - b.version);
      this.byId.set(d.id, list);
      this.idByName.set(d.name, d.id);
      given[d.id] = version;
    }
    const warnings = compiled.problems.map((p) => `${p.decisionId ? `${p.decisionId}/` : ''}${p.element}: ${p.message}`);
    return { versions: given, warnings };
  }

  /** The deployed version numbers of a decision, oldest first. */
  versionsOf(decisionId: string): number[] {
    return (this.byId.get(this.idByName.get(decisionId) ?? decisionId) ?? []).map((d) => d.version);
  }

  evaluate(decisionId: string, variables: Readonly<Record<string, unknown>>, now: number):
    { ok: true; result: unknown; audit?: unknown } | { ok: false; error: string } {
    const id = this.byId.has(decisionId) ? decisionId : this.idByName.get(decisionId);
    const list = id === undefined ? undefined : this.byId.get(id);
    if (id === undefined || !list) {
      const known = [...this.byId.keys()];
      return { ok: false, error: `not deployed${known.length ? ` (deployed: ${known.join(', ')})` : ''}` };
    }
    const { compiled } = list[list.length - 1];
    try {
      const r = evaluateDecision(compiled, id, variables, { now: () => now });
      return { ok: true, result: r.json, audit: { decisions: r.audit, warnings: r.warnings.map((w) => w.message) } };
    } catch (error) {
      if (error instanceof DmnError) return { ok: false, error: error.message };
      return { ok: false, error: `decision ${decisionId} failed: ${(error as Error).message}` };
    }
  }
}
