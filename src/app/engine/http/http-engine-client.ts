import type { ApiData, ApiFailure, ApiMethod, ApiRequest, ApiResult, EngineChange } from '../../../api';
import type { Engine } from '../engine';
import { failureOfNetwork, failureOfResponse } from './http-errors';
import { DEFAULT_RETRY, isReadOnly, isRetryable, retryDelay, type RetryPolicy } from './retry';

/** The login's tokens, as `POST /auth/login` and `/auth/refresh` answer them. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** Where the tokens live between calls (and page loads); the connection setting keeps them per browser. */
export interface TokenStore {
  get(): TokenPair | null;
  set(tokens: TokenPair | null): void;
}

export interface HttpEngineOptions {
  /** The server's base URL, e.g. `http://localhost:8080` (no trailing slash needed). */
  url: string;
  tokens: TokenStore;
  retry?: RetryPolicy;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Default: setTimeout. Tests pass one that records the waits. */
  sleep?: (ms: number) => Promise<void>;
  /** Every failure, after retries: the UI's one place to show them (the connection status). */
  onFailure?: (failure: ApiFailure, method: string) => void;
  /** The refresh token was refused too: the user must log in again. */
  onSignedOut?: (failure: ApiFailure) => void;
  /** How often to tell listeners that what they show may be stale (timers, workers and other users change the server too); 0: never. While the event stream is open the beat is skipped. */
  pollMs?: number;
  /** Listen to the server's `GET /events` stream (its commits) and pass them to `onChange` listeners. */
  events?: boolean;
}

/**
 * The engine API over HTTP against a Flowdeck server (`POST /api/{method}`, ADR 0150), with the
 * same `call(method, request)` surface as the worker's `EngineClient`, so the Run screens work
 * unchanged. It never throws: every failure is the API's `{error, message, details}`, with
 * `details.http` naming the status. The access token is refreshed once with the refresh token on
 * a 401; transient failures are retried with exponential back-off (see `retry.ts`).
 *
 * @example
 * const tokens = await HttpEngineClient.login('http://localhost:8080', 'ada', 'a long password');
 * if ('error' in tokens) show(tokens.message);
 * else { const engine = new HttpEngineClient({ url, tokens: memoryTokens(tokens) }); await engine.call('instances.list', {}); }
 */
export class HttpEngineClient implements Engine {
  readonly kind = 'server' as const;
  private readonly url: string;
  private readonly listeners = new Set<(change: EngineChange) => void>();
  private refreshing: Promise<boolean> | null = null;
  private poll: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  private readonly abort = new AbortController();
  /** The event stream is open: the server tells us its changes, no need for the beat. */
  private live = false;

  constructor(private readonly options: HttpEngineOptions) {
    this.url = options.url.replace(/\/+$/, '');
    if (options.pollMs && options.pollMs > 0) {
      // The server pushes nothing (yet): listeners re-read on this beat while the page is visible.
      this.poll = setInterval(() => {
        if (!this.live && (typeof document === 'undefined' || document.visibilityState === 'visible')) this.emit({ type: 'started', at: Date.now() });
      }, options.pollMs);
    }
    if (options.events) void this.listen();
  }

  /** The event stream is open (changes arrive as the server commits them). */
  get streaming(): boolean {
    return this.live;
  }

  /** `POST /auth/login`: the token pair, or the failure (a wrong password: 401 with the server's message). */
  static async login(url: string, username: string, password: string, fetchImpl: typeof fetch = fetch): Promise<TokenPair | ApiFailure> {
    const base = url.replace(/\/+$/, '');
    try {
      const res = await fetchImpl(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      const body = await readBody(res);
      if (!res.ok) return failureOfResponse(res.status, body, res.headers.get('x-request-id') ?? undefined);
      const data = (body as { data?: TokenPair }).data;
      if (!data?.accessToken || !data.refreshToken) return failureOfResponse(res.status, 'the login answer has no tokens: is this a Flowdeck server?');
      return { accessToken: data.accessToken, refreshToken: data.refreshToken };
    } catch (error) {
      return failureOfNetwork(base, error, false);
    }
  }

  call<M extends ApiMethod>(method: M, request?: ApiRequest<M>): Promise<ApiResult<ApiData<M>>>;
  call(method: string, request?: unknown): Promise<ApiResult<unknown>>;
  async call(method: string, request: unknown = {}): Promise<ApiResult<unknown>> {
    const r = await this.send(method, request);
    if ('error' in r) this.options.onFailure?.(r, method);
    else if (!isReadOnly(method) && !this.live) {
      // (While the event stream is open the server's own event says it.)
      // A write whose instance is not named (a task completed, a message correlated): anything shown may be stale.
      const instanceIds = instanceIdsOf(request, r.data);
      this.emit(instanceIds.length ? { type: 'changed', instanceIds, at: Date.now() } : { type: 'started', at: Date.now() });
    }
    return r;
  }

  onChange(listener: (change: EngineChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async ready(): Promise<void> {}

  close(): void {
    this.closed = true;
    this.abort.abort();
    clearInterval(this.poll);
    this.listeners.clear();
  }

  private async send(method: string, request: unknown): Promise<ApiResult<unknown>> {
    const policy = this.options.retry ?? DEFAULT_RETRY;
    const readOnly = isReadOnly(method);
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      if (this.closed) return { error: 'unavailable', message: 'the server connection was closed (the studio switched connections)' };
      const tokens = this.options.tokens.get();
      if (!tokens) return failureOfResponse(401, { error: 'UNAUTHENTICATED', message: `not logged in to ${this.url}` });
      let res: Response;
      try {
        res = await this.fetch(`${this.url}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.accessToken}` },
          body: JSON.stringify(request ?? {}),
        });
      } catch (error) {
        if (isRetryable(0, readOnly) && attempt < policy.attempts) {
          await this.sleep(retryDelay(policy, attempt, null));
          continue;
        }
        return failureOfNetwork(this.url, error, !readOnly);
      }
      const body = await readBody(res);
      if (res.ok) return body as ApiResult<unknown>;
      if (res.status === 401 && !refreshed) {
        refreshed = true;
        if (await this.refresh(tokens)) {
          attempt--; // a refresh is not a retry
          continue;
        }
      }
      const failure = failureOfResponse(res.status, body, res.headers.get('x-request-id') ?? undefined);
      if (isRetryable(res.status, readOnly) && attempt < policy.attempts) {
        await this.sleep(retryDelay(policy, attempt, res.headers.get('retry-after')));
        continue;
      }
      if (res.status === 401) this.signOut(failure);
      return failure;
    }
  }

