import { Budget, type FeelLimits } from '../../feel';
import type { CallContext } from '../../feel/values';
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
  /** What `decisionId` names when it is not a decision (`business knowledge model`). */
  readonly kind?: string;
  /** e.g. `decisionTable dt1, rule r2, inputEntry 1` */
  readonly element: string;
}

/**
 * Per-evaluation state: the clock, collected warnings, the audit of the decision being evaluated and
 * the one budget that every FEEL evaluation, BKM call and boxed iteration of it draws on.
 */
export class Session {
  readonly warnings: DmnWarning[] = [];
  readonly audits: DecisionAudit[] = [];
  /** Table audits of the decision currently being evaluated (a stack follows nesting). */
  currentTables: TableAudit[] | undefined;
  /** Steps, call depth and sizes of the whole evaluation (see `FeelLimits`). */
  readonly budget: Budget;
  private readonly nowFn: (() => Date | number) | undefined;
  private nowValue: number | undefined;

  /**
   * @param now the clock behind `now()`/`today()`
   * @param recordAudit false skips the audit trail (hot loops such as simulations)
   * @param limits the evaluation's limits (default `DEFAULT_LIMITS`)
   */
  constructor(now?: () => Date | number, readonly recordAudit = true, limits?: FeelLimits) {
    this.nowFn = now;
    this.budget = new Budget(limits);
    // Every scope of a DMN evaluation holds FEEL values (inputs are converted once, on entry).
    this.feelOptions = { now: clockOf(this), budget: this.budget, feelValues: true };
  }

  /** Options for FEEL evaluation; `now()` is read once per session so that a DRG sees one instant. */
  readonly feelOptions: { readonly now: () => number; readonly budget: Budget; readonly feelValues: true };

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
    return new SiteContext(this, site);
  }
}

/** `session.now` as a plain function (FEEL calls its clock unbound); made without a named closure. */
function clockOf(session: Session): () => number {
  return function () {
    return session.now();
  };
}

class SiteContext implements CallContext {
  constructor(private readonly session: Session, private readonly site: Site | undefined) {}
  get budget(): Budget {
    return this.session.budget;
  }
  warn(message: string): void {
    this.session.warn(this.site, message);
  }
  now(): number {
    return this.session.now();
  }
}
