import { describe, expect, it } from 'vitest';
import type { Draft, ModelOutline } from './draft';
import { editOf, problemsOf } from './draft';
import { calendarDraftOf } from './calendar-draft';

const outline: ModelOutline = {
  starts: [{ id: 'S', name: 'Start' }],
  tasks: [{ id: 'T', name: 'Check' }],
  splits: [{ id: 'Route', name: 'Approved?', flows: [{ id: 'yes', name: 'yes' }, { id: 'no', name: 'no' }] }],
  resources: [{ id: 'Clerk', name: 'Clerk' }],
  streams: [{ id: 'Msg_pick', name: 'pick', kind: 'message' }],
  names: { S: 'Start', T: 'Check', Route: 'Approved?', Clerk: 'Clerk', Msg_pick: 'pick' },
};
const draft: Draft = {
  name: 'Base', replications: 1, seed: 1, baseTimeUnit: 'min',
  arrivals: { S: { kind: 'exponential', mean: 10 } }, triggerCounts: { S: 100 },
  processing: { T: { kind: 'constant', value: 5 } }, probabilities: { yes: 0.3, no: 0.7 }, resources: { Clerk: { quantity: 1, unitCost: 0 } },
  start: Date.UTC(2026, 0, 5, 9), duration: null, warmup: 0, setup: { T: null }, wait: { T: null }, fixedCosts: { T: 0 }, unitCosts: { T: 0 }, priorities: { T: 0 }, variables: { S: [] },
  calendars: { office: { name: 'Office', shifts: [{ days: [0, 1, 2, 3, 4], from: '09:00', to: '17:00' }], holidays: [], zone: 'UTC' } },
  resourceCalendars: { Clerk: 'office' }, arrivalCalendars: { S: null },
  streams: { Msg_pick: null }, streamCounts: { Msg_pick: null },
};

