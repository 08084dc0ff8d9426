// The studio's side of the engine (see README.md): UI-free apart from the one hook.
export { EngineClient, getEngineClient, type EngineClientOptions } from './engine-client';
export { startEngine } from './expose';
export { useEngine } from './use-engine';
export { WorkerBridge } from './worker-bridge';
