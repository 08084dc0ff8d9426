import { CHANGES_CHANNEL, ENGINE_LOCK, RPC_CHANNEL, type ApiData, type ApiMethod, type ApiRequest, type ApiResult, type EngineChange } from '../../api';
import type { Engine } from './engine';
import { unavailable, WorkerBridge } from './worker-bridge';

/** Messages between tabs on the RPC channel. */
type RpcMessage =
  | { t: 'req'; id: string; from: string; to: string; method: string; request: unknown; who?: string }
  | { t: 'res'; id: string; to: string; result: ApiResult<unknown> }
  /** `tab` runs the engine (sent when it takes over and in answer to `who`). */
  | { t: 'leader'; tab: string }
  | { t: 'who'; from: string }
  /** The leader tab is closing. */
  | { t: 'gone'; tab: string };

interface Forwarded {
  method: string;
  request: unknown;
  who?: string;
  /** The leader it was sent to; null while no leader is known (sent when one announces itself). */
  sentTo: string | null;
  resolve(result: ApiResult<unknown>): void;
}

export interface EngineClientOptions {
  /** Starts the engine worker (default: workers/engine.worker.ts as a module worker). */
  spawn?: () => Worker;
  /** Who acts (the studio's local user), for the audit log. */
  user?: () => string;
  /** The lock manager (default `navigator.locks`; tests pass their own). */
  locks?: Pick<LockManager, 'request'>;
}

/**
 * The studio's handle on the origin's one engine. The tab holding the `flowdeck-engine` Web Lock
 * runs the engine worker; the others send it their calls over a BroadcastChannel and take over
 * (the lock passes to one of them) as soon as it closes. Every call answers in the API's result
 * shape and never throws: a call whose worker died, or whose leader tab closed before answering,
 * gets `{ error: 'unavailable' }` (it may or may not have run: each call committed whole or not at
 * all, so look before retrying). UI-free; `useEngine()` hands it to components.
 *
 * @example
 * const engine = getEngineClient();
 * const r = await engine.call('instances.start', { processId: 'order', variables: { amount: 3 } });
 * const off = engine.onChange((c) => c.type === 'changed' && refresh(c.instanceIds));
 */
export class EngineClient implements Engine {
  readonly tabId = crypto.randomUUID();
  private bridge: WorkerBridge | null = null;
  private leaderTab: string | null = null;
  private readonly forwarded = new Map<string, Forwarded>();
  private readonly rpc = new BroadcastChannel(RPC_CHANNEL);
  private readonly changes = new BroadcastChannel(CHANGES_CHANNEL);
  private readonly listeners = new Set<(change: EngineChange) => void>();
  private leaderWaiters: Array<() => void> = [];
  private next = 0;
  private releaseLock: () => void = () => undefined;
  private closed = false;

  constructor(private readonly options: EngineClientOptions = {}) {
    this.rpc.onmessage = (e: MessageEvent<RpcMessage>) => this.onRpc(e.data);
    this.changes.onmessage = (e: MessageEvent<EngineChange>) => this.emit(e.data);
    this.post({ t: 'who', from: this.tabId });
    this.elect();
    if (typeof addEventListener === 'function') {
      addEventListener('pagehide', () => {
        if (this.isLeader) this.post({ t: 'gone', tab: this.tabId });
      });
    }
  }

  /** Leaves: stops this tab's engine (if it leads), hands the lock on, and answers waiting calls `unavailable`. */
  close(): void {
    if (this.closed) return;
    if (this.isLeader) this.post({ t: 'gone', tab: this.tabId });
    this.closed = true;
    this.bridge?.stop();
    this.bridge = null;
    for (const f of this.forwarded.values()) f.resolve(unavailable('this engine client was closed'));
    this.rpc.close();
    this.changes.close();
    this.releaseLock();
  }

  /** This tab runs the engine. */
  get isLeader(): boolean {
    return this.bridge !== null;
  }

  /** The tab that runs the engine, as far as this tab knows (null: none yet). */
  get leader(): string | null {
    return this.leaderTab;
  }

  /** Engine workers this tab started (restarts included); 0 in a tab that never led. */
  get workerGeneration(): number {
    return this.bridge?.generation ?? 0;
  }

