import type { Engine } from './engine';
import { getEngineClient } from './engine-client';

/**
 * The tab's engine client, for components (the Run UI). Read data through it (or `liveQuery`
 * on the workspace database) and re-read on `client.onChange`.
 * @example
 * const engine = useEngine();
 * useEffect(() => engine.onChange(() => setStale(true)), [engine]);
 */
export function useEngine(): Engine {
  return getEngineClient();
}
