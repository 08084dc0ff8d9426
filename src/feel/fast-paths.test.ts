import { describe, expect, it } from 'vitest';
import { compileExpression, Decimal, makeFunction } from './index';
import { civilFromDays, daysFromCivil } from '../dates/civil-days';
import { addDays, addMonths, addWholeSeconds, calendarDate, localNs, Temporal } from './temporal';
import { FeelDate } from './values';
import { utcDateTime } from './builtins/dates';

const feel = (src: string) => String(compileExpression(src).evaluate({}).value);

/** The speed paths of FEEL date arithmetic (ADR 0210) must agree with Temporal's own arithmetic. */
describe('FEEL date fast paths', () => {
  it('given every day of 1896..2104 and far years, when converted to epoch days and back, then Temporal agrees', () => {
    const epoch = Temporal.PlainDate.from('1970-01-01');
    for (let d = Temporal.PlainDate.from('1896-01-01'); Temporal.PlainDate.compare(d, Temporal.PlainDate.from('2104-12-31')) <= 0; d = d.add({ days: 1 })) {
      const days = daysFromCivil(d.year, d.month, d.day);
      if (days % 97 === 0) expect(days).toBe(epoch.until(d, { largestUnit: 'days' }).days);
      expect(civilFromDays(days)).toEqual({ year: d.year, month: d.month, day: d.day });
    }
    for (const text of ['-199999-03-01', '-000004-02-29', '0000-02-29', '1600-02-29', '+199999-12-31']) {
      const d = Temporal.PlainDate.from(text);
      expect(daysFromCivil(d.year, d.month, d.day)).toBe(epoch.until(d, { largestUnit: 'days' }).days);
    }
  });

  it('given dates and day counts, when addDays runs, then it equals Temporal add, and leaves the unshifted years to Temporal', () => {
    const d = Temporal.PlainDate.from('2024-02-28');
    for (const n of [-800_000, -366, -1, 0, 1, 2, 365, 366, 10_000]) expect(addDays(d, n)?.toString()).toBe(d.add({ days: n }).toString());
    expect(addDays(Temporal.PlainDate.from('+200000-12-31'), 1)).toBeUndefined();
  });

  it('given wall-clock date-times, when localNs runs, then it equals the UTC epoch nanoseconds', () => {
    for (const text of ['1970-01-01T00:00:00', '2024-02-29T23:59:59.123456789', '1600-03-01T12:00:00', '-001000-06-15T01:02:03']) {
      const dt = Temporal.PlainDateTime.from(text);
      expect(localNs(dt)).toBe(dt.toZonedDateTime('UTC').epochNanoseconds);
    }
  });

  it('given date plus or minus days-time durations, when evaluated, then the date moves by the floor of the days', () => {
    expect(feel('date("2024-02-28") + @"P1D"')).toBe('2024-02-29');
    expect(feel('date("2024-02-28") + @"P2D"')).toBe('2024-03-01');
    expect(feel('date("2024-01-01") - @"PT1S"')).toBe('2023-12-31');
    expect(feel('date("2024-01-01") + @"PT23H59M59S"')).toBe('2024-01-01');
    expect(feel('date("2024-01-01") + @"PT0.5S"')).toBe('2024-01-01');
    expect(feel('date("2024-01-01") - @"PT0.5S"')).toBe('2023-12-31');
    expect(feel('date("2024-01-01") - @"P36500D"')).toBe('1924-01-26');
    expect(feel('date("999999999-12-31") - @"P1D"')).toBe('999999999-12-30');
  });

  it('given two dates, when subtracted, then the days-time duration is whole days, far years included', () => {
    expect(feel('date("2024-03-01") - date("2024-02-28")')).toBe('P2D');
    expect(feel('date("2023-01-01") - date("2024-01-01")')).toBe('-P365D');
    expect(feel('date("999999999-01-01") - date("999999998-01-01")')).toBe('P365D');
    const r = compileExpression('a - b').evaluate({ a: new FeelDate(Temporal.PlainDate.from('2000-01-02')), b: new FeelDate(Temporal.PlainDate.from('2000-01-01')) }).value;
    expect(String(r)).toBe('P1D');
    expect(new Decimal(86_400).eq((r as { seconds: Decimal }).seconds)).toBe(true);
  });
});

