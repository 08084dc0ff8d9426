import { describe, expect, it } from 'vitest';
import { Decimal, FeelContext, dateFromString, dateTimeFromString, durationFromString, timeFromString } from '../../feel';
import { parseXml } from '../../dmn/xml/xml-reader';
import { readValue } from './test-file';
import { compare } from './values';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"';
const expected = (type: string, text: string) => readValue(parseXml(`<expected ${XSI}><value xsi:type="xsd:${type}">${text}</value></expected>`));

/** One wrong value of each kind; every expectation below must reject all but its own kind. */
const WRONG = {
  number: new Decimal(10),
  string: '2024-01-02T10:00:00+01:00',
  date: dateFromString('2024-01-02'),
  'time with another offset': timeFromString('09:00:00Z'),
  duration: durationFromString('PT10H'),
  list: [dateTimeFromString('2024-01-02T10:00:00+01:00')],
  context: new FeelContext(new Map([['value', dateTimeFromString('2024-01-02T10:00:00+01:00')]])),
  null: null,
};

describe('TCK runner: exact comparison of results', () => {
  it('given an expected date and time, when the result is any other kind of value, then it fails', () => {
    const want = expected('dateTime', '2024-01-02T10:00:00+01:00');
    expect(compare(want, dateTimeFromString('2024-01-02T10:00:00+01:00'))).toBeUndefined();
    for (const [kind, wrong] of Object.entries(WRONG)) expect(compare(want, wrong), kind).toMatch(/expected date and time/);
  });

  it('given an expected date and time, when the same instant has another offset, fraction or a zone, then it fails', () => {
    const want = expected('dateTime', '2024-01-02T10:00:00.5+01:00');
    expect(compare(want, dateTimeFromString('2024-01-02T10:00:00.500+01:00'))).toBeUndefined();
    expect(compare(want, dateTimeFromString('2024-01-02T09:00:00.5Z'))).toMatch(/got date and time 2024-01-02T09:00:00.5Z/);
    expect(compare(want, dateTimeFromString('2024-01-02T10:00:00.5000001+01:00'))).toBeDefined();
    expect(compare(want, dateTimeFromString('2024-01-02T10:00:00+01:00'))).toBeDefined();
    expect(compare(want, dateTimeFromString('2024-01-02T10:00:00.5@Europe/Paris'))).toBeDefined();
    expect(compare(want, dateTimeFromString('2024-01-02T10:00:00.5'))).toBeDefined();
  });

  it('given an expected time, when the result is another offset, a local time or any other kind, then it fails', () => {
    const want = expected('time', '10:00:00+01:00');
    expect(compare(want, timeFromString('10:00:00+01:00'))).toBeUndefined();
    expect(compare(want, timeFromString('10:00:00'))).toBeDefined();
    expect(compare(want, timeFromString('10:00:00@Europe/Paris'))).toBeDefined();
    for (const [kind, wrong] of Object.entries({ ...WRONG, 'time with another offset': timeFromString('09:00:00Z') })) {
      expect(compare(want, wrong), kind).toMatch(/expected time/);
    }
  });

  it('given an expected date, number, string or duration, when a value of another kind comes, then it fails', () => {
    const date = expected('date', '2024-01-02');
    expect(compare(date, dateFromString('2024-01-02'))).toBeUndefined();
    expect(compare(date, dateTimeFromString('2024-01-02T00:00:00'))).toBeDefined();
    expect(compare(date, '2024-01-02')).toBeDefined();
    const number = expected('decimal', '10');
    expect(compare(number, new Decimal('10.000000000001'))).toBeUndefined();
    for (const [kind, wrong] of Object.entries(WRONG)) if (kind !== 'number') expect(compare(number, wrong), kind).toMatch(/expected 10/);
    expect(compare(number, new Decimal('10.0001'))).toBeDefined();
    const string = expected('string', '10');
    expect(compare(string, '10')).toBeUndefined();
    expect(compare(string, new Decimal(10))).toBeDefined();
    const duration = expected('duration', 'PT10H');
    expect(compare(duration, durationFromString('PT600M'))).toBeUndefined();
    expect(compare(duration, durationFromString('PT10H0.000000001S'))).toBeDefined();
    expect(compare(duration, new Decimal(36000))).toBeDefined();
    expect(compare(expected('duration', 'P1Y'), durationFromString('P12M'))).toBeUndefined();
    expect(compare(expected('duration', 'P1Y'), durationFromString('P365D'))).toBeDefined();
  });

  it('given an expectation the runner cannot read, when anything comes, then it fails rather than passes', () => {
    expect(compare(expected('dateTime', 'not a date'), null)).toMatch(/unparsable dateTime/);
    expect(compare(expected('dateTime', 'not a date'), 'not a date')).toBeDefined();
  });
});
