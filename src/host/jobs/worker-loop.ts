import type { Logger, Variables } from '../../engine';
import type { EngineHost } from '../engine-host';
import { HostError } from '../transaction';
import { checkDuration, checkName } from './checks';
import type { LockedJob } from './types';

/** What a handler returns: result variables (or nothing), or a BPMN error to throw from the job's element. */
export type JobHandlerResult = Variables | void | { bpmnError: string; message?: string; variables?: Variables };

export interface WorkerLoopOptions {
  topic: string;
  workerId: string;
  /** Does the work; a thrown exception fails the job (retries - 1, after `retryBackoffMs`). */
  handler: (job: LockedJob) => JobHandlerResult | Promise<JobHandlerResult>;
  lockDurationMs: number;
  /** Jobs per fetch. Default 10. */
  maxJobs?: number;
  fetchVariables?: string[];
  /** Backoff after a thrown exception. Default 0 (fetchable again at once). */
  retryBackoffMs?: number;
  logger?: Logger;
}

/**
 * A worker over `host.jobs`: fetch and lock, run the handler, then complete, throw the BPMN error it
 * returned, or fail the job when it threw. On a virtual clock call {@link poll} when you want it to
 * work (the CLI and the simulator); on a real clock {@link start} polls every `intervalMs` while
 * jobs are there and after each idle interval. A report refused because the lock ran out
 * (`lockLost`, `notFound`: the job moved on) is logged and dropped: the job belongs to someone else.
 *
 * @example
 * const worker = new WorkerLoop(host, { topic: 'charge', workerId: 'billing-1', lockDurationMs: 30_000,
 *   handler: async (job) => ({ receipt: await charge(job.variables.amount) }) });
 * await worker.poll();          // jobs handled in this round
 * worker.start(1_000); worker.stop();
 */
export class WorkerLoop {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  constructor(
    private readonly host: EngineHost,
    private readonly options: WorkerLoopOptions,
  ) {
    checkName(options.topic, 'topic of the job worker');
    checkName(options.workerId, 'workerId of the job worker');
    checkDuration(options.lockDurationMs, 'lockDurationMs of the job worker');
    if (typeof options.handler !== 'function') throw new HostError('invalid', `the job worker for ${options.topic} needs a handler function`);
  }

  /** Fetches one batch and handles it; returns how many jobs were reported (completed, errored or failed). */
  async poll(): Promise<number> {
    const { topic, workerId, lockDurationMs, maxJobs = 10, fetchVariables } = this.options;
    const jobs = await this.host.jobs.fetchAndLock({ topic, workerId, lockDurationMs, maxJobs, fetchVariables });
    let reported = 0;
    for (const job of jobs) if (await this.handle(job)) reported++;
    return reported;
  }

  /** Real time: polls now, again at once while jobs come, else after `intervalMs`. */
  start(intervalMs = 1_000): void {
    checkDuration(intervalMs, 'poll interval of the job worker');
    this.running = true;
    const loop = async (): Promise<void> => {
      this.timer = null;
      let handled = 0;
      try {
        handled = await this.poll();
      } catch (error) {
        this.options.logger?.warn(`job worker ${this.options.workerId} (${this.options.topic}): ${(error as Error).message}`);
      }
      if (this.running) this.timer = setTimeout(() => void loop(), handled > 0 ? 0 : intervalMs);
    };
    void loop();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async handle(job: LockedJob): Promise<boolean> {
    const { workerId, handler, retryBackoffMs = 0 } = this.options;
    try {
      let result: JobHandlerResult;
      try {
        result = await handler(job);
      } catch (error) {
        await this.host.jobs.fail(job.key, workerId, { retries: job.retries - 1, retryBackoffMs, errorMessage: (error as Error)?.message ?? String(error) });
        return true;
      }
      if (result && typeof (result as { bpmnError?: unknown }).bpmnError === 'string') {
        const e = result as { bpmnError: string; message?: string; variables?: Variables };
        await this.host.jobs.throwError(job.key, workerId, e.bpmnError, { message: e.message, variables: e.variables });
      } else await this.host.jobs.complete(job.key, workerId, (result ?? undefined) as Variables | undefined);
      return true;
    } catch (error) {
      if (error instanceof HostError && (error.reason === 'lockLost' || error.reason === 'notFound')) {
        this.options.logger?.warn(`job worker ${workerId}: job ${job.key} moved on before the report: ${error.message}`);
        return false;
      }
      throw error;
    }
  }
}
