import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import { activeElementIds, openIncidents, openJobs } from '../runtime/queries';
import { loadProcess, roundTrip, testContext } from '../test-support/harness';

async function begin() {
  const process = await loadProcess(import.meta.url, 'service-task.bpmn');
  const ctx = testContext();
  const first = start(process, { variables: { provider: 'stripe' } }, ctx);
  return { process, ctx, first, state: roundTrip(first.state), job: openJobs(first.state)[0] };
}

describe('service task (external job)', () => {
  it('given a taskDefinition with a FEEL type, when entered, then a job with type, retries and headers is handed out', async () => {
    const { first, job } = await begin();
    expect(job).toMatchObject({ type: 'charge-stripe', retries: 2, elementId: 'charge', customHeaders: { currency: 'EUR' }, state: 'activatable' });
    expect(first.effects).toEqual([{ type: 'jobCreated', job }]);
  });

  it('given an open job, when a worker completes it with variables, then they propagate and the flow goes on', async () => {
    const { process, ctx, state, job } = await begin();
    const r = dispatch(process, state, { type: 'completeJob', jobKey: job.key, variables: { receipt: 'r-1' } }, ctx);
    expect(r.state.status).toBe('completed');
    expect(r.state.variables).toEqual({ provider: 'stripe', receipt: 'r-1' });
    expect(r.state.jobs).toEqual({});
  });

  it('given retries 2, when the job fails twice, then retries count down and an incident opens at 0; resolving with retries hands the job out again', async () => {
    const { process, ctx, state, job } = await begin();
    const once = dispatch(process, state, { type: 'failJob', jobKey: job.key, errorMessage: 'timeout' }, ctx);
    expect(once.state.jobs[job.key].retries).toBe(1);
    expect(once.effects).toEqual([{ type: 'jobCreated', job: once.state.jobs[job.key] }]);
    const twice = dispatch(process, roundTrip(once.state), { type: 'failJob', jobKey: job.key, errorMessage: 'timeout again' }, ctx);
    const [incident] = openIncidents(twice.state);
    expect(incident).toMatchObject({ type: 'jobNoRetries', elementId: 'charge', jobKey: job.key });
    expect(incident.message).toContain('timeout again');
    expect(openJobs(twice.state)).toEqual([]);
    expect(() => dispatch(process, twice.state, { type: 'completeJob', jobKey: job.key }, ctx)).toThrow(/incident/);
    const resolved = dispatch(process, roundTrip(twice.state), { type: 'resolveIncident', incidentId: incident.id, retries: 3 }, ctx);
    expect(openJobs(resolved.state)).toMatchObject([{ key: job.key, retries: 3 }]);
    expect(resolved.effects.map((e) => e.type)).toEqual(['incidentResolved', 'jobCreated']);
    const done = dispatch(process, resolved.state, { type: 'completeJob', jobKey: job.key }, ctx);
    expect(done.state.status).toBe('completed');
  });

  it('given an error boundary for CARD_DECLINED, when the worker throws that error, then the task is left through the boundary', async () => {
    const { process, ctx, state, job } = await begin();
    const r = dispatch(process, state, { type: 'throwError', jobKey: job.key, errorCode: 'CARD_DECLINED', variables: { reason: 'limit' } }, ctx);
    expect(activeElementIds(r.state)).toEqual(['notify']);
    expect(r.state.variables.reason).toBe('limit');
    expect(r.state.path).toEqual(['start', 'onDeclined']);
    expect(r.history.filter((h) => h.type === 'errorThrown')).toMatchObject([{ errorCode: 'CARD_DECLINED', caughtBy: 'onDeclined' }]);
  });

  it('given no boundary for the code, when the worker throws it, then an incident opens; resolving hands the job out again', async () => {
    const { process, ctx, state, job } = await begin();
    const r = dispatch(process, state, { type: 'throwError', jobKey: job.key, errorCode: 'OTHER', errorMessage: 'boom' }, ctx);
    const [incident] = openIncidents(r.state);
    expect(incident).toMatchObject({ type: 'unhandledError', elementId: 'charge' });
    expect(incident.message).toContain("'OTHER'");
    const resolved = dispatch(process, roundTrip(r.state), { type: 'resolveIncident', incidentId: incident.id }, ctx);
    expect(openJobs(resolved.state)).toHaveLength(1);
  });
});
