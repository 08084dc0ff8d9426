import { describe, expect, it } from 'vitest';
import { distributionMean } from '../distributions';
import { parseCalendar } from '../calendar';
import { toICalendar } from './calendar';
import { fromProsimos } from './distribution';

const d = (name: string, ...values: number[]) => fromProsimos({ distribution_name: name, distribution_params: values.map((value) => ({ value })) });

describe('Prosimos distributions and calendars in BPSim terms', () => {
  it('given each Prosimos 2 distribution, then the BPSim one has the same mean (and the normal keeps its bounds)', () => {
    expect(d('fix', 42)).toEqual({ dist: { kind: 'constant', value: 42 }, note: null });
    expect(d('expon', 60, 0, 600).dist).toEqual({ kind: 'exponential', mean: 60 });
    expect(d('norm', 100, 10, 50, 150)).toEqual({ dist: { kind: 'truncatedNormal', mean: 100, standardDeviation: 10, min: 50, max: 150 }, note: null });
    expect(d('uniform', 10, 20)).toEqual({ dist: { kind: 'uniform', min: 10, max: 20 }, note: null });
    expect(d('lognorm', 100, 400, 0, 1000).dist).toEqual({ kind: 'logNormal', mean: 100, standardDeviation: 20 });
    const gamma = d('gamma', 100, 2500, 0, 1000).dist;
    expect(gamma).toEqual({ kind: 'gamma', shape: 4, scale: 25 });
    expect(distributionMean(gamma as never)).toBe(100);
  });

  it('given older scipy-style parameters, then shape, loc and scale are read by their count', () => {
    expect(d('expon', 5, 55).dist).toEqual({ kind: 'exponential', mean: 60 });
    expect(d('expon', 5, 55).note).toContain('shifted by 5 s');
    expect(d('triang', 0.5, 10, 20).dist).toEqual({ kind: 'triangular', min: 10, mode: 20, max: 30 });
    const ln = d('lognorm', 0.5, 0, 100).dist as { mean: number };
    expect(ln.mean).toBeCloseTo(100 * Math.exp(0.125), 9);
  });

  it('given an unknown name or too few parameters, then there is no distribution and the note says why', () => {
    expect(d('pareto', 1, 2)).toEqual({ dist: null, note: expect.stringContaining('"pareto" is not known here') });
    expect(d('norm', 1)).toEqual({ dist: null, note: 'norm needs 2 parameters, the file has 1' });
  });

  it('given periods over the weekend and past midnight, then the iCalendar has the days wrapped and the shift ends the next day', () => {
    const { text, problems } = toICalendar([
      { from: 'FRIDAY', to: 'MONDAY', beginTime: '22:00:00', endTime: '06:00:00' },
      { from: 'MONDAY', to: 'MONDAY', beginTime: '09:00', endTime: '23:59:59.999' },
      { from: 'FUNDAY', to: 'MONDAY', beginTime: '09:00:00', endTime: '10:00:00' },
    ]);
    expect(problems).toEqual([expect.stringContaining('period 3')]);
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=FR,SA,SU,MO');
    expect(text).toContain('DTSTART:20240101T220000\nDTEND:20240102T060000');
    expect(text).toContain('DTSTART:20240101T090000\nDTEND:20240102T000000');
    const c = parseCalendar('c', text);
    const H = 3_600_000;
    // Monday 00:00 = 0: Sunday's night shift runs into Monday 06:00 of the next week.
    expect(c.shifts).toContainEqual([9 * H, 24 * H + 6 * H]);
  });
});
