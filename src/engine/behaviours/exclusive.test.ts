import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import { loadProcess, roundTrip, testContext } from '../test-support/harness';

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

  it('given the condition incident, when the variable is set and the incident resolved after a store round trip, then the instance goes on', async () => {
    const process = await loadProcess(import.meta.url, 'exclusive.bpmn');
    const ctx = testContext();
    const first = start(process, {}, ctx);
    const stored = roundTrip(first.state);
    const incidentId = Object.keys(stored.incidents)[0];
    const withVar = dispatch(process, stored, { type: 'setVariables', variables: { amount: 500 } }, ctx);
    const resolved = dispatch(process, withVar.state, { type: 'resolveIncident', incidentId }, ctx);
    expect(resolved.state.status).toBe('completed');
    expect(resolved.state.path).toEqual(['start', 'split', 'big', 'merge', 'end']);
    expect(resolved.history.map((h) => h.type)).toContain('incidentResolved');
    expect(stored.incidents[incidentId]).toBeDefined();
  });
  it('given no true condition and no default flow, when the gateway is left, then an incident says no outgoing flow can be taken; after a fix and a store round trip the retry goes on', async () => {
    const process = await loadProcess(import.meta.url, 'exclusive.bpmn', 'noDefault');
    const ctx = testContext();
    const first = start(process, { variables: { amount: 5 } }, ctx);
    const [incident] = Object.values(first.state.incidents);
    expect(incident).toMatchObject({ elementId: 'nd_split', type: 'condition' });
    expect(incident.message).toBe('no outgoing flow of nd_split can be taken: no condition is true and there is no default flow');
    const fixed = dispatch(process, roundTrip(first.state), { type: 'setVariables', variables: { amount: 101 } }, ctx);
    const resolved = dispatch(process, fixed.state, { type: 'resolveIncident', incidentId: incident.id }, ctx);
    expect(resolved.state.status).toBe('completed');
    expect(resolved.state.path).toEqual(['nd_start', 'nd_split', 'nd_end']);
  });
});