  /**
   * Reads `GET /events` while the client lives: each `data:` line is a change for the listeners;
   * on (re)connecting, a `started` (anything may have changed meanwhile). A lost stream is opened
   * again after a back-off; a 401 refreshes the token once, a refused refresh stops it.
   */
  private async listen(): Promise<void> {
    const policy = this.options.retry ?? DEFAULT_RETRY;
    for (let failures = 0; !this.closed; ) {
      const tokens = this.options.tokens.get();
      if (!tokens) return;
      try {
        const res = await this.fetch(`${this.url}/events`, { headers: { authorization: `Bearer ${tokens.accessToken}` }, signal: this.abort.signal });
        if (res.status === 401) {
          await res.body?.cancel();
          if (!(await this.refresh(tokens))) return;
          continue;
        }
        if (!res.ok || !res.body) throw new Error(`GET /events: HTTP ${res.status}`);
        failures = 0;
        this.live = true;
        this.emit({ type: 'started', at: Date.now() });
        await this.readEvents(res.body);
      } catch {
        // A dropped stream or no server: the beat (if any) covers until it is back.
      }
      this.live = false;
      if (this.closed) return;
      await new Promise((r) => setTimeout(r, retryDelay(policy, Math.min(++failures, 6), null)));
    }
  }

  private async readEvents(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of block.split('\n')) {
          if (!line.startsWith('data: ')) continue;
          try {
            this.emit(JSON.parse(line.slice(6)) as EngineChange);
          } catch {
            // Not ours to understand: skip the line.
          }
        }
      }
    }
  }

  /**
   * Trades the refresh token for a new pair, once for all calls that hit a 401 together (the
   * server rotates refresh tokens and treats a second use as theft). False: log in again.
   */
  private refresh(stale: TokenPair): Promise<boolean> {
    const current = this.options.tokens.get();
    // Another call refreshed since this one read its tokens: just use the new ones.
    if (current && current.accessToken !== stale.accessToken) return Promise.resolve(true);
    this.refreshing ??= (async () => {
      try {
        const res = await this.fetch(`${this.url}/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: stale.refreshToken }) });
        const body = await readBody(res);
        const data = (body as { data?: TokenPair }).data;
        if (!res.ok || !data) {
          this.signOut(failureOfResponse(res.status, body, res.headers.get('x-request-id') ?? undefined));
          return false;
        }
        this.options.tokens.set({ accessToken: data.accessToken, refreshToken: data.refreshToken });
        return true;
      } catch {
        return false; // no answer: keep the tokens, the call reports the network failure
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  private signOut(failure: ApiFailure): void {
    this.options.tokens.set(null);
    this.options.onSignedOut?.(failure);
  }

  private fetch(input: string, init: RequestInit): Promise<Response> {
    return (this.options.fetch ?? fetch)(input, init);
  }

  private sleep(ms: number): Promise<void> {
    return this.options.sleep ? this.options.sleep(ms) : new Promise((r) => setTimeout(r, ms));
  }

  private emit(change: EngineChange): void {
    for (const l of this.listeners) l(change);
  }
}

/** Tokens held in memory only (tests, a session that must not outlive the tab). */
export function memoryTokens(initial: TokenPair | null = null): TokenStore {
  let tokens = initial;
  return { get: () => tokens, set: (t) => void (tokens = t) };
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The instances a write touched, for listeners that re-read one instance. */
function instanceIdsOf(request: unknown, data: unknown): string[] {
  const ids = new Set<string>();
  for (const o of [request, data]) {
    const id = typeof o === 'object' && o !== null ? (o as { instanceId?: unknown; processInstanceId?: unknown }) : {};
    if (typeof id.instanceId === 'string') ids.add(id.instanceId);
    if (typeof id.processInstanceId === 'string') ids.add(id.processInstanceId);
  }
  return [...ids];
}
