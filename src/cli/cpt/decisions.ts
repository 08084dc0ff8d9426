import type { DecisionAuditTrail, DecisionBinding, Variables } from '../../engine';
import { DmnDecisions } from '../../host/dmn-decisions';
import type { DeployableDecisions } from '../../host/engine-host';

/** One decision evaluation a test case saw (by a business rule task or EVALUATE_DECISION). */
export interface DecisionEvaluation {
  decisionId: string;
  decisionName: string | null;
  output: unknown;
  /** 1-based rule indexes of every table the decision evaluated, as Zeebe numbers them. */
  matchedRules: number[];
  mocked: boolean;
}

interface AuditShape {
  decisions?: Array<{ decisionId: string; decisionName: string; tables: Array<{ matched: Array<{ index: number }>; chosen?: number[] }> }>;
}

/**
 * The decision evaluator of one test case: the real DMN evaluator, with MOCK_DMN_DECISION
 * overrides in front of it and a record of every evaluation behind it (for ASSERT_DECISION).
 */
export class CaseDecisions implements DeployableDecisions {
  readonly evaluations: DecisionEvaluation[] = [];
  private readonly mocks = new Map<string, Variables>();
  private readonly inner = new DmnDecisions();

  deploy(xml: string, versions?: Record<string, number>) {
    return this.inner.deploy(xml, versions);
  }

  bindDeployment(processId: string, processVersion: number, decisions: Readonly<Record<string, number>>): void {
    this.inner.bindDeployment(processId, processVersion, decisions);
  }

  /** From now on the decision returns `output` (an object of output values) without evaluating. */
  mock(decisionId: string, output: Variables): void {
    this.mocks.set(decisionId, output);
  }

  evaluate(decisionId: string, variables: Readonly<Record<string, unknown>>, now: number, binding?: DecisionBinding):
    { ok: true; result: unknown; audit?: DecisionAuditTrail } | { ok: false; error: string } {
    const mocked = this.mocks.get(decisionId);
    if (mocked !== undefined) {
      this.evaluations.push({ decisionId, decisionName: null, output: mocked, matchedRules: [], mocked: true });
      return { ok: true, result: mocked };
    }
    const r = this.inner.evaluate(decisionId, variables, now, binding);
    if (r.ok) {
      const audits = (r.audit as AuditShape | undefined)?.decisions ?? [];
      const own = audits.find((a) => a.decisionId === decisionId || a.decisionName === decisionId) ?? audits[audits.length - 1];
      this.evaluations.push({
        decisionId: own?.decisionId ?? decisionId,
        decisionName: own?.decisionName ?? null,
        output: r.result,
        // Camunda's matched rules are the ones the hit policy used (FIRST: the first), not every match.
        matchedRules: (own?.tables ?? []).flatMap((t) => (t.chosen ?? t.matched.map((m) => m.index)).map((i) => i + 1)),
        mocked: false,
      });
    }
    return r;
  }
}
