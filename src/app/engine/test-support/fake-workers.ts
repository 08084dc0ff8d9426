import * as Comlink from 'comlink';

/** A stand-in engine worker over a MessageChannel: `hang` calls never answer (a step the kill interrupts). */
export function fakeWorkers(label = '') {
  const started: Array<{ terminated: boolean }> = [];
  const spawn = () => {
    const { port1, port2 } = new MessageChannel();
    const record = { terminated: false };
    started.push(record);
    Comlink.expose({
      call: (method: string, request: unknown) => (method === 'hang' ? new Promise(() => undefined) : { data: { method, request, generation: started.length, label } }),
      ready: () => true,
      ping: () => 'pong',
    }, port2);
    const worker = Object.assign(port1, {
      terminate: () => {
        record.terminated = true;
        port1.close();
        port2.close();
      },
    });
    return worker as unknown as Worker;
  };
  return { spawn, started };
}
