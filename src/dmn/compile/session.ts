import type { CallContext, FeelValue } from '../../feel/values';
import type { DecisionAudit, TableAudit } from '../audit';

/** A warning raised while evaluating: where (decision and element) and what. */
export interface DmnWarning {
  readonly decisionId?: string;
  readonly element?: string;
  readonly message: string;
}

/** Where a compiled piece sits in the model; used to label warnings and errors. */
export interface Site {
  readonly decisionId?: string;
  readonly decisionName?: string;
  /** e.g. `decisionTable dt1, rule r2, inputEntry 1` */
  readonly element: string;
}

/**
 * Per-evaluation state: the clock, collected warnings, the audit of the decision being evaluated
 * and the memo of decisions already evaluated (each required decision runs once per evaluation).
 */
export class Session {
  readonly warnings: DmnWarning[] = [];
  readonly audits: DecisionAudit[] = [];
  /** Decision results by `namespace#id`. */
  readonly memo = new Map<string, FeelValue>();
  /** Table audits of the decision currently being evaluated (a stack follows nesting). */
  currentTables: TableAudit[] | undefined;
  /** Guards against runaway recursion through BKMs and decision services. */
  depth = 0;
  private readonly nowFn: (() => Date | number) | undefined;
  private nowValue: number | undefined;

  /**
   * @param now the clock behind `now()`/`today()`
   * @param recordAudit false skips the audit trail (hot loops such as simulations)
   */
  constructor(now?: () => Date | number, readonly recordAudit = true) {
    this.nowFn = now;
  }

  /** Options for FEEL evaluation; `now()` is read once per session so that a DRG sees one instant. */
  readonly feelOptions: { readonly now: () => number } = { now: () => this.now() };

  now(): number {
    if (this.nowValue === undefined) {
      const raw = this.nowFn ? this.nowFn() : Date.now();
      this.nowValue = typeof raw === 'number' ? raw : raw.getTime();
    }
    return this.nowValue;
  }

  warn(site: Site | undefined, message: string): void {
    this.warnings.push({ decisionId: site?.decisionId, element: site?.element, message });
  }

  /** A FEEL call context whose warnings are labelled with `site`. */
  callContext(site: Site | undefined): CallContext {
    return { warn: (m) => this.warn(site, m), now: () => this.now() };
  }
}
