import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { freshWorkspace } from './workspace-helpers';

// The Run UI on the built app, as a person uses it: deploy from the modeler, start, work the task
// through its form, watch the instance; a deploy with errors is refused with them listed.
const fixture = (name: string) => readFileSync(new URL(name, import.meta.url));

async function openFiles(page: Page, files: Array<[string, Buffer]>): Promise<void> {
  await page.getByTestId('open-file-input').setInputFiles(files.map(([name, buffer]) => ({ name, mimeType: 'application/octet-stream', buffer })));
  await expect(page.getByTestId('bpmn-editor')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('bpmn-deploy')).toBeEnabled();
}

test('given a diagram and its form, when deployed, started, and its task completed through the form after a reload, then the instance is completed', async ({ page }) => {
  await freshWorkspace(page);
  await openFiles(page, [['run-approval.bpmn', fixture('./run-approval.bpmn')], ['run-approve.form', fixture('./run-approve.form')]]);

  // When: Deploy (by its shortcut), then start with variables.
  await page.getByTestId('bpmn-canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Alt+Shift+D');
  const dialog = page.getByTestId('dialog').and(page.locator('[data-dialog=deploy]'));
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('deploy-confirm').click();
  await expect(dialog.getByTestId('deploy-message')).toContainText('approval v1');
  await expect(dialog.getByTestId('deploy-message')).toContainText('form approve-form v1');
  await dialog.getByTestId('start-variables').fill('{"requester": "ana"}');
  await dialog.getByTestId('start-business-key').fill('REQ-7');
  await dialog.getByTestId('start-confirm').click();

  // Then: the instance view shows it waiting at the review task, one token there.
  const view = page.getByTestId('instance-view');
  await expect(view).toHaveAttribute('data-state', 'active');
  await expect(view.getByTestId('variable').and(page.locator('[data-name=requester]'))).toContainText('"ana"');
  await expect(page.locator('[data-testid=diagram-badge][data-element-id=review][data-tone=active]')).toHaveText('1');
  const instanceUrl = page.url();

  // When the page reloads in the middle of the instance, it is still there, where it was.
  await page.reload();
  await expect(page.getByTestId('instance-view')).toHaveAttribute('data-state', 'active');
  await expect(page.locator('[data-testid=diagram-badge][data-element-id=review][data-tone=active]')).toHaveText('1');

  // And the task is worked in the tasklist: claim, submit the form empty (refused by its validation), fill it, complete.
  await page.getByTestId('nav-tasks').click();
  await page.getByTestId('tasks-tab-all').click();
  await page.getByTestId('task-item').first().click();
  await page.getByTestId('task-claim').click();
  await expect(page.getByTestId('task-assignee')).toHaveText('Assigned to demo');
  await expect(page.getByTestId('task-form').getByLabel('Comment')).toBeVisible();
  await page.getByTestId('task-form-submit').click();
  await expect(page.getByTestId('task-form-invalid')).toHaveText('1 field to correct');
  await page.getByTestId('task-form').getByLabel('Comment').fill('looks fine');
  await page.getByTestId('task-form').getByLabel('Decision').fill('approve');
  await page.getByTestId('task-form-submit').click();
  await expect(page.getByTestId('task-done')).toContainText('is completed');

  // Then the instance is completed, with the form's values, its path drawn, no token left.
  await page.goto(instanceUrl);
  const done = page.getByTestId('instance-view');
  await expect(done).toHaveAttribute('data-state', 'completed');
  await expect(done.getByTestId('variable').and(page.locator('[data-name=comment]'))).toContainText('"looks fine"');
  await expect(done.getByTestId('variable').and(page.locator('[data-name=decision]'))).toContainText('"approve"');
  await expect(done.getByTestId('history-event').and(page.locator('[data-type=instanceCompleted]'))).toHaveCount(1);
  await expect(page.locator('[data-testid=instance-diagram][data-loaded=true]')).toBeVisible();
  await expect(page.locator('[data-testid=diagram-badge][data-tone=active]')).toHaveCount(0);

  // And the list shows it completed under its business key.
  await page.getByTestId('nav-instances').click();
  await page.getByTestId('filter-business-key').fill('REQ-7');
  await expect(page.getByTestId('instance-row')).toHaveCount(1);
  await expect(page.getByTestId('instance-row')).toHaveAttribute('data-state', 'completed');

  // And the dashboard counts it: v1 has one completed instance, one duration, one token through the task.
  await page.getByTestId('nav-dashboard').click();
  const v1 = page.getByTestId('chart-states-table').locator('tbody tr').first();
  await expect(v1.locator('th')).toHaveText('v1');
  await expect(v1.locator('td')).toHaveText(['0', '0', '1', '0']);
  await expect(page.getByTestId('chart-durations-table').locator('tbody td')).toHaveText(['1']);
  await expect(page.locator('[data-testid=diagram-badge][data-element-id=review][data-tone=heat]')).toHaveText('1');
  // And over time: one start and one completion in its intervals, nothing running at the end.
  await expect(page.getByTestId('chart-timeline').locator('canvas')).toBeVisible();
  const intervals = await page.getByTestId('chart-timeline-table').locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 4).map((td) => Number(td.textContent))));
  const column = (i: number) => intervals.reduce((n, row) => n + row[i], 0);
  expect([column(0), column(1), column(2)]).toEqual([1, 1, 0]);
  expect(intervals.at(-1)?.[3]).toBe(0);
});

