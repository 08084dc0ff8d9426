import * as Comlink from 'comlink';
import type { ApiFailure, ApiResult } from '../../api';
import type { EngineWorkerFacade } from '../../../workers/engine.worker';

/** How often the bridge asks the worker whether it lives, and how many missed answers mean it died. */
const HEARTBEAT_MS = 2000;
const MISSED_BEATS = 5;

export function unavailable(message: string): ApiFailure {
  return { error: 'unavailable', message };
}

/**
 * The engine worker seen from the page: comlink never rejects a call whose worker died, so the
 * bridge keeps its pending calls and settles each with an `unavailable` result when the worker
 * errors, stops answering its heartbeat, or is terminated, and then starts a new one (which
 * resumes from what was committed: a call either committed whole or not at all).
 */
export class WorkerBridge {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<EngineWorkerFacade> | null = null;
  private readonly pending = new Set<(failure: ApiFailure) => void>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private missed = 0;
  private stopped = false;
  /** Workers started so far (1 = the first; each restart adds one). */
  generation = 0;

  constructor(
    private readonly spawn: () => Worker,
    private readonly onRestart: (generation: number) => void = () => undefined,
  ) {
    this.start();
  }

  call(method: string, request: unknown, who?: string): Promise<ApiResult<unknown>> {
    const remote = this.remote;
    if (!remote || this.stopped) return Promise.resolve(unavailable('the engine worker is not running'));
    return new Promise((resolve) => {
      const settle = (r: ApiResult<unknown>) => {
        this.pending.delete(settle);
        resolve(r);
      };
      this.pending.add(settle);
      remote.call(method, request, who).then(settle, (error: unknown) => settle(unavailable(`the engine worker failed: ${String((error as Error)?.message ?? error)}`)));
    });
  }

  /** Resolves once the worker's engine is up. */
  async ready(): Promise<void> {
    await this.remote?.ready();
  }

  /** Kills the worker as a crash would; a new one starts at once (tests, "restart engine"). */
  terminate(): void {
    this.die('the engine worker was terminated before it answered; the call may not have run: check before retrying');
  }

  /** Stops for good (the tab is no longer the leader). */
  stop(): void {
    this.stopped = true;
    this.die('the engine moved to another tab');
  }

  private start(): void {
    this.generation++;
    const worker = this.spawn();
    this.worker = worker;
    this.remote = Comlink.wrap<EngineWorkerFacade>(worker);
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (this.worker === worker) this.die(`the engine worker crashed (${e.message || 'error'}); the call may not have run`);
    });
    this.missed = 0;
    this.heartbeat = setInterval(() => {
      if (++this.missed >= MISSED_BEATS) {
        this.die('the engine worker stopped answering; the call may not have run');
        return;
      }
      this.remote?.ping().then(() => (this.missed = 0), () => undefined);
    }, HEARTBEAT_MS);
  }

  private die(message: string): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.worker?.terminate();
    this.remote?.[Comlink.releaseProxy]();
    this.worker = null;
    this.remote = null;
    for (const settle of [...this.pending]) settle(unavailable(message));
    if (!this.stopped) {
      this.start();
      this.onRestart(this.generation);
    }
  }
}
