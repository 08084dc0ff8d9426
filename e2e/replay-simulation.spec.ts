import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openDocument } from './editors-helpers';

// A simulation run handed straight to the replay player (the simulation view's Replay button):
// its cases on the simulated diagram, with the heatmap of the simulated log.
const QUEUE = readFileSync(new URL('simulation-queue.bpmn', import.meta.url), 'utf8');

test('given a finished simulation run, when Replay is chosen, then the player plays its log on the simulated diagram', async ({ page }) => {
  test.setTimeout(240_000);
  await openDocument(page, 'queue.bpmn', QUEUE);
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.getByTestId('simulation-view')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-results')).toBeVisible({ timeout: 150_000 });

  await page.getByTestId('sim-replay').click();

  await expect(page.getByTestId('replay-view')).toBeVisible();
  await expect(page.getByTestId('replay-handed-summary')).toContainText('queue-two: 40000 cases');
  await expect(page.locator('[data-testid=replay-diagram][data-loaded=true]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('replay-player')).toHaveAttribute('data-cases', '40000');
  // The log names tasks by name: they match the diagram. (Both replications reuse the case ids, so
  // their stays fall in the same 20,000 cases: 2 x 20,000 at Serve.)
  await expect(page.locator('[data-testid=heat-badge][data-element-id=Serve]')).toHaveText('40000');
  await expect(page.getByTestId('replay-unmatched')).toHaveCount(0);
});
