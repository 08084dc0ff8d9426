import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshWorkspace } from './workspace-helpers';

// Task categories in the tasklist: each task shows its `zeebe:taskHeaders` category, and the
// category filter (choices from the tab's tasks) narrows the list, "(none)" to the tasks without.
const xml = readFileSync(new URL('./tasks-categories.bpmn', import.meta.url), 'utf8');

test('given tasks in the categories Billing and Review and one without, when filtered by category, then the list shows each category\'s tasks', async ({ page }) => {
  await freshWorkspace(page);
  await page.evaluate(async (source) => {
    const engine = window.__flowdeckEngine!;
    await engine.ready();
    const d = await engine.call('deployments.deploy', { kind: 'bpmn', name: 'claims.bpmn', source });
    if ('error' in d) throw new Error(d.message);
    const r = await engine.call('instances.start', { processId: 'claims' });
    if ('error' in r) throw new Error(r.message);
  }, xml);

  await page.getByTestId('nav-tasks').click();
  await page.getByTestId('tasks-tab-all').click();
  const items = page.getByTestId('task-item');
  await expect(items).toHaveCount(3);
  // Order follows the list's sort (priority, then creation): compare as a set.
  await expect(page.getByTestId('task-category')).toHaveCount(2);
  expect((await page.getByTestId('task-category').allInnerTexts()).sort()).toEqual(['Billing', 'Review']);
  const filter = page.getByTestId('tasks-filter-category');
  await expect(filter.locator('option')).toHaveText(['any', 'Billing', 'Review', '(none)']);

  await filter.selectOption('Review');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Review the claim');
  // The other categories stay choosable while one is chosen.
  await expect(filter.locator('option')).toHaveText(['any', 'Billing', 'Review', '(none)']);
  await filter.selectOption({ label: '(none)' });
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Triage');
  await filter.selectOption('');
  await expect(items).toHaveCount(3);
});
