import { expect, test, type Page } from '@playwright/test';
import { createFile, createProject, freshWorkspace } from './workspace-helpers';

// The studio must load and keep working with no network once the service worker has precached it.
// Navigations served while offline must come from the service worker, not from the preview server.

async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

async function shapeCount(page: Page): Promise<number> {
  return page.locator('[data-testid="bpmn-canvas"] .djs-shape').count();
}

test.setTimeout(120_000);

test('given one visit, when the network is gone, then the studio reloads from the service worker and modeling goes on', async ({ page, context }) => {
  await freshWorkspace(page);
  await waitForServiceWorkerControl(page);
  await createProject(page, 'Offline');
  await createFile(page, 'bpmn', 'Trip');
  // the modeler chunk is the largest of the app: allow for a slow first load on a busy machine
  await expect(page.locator('[data-testid="bpmn-canvas"] [data-element-id="StartEvent_1"]')).toBeVisible({ timeout: 30_000 });

  await context.setOffline(true);
  const response = await page.reload();

  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  const start = page.locator('[data-testid="bpmn-canvas"] [data-element-id="StartEvent_1"]');
  await expect(start).toBeVisible({ timeout: 30_000 });
  const before = await shapeCount(page);

  // when: a task is appended through the context pad, offline
  await start.click();
  await page.locator('.djs-context-pad [data-action="append.append-task"]').click();
  await expect.poll(() => shapeCount(page)).toBe(before + 1);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  // then: it survives another offline reload
  const again = await page.reload();
  expect(again?.fromServiceWorker()).toBe(true);
  await expect(page.locator('[data-testid="bpmn-canvas"] [data-element-id="StartEvent_1"]')).toBeVisible();
  await expect.poll(() => shapeCount(page)).toBe(before + 1);
  await context.setOffline(false);
});
