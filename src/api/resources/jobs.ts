import { ok, route } from '../route';
import { jobsComplete, jobsExtendLock, jobsFail, jobsFetchAndLock, jobsList, jobsThrowError } from '../schemas';

/** External jobs: the host's job executor (src/host/jobs), one operation and one commit per call. */
export const jobs = {
  'jobs.list': route(jobsList, async ({ host }, r) => ok(await host.listJobs(r))),
  'jobs.fetchAndLock': route(jobsFetchAndLock, async ({ host }, r) => ok(await host.jobs.fetchAndLock(r))),
  'jobs.complete': route(jobsComplete, async ({ host }, r) => {
    const s = await host.jobs.complete(r.jobKey, r.workerId, r.variables);
    return ok({ jobKey: r.jobKey, instanceId: s.instanceId, instanceState: s.status });
  }),
  'jobs.fail': route(jobsFail, async ({ host }, r) => {
    const s = await host.jobs.fail(r.jobKey, r.workerId, { retries: r.retries, retryBackoffMs: r.retryBackoffMs, errorMessage: r.errorMessage });
    const job = s.jobs[r.jobKey];
    return ok({ jobKey: r.jobKey, instanceId: s.instanceId, retries: job?.retries ?? 0, incident: Object.values(s.incidents).find((i) => i.jobKey === r.jobKey)?.id ?? null });
  }),
  'jobs.throwError': route(jobsThrowError, async ({ host }, r) => {
    const s = await host.jobs.throwError(r.jobKey, r.workerId, r.errorCode, { message: r.errorMessage, variables: r.variables });
    return ok({ jobKey: r.jobKey, instanceId: s.instanceId, instanceState: s.status });
  }),
  'jobs.extendLock': route(jobsExtendLock, async ({ host }, r) => {
    const s = await host.jobs.extendLock(r.jobKey, r.workerId, r.lockDurationMs);
    return ok({ jobKey: r.jobKey, lockExpiresAt: s.jobs[r.jobKey]?.lockExpiresAt ?? null });
  }),
};
