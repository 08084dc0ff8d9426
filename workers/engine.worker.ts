/// <reference lib="webworker" />
// The engine's Worker: a thin comlink facade over the engine API on one EngineHost (Dexie store,
// real clock, QuickJS in script threads). Only the leader tab starts it (src/app/engine). Only plain
// data crosses: calls answer in the API's result shape, changes go out on a BroadcastChannel.
import * as Comlink from 'comlink';
import { CHANGES_CHANNEL, DexieCatalog, dexieInstanceSource, EngineApi, type ApiResult, type EngineChange } from '../src/api';
import { createQuickJsScriptRunner, DmnDecisions, EngineHost, FeelExpressions, RealClock } from '../src/host';
import { DexieStore, importEngineSnapshot, openWorkspaceDb } from '../src/store';
import { CallGate } from '../src/workers/call-gate';
import { browserScriptThreads } from './script-threads';

let actor = 'studio';
const gate = new CallGate();
const changes = new BroadcastChannel(CHANGES_CHANNEL);
const logger = { debug: () => undefined, warn: (msg: string) => console.warn(`[engine] ${msg}`) };

const ready: Promise<EngineApi> = (async () => {
  const db = openWorkspaceDb();
  // With Web Locks this worker runs only in the tab holding the engine lock (src/app/engine): the
  // sole writer of the engine tables, so its counters need no check per commit (ADR 0244).
  const store = new DexieStore(db, { actor: () => actor, soleWriter: 'locks' in navigator });
  const clock = new RealClock();
  const decisions = new DmnDecisions();
  const scripts = await createQuickJsScriptRunner({ threads: await browserScriptThreads(), logger });
  const host = await EngineHost.create({
    store, clock, expressions: new FeelExpressions(), decisions, scripts, logger,
    onCommit: (c) => changes.postMessage({ type: 'changed', instanceIds: c.instances.map((s) => s.instanceId), at: clock.now() } satisfies EngineChange),
  });
  await host.timers.start(); // catch-up: what fell due while no tab was open fires now, once
  changes.postMessage({ type: 'started', at: clock.now() } satisfies EngineChange);
  return new EngineApi({
    host, store, clock, catalog: new DexieCatalog(db, () => actor), instances: dexieInstanceSource(db), decisions,
    writeEngineData: (snapshot) => importEngineSnapshot(db, snapshot, { actor: () => actor }).finally(() => store.countersChanged()),
  });
})();

const facade = {
  /** One API call as `who` (recorded in the audit log). */
  async call(method: string, request: unknown, who?: string): Promise<ApiResult<unknown>> {
    let api: EngineApi;
    try {
      api = await ready;
    } catch (error) {
      return { error: 'unavailable', message: `the engine did not start: ${(error as Error).message}` };
    }
    // Calls of one caller side by side (their commits share transactions: group commit); another
    // caller's wait, so the audit log names the caller of each commit; an import runs alone.
    const caller = who || 'studio';
    return gate.run(caller, method === 'engineData.import', () => {
      actor = caller;
      return api.call(method, request);
    });
  },
  /** Resolves once the engine is up (its stored deployments restored, due timers fired). */
  async ready(): Promise<true> {
    await ready;
    return true;
  },
  ping(): 'pong' {
    return 'pong';
  },
};

export type EngineWorkerFacade = typeof facade;
Comlink.expose(facade);
