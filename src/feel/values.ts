import type { Temporal } from 'temporal-polyfill';
import type { Budget } from './budget';
import { Decimal } from './decimal';

// Set by builtins/format.ts (which depends on this module) so that values print as FEEL text.
let formatter: (v: FeelValue) => string = () => '[FEEL value]';

/** Installs the FEEL text formatter used by the value classes' `toString()`. */
export function setValueFormatter(f: (v: FeelValue) => string): void {
  formatter = f;
}

/** Common base: every FEEL value object prints as FEEL text (`2024-01-31`, `P1D`, `{a: 1}`). */
export abstract class FeelObject {
  toString(): string {
    return formatter(this as unknown as FeelValue);
  }
}

/**
 * A FEEL `date`: a calendar date without time or zone.
 * @example new FeelDate(Temporal.PlainDate.from('2024-02-29'))
 */
export class FeelDate extends FeelObject {
  readonly kind = 'date' as const;
  /**
   * @param yearShift years (a multiple of 400) to add to `date.year`. FEEL allows years up to
   *   ±999,999,999 but Temporal stops near ±271,821; the Gregorian calendar repeats every 400
   *   years (146,097 days, a whole number of weeks), so far years are held shifted into range.
   */
  constructor(
    readonly date: Temporal.PlainDate,
    readonly yearShift = 0,
  ) {
    super();
  }
}

/**
 * A FEEL `time`: a local time, optionally with a fixed offset (seconds east of UTC) or an IANA zone.
 * When `zone` is set, `offset` is null: a zone's offset depends on a date that a time does not have.
 */
export class FeelTime extends FeelObject {
  readonly kind = 'time' as const;
  constructor(
    readonly time: Temporal.PlainTime,
    readonly offset: number | null = null,
    readonly zone: string | null = null,
  ) {
    super();
  }
}

/**
 * A FEEL `date and time`: local date-time, optionally with a fixed offset (seconds) or an IANA zone.
 * With a zone, `offset` holds the zone's offset at that instant.
 */
export class FeelDateTime extends FeelObject {
  readonly kind = 'date and time' as const;
  constructor(
    readonly dateTime: Temporal.PlainDateTime,
    readonly offset: number | null = null,
    readonly zone: string | null = null,
    /** As for FeelDate: a multiple of 400 years to add to `dateTime.year`. */
    readonly yearShift = 0,
  ) {
    super();
  }
}

/** A FEEL `days and time duration`, held exactly as a (possibly fractional, signed) number of seconds. */
export class FeelDaysTimeDuration extends FeelObject {
  readonly kind = 'days and time duration' as const;
  constructor(readonly seconds: Decimal) {
    super();
  }
}

/** A FEEL `years and months duration`, held as a signed whole number of months. */
export class FeelYearsMonthsDuration extends FeelObject {
  readonly kind = 'years and months duration' as const;
  constructor(readonly months: number) {
    super();
  }
}

export type FeelDuration = FeelDaysTimeDuration | FeelYearsMonthsDuration;

/**
 * A FEEL context: ordered entries. Keys are FEEL names (spaces allowed).
 * @example new FeelContext(new Map([['first name', 'Ada']]))
 */
export class FeelContext extends FeelObject {
  readonly kind = 'context' as const;
  constructor(readonly entries: Map<string, FeelValue> = new Map()) {
    super();
  }
  get(key: string): FeelValue | undefined {
    return this.entries.get(key);
  }
}

/**
 * A FEEL range (interval). Closed ends include the endpoint. Ranges written as unary comparisons
 * (`< 10`, `>= 5`, `= 3`, `!= 3`) carry that operator in `unaryOp`; their missing side is unbounded,
 * whereas an interval with a null endpoint (`(null..10]`) has an unknown side (tests give null).
 * @example new FeelRange(new Decimal(1), new Decimal(10), true, false) // [1..10)
 */
export class FeelRange extends FeelObject {
  readonly kind = 'range' as const;
  constructor(
    readonly start: FeelValue,
    readonly end: FeelValue,
    readonly startIncluded: boolean,
    readonly endIncluded: boolean,
    readonly unaryOp: '<' | '<=' | '>' | '>=' | '=' | '!=' | null = null,
  ) {
    super();
  }

  /** True when the range has no lower bound (as in `< 10`). */
  get unboundedStart(): boolean {
    return this.start === null && (this.unaryOp === '<' || this.unaryOp === '<=');
  }

  /** True when the range has no upper bound (as in `> 10`). */
  get unboundedEnd(): boolean {
    return this.end === null && (this.unaryOp === '>' || this.unaryOp === '>=');
  }
}

/** Services a function body may use: warnings, the injected clock and the evaluation's budget. */
export interface CallContext {
  warn(message: string): void;
  /** Epoch milliseconds from the evaluation options' clock. */
  now(): number;
  /** The evaluation's budget: bodies that loop or build large values pay for it (see `Budget`). */
  readonly budget: Budget;
}

/** A parameter of a FEEL function value. `optional` parameters may be left out of a call. */
export interface FeelParam {
  readonly name: string;
  readonly optional?: boolean;
  /**
   * Type checked (`instance of` semantics) before the body runs; mismatches give null. Names that
   * are neither built in nor resolved (`resolvedType`) are not checked.
   */
  readonly type?: string;
  /** The parsed type with item definitions resolved, when the compiler could resolve it. */
  readonly resolvedType?: unknown;
}

/**
 * A FEEL function value: a built-in, a user lambda, or a host function (see `makeFunction`).
 * The body receives the arguments in parameter order; missing optional arguments are `undefined`.
 */
export class FeelFunction extends FeelObject {
  readonly kind = 'function' as const;
  constructor(
    readonly name: string,
    readonly params: readonly FeelParam[],
    readonly body: (args: (FeelValue | undefined)[], call: CallContext) => FeelValue,
    /** Collect every argument beyond the declared ones into the last parameter as a list. */
    readonly variadic = false,
    /** Overloads tried in order when the arguments do not fit this signature. */
    readonly overloads: readonly FeelFunction[] = [],
    /** Budget steps a call costs: 1, more for built-ins that take much longer than a call (Temporal). */
    readonly cost = 1,
  ) {
    super();
  }
}

export type FeelValue =
  | null
  | boolean
  | string
  | Decimal
  | FeelDate
  | FeelTime
  | FeelDateTime
  | FeelDaysTimeDuration
  | FeelYearsMonthsDuration
  | FeelValue[]
  | FeelContext
  | FeelRange
  | FeelFunction;

/** The FEEL type name of a value, as used in warnings and by `instance of`. */
export function typeNameOf(v: FeelValue | undefined): string {
  if (v === null || v === undefined) return 'Null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (v instanceof Decimal) return 'number';
  if (Array.isArray(v)) return 'list';
  return (v as { kind: string }).kind;
}
