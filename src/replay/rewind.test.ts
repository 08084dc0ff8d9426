import { describe, expect, it } from 'vitest';
import type { InstanceState } from '../engine';
import { unforkable } from './rewind';

// Why a restored state cannot be forked, in words a user can act on (docs/replay.md "Fork").

const state = (elements: Record<string, { elementId: string; childInstanceId?: string }>, status: InstanceState['status'] = 'active') =>
  ({ instanceId: 'pi-1', status, elements }) as unknown as InstanceState;

describe('unforkable', () => {
  it('given a call activity waiting for its child, when asked, then the refusal names the activity and the child, says why it would not be exact, and what can be forked instead', () => {
    const why = unforkable(state({ e1: { elementId: 'Check' }, e2: { elementId: 'CallBilling', childInstanceId: 'pi-9' } }));
    expect(why).toBe(
      'call activity CallBilling waits for its child instance pi-9 there. A fork would need the child as it was at that moment, '
      + 'and the two command logs have no common order (a child step and a parent step at the same millisecond cannot be told apart), so the fork would not be exact: '
      + 'fork the child pi-9 on its own, or this instance at an event before CallBilling started or after it completed',
    );
  });

  it('given a multi-instance call activity with three children waiting, when asked, then the refusal names the first child and counts the others', () => {
    const why = unforkable(state({ a: { elementId: 'Calls', childInstanceId: 'c1' }, b: { elementId: 'Calls', childInstanceId: 'c2' }, c: { elementId: 'Calls', childInstanceId: 'c3' } }));
    expect(why).toMatch(/^call activity Calls waits for its child instance c1 \(and 2 more\) there\./);
  });

  it('given an ended instance or one with no child waiting, when asked, then it says so or lets the fork go on', () => {
    expect(unforkable(state({}, 'completed'))).toBe('the instance is completed at that event: there is nothing left to run');
    expect(unforkable(state({ e1: { elementId: 'Check' } }))).toBeNull();
  });

  it('given a call activity waiting for its child in a log with the store-wide order, when asked, then the fork may go on (the child is forked with it); an ended instance is still refused', () => {
    expect(unforkable(state({ e2: { elementId: 'CallBilling', childInstanceId: 'pi-9' } }), true)).toBeNull();
    expect(unforkable(state({}, 'canceled'), true)).toBe('the instance is canceled at that event: there is nothing left to run');
  });
});