test('given a diagram with an invalid FEEL condition, when deployed, then it is refused with the error on its element, and nothing is deployed', async ({ page }) => {
  await freshWorkspace(page);
  await openFiles(page, [['run-broken.bpmn', fixture('./run-broken.bpmn')]]);

  await page.getByTestId('bpmn-deploy').click();
  const dialog = page.getByTestId('dialog').and(page.locator('[data-dialog=deploy]'));
  // The problems are listed before deploying (the modeler's lint finds the bad FEEL; the engine's
  // compiler would refuse it too: src/app/instances/deploy/deploy-model.test.ts).
  await expect(dialog.locator('[data-testid=deploy-problem][data-severity=error][data-element-id=big]')).toBeVisible();
  await dialog.getByTestId('deploy-confirm').click();
  const refused = dialog.getByTestId('deploy-refused');
  await expect(refused.getByRole('alert')).toHaveText(/run-broken has \d+ errors?: fix (it|them) to deploy/);
  const problem = refused.locator('[data-testid=deploy-problem][data-element-id=big]');
  await expect(problem).toHaveAttribute('data-severity', 'error');
  await expect(problem).toContainText('not a valid FEEL expression');
  await expect(dialog.getByTestId('start-instance')).toHaveCount(0);
  expect(await page.evaluate(async () => window.__flowdeckEngine!.call('deployments.list', {}))).toEqual({ data: [] });

  // The problem links to its element: the dialog closes and the flow is selected on the canvas.
  await problem.getByTestId('deploy-problem-element').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('[data-testid=bpmn-canvas] .djs-element.selected[data-element-id=big]')).toHaveCount(1);

  // Nothing was deployed: the dashboard has nothing, the instances list is empty.
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  await page.getByTestId('nav-instances').click();
  await expect(page.getByTestId('instances-empty')).toBeVisible();
});

test('given 300 instances, when listed, then the total is told, only the rows in view are drawn, and the state filter finds one suspended in the view', async ({ page }) => {
  await freshWorkspace(page);
  const xml = fixture('./run-approval.bpmn').toString('utf8');
  // Given: instances made through the engine API (the debugging hook), as a worker would.
  const first = await page.evaluate(async (source) => {
    const engine = window.__flowdeckEngine!;
    await engine.ready();
    const d = await engine.call('deployments.deploy', { kind: 'bpmn', name: 'run-approval.bpmn', source });
    if ('error' in d) throw new Error(d.message);
    let id = '';
    for (let i = 0; i < 300; i++) {
      const r = await engine.call('instances.start', { processId: 'approval', businessKey: `B-${i}` });
      if ('error' in r) throw new Error(r.message);
      if (i === 0) id = r.data.instanceId;
    }
    return id;
  }, xml);

  await page.getByTestId('nav-instances').click();
  await page.getByTestId('instances-view').locator('select[aria-label="Rows per page"]').selectOption('1000');
  await expect(page.getByTestId('instances-count')).toHaveText('1–300 of 300');
  const drawn = await page.getByTestId('instance-row').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(100);

  // When one is suspended from its view, then the state filter lists exactly it.
  await page.goto(`/#/instances/${first}`);
  await page.getByTestId('instance-suspend').click();
  await expect(page.getByTestId('instance-view')).toHaveAttribute('data-state', 'suspended');
  await page.getByTestId('nav-instances').click();
  await page.getByTestId('filter-state').selectOption('suspended');
  await expect(page.getByTestId('instances-count')).toHaveText('1–1 of 1');
  await expect(page.getByTestId('instance-row')).toHaveAttribute('data-instance-id', first);
});

test('given an instance at an external job, when it is failed by hand, retried, and completed by hand, then the incident shows and goes and the instance completes', async ({ page }) => {
  await freshWorkspace(page);
  await openFiles(page, [['run-charge.bpmn', fixture('./run-charge.bpmn')]]);
  await page.getByTestId('bpmn-deploy').click();
  const dialog = page.getByTestId('dialog').and(page.locator('[data-dialog=deploy]'));
  await dialog.getByTestId('deploy-confirm').click();
  await dialog.getByTestId('start-confirm').click();

  // When the job is failed by hand with its only retry, then an incident shows on the diagram and in the list.
  const view = page.getByTestId('instance-view');
  const job = view.getByTestId('instance-job');
  await job.getByTestId('job-work').click();
  await job.getByTestId('job-message').fill('card declined');
  await job.getByTestId('job-fail').click();
  const incident = view.locator('[data-testid=incident][data-element-id=card]');
  await expect(incident).toContainText('card declined');
  await expect(page.locator('[data-testid=diagram-badge][data-element-id=card][data-tone=incident]')).toHaveText('⚠ 1');

  // When retried, the incident goes and the job can be worked again; completing it ends the instance.
  await incident.getByTestId('incident-retry').click();
  await expect(view.getByTestId('incidents-empty')).toBeVisible();
  await job.getByTestId('job-work').click();
  await job.getByTestId('job-variables').fill('{"receipt": "R-1"}');
  await job.getByTestId('job-complete').click();
  await expect(view).toHaveAttribute('data-state', 'completed');
  await expect(view.getByTestId('variable').and(page.locator('[data-name=receipt]'))).toContainText('"R-1"');
});

