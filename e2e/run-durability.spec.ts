import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ok } from './engine-call';

// Durability of the engine in the built app: a timer that comes due while the tab is closed fires
// once on reopening; "Fire now" in the instance view, audited with the local user. Driven through
// window.__flowdeckEngine and the UI. (A full quota is not here: CDP Storage.overrideQuotaForOrigin
// has no effect in the Chromium 156 this runs on, navigator.storage.estimate() keeps its 10 GB;
// see src/app/README.md. The quota path is covered by src/store and src/api unit tests.)
const BPMN = readFileSync(new URL('./run-timers.bpmn', import.meta.url), 'utf8');

async function open(page: Page, hash = '#/'): Promise<void> {
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.__flowdeckEngine !== undefined);
}

async function startWaiting(page: Page, processId: string): Promise<{ instanceId: string; dueAt: number; timerKey: string }> {
  await ok(page, 'deployments.deploy', { kind: 'bpmn', name: 'timers.bpmn', source: BPMN });
  const { instanceId } = await ok<{ instanceId: string }>(page, 'instances.start', { processId });
  const state = await ok<{ timers: Record<string, { key: string; dueAt: number }> }>(page, 'instances.get', { instanceId });
  const [timer] = Object.values(state.timers);
  return { instanceId, dueAt: timer.dueAt, timerKey: timer.key };
}

const firings = (history: Array<{ type: string; elementId?: string }>, elementId: string) => history.filter((e) => e.type === 'elementCompleted' && e.elementId === elementId).length;

test('given a timer due in 3 s, when the tab is closed past its due time and opened again, then the timer fires once', async ({ context }) => {
  const first = await context.newPage();
  await open(first);
  const { instanceId, dueAt } = await startWaiting(first, 'soon');
  await first.close(); // the only tab: its engine worker ends with it

  // Wait (in the test runner, no tab open) until the timer is past due.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now()) + 500));
  const again = await context.newPage();
  await open(again);
  await expect.poll(async () => (await ok<{ status: string }>(again, 'instances.get', { instanceId })).status).toBe('completed');
  const history = await ok<Array<{ type: string; elementId?: string }>>(again, 'history.get', { instanceId });
  expect(firings(history, 'threeSeconds')).toBe(1);

  // A reload (the engine starts again on the same data) fires nothing more.
  await again.reload();
  await again.waitForFunction(() => window.__flowdeckEngine !== undefined);
  const after = await ok<Array<{ type: string; elementId?: string }>>(again, 'history.get', { instanceId });
  expect(after).toHaveLength(history.length);
});

test('given an instance waiting an hour, when its timer is fired now in the instance view, then it completes and the audit log names the local user', async ({ page }) => {
  await open(page);
  const { instanceId, timerKey } = await startWaiting(page, 'later');
  await page.goto(`/#/instances/${instanceId}`);
  const view = page.getByTestId('instance-view');
  await expect(view).toHaveAttribute('data-state', 'active');
  await view.locator(`[data-testid=instance-timer][data-timer-key="${timerKey}"]`).getByTestId('timer-fire').click();
  await expect(view).toHaveAttribute('data-state', 'completed');
  const fired = page.getByTestId('audit-row').and(page.locator('[data-action=fireTimerNow]'));
  await expect(fired).toHaveCount(1);
  await expect(fired).toHaveAttribute('data-who', 'demo'); // the default local user
  await expect(fired).toContainText(timerKey);
});
