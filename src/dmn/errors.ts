/** Where in a model an error arose: the decision (or other DRG element) and the element inside it. */
export interface DmnErrorLocation {
  /** Id of the decision, BKM, decision service or input data concerned. */
  readonly decisionId?: string;
  readonly decisionName?: string;
  /** What `decisionId` names when it is not a decision (`business knowledge model`). */
  readonly kind?: string;
  /** The element kind or id inside it (e.g. `decisionTable`, `rule r3 inputEntry 2`). */
  readonly element?: string;
}

/**
 * Any error raised by the DMN layer: reading, compiling or evaluating. The message names the
 * decision id and element so that users can find the faulty cell.
 *
 * @example
 * try { evaluateDecision(compiled, 'd1', {}); } catch (e) { if (e instanceof DmnError) e.decisionId; }
 */
export class DmnError extends Error {
  readonly decisionId?: string;
  readonly element?: string;

  constructor(message: string, location: DmnErrorLocation = {}, options?: { cause?: unknown }) {
    super(formatMessage(message, location), options);
    this.name = 'DmnError';
    this.decisionId = location.decisionId;
    this.element = location.element;
  }
}

/** `decision 'd1' (Discount), decisionTable t1 > rule r3 > inputEntry 2`: where something is in a model. */
export function describeSite(loc: DmnErrorLocation): string {
  const where: string[] = [];
  if (loc.decisionId !== undefined) {
    const name = loc.decisionName && loc.decisionName !== loc.decisionId ? ` (${loc.decisionName})` : '';
    where.push(`${loc.kind ?? 'decision'} '${loc.decisionId}'${name}`);
  }
  if (loc.element) where.push(loc.element);
  return where.join(', ');
}

function formatMessage(message: string, loc: DmnErrorLocation): string {
  const where = describeSite(loc);
  return where ? `${where}: ${message}` : message;
}
