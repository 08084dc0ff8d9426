import { compileDmn, DmnError, evaluateDecision, parseDmn } from '../dmn';
import type { CompiledDmn, CompileProblem } from '../dmn';
import { FeelBudgetError, feelLimits, type FeelLimits } from '../feel';
import type { DeployableDecisions } from './engine-host';
import type { DecisionAuditTrail, DecisionBinding } from '../engine';

/**
 * A DMN file that could not be deployed: not XML, not DMN, no decision, or a model that would
 * mislead (a FEEL syntax error in a decision, a requirement cycle, a requirement naming nothing, a
 * duplicate id). `problems` lists each error with the decision (or other element) id and where in
 * it (`decisionTable t1 > rule r3 > inputEntry 2`).
 */
export class DmnDeployError extends Error {
  constructor(
    message: string,
    readonly problems: readonly CompileProblem[] = [],
  ) {
    super(message);
    this.name = 'DmnDeployError';
  }
}

/** Options of {@link DmnDecisions}. */
export interface DmnDecisionsOptions {
  /**
   * The budget of each decision evaluation, shared by everything the decision requires (defaults:
   * `DEFAULT_LIMITS` of src/feel: 1,000,000 steps, lists of 1,000,000, call depth 200, strings of
   * 1,000,000 characters, values nested 1,000 deep).
   */
  readonly limits?: Partial<FeelLimits>;
}

interface DeployedDecision {
  version: number;
  compiled: CompiledDmn;
}

/**
 * Compiles a DMN file as a deployment would, every cell at once (large tables otherwise compile on
 * first use), so that every syntax error is known before anything runs.
 * @throws DmnDeployError listing the errors, or when the file holds no decision.
 */
export function compileDmnDeployment(xml: string): CompiledDmn {
  let compiled: CompiledDmn;
  try {
    compiled = compileDmn(parseDmn(xml), { compileCells: 'eager' });
  } catch (error) {
    throw new DmnDeployError(`not a DMN file: ${(error as Error).message}`);
  }
  const errors = compiled.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((p) => `  - ${describe(p)}`);
    throw new DmnDeployError(`the DMN model '${compiled.main.name}' has ${errors.length} error${errors.length > 1 ? 's' : ''}:\n${lines.join('\n')}`, errors);
  }
  if (compiled.main.decisions.length === 0) throw new DmnDeployError('the DMN file holds no decision');
  return compiled;
}

/**
 * The engine's DecisionEvaluator over src/dmn. Each deployed DMN file is parsed and compiled once;
 * every decision in it becomes the next version of its id, and business rule tasks evaluate the
 * latest version. Results are JSON (`toJson` of the FEEL value); the audit holds the DMN audit
 * trail (which rules matched) and the evaluation warnings.
 *
 * - `deploy` refuses a model with compile errors (`DmnDeployError` listing each); compile warnings
 *   (an unknown type, an unsupported element) are returned and the model deploys.
 * - An evaluation that runs out of budget, or gets input nested too deep, returns
 *   `{ ok: false, error }` naming the decision and the element, which the engine turns into a
 *   `decision` incident. Ordinary DMN errors stay null results with warnings.
 *
 * @example
 * const decisions = new DmnDecisions({ limits: { maxSteps: 100_000 } });
 * await decisions.deploy(dmnXml);                       // { versions: { discount: 1 }, warnings: [] }
 * decisions.evaluate('discount', { tier: 'gold', amount: 150 }, Date.now());
 * // { ok: true, result: 0.1, audit: { decisions: [...], warnings: [] } }
 */
export class DmnDecisions implements DeployableDecisions {
  private readonly byId = new Map<string, DeployedDecision[]>();
  /** Decision names point at ids, so a task may reference a decision by either. */
  private readonly idByName = new Map<string, string>();
  /** `processId@version` -> decision id -> the version deployed together with that process version. */
  private readonly withProcess = new Map<string, Record<string, number>>();
  private readonly limits: FeelLimits;

  constructor(options: DmnDecisionsOptions = {}) {
    this.limits = feelLimits(options.limits);
  }

  async deploy(xml: string, versions?: Record<string, number>): Promise<{ versions: Record<string, number>; warnings: string[] }> {
    const compiled = compileDmnDeployment(xml);
    const decisions = compiled.main.decisions;
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
    return { versions: given, warnings: compiled.problems.map(describe) };
  }