  call<M extends ApiMethod>(method: M, request?: ApiRequest<M>): Promise<ApiResult<ApiData<M>>>;
  call(method: string, request?: unknown): Promise<ApiResult<unknown>>;
  call(method: string, request: unknown = {}): Promise<ApiResult<unknown>> {
    if (this.closed) return Promise.resolve(unavailable('this engine client was closed'));
    const who = this.options.user?.();
    if (this.bridge) return this.bridge.call(method, request, who);
    return new Promise((resolve) => {
      const id = `${this.tabId}:${++this.next}`;
      const f: Forwarded = { method, request, who, sentTo: null, resolve: (r) => (this.forwarded.delete(id), resolve(r)) };
      this.forwarded.set(id, f);
      if (this.leaderTab) this.send(id, f, this.leaderTab);
    });
  }

  /** Listens to the engine's commits (from whichever tab runs it). Returns the unsubscribe. */
  onChange(listener: (change: EngineChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once some tab runs the engine and it is up. */
  async ready(): Promise<void> {
    if (!this.leaderTab) await new Promise<void>((r) => this.leaderWaiters.push(r));
    if (this.bridge) await this.bridge.ready();
  }

  /** Kills this tab's engine worker as a crash would (tests, a "restart engine" action); it restarts at once. No-op in a follower. */
  terminate(): void {
    this.bridge?.terminate();
  }

  private elect(): void {
    const locks = this.options.locks ?? (typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks);
    if (!locks) {
      // No Web Locks (an old browser, an insecure context): every tab runs alone.
      this.lead();
      return;
    }
    void locks.request(ENGINE_LOCK, () => {
      if (this.closed) return undefined;
      this.lead();
      // Held while the tab lives: the browser releases it when the tab closes or crashes (or on close()).
      return new Promise<void>((resolve) => (this.releaseLock = resolve));
    });
  }

  private lead(): void {
    this.bridge = new WorkerBridge(this.options.spawn ?? spawnEngineWorker, () => this.emit({ type: 'started', at: Date.now() }));
    this.setLeader(this.tabId);
    this.post({ t: 'leader', tab: this.tabId });
  }

  private setLeader(tab: string): void {
    if (this.leaderTab !== tab) {
      for (const [id, f] of this.forwarded) {
        if (f.sentTo !== null && f.sentTo !== tab) f.resolve(unavailable('the tab running the engine closed before it answered; the call may not have run'));
        else if (f.sentTo === null) {
          if (tab === this.tabId) void this.bridge?.call(f.method, f.request, f.who).then(f.resolve);
          else this.send(id, f, tab);
        }
      }
    }
    this.leaderTab = tab;
    for (const w of this.leaderWaiters.splice(0)) w();
  }

  private onRpc(m: RpcMessage): void {
    if (m.t === 'who' && this.isLeader) this.post({ t: 'leader', tab: this.tabId });
    else if (m.t === 'leader' && m.tab !== this.tabId) this.setLeader(m.tab);
    else if (m.t === 'gone' && m.tab === this.leaderTab) {
      this.leaderTab = null;
      for (const f of this.forwarded.values()) if (f.sentTo === m.tab) f.resolve(unavailable('the tab running the engine closed before it answered; the call may not have run'));
    } else if (m.t === 'req' && m.to === this.tabId && this.bridge) {
      void this.bridge.call(m.method, m.request, m.who).then((result) => this.post({ t: 'res', id: m.id, to: m.from, result }));
    } else if (m.t === 'res' && m.to === this.tabId) this.forwarded.get(m.id)?.resolve(m.result);
  }

  private send(id: string, f: Forwarded, to: string): void {
    f.sentTo = to;
    this.post({ t: 'req', id, from: this.tabId, to, method: f.method, request: f.request, who: f.who });
  }

  /** Posts on the RPC channel unless this client has closed (an answer may come after close()). */
  private post(m: RpcMessage): void {
    if (!this.closed) this.rpc.postMessage(m);
  }

  private emit(change: EngineChange): void {
    for (const l of this.listeners) l(change);
  }
}

function spawnEngineWorker(): Worker {
  return new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'flowdeck-engine' });
}

let shared: Engine | null = null;

/**
 * The tab's one engine: the worker's client (created on first use, with the `options` of that
 * first call), unless `setEngineClient` chose another (the studio connected to a server).
 */
export function getEngineClient(options?: EngineClientOptions): Engine {
  shared ??= new EngineClient(options);
  return shared;
}

/** Makes `engine` the tab's engine before the screens start (src/app/connection: a Flowdeck server). */
export function setEngineClient(engine: Engine): void {
  shared = engine;
}
