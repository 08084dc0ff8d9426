import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiData, ApiFailure, ApiMethod, ApiRequest, ApiResult } from '../../api';
import { getEngineClient } from '../engine';

/**
 * One engine API call from the Run UI.
 * Never throws: a failure comes back in the API's error shape, for the caller to show.
 *
 * @example
 * const r = await callEngine('instances.cancel', { instanceId });
 * if ('error' in r) toast(r.message);
 */
export function callEngine<M extends ApiMethod>(method: M, request?: ApiRequest<M>): Promise<ApiResult<ApiData<M>>> {
  return getEngineClient().call(method, request);
}

export interface EngineQuery<T> {
  data: T | undefined;
  error: ApiFailure | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Reads through the engine API and reads again after every engine commit (the client's change
 * notifications) — or, with `instanceId`, only after commits that touched that instance.
 * `request === null` reads nothing (e.g. while an id is not known yet).
 *
 * @example
 * const { data, error } = useEngineQuery('instances.get', { instanceId }, { instanceId });
 */
export function useEngineQuery<M extends ApiMethod>(method: M, request: ApiRequest<M> | null, options: { instanceId?: string } = {}): EngineQuery<ApiData<M>> {
  const [state, setState] = useState<{ data?: ApiData<M>; error?: ApiFailure; loading: boolean }>({ loading: request !== null });
  const key = JSON.stringify(request);
  const seq = useRef(0);
  const { instanceId } = options;

  const load = useCallback(() => {
    if (key === 'null') return;
    const mine = ++seq.current;
    void callEngine(method, JSON.parse(key) as ApiRequest<M>).then((r) => {
      // A slower answer to an older request must not overwrite a newer one.
      if (mine !== seq.current) return;
      if ('error' in r) setState((s) => ({ data: s.data, error: r, loading: false }));
      else setState({ data: r.data, loading: false });
    });
  }, [method, key]);

  useEffect(() => {
    load();
    return getEngineClient().onChange((change) => {
      if (change.type === 'started' || instanceId === undefined || change.instanceIds.includes(instanceId)) load();
    });
  }, [load, instanceId]);

  return { data: state.data, error: state.error, loading: state.loading, reload: load };
}