describe('the scenario form', () => {
  it('given probabilities of a split that sum to 0.9, when checked, then the problem names the gateway and its sum', () => {
    expect(problemsOf({ ...draft, probabilities: { yes: 0.3, no: 0.6 } }, outline)).toEqual(['The branch probabilities of Approved? (Route) sum to 0.9, not 1.']);
    expect(problemsOf(draft, outline)).toEqual([]);
    expect(problemsOf({ ...draft, probabilities: { yes: null, no: null } }, outline)).toEqual([]);
  });

  it('given counts that are not whole numbers, when checked, then each is named', () => {
    expect(problemsOf({ ...draft, replications: 0, triggerCounts: { S: 2.5 }, resources: { Clerk: { quantity: 0, unitCost: 0 } } }, outline)).toEqual([
      'Replications must be a whole number of at least 1.',
      'Instances of Start must be a whole number of at least 1.',
      'The quantity of Clerk must be a whole number of at least 1.',
    ]);
  });

  it('given an edited draft, when turned into an edit, then only what changed is written', () => {
    const after: Draft = { ...draft, seed: 9, processing: { T: { kind: 'exponential', mean: 4 } }, resources: { Clerk: { quantity: 2, unitCost: 0 } } };
    expect(editOf(draft, after)).toEqual({ seed: 9, processing: { T: { kind: 'exponential', mean: 4 } }, resources: { Clerk: { quantity: 2, unitCost: 0 } } });
    expect(editOf(draft, draft)).toEqual({});
  });

  it('given edited duration, warm-up, task costs, priorities and case variables, then the edit holds them, zero removing a cost or priority', () => {
    const after: Draft = { ...draft, duration: 480, warmup: 60, fixedCosts: { T: 3 }, priorities: { T: 0 }, setup: { T: { kind: 'constant', value: 1 } }, variables: { S: [{ name: 'tier', dist: { kind: 'constant', value: 'gold' } }] } };
    expect(editOf(draft, after)).toEqual({ duration: 480, warmup: 60, fixedCosts: { T: 3 }, setup: { T: { kind: 'constant', value: 1 } }, variables: { S: [{ name: 'tier', dist: { kind: 'constant', value: 'gold' } }] } });
    expect(editOf(after, { ...after, warmup: 0, fixedCosts: { T: 0 } })).toEqual({ warmup: null, fixedCosts: { T: null } });
    expect(editOf(draft, { ...draft, start: Date.UTC(2027, 0, 4, 8), unitCosts: { T: 1.5 } })).toEqual({ start: Date.UTC(2027, 0, 4, 8), activityUnitCosts: { T: 1.5 } });
    expect(problemsOf({ ...draft, start: Number.NaN, unitCosts: { T: -2 } }, outline)).toEqual(['The start must be a date and time.', 'The cost per time unit of Check must be 0 or more.']);
  });

  it('given a warm-up past the duration, a negative cost or a case variable without a name or twice, then each is named', () => {
    const bad: Draft = { ...draft, duration: 60, warmup: 60, fixedCosts: { T: -1 }, variables: { S: [{ name: '', dist: { kind: 'constant', value: 1 } }, { name: 'a', dist: { kind: 'constant', value: 1 } }, { name: 'a', dist: { kind: 'constant', value: 2 } }] } };
    expect(problemsOf(bad, outline)).toEqual([
      'The warm-up must be shorter than the duration.',
      'The fixed cost of Check must be 0 or more.',
      'A case variable of Start needs a name (letters, digits, _; not "").',
      'The case variable a of Start is given twice.',
    ]);
    expect(problemsOf({ ...draft, duration: 0 }, outline)).toEqual(['The duration must be more than 0 (or empty: until every instance is done).']);
  });

  it('given a calendar edited, added, deleted and given to the arrivals, when the edit is made, then only those calendars and uses are written', () => {
    const added = { name: 'Nights', shifts: [{ days: [6], from: '22:00', to: '06:00' }], holidays: ['2026-12-25'], zone: 'Europe/Berlin' };
    const after: Draft = { ...draft, calendars: { night: added }, resourceCalendars: { Clerk: null }, arrivalCalendars: { S: 'night' } };
    const e = editOf(draft, after);
    expect(e.calendars?.office).toBeNull();
    expect(e.calendars?.night?.name).toBe('Nights');
    expect(e.calendars?.night?.text).toContain('RRULE:FREQ=WEEKLY;BYDAY=SU');
    expect(e.calendars?.night?.text).toContain('DTSTART;VALUE=DATE:20261225');
    expect(e.calendars?.night?.text).toContain('DTSTART;TZID=Europe/Berlin:20240101T220000');
    expect(e).toMatchObject({ resourceCalendars: { Clerk: null }, arrivalCalendars: { S: 'night' } });
    expect(editOf(draft, { ...draft })).toEqual({});
  });

  it('given a calendar without shifts, a shift without days, a bad holiday and a role on a deleted calendar, when checked, then each problem names its calendar or role', () => {
    const bad: Draft = { ...draft, calendars: { a: { name: 'Empty', shifts: [], holidays: [], zone: 'UTC' }, b: { name: 'B', shifts: [{ days: [], from: '09:00', to: '17:00' }], holidays: ['soon'], zone: 'Mars/Olympus' } }, resourceCalendars: { Clerk: 'office' } };
    expect(problemsOf(bad, outline)).toEqual([
      'The calendar Empty needs at least one shift (a calendar that is never open stops every task on it).',
      'The calendar B: shift 1 needs at least one day.',
      'The calendar B: Mars/Olympus is not a time zone (an IANA id such as Europe/Berlin, or UTC).',
      'The calendar B: holiday 1 needs a date.',
      'Clerk uses the calendar office, which the scenario no longer has: choose another.',
    ]);
  });

  it('given a message stream set and one with a count of 1.5, when the edit is made and checked, then the stream is written under the message id and the bad count named', () => {
    const after: Draft = { ...draft, streams: { Msg_pick: { kind: 'exponential', mean: 15 } }, streamCounts: { Msg_pick: 20 } };
    expect(editOf(draft, after)).toEqual({ streams: { Msg_pick: { kind: 'exponential', mean: 15 } }, triggerCounts: { Msg_pick: 20 } });
    expect(editOf(after, draft)).toEqual({ streams: { Msg_pick: null }, triggerCounts: { Msg_pick: null } });
    expect(problemsOf({ ...after, streamCounts: { Msg_pick: 1.5 } }, outline)).toEqual(['The stream of pick must trigger a whole number of times, at least 1.']);
  });
});

describe('calendars the form cannot show', () => {
  it('given a fortnightly calendar, when read for the form, then it is kept read-only: no problems, and untouched it writes nothing', async () => {
    const { parseCalendar } = await import('../../simulation');
    const c = parseCalendar('fortnight', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20240101T090000\nDTEND:20240101T170000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO\nEND:VEVENT\nEND:VCALENDAR');
    const kept = calendarDraftOf(c);
    expect(kept.kept).toBe(true);
    const withIt: Draft = { ...draft, calendars: { ...draft.calendars, fortnight: kept } };
    expect(problemsOf(withIt, outline)).toEqual([]);
    expect(editOf(withIt, { ...withIt })).toEqual({});
    expect(calendarDraftOf(parseCalendar('w', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20240101T090000\nDTEND:20240101T170000\nRRULE:FREQ=WEEKLY;BYDAY=MO\nEND:VEVENT\nEND:VCALENDAR')).kept).toBeUndefined();
  });
});
