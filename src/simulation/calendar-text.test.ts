import { describe, expect, it } from 'vitest';
import { isOpen, parseCalendar } from './calendar';
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
