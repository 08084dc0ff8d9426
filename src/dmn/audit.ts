/** A JSON value (numbers as JS numbers, temporals as ISO strings, as FEEL's `toJson` gives). */
export type Json = unknown;

/** A rule that matched in a decision table. */
export interface MatchedRule {
  /** 0-based position of the rule in the table. */
  readonly index: number;
  readonly id?: string;
  /** The rule's annotation entries (DMN 1.2+ rule annotations). */
  readonly annotations: readonly string[];
}

/** What one decision table saw and did. */
export interface TableAudit {
  readonly tableId?: string;
  readonly hitPolicy: string;
  /** Input expression values in column order. */
  readonly inputs: readonly Json[];
  /** Matched rules in rule order (before the hit policy picked among them). */
  readonly matched: readonly MatchedRule[];
  /** The table's result after the hit policy. */
  readonly output: Json;
  /** True when no rule matched and default output entries were used. */
  readonly usedDefaults: boolean;
  /**
   * 0-based positions of the rules whose outputs the hit policy used: the first for FIRST, the
   * winner for PRIORITY, the one for UNIQUE and ANY (none when UNIQUE is violated), all matched
   * rules for COLLECT, RULE ORDER and OUTPUT ORDER.
   */
  readonly chosen: readonly number[];
}

/**
 * The audit trail of one decision in an evaluation: the values it read, the rules that matched and
 * what it produced. Enough to log and replay the evaluation. All values are plain JSON, so the
 * trail can be stored and sent as is.
 */
export interface DecisionAudit {
  readonly decisionId: string;
  readonly decisionName: string;
  readonly namespace: string;
  /** Values of the required inputs and decisions, by variable name. */
  readonly inputs: Readonly<Record<string, Json>>;
  readonly tables: readonly TableAudit[];
  readonly output: Json;
}
