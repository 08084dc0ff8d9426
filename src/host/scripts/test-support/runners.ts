import { afterAll, beforeAll } from 'vitest';
import { createNodeScriptRunner } from '../node-script-threads';
import { createInThreadScriptRunner, type QuickJsRunnerOptions, type QuickJsScriptRunner } from '../quickjs-runner';
import { START_TIMEOUT_MS } from './timeouts';

type Factory = (options?: QuickJsRunnerOptions) => Promise<QuickJsScriptRunner>;

/** Both runners, for `describe.each`: scripts in a script thread (the host's default) and in-thread (the fallback). */
export const RUNNERS: Array<[string, Factory]> = [
  ['script thread', (options) => createNodeScriptRunner(options)],
  ['in-thread', (options) => createInThreadScriptRunner(options)],
];

/**
 * Starts runners before the suite and disposes them after it.
 *
 * @example
 * const runners = useRunners(() => create(), () => createInThreadScriptRunner());
 * it('...', () => { const [attacked, pristine] = runners(); });
 */
export function useRunners(...factories: Array<() => Promise<QuickJsScriptRunner>>): () => QuickJsScriptRunner[] {
  let runners: QuickJsScriptRunner[] = [];
  beforeAll(async () => {
    runners = await Promise.all(factories.map((f) => f()));
  }, START_TIMEOUT_MS);
  afterAll(() => {
    for (const runner of runners) runner.dispose();
  });
  return () => runners;
}
