/// <reference lib="webworker" />
// A script thread in the browser: the same serveScriptThread as a Node worker thread. Started by
// browserScriptThreads() (workers/script-threads.ts) from the engine's Worker; blocks in
// Atomics.wait between scripts, and is terminated when a script overruns its limit.
import { serveScriptThread, type ScriptThreadInit } from '../src/host/scripts/script-thread';

self.onmessage = (event: MessageEvent<ScriptThreadInit>) => {
  self.onmessage = null;
  void serveScriptThread(event.data);
};
