import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { packArchive } from '../archive';
import { ManualClock } from '../host/clocks';
import { EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { MemoryStore } from '../host/memory-store';
import { readArchiveContents } from './archive-files';
import { testServer } from './test-support/test-server';

// An archive carrying engine data (the studio's "Include the engine's instances and history";
// `MemoryStore.snapshot()` is the same shape as the studio's export), served by `flowdeck serve`:
// the instances are there and run on over HTTP.
const APPROVAL = readFileSync(new URL('./fixtures/approval.bpmn', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'flowdeck-engine-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function archiveWithInstances() {
  const store = new MemoryStore();
  const host = await EngineHost.create({ store, clock: new ManualClock(Date.UTC(2026, 0, 1)), expressions: new FeelExpressions() });
  await host.deploy(APPROVAL, 'approval.bpmn');
  const waiting = await host.startInstance('approval', { businessKey: 'B-1', variables: { amount: 7 } });
  const bytes = packArchive({ project: 'Approvals', createdBy: 'ada', files: [{ path: 'approval.bpmn', content: APPROVAL }], data: { instances: JSON.parse(JSON.stringify(store.snapshot())) } });
  return { bytes, instanceId: waiting.instanceId };
}

it('given an archive with engine data, when served on an empty database, then its instances and history are there and run on; a restart on the same database leaves the data as it is', async () => {
  const { bytes, instanceId } = await archiveWithInstances();
  const { files, engineData } = await readArchiveContents(bytes);
  const env = { FLOWDECK_DB: join(dir, 'served.sqlite') };
  let t = await testServer({ env, files, engineData });
  expect(t.server.restored).toEqual({ instances: 1, deployments: 1, skipped: false });
  // The archive's model is the restored deployment: not deployed again.
  expect(t.server.deployed).toEqual([expect.objectContaining({ name: 'approval.bpmn', unchanged: true })]);
  const admin = (await t.login()).accessToken;
  const got = await t.request('GET', `/instances/${instanceId}`, { token: admin });
  expect(got.body.data).toMatchObject({ id: instanceId, processId: 'approval', version: 1, state: 'active', businessKey: 'B-1', startedAt: '2026-01-01T00:00:00.000Z', variables: { amount: 7 } });
  const history = await t.request('GET', `/instances/${instanceId}/history`, { token: admin });
  expect(history.body.data.map((e: { type: string }) => e.type)).toContain('instanceStarted');
  const task = (await t.request('GET', `/tasks?instanceId=${instanceId}`, { token: admin })).body.data.items[0];
  expect((await t.request('POST', `/tasks/${task.id}/complete`, { token: admin, body: { variables: { approved: true } } })).status).toBe(200);
  expect((await t.request('GET', `/instances/${instanceId}`, { token: admin })).body.data.state).toBe('completed');
  await t.close();

  t = await testServer({ env, files, engineData });
  expect(t.server.restored).toEqual({ instances: 0, deployments: 0, skipped: true });
  expect((await t.request('GET', `/instances/${instanceId}`, { token: (await t.login()).accessToken })).body.data.state).toBe('completed');
  await t.close();
});

it('given engine data that is not a snapshot, then the archive is refused naming data/instances.json, and nothing is served', async () => {
  const bad = packArchive({ project: 'Bad', files: [{ path: 'approval.bpmn', content: APPROVAL }], data: { instances: { instances: 'many' } } });
  await expect(readArchiveContents(bad)).rejects.toMatchObject({ code: 'VALIDATION_ERROR', message: 'archive refused: data/instances.json: "instances" must be a list' });
  const broken = packArchive({ project: 'Broken', files: [{ path: 'approval.bpmn', content: APPROVAL }], data: { instances: { instances: [{ instanceId: 'x' }], history: [{ instanceId: 'ghost', seq: 1 }] } } });
  const { files, engineData } = await readArchiveContents(broken);
  await expect(testServer({ env: { FLOWDECK_DB: join(dir, 'broken.sqlite') }, files, engineData })).rejects.toThrow(/engine data \(data\/instances.json\) could not be restored, nothing of it was written/);
});
