import { CommandRejectedError, variablesAt } from '../../engine';
import type { Command, InstanceState, Variables } from '../../engine';
import type { EngineHost } from '../engine-host';
import { checkVariables } from '../limits';
import type { Store } from '../store';
import { HostError, type HostTransaction } from '../transaction';
import { checkDuration, checkFailure, checkFetch, checkName } from './checks';
import type { FailJobOptions, FetchAndLockRequest, LockedJob, ThrowJobErrorOptions } from './types';

/**
 * The job executor: the external task pattern over the jobs instances hold (service tasks and
 * every other element with a `zeebe:taskDefinition`). A worker fetches and locks jobs of a type,
 * does the work, then completes, fails or throws a BPMN error, naming itself each time. Locks,
 * retries and backoffs live in the instance states (so in the store); their ends are due items of
 * the host's scheduler, on a real or a virtual clock, and survive a restart. Each call is one
 * host operation and one commit. See docs/api.md "Jobs" and docs/engine-semantics.md "Jobs".
 *
 * @example
 * const [job] = await host.jobs.fetchAndLock({ topic: 'charge', workerId: 'w1', lockDurationMs: 30_000, maxJobs: 5, fetchVariables: ['amount'] });
 * await host.jobs.extendLock(job.key, 'w1', 60_000);
 * await host.jobs.complete(job.key, 'w1', { paid: true });          // HostError 'lockLost' if the lock ran out first
 * await host.jobs.fail(job.key, 'w1', { retries: 2, retryBackoffMs: 10_000, errorMessage: 'gateway down' });
 * await host.jobs.throwError(job.key, 'w1', 'CARD_DECLINED', { message: 'declined', variables: { reason: 'limit' } });
 */
export class HostJobs {
  constructor(
    private readonly host: EngineHost,
    private readonly store: Store,
  ) {}

  /**
   * Locks up to `maxJobs` available jobs of `topic` for `workerId` (highest priority first, then
   * oldest) until now + `lockDurationMs`, and returns them with their variables. Jobs of
   * suspended instances, with an open incident, locked by a live lock or in a retry backoff are
   * not available.
   */
  async fetchAndLock(request: FetchAndLockRequest): Promise<LockedJob[]> {
    const r = checkFetch(request);
    return this.host.operate(async (tx) => {
      const lockExpiresAt = tx.now + r.lockDurationMs;
      const out: LockedJob[] = [];
      for (const found of await this.store.findAvailableJobs(r.topic, tx.now, r.maxJobs)) {
        let state: InstanceState;
        try {
          state = await tx.dispatch(found.processInstanceId, { type: 'lockJob', jobKey: found.key, workerId: r.workerId, lockExpiresAt });
        } catch (error) {
          // The index is read from committed states, so this is only a job another part of this
          // host moved in between; it is simply not handed out.
          if (error instanceof CommandRejectedError) continue;
          throw error;
        }
        out.push(lockedJob(state, found.key, r.fetchVariables));
      }
      return out;
    });
  }

  /** Completes a job `workerId` holds a live lock on; `variables` are its result (output mappings apply). */
  async complete(jobKey: string, workerId: string, variables?: Variables): Promise<InstanceState> {
    checkName(jobKey, 'jobKey of complete');
    checkName(workerId, 'workerId of complete');
    checkVariables(variables, `the variables of completing job ${jobKey}`);
    return this.run(jobKey, { type: 'completeJob', jobKey, workerId, variables });
  }

  /**
   * Reports a failed attempt. With retries left the job is available again, after
   * `retryBackoffMs` if given; at 0 retries an incident opens (resolving it with new retries
   * makes the job available again).
   */
  async fail(jobKey: string, workerId: string, options: FailJobOptions = {}): Promise<InstanceState> {
    checkName(jobKey, 'jobKey of fail');
    checkName(workerId, 'workerId of fail');
    const f = checkFailure(options);
    return this.run(jobKey, { type: 'failJob', jobKey, workerId, retries: f.retries, retryBackoffMs: f.retryBackoffMs, errorMessage: f.errorMessage });
  }

  /** Throws a BPMN error from the job's element: the nearest catcher of `code` takes it, else an `unhandledError` incident. */
  async throwError(jobKey: string, workerId: string, code: string, options: ThrowJobErrorOptions = {}): Promise<InstanceState> {
    checkName(jobKey, 'jobKey of throwError');
    checkName(workerId, 'workerId of throwError');
    checkName(code, 'error code of throwError');
    if (options.message !== undefined && typeof options.message !== 'string') throw new HostError('invalid', 'message of throwError must be a string');
    checkVariables(options.variables, `the variables of the error thrown by job ${jobKey}`);
    return this.run(jobKey, { type: 'throwError', jobKey, workerId, errorCode: code, errorMessage: options.message, variables: options.variables });
  }

  /** Moves the end of `workerId`'s live lock to now + `lockDurationMs`. */
  async extendLock(jobKey: string, workerId: string, lockDurationMs: number): Promise<InstanceState> {
    checkName(jobKey, 'jobKey of extendLock');
    checkName(workerId, 'workerId of extendLock');
    checkDuration(lockDurationMs, 'lockDurationMs of extendLock');
    return this.host.operate(async (tx) => this.dispatch(tx, jobKey, { type: 'extendJobLock', jobKey, workerId, lockExpiresAt: tx.now + lockDurationMs }));
  }

  private run(jobKey: string, command: Command): Promise<InstanceState> {
    return this.host.operate((tx) => this.dispatch(tx, jobKey, command));
  }

  /** Applies a worker's command, turning the engine's refusals into HostErrors a worker can act on. */
  private async dispatch(tx: HostTransaction, jobKey: string, command: Command): Promise<InstanceState> {
    const instanceId = await this.store.findInstanceByJob(jobKey);
    const state = instanceId ? await tx.state(instanceId) : undefined;
    if (!instanceId || !state?.jobs[jobKey] || state.status !== 'active') {
      throw new HostError('notFound', `no open job ${jobKey} (it was completed, canceled, or never created)`);
    }
    try {
      return await tx.dispatch(instanceId, command);
    } catch (error) {
      if (!(error instanceof CommandRejectedError)) throw error;
      // `conflict`: the worker's lock ran out, another worker holds it, or it waits for a retry.
      if (error.reason === 'conflict' || error.reason === 'notActive') throw new HostError('lockLost', error.message);
      throw new HostError(error.reason === 'notFound' ? 'notFound' : 'invalid', error.message);
    }
  }
}

/** The locked job as a worker sees it: a copy (the store owns the state) with the variables it asked for. */
function lockedJob(state: InstanceState, jobKey: string, names: string[] | undefined): LockedJob {
  const job = state.jobs[jobKey];
  const visible = variablesAt(state, job.elementInstanceId);
  const variables: Variables = {};
  for (const name of names ?? Object.keys(visible)) if (Object.prototype.hasOwnProperty.call(visible, name)) variables[name] = visible[name];
  return {
    ...job, customHeaders: { ...job.customHeaders }, processId: state.processId, processVersion: state.processVersion, businessKey: state.businessKey,
    variables: JSON.parse(JSON.stringify(variables)) as Variables,
  } as LockedJob;
}
