import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ok } from './engine-call';
import { createFile, createProject, freshWorkspace } from './workspace-helpers';

const APPROVAL = readFileSync(new URL('./run-approval.bpmn', import.meta.url), 'utf8');

test('an archive exported with engine data, imported in another browser, brings its instance along, and it runs on there', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Given: a browser whose engine runs an instance waiting at its user task, exported with its engine data.
  await freshWorkspace(page);
  await createProject(page, 'Approvals');
  await createFile(page, 'bpmn', 'Intake');
  await page.getByTestId('project-item').filter({ hasText: 'Approvals' }).first().getByTestId('project-name').click();
  await ok(page, 'deployments.deploy', { kind: 'bpmn', name: 'run-approval.bpmn', source: APPROVAL });
  await ok(page, 'instances.start', { processId: 'approval', businessKey: 'req-7', variables: { amount: 40 } });
  await page.getByTestId('archive-export').click();
  await page.getByTestId('archive-export-data').check();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('dialog-confirm').click();
  const archive = readFileSync((await (await downloading).path())!);

  // When: another browser (its own IndexedDB) imports the archive with its engine data.
  const other = await browser.newContext();
  const there = await other.newPage();
  await freshWorkspace(there);
  await there.getByTestId('archive-import-input').setInputFiles({ name: 'Approvals.flowdeck', mimeType: 'application/zip', buffer: archive });
  await expect(there.getByTestId('archive-has-data')).toContainText('1 instance, 1 deployment');
  await expect(there.getByTestId('archive-import-data')).toBeChecked();
  await there.getByTestId('dialog-confirm').click();
  await expect(there.getByText(/imported 1 instance and 1 deployment into this browser's engine/)).toBeVisible();

  // Then: the instance is there, waiting where it was, and its task completes it.
  const list = await ok<{ items: Array<{ instanceId: string; businessKey: string; state: string }> }>(there, 'instances.list', {});
  expect(list.items.map((i) => [i.businessKey, i.state])).toEqual([['req-7', 'active']]);
  const tasks = await ok<{ items: Array<{ id: string; elementId: string }> }>(there, 'tasks.list', {});
  expect(tasks.items.map((t) => t.elementId)).toEqual(['review']);
  await ok(there, 'tasks.complete', { taskId: tasks.items[0].id, variables: { approved: true } });
  const after = await ok<{ items: Array<{ instanceId: string }> }>(there, 'instances.list', { state: 'completed' });
  expect(after.items.map((i) => i.instanceId)).toEqual([list.items[0].instanceId]);

  // And the first browser, whose engine is not empty, is offered no data import.
  await page.getByTestId('archive-import-input').setInputFiles({ name: 'Approvals.flowdeck', mimeType: 'application/zip', buffer: archive });
  await expect(page.getByTestId('archive-import-data')).toBeDisabled();
  await expect(page.getByTestId('archive-has-data')).toContainText('the engine already holds deployments');
  await other.close();
});
