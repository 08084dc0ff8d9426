import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { testServer } from '../test-support/test-server';

const APPROVAL = readFileSync(new URL('../fixtures/approval.bpmn', import.meta.url), 'utf8');

/** Reads the stream until a `data:` event satisfies `want`. */
async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, want: (e: { type: string; instanceIds: string[] }) => boolean) {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended; read so far: ${buffer}`);
    buffer += decoder.decode(value, { stream: true });
    for (const line of buffer.split('\n')) {
      if (!line.startsWith('data: ')) continue;
      const event = JSON.parse(line.slice(6));
      if (want(event)) return event;
    }
  }
}

it('given a signed-in client on GET /events, when an instance starts and its task completes, then a change event names it each time; no token is 401; shutdown ends the stream', async () => {
  const t = await testServer({ files: [{ name: 'approval.bpmn', source: APPROVAL }], env: { FLOWDECK_CORS_ORIGINS: 'http://localhost:4182' } });
  const token = (await t.login()).accessToken;
  expect((await fetch(`${t.server.url}/events`)).status).toBe(401);
  const res = await fetch(`${t.server.url}/events`, { headers: { authorization: `Bearer ${token}`, origin: 'http://localhost:4182' } });
  expect([res.status, res.headers.get('content-type'), res.headers.get('access-control-allow-origin')]).toEqual([200, 'text/event-stream; charset=utf-8', 'http://localhost:4182']);
  const reader = res.body!.getReader();

  const started = await t.request('POST', '/instances', { token, body: { processId: 'approval' } });
  const id = started.body.data.id as string;
  expect(await nextEvent(reader, (e) => e.instanceIds.includes(id))).toEqual({ type: 'changed', instanceIds: [id], at: expect.any(Number) });
  const task = (await t.request('GET', `/tasks?instanceId=${id}`, { token })).body.data.items[0];
  await t.request('POST', `/tasks/${task.id}/complete`, { token, body: {} });
  expect((await nextEvent(reader, (e) => e.instanceIds.includes(id))).type).toBe('changed');

  await t.close();
  await expect(reader.read().then((r) => r.done)).resolves.toBe(true);
});
