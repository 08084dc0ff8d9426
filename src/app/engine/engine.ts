import type { ApiData, ApiMethod, ApiRequest, ApiResult, EngineChange } from '../../api';

/**
 * What the screens use of an engine, whichever it is: the tab's worker (`EngineClient`) or a
 * Flowdeck server (`HttpEngineClient`). Calls never throw; failures are the API's error shape.
 */
export interface Engine {
  call<M extends ApiMethod>(method: M, request?: ApiRequest<M>): Promise<ApiResult<ApiData<M>>>;
  call(method: string, request?: unknown): Promise<ApiResult<unknown>>;
  /** The engine's commits (the server's client: after its own writes, and on a polling beat). Returns the unsubscribe. */
  onChange(listener: (change: EngineChange) => void): () => void;
  ready(): Promise<void>;
  close(): void;
}
