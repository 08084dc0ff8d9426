import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ok } from './engine-call';
import { freshWorkspace } from './workspace-helpers';

// Instance sets past the old limits: instances of two processes in one set (each drawn on its
// own diagram, chosen above the player), and a list longer than one page of 200.
const MODEL = readFileSync(new URL('../src/replay/fixtures/approval.bpmn', import.meta.url), 'utf8');
const SECOND = MODEL.replace(/"approval"/g, '"second"');

test('given 203 instances of one process and 2 of another, when all matching are chosen and played, then the list pages with a count and the player offers one diagram per process', async ({ page }) => {
  test.setTimeout(180_000);
  await freshWorkspace(page);
  await ok(page, 'deployments.deploy', { kind: 'bpmn', name: 'approval.bpmn', source: MODEL });
  await ok(page, 'deployments.deploy', { kind: 'bpmn', name: 'second.bpmn', source: SECOND });
  for (let n = 0; n < 203; n++) await ok(page, 'instances.start', { processId: 'approval', variables: { amount: n } });
  for (let n = 0; n < 2; n++) await ok(page, 'instances.start', { processId: 'second', variables: { amount: 7 } });

  // When: every process, paged.
  await page.goto('/#/replay');
  await page.getByTestId('replay-mode-instances').click();
  await expect(page.getByTestId('replay-set-count')).toHaveText('Instances 1–200 of 205 · 0 chosen');
  await expect(page.getByTestId('replay-set-item')).toHaveCount(200);
  await page.getByTestId('replay-set-next').click();
  await expect(page.getByTestId('replay-set-count')).toHaveText('Instances 201–205 of 205 · 0 chosen');
  await expect(page.getByTestId('replay-set-item')).toHaveCount(5);
  // A choice on one page stays when another is shown.
  await page.getByTestId('replay-set-item').first().check();
  await page.getByTestId('replay-set-prev').click();
  await expect(page.getByTestId('replay-set-count')).toHaveText('Instances 1–200 of 205 · 1 chosen');
  await page.getByTestId('replay-set-all-matching').click();
  await expect(page.getByTestId('replay-set-count')).toHaveText('Instances 1–200 of 205 · 205 chosen');
  await page.getByTestId('replay-set-play').click();

  // Then: one diagram per process; the second process's two instances on its own.
  await expect(page.locator('[data-testid=replay-diagram][data-loaded=true]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('replay-set-summary')).toContainText('205 instances of 2 processes; 203 instances of approval');
  await expect(page.getByTestId('replay-player')).toHaveAttribute('data-cases', '203');
  await page.getByTestId('replay-set-diagram').selectOption({ label: 'second v1 (2 instances)' });
  await expect(page.getByTestId('replay-player')).toHaveAttribute('data-cases', '2');
  await expect(page.locator('[data-testid=replay-diagram][data-loaded=true]')).toBeVisible();
  const scrubber = page.getByTestId('replay-scrubber');
  await scrubber.fill(await scrubber.evaluate((e: HTMLInputElement) => e.max));
  await expect(page.getByTestId('replay-tokens')).toHaveAttribute('data-tokens', '2');
});
