import { describe, expect, it } from 'vitest';
import { start } from '../runtime/engine';
import { loadProcess, testContext } from '../test-support/harness';

describe('exclusive gateway and sequence flows', () => {
  it('given amount > 100, when started, then the conditional flow is taken', async () => {
    const process = await loadProcess(import.meta.url, 'exclusive.bpmn');
    const { state, effects } = start(process, { variables: { amount: 150 } }, testContext());
    expect(state.status).toBe('completed');
    expect(state.path).toEqual(['start', 'split', 'big', 'merge', 'end']);
    expect(effects.map((e) => e.type)).toEqual(['instanceCompleted']);
  });

  it('given a false condition, when started, then the default flow is taken', async () => {
    const process = await loadProcess(import.meta.url, 'exclusive.bpmn');
    const { state } = start(process, { variables: { amount: 10 } }, testContext());
    expect(state.path).toEqual(['start', 'split', 'small', 'merge', 'end']);
  });

  it('given a missing variable, when started, then an incident names the gateway and the condition', async () => {
    const process = await loadProcess(import.meta.url, 'exclusive.bpmn');
    const { state } = start(process, {}, testContext());
    expect(state.status).toBe('active');
    const incidents = Object.values(state.incidents);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ elementId: 'split', type: 'condition' });
    expect(incidents[0].message).toContain('amount > 100');
  });
});
