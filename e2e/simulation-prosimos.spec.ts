import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openDocument } from './editors-helpers';
import { openFileId, storedContent } from './workspace-helpers';

// Import of a Prosimos scenario in the Simulation view (issue 9): the button adds the JSON file
// to the model as a BPSim scenario, says what is not imported, and the scenario runs.

const MODEL = readFileSync(new URL('../src/simulation/specs/prosimos-loan.bpmn', import.meta.url), 'utf8');
const JSON_FILE = readFileSync(new URL('../src/simulation/specs/prosimos-loan.json', import.meta.url));

test('given a model without scenarios, when a Prosimos file is imported, then its scenario is saved into the file, the unknown part is reported, and it runs', async ({ page }) => {
  await openDocument(page, 'loan.bpmn', MODEL);
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.getByTestId('sim-empty')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('sim-import-file').setInputFiles({ name: 'loan.json', mimeType: 'application/json', buffer: JSON_FILE });
  const report = page.getByTestId('sim-import-report');
  await expect(report).toContainText('Imported from Prosimos as scenario prosimos');
  await expect(report).toContainText('batch_processing: not imported (not simulated here)');
  await expect(page.getByTestId('sim-scenario')).toHaveValue('prosimos');
  const fileId = await openFileId(page);
  await expect.poll(async () => (await storedContent(page, fileId)) ?? '', { timeout: 15_000 }).toContain('<bpsim:Scenario id="prosimos" name="Imported from Prosimos">');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('sim-summary')).toContainText('100 instances completed per replication');
  await expect(page.getByTestId('sim-stats')).toContainText('Utilization of Clerk');
});

test('given a file that is not JSON, when imported, then the view says so and the model is unchanged', async ({ page }) => {
  await openDocument(page, 'loan.bpmn', MODEL);
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.getByTestId('sim-empty')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('sim-import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  await expect(page.getByRole('alert')).toContainText('broken.json is not JSON');
  await expect(page.getByTestId('sim-empty')).toBeVisible();
});
