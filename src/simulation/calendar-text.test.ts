import { describe, expect, it } from 'vitest';
import { closesAt, isOpen, nextOpen, parseCalendar } from './calendar';
import { calendarText, shiftsOf } from './calendar-text';

const H = 3600;
const at = (iso: string) => Date.parse(iso);

describe('calendar text for weekly shifts and holidays', () => {
  it('given weekday shifts, a night shift into Monday and a holiday, when written and read back, then the calendar opens exactly then', () => {
    const text = calendarText([{ days: [0, 1, 2, 3, 4], begin: 9 * H, end: 17 * H }, { days: [6], begin: 22 * H, end: 6 * H }], [Math.floor(at('2024-01-03T00:00:00Z') / 86_400_000)]);
    const c = parseCalendar('office', text);
    expect(isOpen(c, at('2024-01-02T09:00:00Z'))).toBe(true);
    expect(isOpen(c, at('2024-01-02T17:00:00Z'))).toBe(false);
    expect(isOpen(c, at('2024-01-03T10:00:00Z'))).toBe(false); // the holiday
    expect(isOpen(c, at('2024-01-10T10:00:00Z'))).toBe(true); // the Wednesday after
    expect(isOpen(c, at('2024-01-06T10:00:00Z'))).toBe(false); // Saturday
    expect(isOpen(c, at('2024-01-07T23:00:00Z'))).toBe(true); // Sunday night
    expect(isOpen(c, at('2024-01-08T05:59:59Z'))).toBe(true); // into Monday
    expect(c.holidays).toEqual([Math.floor(at('2024-01-03T00:00:00Z') / 86_400_000)]);
  });

  it('given a calendar read from a file, when its shifts are taken for editing, then they group days by times and write back to the same openings', () => {
    const c = parseCalendar('c', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20240101T090000\nDTEND:20240101T170000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\nEXDATE:20240108T090000\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART:20240106T100000\nDTEND:20240106T140000\nRRULE:FREQ=WEEKLY;BYDAY=SA\nEND:VEVENT\nEND:VCALENDAR');
    const shifts = shiftsOf(c);
    expect(shifts).toEqual([{ days: [0, 1, 2, 3, 4], begin: 9 * H, end: 17 * H }, { days: [5], begin: 10 * H, end: 14 * H }]);
    expect(parseCalendar('c', calendarText(shifts, c.holidays))).toEqual(c);
  });

  it('given a calendar open around the clock, when its shifts are taken, then one all-day shift on every day reads back the same', () => {
    const c = parseCalendar('always', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20240101T000000\nDTEND:20240102T000000\nRRULE:FREQ=DAILY\nEND:VEVENT\nEND:VCALENDAR');
    const shifts = shiftsOf(c);
    expect(shifts).toEqual([{ days: [0, 1, 2, 3, 4, 5, 6], begin: 0, end: 0 }]);
    expect(parseCalendar('always', calendarText(shifts, []))).toEqual(c);
  });
});

describe('calendars in a time zone', () => {
  const berlin = parseCalendar('berlin', calendarText([{ days: [0, 1, 2, 3, 4], begin: 9 * H, end: 17 * H }], [Math.floor(Date.UTC(2024, 0, 3) / 86_400_000)], 'Simulation', 'Europe/Berlin'));

  it('given weekday shifts in Berlin, when asked in winter and in summer, then 09:00 to 17:00 is Berlin time on both sides of summer time', () => {
    expect(berlin.zone).toBe('Europe/Berlin');
    expect(isOpen(berlin, at('2024-01-09T08:00:00Z'))).toBe(true); // 09:00 CET
    expect(isOpen(berlin, at('2024-01-09T07:59:59Z'))).toBe(false);
    expect(closesAt(berlin, at('2024-01-09T10:00:00Z'))).toBe(at('2024-01-09T16:00:00Z'));
    expect(isOpen(berlin, at('2024-07-09T07:00:00Z'))).toBe(true); // 09:00 CEST
    expect(isOpen(berlin, at('2024-07-09T15:30:00Z'))).toBe(false); // 17:30 CEST
    expect(closesAt(berlin, at('2024-07-09T10:00:00Z'))).toBe(at('2024-07-09T15:00:00Z'));
  });

  it('given a weekend, a holiday and the night summer time begins, when the next opening is asked, then it is the next Berlin morning', () => {
    expect(nextOpen(berlin, at('2024-01-06T12:00:00Z'))).toBe(at('2024-01-08T08:00:00Z'));
    expect(nextOpen(berlin, at('2024-01-02T17:00:00Z'))).toBe(at('2024-01-04T08:00:00Z')); // Wednesday 3 January is a holiday in Berlin
    expect(nextOpen(berlin, at('2024-03-30T12:00:00Z'))).toBe(at('2024-04-01T07:00:00Z')); // summer time began on Sunday 31 March
  });

  it('given a zone that does not exist or two zones in one calendar, when read, then the error names the calendar and the line', () => {
    expect(() => parseCalendar('x', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=Mars/Olympus:20240101T090000\nDTEND;TZID=Mars/Olympus:20240101T170000\nRRULE:FREQ=DAILY\nEND:VEVENT\nEND:VCALENDAR'))
      .toThrow('calendar x, line 3: Mars/Olympus is not a time zone');
    expect(() => parseCalendar('y', 'BEGIN:VCALENDAR\nX-WR-TIMEZONE:Europe/Paris\nBEGIN:VEVENT\nDTSTART;TZID=America/New_York:20240101T090000\nDTEND;TZID=America/New_York:20240101T170000\nRRULE:FREQ=DAILY\nEND:VEVENT\nEND:VCALENDAR'))
      .toThrow('calendar y mixes time zones (Europe/Paris, America/New_York)');
  });
});
