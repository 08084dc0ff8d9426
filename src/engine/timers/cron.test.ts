import { describe, expect, it } from 'vitest';
import { cronNext } from './cron-next';
import { parseCron } from './cron-parse';
import { iso, reasonOf, valueOf } from './test-support/parsed';

const spec = (expression: string) => valueOf(parseCron(expression), expression);
const reason = (expression: string) => reasonOf(parseCron(expression), expression);

/** The next `count` matches after `from`, as ISO strings. */
function matches(expression: string, from: string, count = 1): (string | null)[] {
  const s = spec(expression);
  const out: (string | null)[] = [];
  let t: number | null = Date.parse(from);
  for (let i = 0; i < count && t !== null; i++) {
    t = cronNext(s, t);
    out.push(iso(t));
  }
  return out;
}

describe('cron: plain fields', () => {
  it('given on the hour nine-to-five weekdays, when asked after Friday 17:00, then the next is Monday 09:00 (UTC)', () => {
    expect(matches('0 0 9-17 * * MON-FRI', '2026-04-24T17:00:00Z', 2)).toEqual(['2026-04-27T09:00:00.000Z', '2026-04-27T10:00:00.000Z']);
  });

  it('given every five minutes, when asked mid-interval and exactly on a match, then the next match is strictly later', () => {
    expect(matches('0 */5 * * * *', '2026-04-27T10:02:30Z')).toEqual(['2026-04-27T10:05:00.000Z']);
    expect(matches('0 */5 * * * *', '2026-04-27T10:05:00Z')).toEqual(['2026-04-27T10:10:00.000Z']);
    expect(matches('0 */5 * * * *', '2026-04-27T10:04:59.999Z')).toEqual(['2026-04-27T10:05:00.000Z']);
  });

  it('given lists, ranges with steps and a start with a step, when evaluated, then each field takes exactly its values', () => {
    expect(matches('0 0/30 8-10 * * *', '2026-04-27T07:00:00Z', 7)).toEqual([
      '2026-04-27T08:00:00.000Z', '2026-04-27T08:30:00.000Z', '2026-04-27T09:00:00.000Z', '2026-04-27T09:30:00.000Z',
      '2026-04-27T10:00:00.000Z', '2026-04-27T10:30:00.000Z', '2026-04-28T08:00:00.000Z',
    ]);
    expect(matches('10-20/5 0 6,19 * * *', '2026-04-27T00:00:00Z', 4)).toEqual([
      '2026-04-27T06:00:10.000Z', '2026-04-27T06:00:15.000Z', '2026-04-27T06:00:20.000Z', '2026-04-27T19:00:10.000Z',
    ]);
  });

  it('given month and day names in any case, when evaluated, then they mean their numbers', () => {
    expect(matches('0 0 12 1 jan,Jul ?', '2026-04-27T00:00:00Z', 2)).toEqual(['2026-07-01T12:00:00.000Z', '2027-01-01T12:00:00.000Z']);
    expect(matches('0 0 12 ? * sat', '2026-04-27T00:00:00Z')).toEqual(['2026-05-02T12:00:00.000Z']);
  });

  it('given 0 or 7 for Sunday and a range starting at SUN, when evaluated, then all mean Sunday', () => {
    expect(matches('0 0 0 * * 0', '2026-04-27T00:00:00Z')).toEqual(['2026-05-03T00:00:00.000Z']);
    expect(matches('0 0 0 * * 7', '2026-04-27T00:00:00Z')).toEqual(['2026-05-03T00:00:00.000Z']);
    expect(matches('0 0 0 * * SUN-TUE', '2026-04-29T00:00:00Z', 3)).toEqual([
      '2026-05-03T00:00:00.000Z', '2026-05-04T00:00:00.000Z', '2026-05-05T00:00:00.000Z',
    ]);
  });

  it('given a day-of-week range starting at 7, when evaluated, then it starts at Sunday 0 as in Spring (7-7 is every day)', () => {
    expect(matches('0 0 0 * * 7-1', '2026-04-27T00:00:00Z', 2)).toEqual(['2026-05-03T00:00:00.000Z', '2026-05-04T00:00:00.000Z']);
    expect(matches('0 0 0 * * 7-7', '2026-04-27T00:00:00Z', 2)).toEqual(['2026-04-28T00:00:00.000Z', '2026-04-29T00:00:00.000Z']);
  });

  it('given a step on day-of-week from * or from 0, when evaluated, then * starts at Monday and 0 at Sunday', () => {
    // */2 = 1,3,5,7 (Mon, Wed, Fri, Sun); 0/2 = 0,2,4,6 (Sun, Tue, Thu, Sat)
    expect(matches('0 0 0 * * */2', '2026-04-27T00:00:00Z', 4)).toEqual([
      '2026-04-29T00:00:00.000Z', '2026-05-01T00:00:00.000Z', '2026-05-03T00:00:00.000Z', '2026-05-04T00:00:00.000Z',
    ]);
    expect(matches('0 0 0 * * 0/2', '2026-04-27T00:00:00Z', 4)).toEqual([
      '2026-04-28T00:00:00.000Z', '2026-04-30T00:00:00.000Z', '2026-05-02T00:00:00.000Z', '2026-05-03T00:00:00.000Z',
    ]);
  });

  it('given both day fields, when evaluated, then they are ANDed as in Spring: Friday the 13th', () => {
    expect(matches('0 0 0 13 * FRI', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-02-13T00:00:00.000Z', '2026-03-13T00:00:00.000Z', '2026-11-13T00:00:00.000Z',
    ]);
  });

  it('given a pattern at the end of the year, when asked on New Year\'s Eve, then it crosses into the next year', () => {
    expect(matches('0 0 0 1 1 *', '2026-12-31T23:59:59Z')).toEqual(['2027-01-01T00:00:00.000Z']);
    expect(matches('59 59 23 31 12 *', '2026-12-31T23:59:59Z')).toEqual(['2027-12-31T23:59:59.000Z']);
    expect(matches('0 30 * * * *', '2026-12-31T23:45:00Z')).toEqual(['2027-01-01T00:30:00.000Z']);
  });

  it('given February 29 on a Monday, when evaluated, then it jumps 28 years at a time without scanning', () => {
    expect(matches('0 0 0 29 2 MON', '2026-04-27T00:00:00Z', 2)).toEqual(['2044-02-29T00:00:00.000Z', '2072-02-29T00:00:00.000Z']);
  });
});

