// Exposes the engine-like Worker to Playwright: window.sandbox.run(request) -> { result, elapsedMs }.
import type { ScriptRequest } from '../../src/engine/ports';
import type { SandboxReply, SandboxStatus } from './sandbox.worker';

const worker = new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module' });
let nextId = 0;
const pending = new Map<number, (reply: SandboxReply) => void>();
let resolveReady: (status: SandboxStatus) => void;
const ready = new Promise<SandboxStatus>((resolve) => {
  resolveReady = resolve;
});

worker.onerror = (event) => console.error(`sandbox worker: ${event.message}`);
worker.onmessage = (event: MessageEvent<SandboxReply | SandboxStatus>) => {
  const data = event.data;
  if ('isolation' in data) resolveReady(data);
  else pending.get(data.id)?.(data);
};

declare global {
  interface Window {
    sandbox: { ready: Promise<SandboxStatus>; run(request: ScriptRequest): Promise<SandboxReply> };
  }
}

window.sandbox = {
  ready,
  run(request) {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, request });
    });
  },
};
