import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ok } from './engine-call';
import { freshWorkspace } from './workspace-helpers';

// "Fork here…" on a parent whose call activity waits for its child (docs/replay.md "Fork"): the
// child is forked with it as it was at that event, and the fork tree runs on in the studio.
const MODEL = readFileSync(new URL('../src/host/fork-call.test.bpmn', import.meta.url), 'utf8');

async function complete(page: Page, instanceId: string, elementId: string): Promise<void> {
  const tasks = await ok<{ items: Array<{ id: string; elementId: string }> } | Array<{ id: string; elementId: string }>>(page, 'tasks.list', { instanceId });
  const task = (Array.isArray(tasks) ? tasks : tasks.items).find((t) => t.elementId === elementId);
  expect(task, `open task ${elementId} of ${instanceId}`).toBeDefined();
  await ok(page, 'tasks.complete', { taskId: task?.id });
}

const status = async (page: Page, instanceId: string) => (await ok<{ status: string }>(page, 'instances.get', { instanceId })).status;

test('given a parent waiting at its call activity while its child has done one task, when forked at its last event with amount 900, then the forked child waits at its next task and completing it completes the forked parent on the other branch', async ({ page }) => {
  await freshWorkspace(page);
  await ok(page, 'deployments.deploy', { kind: 'bpmn', name: 'fork-call.bpmn', source: MODEL });
  const parent = (await ok<{ instanceId: string }>(page, 'instances.start', { processId: 'order', variables: { amount: 100 } })).instanceId;
  const child = `${parent}-call-1`;
  await complete(page, child, 'Check');
  await complete(page, parent, 'Notes');

  // When: the parent's replay at its last event (Notes completed), forked with amount 900.
  await page.goto(`/#/instances/${parent}`);
  await page.getByTestId('instance-replay').click();
  await expect(page.locator('[data-testid=replay-diagram][data-loaded=true]')).toBeVisible({ timeout: 30_000 });
  const scrubber = page.getByTestId('replay-scrubber');
  await scrubber.fill(await scrubber.evaluate((e: HTMLInputElement) => e.max));
  await page.getByTestId('replay-fork-open').click();
  await page.getByTestId('fork-variables').fill('{"amount": 900}');
  await page.getByTestId('fork-submit').click();

  // Then: the fork's view opens, marked as a fork; its child was forked at Approve (Check was done then).
  const view = page.getByTestId('instance-view');
  await expect(view).toHaveAttribute('data-instance-id', /.+/);
  const fork = (await view.getAttribute('data-instance-id')) as string;
  expect(fork).not.toBe(parent);
  await expect(view.getByTestId('history-event').and(page.locator('[data-type=instanceForked]'))).toHaveCount(1);
  const forkChild = `${fork}-call-1`;
  expect(await status(page, forkChild)).toBe('active');
  await complete(page, forkChild, 'Approve');
  await expect.poll(() => status(page, fork), { timeout: 20_000 }).toBe('completed');
  await expect(view).toHaveAttribute('data-state', 'completed');
  expect((await ok<{ path: string[] }>(page, 'instances.get', { instanceId: fork })).path).toContain('Big');
  // The source tree is unchanged: the parent still waits for its child at Approve.
  expect(await status(page, parent)).toBe('active');
  expect(await status(page, child)).toBe('active');
});
