import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { freshWorkspace } from './workspace-helpers';

// The replay player on the built app: an engine instance (user task, then a timer) replayed,
// scrubbed to its middle, forked with another amount; then an imported XES log with its heatmap.
const MODEL = readFileSync(new URL('../src/replay/fixtures/approval.bpmn', import.meta.url), 'utf8');
const LOG = readFileSync(new URL('../src/replay/fixtures/approval-log.xes', import.meta.url));

type Engine = NonNullable<Window['__flowdeckEngine']>;

/** One engine API call through the debugging hook; throws the API's message on a failure. */
async function call<T>(page: Page, method: string, request: unknown): Promise<T> {
  const r = await page.evaluate(async ([m, q]) => (window.__flowdeckEngine as Engine).call(m as never, q as never), [method, request] as const);
  if ('error' in (r as object)) throw new Error(`${method}: ${(r as { message: string }).message}`);
  return (r as { data: T }).data;
}

async function completeTask(page: Page, instanceId: string): Promise<void> {
  const tasks = await call<{ items: Array<{ id: string }> } | Array<{ id: string }>>(page, 'tasks.list', { instanceId });
  const [task] = Array.isArray(tasks) ? tasks : tasks.items;
  await call(page, 'tasks.complete', { taskId: task.id });
}

async function waitCompleted(page: Page, instanceId: string): Promise<void> {
  await expect.poll(async () => (await call<{ status: string }>(page, 'instances.get', { instanceId })).status, { timeout: 20_000 }).toBe('completed');
}

test('given an instance with a user task and a timer, when replayed, scrubbed to its middle and forked with amount 900, then the fork takes the other branch; and an imported XES log shows its heatmap', async ({ page }) => {
  await freshWorkspace(page);
  await page.evaluate(() => (window.__flowdeckEngine as Engine).ready());
  await call(page, 'deployments.deploy', { kind: 'bpmn', name: 'approval.bpmn', source: MODEL });
  const started = await call<{ instanceId: string }>(page, 'instances.start', { processId: 'approval', variables: { amount: 100 } });
  const id = started.instanceId;
  // The user task waits about two seconds, the timer one: the middle of the history falls in the task.
  await page.waitForTimeout(2000);
  await completeTask(page, id);
  await waitCompleted(page, id);

  // When: Replay from the instance view, scrubbed to the middle.
  await page.goto(`/#/instances/${id}`);
  await page.getByTestId('instance-replay').click();
  await expect(page.locator('[data-testid=replay-diagram][data-loaded=true]')).toBeVisible({ timeout: 30_000 });
  const scrubber = page.getByTestId('replay-scrubber');
  const [min, max] = await scrubber.evaluate((e: HTMLInputElement) => [Number(e.min), Number(e.max)]);
  await scrubber.fill(String((min + max) / 2));

  // Then: the token is at the user task, with the variables of that moment.
  await expect(page.getByTestId('replay-tokens')).toHaveAttribute('data-active', '{"Enter":1}');
  await expect(page.locator('[data-testid=replay-variable][data-name=amount]')).toContainText('100');
  await expect(page.locator('[data-testid=replay-variable][data-name=note]')).toHaveCount(0);
  await expect(page.getByTestId('replay-mark-task').first()).toBeVisible();
  // Stepping with the keyboard moves event by event; the clock shows log time.
  const before = Number(await page.getByTestId('replay-player').getAttribute('data-position'));
  await page.getByTestId('replay-diagram').click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('replay-player')).toHaveAttribute('data-position', String(before + 1));
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('replay-player')).toHaveAttribute('data-position', String(before));
  await expect(page.getByTestId('replay-clock')).toContainText('UTC');

  // When: forked here with amount 900.
  await page.getByTestId('replay-fork-open').click();
  await page.getByTestId('fork-variables').fill('{"amount": 900}');
  await page.getByTestId('fork-submit').click();

  // Then: the new instance waits at the same user task; done, it goes through Review, not the automatic approval.
  const view = page.getByTestId('instance-view');
  await expect(view).toHaveAttribute('data-instance-id', /.+/);
  const forkId = (await view.getAttribute('data-instance-id')) as string;
  expect(forkId).not.toBe(id);
  await expect(view.getByTestId('history-event').and(page.locator('[data-type=instanceForked]'))).toHaveCount(1);
  await completeTask(page, forkId);
  await waitCompleted(page, forkId);
  await expect(view).toHaveAttribute('data-state', 'completed');
  await expect(view.getByTestId('variable').and(page.locator('[data-name=amount]'))).toContainText('900');
  const path = await call<{ path: string[] }>(page, 'instances.get', { instanceId: forkId });
  expect(path.path).toContain('Review');
  expect(path.path).not.toContain('AutoApprove');

  // When: an XES log is imported and drawn on the same process.
  await page.goto('/#/replay');
  await page.getByTestId('replay-import-input').setInputFiles({ name: 'approval-log.xes', mimeType: 'application/xml', buffer: LOG });
  // Then: its heatmap (frequency) is on the diagram with a legend, and the unmatched activity is listed.
  await expect(page.getByTestId('replay-summary')).toContainText('3 cases, 19 events');
  await expect(page.locator('[data-testid=heat-badge][data-element-id=Enter]')).toHaveText('3');
  await expect(page.locator('[data-testid=heat-badge][data-element-id=Review]')).toHaveText('1');
  await expect(page.getByTestId('replay-legend')).toBeVisible();
  await expect(page.getByTestId('replay-unmatched')).toContainText('Send letter');
  await page.getByTestId('replay-heat-metric').selectOption('meanMs');
  await expect(page.locator('[data-testid=heat-badge][data-element-id=Review]')).toHaveText('30.0 min');
});
