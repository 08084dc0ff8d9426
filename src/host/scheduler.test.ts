import { describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler';

const item = (key: string, at: number) => ({ key, at, kind: 'timer' as const, instanceId: 'pi' });

describe('Scheduler', () => {
  it('given items added out of order, when popped, then they come earliest first, ties in scheduling order, and only when due', () => {
    const s = new Scheduler();
    for (const [k, at] of [['c', 30], ['a', 10], ['b2', 20], ['b1', 20], ['d', 40]] as const) s.add(item(k, at));
    expect(s.nextAt()).toBe(10);
    expect(s.popDue(5)).toEqual([]);
    expect(s.popDue(20).map((i) => i.key)).toEqual(['a', 'b2', 'b1']);
    expect(s.popDue(100).map((i) => i.key)).toEqual(['c', 'd']);
    expect(s.nextAt()).toBeNull();
  });

  it('given a removed and a rescheduled key, when due, then the removed never fires and the rescheduled fires once at its new time', () => {
    const s = new Scheduler();
    s.add(item('x', 10));
    s.add(item('y', 20));
    s.remove('x');
    s.add(item('y', 50));
    expect(s.size).toBe(1);
    expect(s.popDue(20)).toEqual([]);
    expect(s.popDue(50).map((i) => [i.key, i.at])).toEqual([['y', 50]]);
  });

  it('given many removals, when compacted, then order is kept and nothing removed returns', () => {
    const s = new Scheduler();
    for (let i = 0; i < 1000; i++) s.add(item(`k${i}`, 1000 - i));
    for (let i = 0; i < 1000; i += 2) s.remove(`k${i}`);
    const keys = s.popDue(10_000).map((i) => i.key);
    expect(keys).toHaveLength(500);
    expect(keys[0]).toBe('k999');
    expect(keys.every((k) => Number(k.slice(1)) % 2 === 1)).toBe(true);
  });
});
