import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshWorkspace } from './workspace-helpers';

// The Start dialog through the process's start form: form-js validates it in the page (nothing is
// sent while a field is invalid), and the instance gets the form's values (sent as formValues).
const fixture = (name: string) => readFileSync(new URL(name, import.meta.url));

test('given a process with a start form, when the form is submitted invalid and then valid, then nothing starts until it is valid and the instance has its values', async ({ page }) => {
  await freshWorkspace(page);
  await page.getByTestId('open-file-input').setInputFiles([
    { name: 'run-start-form.bpmn', mimeType: 'application/octet-stream', buffer: fixture('./run-start-form.bpmn') },
    { name: 'run-start-form.form', mimeType: 'application/octet-stream', buffer: fixture('./run-start-form.form') },
  ]);
  await expect(page.getByTestId('bpmn-editor')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('bpmn-deploy').click();
  const dialog = page.getByTestId('dialog').and(page.locator('[data-dialog=deploy]'));
  await dialog.getByTestId('deploy-confirm').click();
  await expect(dialog.getByTestId('deploy-message')).toContainText('form request-form v1');
  const form = dialog.getByTestId('start-form');
  await expect(form.getByLabel('Amount')).toBeVisible();
  const total = () => page.evaluate(async () => {
    const r = await window.__flowdeckEngine!.call('instances.list', {});
    if ('error' in r) throw new Error(r.message);
    return r.data.total;
  });

  // When submitted empty, and with an amount below the form's minimum: refused in the page.
  await form.getByTestId('start-form-submit').click();
  await expect(form.getByTestId('start-form-invalid')).toHaveText('2 fields to correct');
  await form.getByLabel('Amount').fill('0');
  await form.getByLabel('Reason').fill('new laptop');
  await form.getByTestId('start-form-submit').click();
  await expect(form.getByTestId('start-form-invalid')).toHaveText('1 field to correct');
  expect(await total()).toBe(0);

  // When valid: the instance starts with the form's values.
  await form.getByLabel('Amount').fill('250');
  await dialog.getByTestId('start-business-key').fill('REQ-9');
  await form.getByTestId('start-form-submit').click();
  const view = page.getByTestId('instance-view');
  await expect(view).toHaveAttribute('data-state', 'active');
  await expect(view.getByTestId('variable').and(page.locator('[data-name=amount]'))).toContainText('250');
  await expect(view.getByTestId('variable').and(page.locator('[data-name=reason]'))).toContainText('"new laptop"');
  expect(await total()).toBe(1);
});
