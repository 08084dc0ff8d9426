import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshWorkspace } from './workspace-helpers';

// The Run API gaps on the built app (the engine worker on the browser's IndexedDB): a script task
// changed through processes.scripts, a start through the start form, and the tasklist's
// follow-up dates, priority filter and sorting.
const source = (name: string) => readFileSync(new URL(`../src/api/${name}`, import.meta.url), 'utf8');

test('given a deployed process with a start form, then its script changes through the API, form values start it, and the tasklist shows, filters and sorts by follow-up date and priority', async ({ page }) => {
  await freshWorkspace(page);
  const answers = await page.evaluate(async ([bpmn, form]) => {
    const engine = window.__flowdeckEngine!;
    await engine.ready();
    await engine.call('deployments.deploy', { kind: 'bpmn', name: 'intake.bpmn', source: bpmn });
    await engine.call('deployments.deploy', { kind: 'form', name: 'intake.form', source: form });
    const put = await engine.call('processes.scripts.put', { processId: 'intake', nodeId: 'score', body: 'amount * 10' });
    const refused = await engine.call('instances.start', { processId: 'intake', formValues: { amount: 0 } });
    const started = [];
    for (const [amount, followUp, prio] of [[1, '2099-01-20T00:00:00Z', 10], [2, '2020-01-12T00:00:00Z', 90], [3, '2020-01-15T00:00:00Z', 10]] as const) {
      started.push(await engine.call('instances.start', { processId: 'intake', formValues: { amount, due: '2030-03-01T00:00:00Z', followUp, prio } }));
    }
    const first = started[0];
    const state = 'data' in first ? await engine.call('instances.get', { instanceId: first.data.instanceId }) : first;
    return { put, refused, state };
  }, [source('run-gaps.bpmn'), source('run-gaps.form')]);

  // Then: the script change deployed v2, which computed the score; the refused start names the field.
  expect(answers.put).toMatchObject({ data: { version: 2, script: { body: 'amount * 10' } } });
  expect(answers.refused).toMatchObject({ error: 'invalid', details: { fields: [{ key: 'amount', message: 'must be at least 1' }] } });
  expect(answers.state).toMatchObject({ data: { processVersion: 2, variables: { score: 10 } } });

  // The tasklist: follow-up dates shown; sorted by them; filtered by follow-up reached and priority.
  await page.getByTestId('nav-tasks').click();
  const followUps = page.getByTestId('task-list').getByTestId('task-follow-up');
  await expect(followUps).toHaveCount(3);
  await page.getByTestId('tasks-sort').selectOption('followUpDate');
  await expect(followUps.first()).toHaveAttribute('data-follow-up', '2020-01-12T00:00:00Z');
  await page.getByTestId('tasks-filter-follow-up').check();
  await expect(followUps).toHaveCount(2);
  await page.getByTestId('tasks-filter-priority').fill('50');
  await expect(page.getByTestId('task-item')).toHaveCount(1);
  await expect(page.getByTestId('task-item').getByTestId('task-priority')).toHaveAttribute('data-priority', '90');
});
