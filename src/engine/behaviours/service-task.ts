import type { Behaviour } from './behaviour';
import { resolveValue } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import type { Job } from '../runtime/state';

/** Service, send and job-based business rule / script tasks: hand out a job and wait for a worker. */
export const jobTask: Behaviour = {
  activate(step, ei, node) {
    const def = node.job;
    if (!def) throw new ElementFailure('extract', `${node.id} has no job definition`);
    const type = resolveValue(step, def.type, ei.id, `job type of ${node.id}`);
    if (typeof type !== 'string' || type === '') throw new ElementFailure('extract', `job type of ${node.id} evaluated to ${JSON.stringify(type)}, expected a non-empty string`);
    const rawRetries = resolveValue(step, def.retries, ei.id, `retries of ${node.id}`);
    const retries = Number(rawRetries);
    if (!Number.isInteger(retries) || retries < 0) throw new ElementFailure('extract', `retries of ${node.id} evaluated to ${JSON.stringify(rawRetries)}, expected a whole number`);
    const key = step.ctx.ids.next('job');
    const job: Job = {
      key, type, retries, elementId: node.id, elementInstanceId: ei.id, processInstanceId: step.state.instanceId,
      customHeaders: { ...def.headers }, state: 'activatable', errorMessage: null, createdAt: step.now,
    };
    step.state.jobs[key] = job;
    ei.jobKey = key;
    ei.status = 'waiting';
    step.emit({ type: 'jobCreated', jobKey: key, jobType: type, elementId: node.id, retries });
    step.effect({ type: 'jobCreated', job: { ...job, customHeaders: { ...job.customHeaders } } });
  },
  terminate(step, ei) {
    if (ei.jobKey && step.state.jobs[ei.jobKey]) {
      delete step.state.jobs[ei.jobKey];
      step.effect({ type: 'jobCanceled', jobKey: ei.jobKey });
    }
  },
};
