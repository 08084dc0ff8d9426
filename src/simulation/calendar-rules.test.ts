import { describe, expect, it } from 'vitest';
import { CalendarError, closesAt, isOpen, nextOpen, parseCalendar } from './calendar';

const cal = (...event: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', ...event, 'END:VEVENT', 'END:VCALENDAR'].join('\n');
const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

describe('RRULE INTERVAL, UNTIL and COUNT', () => {
  it('given a shift every other week on Monday and Wednesday from Monday 1 January 2024, then it is open in the weeks of 1 and 15 January, not of 8 January nor before DTSTART', () => {
    const c = parseCalendar('fortnight', cal('DTSTART:20240101T090000', 'DTEND:20240101T170000', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE'));
    expect(isOpen(c, at('2024-01-01T10:00:00Z'))).toBe(true);
    expect(isOpen(c, at('2024-01-03T16:59:59Z'))).toBe(true);
    expect(isOpen(c, at('2024-01-08T10:00:00Z'))).toBe(false);
    expect(isOpen(c, at('2024-01-10T10:00:00Z'))).toBe(false);
    expect(isOpen(c, at('2024-01-15T10:00:00Z'))).toBe(true);
    expect(isOpen(c, at('2023-12-18T10:00:00Z'))).toBe(false);
    expect(iso(nextOpen(c, at('2024-01-04T00:00:00Z')))).toBe('2024-01-15T09:00:00.000Z');
    expect(iso(nextOpen(c, at('2023-12-01T00:00:00Z')))).toBe('2024-01-01T09:00:00.000Z');
    expect(iso(closesAt(c, at('2024-01-03T10:00:00Z')))).toBe('2024-01-03T17:00:00.000Z');
  });

  it('given a shift every third day from Tuesday 2 January, then it is open on the 2nd, 5th and 8th only', () => {
    const c = parseCalendar('third', cal('DTSTART:20240102T080000', 'DTEND:20240102T120000', 'RRULE:FREQ=DAILY;INTERVAL=3'));
    expect([2, 3, 4, 5, 6, 7, 8].map((d) => isOpen(c, at(`2024-01-0${d}T09:00:00Z`)))).toEqual([true, false, false, true, false, false, true]);
    expect(iso(nextOpen(c, at('2024-01-02T13:00:00Z')))).toBe('2024-01-05T08:00:00.000Z');
  });

  it('given COUNT=3 on Monday, Wednesday and Friday from Wednesday 3 January, then the shifts are the 3rd, 5th and 8th, and after them the calendar is never open again', () => {
    const c = parseCalendar('three', cal('DTSTART:20240103T090000', 'DTEND:20240103T170000', 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=3'));
    expect(isOpen(c, at('2024-01-01T10:00:00Z'))).toBe(false);
    expect(isOpen(c, at('2024-01-03T10:00:00Z'))).toBe(true);
    expect(isOpen(c, at('2024-01-05T10:00:00Z'))).toBe(true);
    expect(isOpen(c, at('2024-01-08T10:00:00Z'))).toBe(true);
    expect(isOpen(c, at('2024-01-10T10:00:00Z'))).toBe(false);
    expect(nextOpen(c, at('2024-01-08T17:00:00Z'))).toBe(Infinity);
    expect(closesAt(c, at('2024-01-08T16:00:00Z'))).toBe(at('2024-01-08T17:00:00Z'));
  });

  it('given a daily shift UNTIL a floating date-time or a date, then the occurrence starting at UNTIL (or on that day) is the last', () => {
    const timed = parseCalendar('until', cal('DTSTART:20240101T090000', 'DTEND:20240101T170000', 'RRULE:FREQ=DAILY;UNTIL=20240103T090000'));
    expect([1, 2, 3, 4].map((d) => isOpen(timed, at(`2024-01-0${d}T09:00:00Z`)))).toEqual([true, true, true, false]);
    const dated = parseCalendar('untilDate', cal('DTSTART:20240101T090000', 'DTEND:20240101T170000', 'RRULE:FREQ=DAILY;UNTIL=20240102'));
    expect([1, 2, 3].map((d) => isOpen(dated, at(`2024-01-0${d}T16:00:00Z`)))).toEqual([true, true, false]);
  });

  it('given a fortnightly Berlin shift 09:00-17:00 with a UTC UNTIL, then it stays at 09:00 across summer time and UNTIL is the instant, not a wall time', () => {
    const c = parseCalendar('berlin', cal('DTSTART;TZID=Europe/Berlin:20240325T090000', 'DTEND;TZID=Europe/Berlin:20240325T170000', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20240422T070000Z'));
    expect(isOpen(c, at('2024-03-25T07:30:00Z'))).toBe(false); // 08:30 CET
    expect(isOpen(c, at('2024-03-25T08:30:00Z'))).toBe(true);
    expect(isOpen(c, at('2024-04-01T07:30:00Z'))).toBe(false); // the week off
    expect(isOpen(c, at('2024-04-08T06:30:00Z'))).toBe(false); // 08:30 CEST
    expect(isOpen(c, at('2024-04-08T07:30:00Z'))).toBe(true);
    expect(isOpen(c, at('2024-04-22T07:30:00Z'))).toBe(true); // starts at 07:00Z, the UNTIL instant
    expect(isOpen(c, at('2024-05-06T07:30:00Z'))).toBe(false);
    expect(iso(nextOpen(c, at('2024-03-25T16:00:00Z')))).toBe('2024-04-08T07:00:00.000Z');
    expect(iso(closesAt(c, at('2024-04-08T07:30:00Z')))).toBe('2024-04-08T15:00:00.000Z');
    expect(nextOpen(c, at('2024-04-22T15:00:00Z'))).toBe(Infinity);
  });

  it('given a daily Berlin shift 09:00-10:00 with COUNT=3 over the change to summer time, then it opens at 08:00Z, then 07:00Z twice, and then never', () => {
    const c = parseCalendar('berlinDaily', cal('DTSTART;TZID=Europe/Berlin:20240330T090000', 'DTEND;TZID=Europe/Berlin:20240330T100000', 'RRULE:FREQ=DAILY;COUNT=3'));
    expect(iso(nextOpen(c, at('2024-03-30T00:00:00Z')))).toBe('2024-03-30T08:00:00.000Z');
    expect(iso(nextOpen(c, at('2024-03-30T09:00:00Z')))).toBe('2024-03-31T07:00:00.000Z');
    expect(iso(nextOpen(c, at('2024-03-31T08:00:00Z')))).toBe('2024-04-01T07:00:00.000Z');
    expect(iso(closesAt(c, at('2024-04-01T07:30:00Z')))).toBe('2024-04-01T08:00:00.000Z');
    expect(nextOpen(c, at('2024-04-01T08:00:00Z'))).toBe(Infinity);
  });

  it('given a weekly Monday morning and a fortnightly Monday afternoon shift that meets it, then the calendar closes at the end of the afternoon in the weeks of both, and holidays still close it', () => {
    const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:20240101T090000', 'DTEND:20240101T120000', 'RRULE:FREQ=WEEKLY;BYDAY=MO', 'EXDATE:20240115T090000', 'END:VEVENT',
      'BEGIN:VEVENT', 'DTSTART:20240101T120000', 'DTEND:20240101T150000', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', 'END:VEVENT', 'END:VCALENDAR'].join('\n');
    const c = parseCalendar('mixed', text);
    expect(iso(closesAt(c, at('2024-01-01T10:00:00Z')))).toBe('2024-01-01T15:00:00.000Z');
    expect(iso(closesAt(c, at('2024-01-08T10:00:00Z')))).toBe('2024-01-08T12:00:00.000Z');
    expect(isOpen(c, at('2024-01-15T13:00:00Z'))).toBe(false);
    expect(iso(nextOpen(c, at('2024-01-08T12:00:00Z')))).toBe('2024-01-22T09:00:00.000Z');
  });

  it('given a daily shift limited by BYDAY, with or without COUNT, then it is open only on the days named', () => {
    const plain = parseCalendar('daily', cal('DTSTART:20240101T090000', 'DTEND:20240101T170000', 'RRULE:FREQ=DAILY;BYDAY=MO,TU'));
    const counted = parseCalendar('dailyCount', cal('DTSTART:20240101T090000', 'DTEND:20240101T170000', 'RRULE:FREQ=DAILY;BYDAY=MO,TU;COUNT=3'));
    expect([1, 2, 3, 8, 9].map((d) => isOpen(plain, at(`2024-01-${String(d).padStart(2, '0')}T10:00:00Z`)))).toEqual([true, true, false, true, true]);
    expect([1, 2, 3, 8, 9].map((d) => isOpen(counted, at(`2024-01-${String(d).padStart(2, '0')}T10:00:00Z`)))).toEqual([true, true, false, true, false]);
  });

  it('given plain weekly shifts, then the calendar has no rules (the common case keeps its path)', () => {
    expect(parseCalendar('plain', cal('DTSTART:20240101T090000', 'DTEND:20240101T170000', 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO'))).not.toHaveProperty('rules');
  });

  it.each([
    ['RRULE:FREQ=WEEKLY;INTERVAL=0', /calendar bad, VEVENT at line 3: RRULE INTERVAL=0 is not a positive whole number/],
    ['RRULE:FREQ=DAILY;COUNT=two', /calendar bad, VEVENT at line 3: RRULE COUNT=two is not a positive whole number/],
    ['RRULE:FREQ=DAILY;COUNT=2;UNTIL=20240105', /calendar bad, VEVENT at line 3: RRULE has both UNTIL and COUNT/],
    ['RRULE:FREQ=DAILY;UNTIL=tomorrow', /calendar bad, VEVENT at line 3: tomorrow is not an iCalendar date-time/],
  ])('given %s, then the error names the calendar and the line', (rule, message) => {
    const text = cal('DTSTART:20240101T090000', 'DTEND:20240101T170000', rule);
    expect(() => parseCalendar('bad', text)).toThrow(CalendarError);
    expect(() => parseCalendar('bad', text)).toThrow(message);
  });
});
