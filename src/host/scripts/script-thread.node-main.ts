// Entry of a Node script thread when it is bundled (node-thread-bundle.ts): plain JavaScript, so a
// new thread starts without a TypeScript loader.
import { workerData } from 'node:worker_threads';
import { serveScriptThread, type ScriptThreadInit } from './script-thread';

await serveScriptThread(workerData as ScriptThreadInit);