describe('cron: L, W and # (Quartz extensions in Spring)', () => {
  it('given L and L-n, when evaluated, then they count back from the last day, leap years included', () => {
    expect(matches('0 0 0 L * *', '2026-01-31T00:00:00Z', 2)).toEqual(['2026-02-28T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
    expect(matches('0 0 0 L * *', '2024-02-01T00:00:00Z')).toEqual(['2024-02-29T00:00:00.000Z']);
    expect(matches('0 0 0 L-3 * *', '2026-02-01T00:00:00Z', 2)).toEqual(['2026-02-25T00:00:00.000Z', '2026-03-28T00:00:00.000Z']);
  });

  it('given LW, when the last day is a weekend, then the last weekday is the Friday before', () => {
    // 2026-01-31 and 2026-02-28 are Saturdays, 2026-05-31 is a Sunday, 2026-04-30 a Thursday.
    expect(matches('0 0 0 LW * *', '2026-01-01T00:00:00Z', 5)).toEqual([
      '2026-01-30T00:00:00.000Z', '2026-02-27T00:00:00.000Z', '2026-03-31T00:00:00.000Z', '2026-04-30T00:00:00.000Z', '2026-05-29T00:00:00.000Z',
    ]);
  });

  it('given nW, when day n is a weekend, then the nearest weekday in the same month fires', () => {
    expect(matches('0 0 0 1W * *', '2026-07-15T00:00:00Z')).toEqual(['2026-08-03T00:00:00.000Z']); // Sat 1st -> Mon 3rd
    expect(matches('0 0 0 15W * *', '2026-08-01T00:00:00Z')).toEqual(['2026-08-14T00:00:00.000Z']); // Sat -> Fri
    expect(matches('0 0 0 16W * *', '2026-08-01T00:00:00Z')).toEqual(['2026-08-17T00:00:00.000Z']); // Sun -> Mon
    expect(matches('0 0 0 15W * *', '2026-05-01T00:00:00Z')).toEqual(['2026-05-15T00:00:00.000Z']); // a Friday itself
    expect(matches('0 0 0 31W * *', '2026-01-01T00:00:00Z')).toEqual(['2026-01-30T00:00:00.000Z']); // Sat 31st -> Fri
    // Sunday the 31st of May: Spring never moves into June, and June has no 31st; July 31st is a Friday.
    expect(matches('0 0 0 31W * *', '2026-05-01T00:00:00Z')).toEqual(['2026-07-31T00:00:00.000Z']);
  });

  it('given dL and named L, when evaluated, then the last such weekday of each month fires', () => {
    expect(matches('0 0 0 * * 5L', '2026-04-01T00:00:00Z', 2)).toEqual(['2026-04-24T00:00:00.000Z', '2026-05-29T00:00:00.000Z']);
    expect(matches('0 0 0 * * THUL', '2026-04-01T00:00:00Z', 2)).toEqual(['2026-04-30T00:00:00.000Z', '2026-05-28T00:00:00.000Z']);
    expect(matches('0 0 0 * * 0L', '2026-02-01T00:00:00Z')).toEqual(['2026-02-22T00:00:00.000Z']);
  });

  it('given d#n, when evaluated, then the n-th such weekday fires and months without one are skipped', () => {
    expect(matches('0 0 0 ? * 5#2', '2026-04-01T00:00:00Z', 2)).toEqual(['2026-04-10T00:00:00.000Z', '2026-05-08T00:00:00.000Z']);
    expect(matches('0 0 0 ? * MON#1', '2026-04-27T00:00:00Z')).toEqual(['2026-05-04T00:00:00.000Z']);
    // Fifth Friday: 2026 has them in January, May, July, October.
    expect(matches('0 0 0 ? * FRI#5', '2026-01-01T00:00:00Z', 3)).toEqual(['2026-01-30T00:00:00.000Z', '2026-05-29T00:00:00.000Z', '2026-07-31T00:00:00.000Z']);
  });

  it('given specials mixed with plain values in a list, when evaluated, then the list is a union', () => {
    expect(matches('0 0 0 1,L * *', '2026-02-01T00:00:00Z', 3)).toEqual(['2026-02-28T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
    expect(matches('0 0 0 ? * MON#1,FRIL', '2026-04-27T00:00:00Z', 2)).toEqual(['2026-05-04T00:00:00.000Z', '2026-05-29T00:00:00.000Z']);
  });
});

describe('cron: macros', () => {
  it.each([
    ['@yearly', '2027-01-01T00:00:00.000Z'],
    ['@annually', '2027-01-01T00:00:00.000Z'],
    ['@monthly', '2026-05-01T00:00:00.000Z'],
    ['@weekly', '2026-05-03T00:00:00.000Z'],
    ['@daily', '2026-04-28T00:00:00.000Z'],
    ['@midnight', '2026-04-28T00:00:00.000Z'],
    ['@hourly', '2026-04-27T11:00:00.000Z'],
    ['  @DAILY ', '2026-04-28T00:00:00.000Z'],
  ])('given %j, when asked on Monday 2026-04-27 10:15, then it next fires at %s', (macro, expected) => {
    expect(matches(macro, '2026-04-27T10:15:00Z')).toEqual([expected]);
  });
});

describe('cron: refusals', () => {
  it.each([
    ['', 'the value is empty'],
    ['0 9 * * *', 'a cron expression has 6 fields (second minute hour day-of-month month day-of-week): found 5; add the seconds first, e.g. 0 0 9 * * *'],
    ['0 0 9 * * * 2026', 'a cron expression has 6 fields (second minute hour day-of-month month day-of-week), found 7'],
    ['0  0 9 * * *', 'separate the six fields with single spaces (found 7 fields)'],
    ['@reboot', 'a cron expression has 6 fields (second minute hour day-of-month month day-of-week), found 1'],
    ['0 0 25 * * *', "hour field '25': 25 is out of range 0-23"],
    ['0 60 * * * *', "minute field '60': 60 is out of range 0-59"],
    ['0 0 0 32 * *', "day-of-month field '32': 32 is out of range 1-31"],
    ['0 0 0 0 * *', "day-of-month field '0': 0 is out of range 1-31"],
    ['0 0 0 * 13 *', "month field '13': 13 is out of range 1-12"],
    ['0 0 0 * * 8', "day-of-week field '8': 8 is out of range 0-7"],
    ['*/0 * * * * *', "second field '*/0': the step must be 1 or more"],
    ['*/x * * * * *', "second field '*/x': the step 'x' must be a whole number"],
    ['5-1 * * * * *', "second field '5-1': the range 5-1 runs backwards"],
    ['? * * * * *', "second field '?': '?' is not a second value"],
    ['0 0 0 * ? *', "month field '?': '?' is not a month value"],
    ['1,,2 * * * * *', "second field '1,,2': a list has an empty item"],
    ['0 0 0 3L * *', "day-of-month field '3L': unexpected characters before 'L' in '3L'"],
    ['0 0 0 L-0 * *', "day-of-month field 'L-0': 'L-0' must be L, LW or L-n with n of 1 or more"],
    ['0 0 0 W * *', "day-of-month field 'W': no day before 'W' in 'W'"],
    ['0 0 0 1W2 * *', "day-of-month field '1W2': unexpected characters after 'W' in '1W2'"],
    ['0 0 0 l * *', "day-of-month field 'l': 'l' is not a day-of-month value"],
    ['0 0 0 * * L', "day-of-week field 'L': no day of the week before 'L' (write 5L or FRIL for the last Friday)"],
    ['0 0 0 * * 5L2', "day-of-week field '5L2': unexpected characters after 'L'"],
    ['0 0 0 * * #1', "day-of-week field '#1': no day of the week before '#'"],
    ['0 0 0 * * MON#', "day-of-week field 'MON#': no ordinal after '#'"],
    ['0 0 0 * * MON#6', "day-of-week field 'MON#6': the ordinal after # must be 1-5 (a month has at most five of each weekday)"],
    ['0 0 0 * * FUN', "day-of-week field 'FUN': 'FUN' is not a day-of-week value"],
  ])('given %j, when parsed, then it is refused: %s', (expression, expected) => {
    expect(reason(expression)).toBe(expected);
  });
});
