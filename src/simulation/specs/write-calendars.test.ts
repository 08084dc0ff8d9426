import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../engine';
import { isOpen } from '../calendar';
import { readScenarios } from '../bpsim/read';
import { saveScenario } from '../bpsim/save';
import { calendarText } from '../calendar-text';
import { simulate } from '../simulate';
import { loadModel } from '../test-support/load';

const H = 3600;

async function read(xml: string) {
  const { definitions } = await parseBpmn(xml);
  return readScenarios(definitions).find((s) => s.id === 'office')!;
}

describe('writing calendars from the studio', () => {
  it('given arrivals only on weekdays, when their distribution is edited, then they still arrive by that calendar', async () => {
    const { xml } = await loadModel('calendar-cost.bpmn');
    const withCalendar = xml.replace('<bpsim:DurationParameter value="P5D" />', '<bpsim:DurationParameter value="P5D" calendar="weekdays" />');
    expect((await read(withCalendar)).arrivals[0].calendarId).toBe('weekdays');
    const written = await saveScenario(withCalendar, { scenarioId: 'office' }, { arrivals: { Start: { kind: 'constant', value: 24 } } });
    const s = await read(written);
    expect(s.arrivals[0].interArrival.dist).toEqual({ kind: 'constant', value: 24 });
    expect(s.arrivals[0].calendarId).toBe('weekdays');
  });

  it('given a new calendar given to the role and to the arrivals, when saved, then it reads back and the clerk works only then', async () => {
    const { xml } = await loadModel('calendar-cost.bpmn');
    const text = calendarText([{ days: [0, 1, 2, 3, 4, 5, 6], begin: 0, end: 0 }], []);
    const written = await saveScenario(xml, { scenarioId: 'office' }, {
      calendars: { always: { name: 'Around the clock', text } },
      resourceCalendars: { Clerk: 'always' },
      arrivalCalendars: { Start: 'always' },
    });
    expect(written).toContain('<bpsim:Calendar id="always" name="Around the clock">');
    const s = await read(written);
    expect(s.resources.Clerk.calendarId).toBe('always');
    expect(s.arrivals[0].calendarId).toBe('always');
    expect(Object.keys(s.calendars).sort()).toEqual(['always', 'weekdays']);
    expect(isOpen(s.calendars.always, Date.parse('2024-01-06T03:00:00Z'))).toBe(true);
    // Around the clock, neither case waits or pauses: two hours of work each.
    const model = await loadModel('calendar-cost.bpmn');
    const { result } = simulate({ process: model.process(), scenario: s, ctx: {} });
    expect(result.process.cycleTime.max).toBe(2 * H);
  });

  it('given the weekday calendar edited and then removed from the role, when saved, then the edit reads back and removing it leaves the clerk always on shift', async () => {
    const { xml } = await loadModel('calendar-cost.bpmn');
    const text = calendarText([{ days: [0, 1, 2, 3, 4], begin: 8 * H, end: 12 * H }], []);
    const edited = await read(await saveScenario(xml, { scenarioId: 'office' }, { calendars: { weekdays: { name: 'Mornings', text } } }));
    expect(edited.calendars.weekdays.shifts[0]).toEqual([8 * H * 1000, 12 * H * 1000]);
    const removed = await saveScenario(xml, { scenarioId: 'office' }, { resourceCalendars: { Clerk: null }, calendars: { weekdays: null } });
    expect(removed).not.toContain('bpsim:Calendar');
    const s = await read(removed);
    expect(s.resources.Clerk.calendarId).toBeNull();
    expect(s.calendars).toEqual({});
  });

  it('given the clerk on a Berlin calendar, when the two cases run, then they wait for 09:00 Berlin time (08:00 UTC in winter)', async () => {
    const { xml } = await loadModel('calendar-cost.bpmn');
    const text = calendarText([{ days: [0, 1, 2, 3, 4], begin: 9 * H, end: 17 * H }], [Math.floor(Date.UTC(2024, 0, 8) / 86_400_000)], 'Simulation', 'Europe/Berlin');
    const s = await read(await saveScenario(xml, { scenarioId: 'office' }, { calendars: { weekdays: { name: 'Berlin office', text } } }));
    expect(s.calendars.weekdays.zone).toBe('Europe/Berlin');
    const model = await loadModel('calendar-cost.bpmn');
    const { result, log } = simulate({ process: model.process(), scenario: s, ctx: {}, log: true });
    // Monday 16:00 UTC is 17:00 in Berlin: closed; Tuesday 09:00-11:00 Berlin. Saturday's case waits
    // past the weekend and the Monday holiday to Tuesday 9 January, 09:00 Berlin.
    expect(log.map((e) => [new Date(e.startTime).toISOString(), new Date(e.endTime).toISOString()])).toEqual([
      ['2024-01-02T08:00:00.000Z', '2024-01-02T10:00:00.000Z'],
      ['2024-01-09T08:00:00.000Z', '2024-01-09T10:00:00.000Z'],
    ]);
    expect(result.process.cycleTime.min).toBe(18 * H);
    expect(result.process.cycleTime.max).toBe(66 * H);
  });
});

describe('writing message and signal streams from the studio', () => {
  it('given the message stream edited and a signal stream added, when saved, then both read back as streams; removed, the message stream is gone', async () => {
    const { xml } = await loadModel('streams.bpmn');
    const { definitions } = await parseBpmn(await saveScenario(xml, { scenarioId: 'fifo' }, { streams: { PickMsg: { kind: 'constant', value: 20 }, TickSignal: { kind: 'exponential', mean: 30 } }, triggerCounts: { TickSignal: 2 } }));
    const s = readScenarios(definitions).find((x) => x.id === 'fifo')!;
    expect(s.streams.map((x) => [x.elementId, x.kind, x.name, x.interTrigger.dist, x.triggerCount])).toEqual([
      ['PickMsg', 'message', 'pick', { kind: 'constant', value: 20 }, 3],
      ['TickSignal', 'signal', 'tick', { kind: 'exponential', mean: 30 }, 2],
    ]);
    const removed = await parseBpmn(await saveScenario(xml, { scenarioId: 'fifo' }, { streams: { PickMsg: null }, triggerCounts: { PickMsg: null } }));
    expect(readScenarios(removed.definitions).find((x) => x.id === 'fifo')!.streams).toEqual([]);
  });
});
