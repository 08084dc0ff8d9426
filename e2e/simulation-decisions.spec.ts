import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openDocument } from './editors-helpers';
import { fileItems } from './workspace-helpers';

// Simulation evaluates the project's decisions (issue 9: "decisions behave as they will in
// production"), bound by `deployment` too (ADR 0202): a DMN file of the project goes to the worker.

const MODEL = readFileSync(new URL('../src/cli/fixtures/pricing-deployment.bpmn', import.meta.url), 'utf8');
const DISCOUNT = readFileSync(new URL('../docs/examples/pricing/discount.dmn', import.meta.url), 'utf8');

test('given a model whose business rule task binds its decision by deployment, when simulated beside its DMN file, then every instance completes; without it none does', async ({ page }) => {
  await openDocument(page, 'pricing.bpmn', MODEL);
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.getByTestId('simulation-view')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-summary')).toContainText('0 instances completed per replication, 5 still in progress', { timeout: 60_000 });

  await page.getByTestId('open-file-input').setInputFiles({ name: 'discount.dmn', mimeType: 'application/octet-stream', buffer: Buffer.from(DISCOUNT) });
  await expect(page.getByTestId('editor-area')).toBeVisible({ timeout: 30_000 });
  await fileItems(page).filter({ hasText: 'pricing' }).first().click();
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.getByTestId('simulation-view')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-summary')).toContainText('5 instances completed per replication, 0 still in progress', { timeout: 60_000 });
});
