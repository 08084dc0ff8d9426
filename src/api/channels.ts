/*
 * Names of the browser channels the engine API travels on between tabs (src/app/engine) and from
 * the engine worker (workers/engine.worker.ts). Kept here so both sides use one spelling.
 */

/** After each commit the engine worker posts `{ type: 'changed', instanceIds, at }` here; every tab of the origin hears it. */
export const CHANGES_CHANNEL = 'flowdeck-engine-changes';
/** Calls from tabs without the engine to the tab that has it, and the answers. */
export const RPC_CHANNEL = 'flowdeck-engine-rpc';
/** The Web Lock whose holder runs the origin's one engine. */
export const ENGINE_LOCK = 'flowdeck-engine';

/** What the changes channel carries. */
export type EngineChange =
  | { type: 'changed'; instanceIds: string[]; at: number }
  /** The engine (re)started in some tab: anything shown may be stale. */
  | { type: 'started'; at: number };