describe('FEEL decimal comparison fast path', () => {
  it('given edge values, when compared without allocation, then the order is decimal.js own', async () => {
    const { compareDecimals } = await import('./decimal');
    const texts = ['0', '-0', '0.1', '0.2', '0.30000000000000004', '0.3', '-0.3', '1', '1.0', '1.0000001', '0.9999999', '10', '10000000', '9999999',
      '100000000000000000000000000000000000001', '-100000000000000000000000000000000000001', '1e-30', '-1e-30', '1e6000', '-1e6000', '1e-6000',
      '1234567.1234567', '1234567.12345671', '12345678901234567890', '12345678901234567891', '-5', '-50'];
    const values = texts.map((t) => new Decimal(t));
    values.push(new Decimal('0.1').plus('0.2'), new Decimal(1).div(3), new Decimal(2).div(3).negated(), new Decimal(0).negated());
    for (const x of values) for (const y of values) expect(compareDecimals(x, y)).toBe(x.cmp(y));
    // Non-finite values (which FEEL never holds) take decimal.js's own path.
    expect(compareDecimals(new Decimal(Infinity), new Decimal(1))).toBe(1);
    expect(Number.isNaN(compareDecimals(new Decimal(NaN), new Decimal(1)))).toBe(true);
  });
});

describe('FEEL zoned time offsets', () => {
  it('given times in a zone, when compared repeatedly, then the remembered offset is the zone offset on 1970-01-01', async () => {
    const { timeOffset, parseTime } = await import('./temporal');
    for (let round = 0; round < 2; round++) {
      expect(feel('time("10:30:00@Europe/Paris") = time("09:30:00Z")')).toBe('true');
      expect(feel('time("10:30:00@America/New_York") = time("15:30:00Z")')).toBe('true');
      expect(feel('time("10:30:00@Asia/Kolkata") - time("10:30:00Z")')).toBe('-PT5H30M');
    }
    const t = parseTime('23:00:00@Europe/London')!;
    expect(timeOffset(t)).toBe(Temporal.PlainDateTime.from('1970-01-01T23:00').toZonedDateTime('Europe/London').offsetNanoseconds / 1e9);
  });
});

describe('FEEL small-integer arithmetic fast path', () => {
  it('given integers, decimals, zeros and big values, when added, subtracted and multiplied, then results equal decimal.js to the digit', async () => {
    const { smallInteger } = await import('./decimal');
    const { add, subtract, multiply } = await import('./ops');
    const { createCallContext } = await import('./index');
    const c = createCallContext();
    const texts = ['0', '-0', '1', '-1', '5.0', '9', '10', '99', '100', '1234567', '-1234567', '9999999', '-9999999', '10000000', '12345678',
      '0.1', '0.2', '0.5', '1.5', '-2.25', '12.5', '1e-7', '123456789012345678901234567890', '1e30', '3.000000000000000000000000000000001'];
    const values = texts.map((t) => new Decimal(t));
    values.push(new Decimal('0.1').plus('0.2'), new Decimal(1).div(3));
    const same = (x: unknown, y: Decimal) => x instanceof Decimal && x.toString() === y.toString() && Object.is(x.isNegative(), y.isNegative()) && x.eq(y);
    for (const a of values) {
      for (const b of values) {
        expect(same(add(a, b, c), a.plus(b))).toBe(true);
        expect(same(subtract(a, b, c), a.minus(b))).toBe(true);
        expect(same(multiply(a, b, c), a.times(b))).toBe(true);
      }
    }
    expect(smallInteger(new Decimal('1234567'))).toBe(1234567);
    expect(smallInteger(new Decimal('-40'))).toBe(-40);
    for (const t of ['0', '-0', '0.5', '10000000', '1.5', '1e-7']) expect(smallInteger(new Decimal(t))).toBeUndefined();
    expect(feel('0.1 + 0.2')).toBe('0.3');
    expect(feel('sum(for i in 1..100 return i * i)')).toBe('338350');
  });
});

/** Built-in calls with literal arguments are computed once at compile time (ADR 0211). */
describe('FEEL constant built-in calls', () => {
  it('given a built-in call with literal arguments, when evaluated twice, then the same value comes back without warnings', () => {
    const e = compileExpression('exp(4) + 1');
    const a = e.evaluate({});
    expect(a.warnings).toEqual([]);
    expect(String(a.value)).toBe(new Decimal(4).exp().plus(1).toString());
    expect(String(e.evaluate({}).value)).toBe(String(a.value));
    expect(feel('date("2024-01-01") + duration("P1D")')).toBe('2024-01-02');
  });

  it('given a variable holding a function under the built-in name, when evaluated, then the variable wins', () => {
    const e = compileExpression('abs(-4)');
    expect(String(e.evaluate({}).value)).toBe('4');
    const ten = makeFunction(['x'], ([x]) => (x instanceof Decimal ? x.times(10) : null), 'abs');
    expect(String(e.evaluate({ abs: ten }).value)).toBe('-40');
    const ctx = compileExpression('{ abs: function(x) x * 10, r: abs(-4) }.r');
    expect(String(ctx.evaluate({}).value)).toBe('-40');
  });

  it('given a call that warns or reads the clock, when evaluated, then it runs each time and warns each time', () => {
    const bad = compileExpression('exp("4")');
    expect(bad.evaluate({}).warnings.length).toBeGreaterThan(0);
    expect(bad.evaluate({}).warnings.length).toBeGreaterThan(0);
    let t = Date.UTC(2024, 0, 1);
    const today = compileExpression('today()');
    expect(String(today.evaluate({}, { now: () => t }).value)).toBe('2024-01-01');
    t = Date.UTC(2025, 5, 2);
    expect(String(today.evaluate({}, { now: () => t }).value)).toBe('2025-06-02');
  });

  it('given a call returning a list, when evaluated twice, then each evaluation gets its own list', () => {
    const e = compileExpression('append([1], 2)');
    const a = e.evaluate({}).value;
    const b = e.evaluate({}).value;
    expect(a).not.toBe(b);
    expect(String(a)).toBe(String(b));
  });
});