  /**
   * Records the decision versions deployed in the same deployment as a process version, which a
   * business rule task with `bindingType="deployment"` evaluates.
   */
  bindDeployment(processId: string, processVersion: number, decisions: Readonly<Record<string, number>>): void {
    this.withProcess.set(`${processId}@${processVersion}`, { ...decisions });
  }

  /** The deployed version numbers of a decision, oldest first. */
  versionsOf(decisionId: string): number[] {
    return (this.byId.get(this.idByName.get(decisionId) ?? decisionId) ?? []).map((d) => d.version);
  }

  /**
   * Evaluates the version the binding names: the latest (default), the one deployed together with
   * the calling process version (`deployment`, see {@link bindDeployment}), or the latest whose
   * decision carries the `zeebe:versionTag`.
   */
  evaluate(decisionId: string, variables: Readonly<Record<string, unknown>>, now: number, binding?: DecisionBinding):
    { ok: true; result: unknown; audit?: DecisionAuditTrail } | { ok: false; error: string } {
    const id = this.byId.has(decisionId) ? decisionId : this.idByName.get(decisionId);
    const list = id === undefined ? undefined : this.byId.get(id);
    if (id === undefined || !list) {
      const known = [...this.byId.keys()];
      return { ok: false, error: `not deployed${known.length ? ` (deployed: ${known.join(', ')})` : ''}` };
    }
    const picked = binding?.type === 'deployment' ? this.pickDeployed(list, id, binding) : pick(list, id, binding);
    if ('error' in picked) return { ok: false, error: picked.error };
    const { compiled, version } = picked;
    try {
      const r = evaluateDecision(compiled, id, variables, { now: () => now, limits: this.limits });
      return { ok: true, result: r.json, audit: { version, decisions: r.audit, warnings: r.warnings.map((w) => w.message) } };
    } catch (error) {
      if (error instanceof FeelBudgetError) return { ok: false, error: `${error.message}${error.where ? ` at ${error.where}` : ''}` };
      if (error instanceof DmnError) return { ok: false, error: error.message };
      return { ok: false, error: `decision ${decisionId} failed: ${(error as Error).message}` };
    }
  }

  /** The version deployed together with the calling process version (Zeebe: "the same deployment"). */
  private pickDeployed(list: readonly DeployedDecision[], id: string, binding: Extract<DecisionBinding, { type: 'deployment' }>): DeployedDecision | { error: string } {
    const p = binding.process;
    if (!p) return { error: `binding type 'deployment' needs the calling process version` };
    const version = this.withProcess.get(`${p.id}@${p.version}`)?.[id];
    const found = version === undefined ? undefined : list.find((d) => d.version === version);
    if (found) return found;
    return { error: `decision ${id} was not deployed together with process ${p.id} version ${p.version} (bindingType deployment): deploy the DMN file in the same deployment as the process, or use binding latest or versionTag` };
  }
}

/** The deployed version a `latest` or `versionTag` binding names (versions are sorted oldest first). */
function pick(list: readonly DeployedDecision[], id: string, binding: Exclude<DecisionBinding, { type: 'deployment' }> | undefined): DeployedDecision | { error: string } {
  if (!binding || binding.type === 'latest') return list[list.length - 1]!;
  const tagged = list.filter((d) => tagOf(d, id) === binding.versionTag);
  if (tagged.length > 0) return tagged[tagged.length - 1]!;
  const tags = [...new Set(list.map((d) => tagOf(d, id)).filter((t) => t !== undefined))];
  return { error: `no deployed version of ${id} has version tag '${binding.versionTag}'${tags.length ? ` (tags: ${tags.join(', ')})` : ' (no version has a tag)'}` };
}

function tagOf(d: DeployedDecision, id: string): string | undefined {
  return d.compiled.main.decisions.find((x) => x.id === id)?.versionTag;
}

/** `d1/decisionTable t1 > rule r3 > inputEntry 2: FEEL syntax error: …` (element id, then where in it). */
function describe(p: CompileProblem): string {
  return `${p.decisionId ? `${p.decisionId}/` : ''}${p.element}: ${p.message}`;
}
