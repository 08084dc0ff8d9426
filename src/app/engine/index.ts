// The studio's side of the engine (see README.md): UI-free apart from the one hook.
export { EngineClient, getEngineClient, setEngineClient, type EngineClientOptions } from './engine-client';
export type { Engine } from './engine';
export { HttpEngineClient, memoryTokens, type TokenPair, type TokenStore } from './http/http-engine-client';
export { httpOf, type HttpInfo } from './http/http-errors';
export { startEngine } from './expose';
export { useEngine } from './use-engine';
export { WorkerBridge } from './worker-bridge';