/** Month and whole-second arithmetic by day numbers must agree with Temporal's `add` (ADR 0211). */
describe('FEEL month and second fast paths', () => {
  it('given dates across leap years and month ends, when months are added, then Temporal agrees', () => {
    for (const text of ['2024-01-31', '2023-01-31', '2024-02-29', '1900-03-31', '2000-12-31', '-000001-05-31', '0000-02-29', '2021-08-15']) {
      const d = Temporal.PlainDate.from(text);
      for (const months of [-1201, -25, -13, -12, -1, 0, 1, 2, 11, 12, 13, 25, 1200]) {
        const to = addMonths(d, months)!;
        expect(new Temporal.PlainDate(to.year, to.month, to.day).toString()).toBe(d.add({ months }, { overflow: 'constrain' }).toString());
      }
    }
    expect(addMonths(Temporal.PlainDate.from('+199999-12-31'), 24)).toBeUndefined();
  });

  it('given wall-clock date-times, when whole seconds are added, then Temporal agrees', () => {
    for (const text of ['2024-02-28T23:59:59.5', '2023-12-31T00:00:00', '1970-01-01T12:34:56.000000789', '-000100-03-01T00:00:01']) {
      const dt = Temporal.PlainDateTime.from(text);
      for (const s of [-86_400 * 400 - 1, -86_401, -86_400, -3_601, -1, 0, 1, 59, 3_600, 86_399, 86_400, 90_000, 86_400 * 366 + 7, 1e10]) {
        expect(addWholeSeconds(dt, s)!.toString()).toBe(dt.add({ seconds: s }).toString());
      }
    }
  });

  it('given FEEL date and date-time plus durations, then the results are the calendar ones', () => {
    expect(feel('date("2024-01-31") + @"P1M"')).toBe('2024-02-29');
    expect(feel('date and time("2024-01-31T10:00:00") + @"P13M"')).toBe('2025-02-28T10:00:00');
    expect(feel('date and time("2024-01-31T10:00:00+02:00") - @"P1M"')).toBe('2023-12-31T10:00:00+02:00');
    expect(feel('date and time("2024-12-31T23:00:00Z") + @"PT2H"')).toBe('2025-01-01T01:00:00Z');
    expect(feel('date and time("2024-03-30T12:00:00@Europe/Paris") + @"P1D"')).toBe('2024-03-31T13:00:00@Europe/Paris'); // P1D is 86,400 s, across the DST change
    expect(feel('day of week(date and time("2024-03-30T12:00:00"))')).toBe('Saturday');
    expect(feel('last day of month(date and time("2024-02-10T12:00:00"))')).toBe('2024-02-29');
  });
});

describe('FEEL now() by day arithmetic', () => {
  it('given epoch milliseconds across eras and leap days, when converted to UTC, then Temporal agrees', () => {
    for (const ms of [0, -1, 1, 86_399_999, 86_400_000, 951_782_400_000, 1_709_208_000_123, -62_135_596_800_001, 4_102_444_799_999, Date.UTC(2024, 1, 29, 23, 59, 59, 999)]) {
      expect(utcDateTime(ms).toString()).toBe(Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO('UTC').toPlainDateTime().toString());
    }
  });
});

describe('FEEL remembered calendar dates', () => {
  it('given the same and different calendar days, then equal days share one PlainDate and others differ', () => {
    expect(calendarDate(2024, 2, 29)).toBe(calendarDate(2024, 2, 29));
    expect(calendarDate(-1, 12, 31).toString()).toBe('-000001-12-31');
    expect(calendarDate(0, 1, 1).toString()).toBe('0000-01-01');
    const days = [[-1, 1, 1], [1, 1, 31], [1, 2, 1], [2024, 12, 31], [2025, 1, 1]] as const;
    expect(days.map(([y, m, d]) => calendarDate(y, m, d).toString())).toEqual(['-000001-01-01', '0001-01-31', '0001-02-01', '2024-12-31', '2025-01-01']);
  });
});
