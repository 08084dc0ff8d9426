import { expect, it } from 'vitest';
import { testServer } from './test-support/test-server';

it('given a long poll in flight, when the server shuts down, then the poll answers with no job, the server stops being ready and closes', async () => {
  const t = await testServer();
  const token = await t.userWith('walt', ['worker']);
  const polling = t.request('POST', '/jobs/fetch-and-lock', { token, body: { topic: 'none', workerId: 'w', lockDurationMs: 1000, asyncResponseTimeout: 60_000 } });
  // The poll is waiting once the server holds a waiter for it.
  while (t.server.ctx.jobWaiters.size === 0) await new Promise((r) => setTimeout(r, 10));
  const closing = t.close();
  expect(t.server.ctx.executor.running).toBe(false);
  const answer = await polling;
  expect([answer.status, answer.body.data]).toEqual([200, []]);
  await closing;
  expect(t.server.ctx.db.open).toBe(false);
}, 30_000);
