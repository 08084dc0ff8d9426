import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFeel } from '../../engine/test-support/feel';
import { EngineHost, ManualClock, MemoryStore, type MemoryStoreSnapshot } from '../../host';
import { testServer, type TestServer } from '../test-support/test-server';

const ORDER = readFileSync(new URL('../../api/api.bpmn', import.meta.url), 'utf8');

let t: TestServer;
let admin: string;
let snapshot: MemoryStoreSnapshot;
beforeAll(async () => {
  // Engine data as a studio exports it: an instance of `order` waiting on the CLI's memory store.
  const store = new MemoryStore();
  const host = await EngineHost.create({ store, clock: new ManualClock(Date.now()), expressions: testFeel });
  await host.deploy(ORDER, 'order.bpmn');
  await host.startInstance('order', { businessKey: 'from-the-studio', variables: { orderId: 'c-9', amount: 3 } });
  snapshot = JSON.parse(JSON.stringify(store.snapshot()));
  t = await testServer();
  admin = (await t.login()).accessToken;
}, 60_000);
afterAll(() => t.close(), 60_000);

const api = (method: string, body: unknown, token = admin) => t.request('POST', `/api/${method}`, { token, body });

describe('POST /api/engineData.import on a server with an empty engine', () => {
  it('given a task user, then it is 403 naming the admin permission; given the administrator, the data is taken in and served, once', async () => {
    const tina = await t.userWith('tina', ['taskUser'], ['clerks']);
    const refused = await api('engineData.import', { data: snapshot }, tina);
    expect([refused.status, refused.body.error, refused.body.details]).toEqual([403, 'FORBIDDEN', { needs: ['admin'] }]);

    const r = await api('engineData.import', { data: snapshot });
    expect([r.status, r.body.data]).toEqual([200, { instances: 1, deployments: 1 }]);
    const listed = await t.request('GET', '/instances?businessKey=from-the-studio', { token: admin });
    expect(listed.body.data.items.map((i: { state: string }) => i.state)).toEqual(['active']);

    const again = await api('engineData.import', { data: snapshot });
    expect([again.status, again.body.error]).toEqual([409, 'INVALID_STATE']);
    const audit = await t.request('GET', '/audit?action=engineData.import', { token: admin });
    expect(audit.body.data.items.map((e: { outcome: string }) => e.outcome).sort()).toEqual(['ok', 'refused']); // the 409 (a missing permission is not an engine call)
  });
});
