import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { call, ok } from './engine-call';

// The engine in the built app, driven through the debugging hook window.__flowdeckEngine
// (src/app/engine): persistence across a reload, a worker killed mid-way, one engine for two tabs.
const BPMN = readFileSync(new URL('./engine-api.bpmn', import.meta.url), 'utf8');

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => window.__flowdeckEngine !== undefined);
}

async function deployAndStart(page: Page): Promise<string> {
  await ok(page, 'deployments.deploy', { kind: 'bpmn', name: 'review.bpmn', source: BPMN, note: 'e2e' });
  const started = await ok<{ instanceId: string }>(page, 'instances.start', { processId: 'review', businessKey: 'REQ-1', variables: { approved: true } });
  return started.instanceId;
}

test('given a deployed model and a started instance, when the page reloads, then the instance is found and its task completes it', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    window.__flowdeckEngine!.onChange((c) => c.type === 'changed' && seen.push(...c.instanceIds));
  });
  const instanceId = await deployAndStart(page);
  // the worker tells the page of each commit
  await page.waitForFunction((id) => (window as unknown as { seen: string[] }).seen.includes(id), instanceId);

  await page.reload();
  await page.waitForFunction(() => window.__flowdeckEngine !== undefined);
  const found = await ok<{ items: Array<{ instanceId: string; state: string }>; total: number }>(page, 'instances.list', { businessKey: 'REQ-1' });
  expect(found.items).toEqual([expect.objectContaining({ instanceId, state: 'active' })]);
  const tasks = await ok<{ items: Array<{ id: string }> }>(page, 'tasks.list', { candidateGroup: 'clerks' });
  expect(tasks.items).toHaveLength(1);
  await ok(page, 'tasks.complete', { taskId: tasks.items[0].id, variables: { approved: true } });

  const done = await ok<{ status: string; variables: Record<string, unknown> }>(page, 'instances.get', { instanceId });
  expect(done.status).toBe('completed');
  expect(done.variables.stamped).toBe('yes'); // the script ran in the worker's QuickJS threads
  const again = await call(page, 'tasks.complete', { taskId: tasks.items[0].id });
  expect(again.error).toBe('illegalState');
});

test('given a call in flight, when the worker is killed, then it restarts and the instance is whole: the step committed entirely or not at all', async ({ page }) => {
  await open(page);
  const instanceId = await deployAndStart(page);
  const [task] = (await ok<{ items: Array<{ id: string }> }>(page, 'tasks.list', {})).items;

  const inFlight = await page.evaluate(async (taskId) => {
    const engine = window.__flowdeckEngine!;
    const pending = engine.call('tasks.complete', { taskId });
    engine.terminate();
    return { result: await pending, generation: engine.workerGeneration };
  }, task.id);
  expect(inFlight.generation).toBe(2);

  const state = await ok<{ status: string; tasks: Record<string, unknown>; path: string[] }>(page, 'instances.get', { instanceId });
  const history = await ok<Array<{ type: string }>>(page, 'history.get', { instanceId });
  if (state.status === 'completed') {
    // the commit made it before the kill: all of it
    expect(history.at(-1)?.type).toBe('instanceCompleted');
    expect(state.path).toEqual(['start', 'check', 'stamp', 'end']);
  } else {
    // nothing of it: the task is still open and can be completed now
    expect(inFlight.result).toMatchObject({ error: 'unavailable' });
    expect(Object.keys(state.tasks)).toEqual([task.id]);
    expect(history.some((e) => e.type === 'taskCompleted')).toBe(false);
    await ok(page, 'tasks.complete', { taskId: task.id });
    expect((await ok<{ status: string }>(page, 'instances.get', { instanceId })).status).toBe('completed');
  }
});

test('given two tabs, then they share one engine, and when the leader closes the other takes over', async ({ context }) => {
  const first = await context.newPage();
  await open(first);
  await first.evaluate(() => window.__flowdeckEngine!.ready());
  const second = await context.newPage();
  await open(second);

  const roles = async () => Promise.all([first, second].map((p) => p.evaluate(() => ({ leader: window.__flowdeckEngine!.isLeader, tab: window.__flowdeckEngine!.leader }))));
  const [a, b] = await roles();
  expect(a.leader).toBe(true);
  expect(b.leader).toBe(false);
  expect(b.tab).toBe(a.tab);

  // the follower's calls run on the leader's engine
  const instanceId = await deployAndStart(second);
  expect((await ok<{ total: number }>(first, 'instances.list', {})).total).toBe(1);

  const closedAt = Date.now();
  await first.close();
  await second.waitForFunction(() => window.__flowdeckEngine!.isLeader);
  test.info().annotations.push({ type: 'takeover', description: `${Date.now() - closedAt} ms after the leader closed` });

  const [task] = (await ok<{ items: Array<{ id: string }> }>(second, 'tasks.list', {})).items;
  await ok(second, 'tasks.complete', { taskId: task.id });
  const done = await ok<{ status: string }>(second, 'instances.get', { instanceId });
  expect(done.status).toBe('completed');
  const starts = (await ok<Array<{ type: string }>>(second, 'history.get', { instanceId })).filter((e) => e.type === 'instanceStarted');
  expect(starts).toHaveLength(1);
});
