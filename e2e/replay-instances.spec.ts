import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { freshWorkspace } from './workspace-helpers';

// Several engine instances played together on the built app: two instances of the approval model
// chosen on #/replay, played in one player (two cases, two colours), at absolute and relative
// time; the chosen set exported as XES.
const MODEL = readFileSync(new URL('../src/replay/fixtures/approval.bpmn', import.meta.url), 'utf8');

type Engine = NonNullable<Window['__flowdeckEngine']>;

async function call<T>(page: Page, method: string, request: unknown): Promise<T> {
  const r = await page.evaluate(async ([m, q]) => (window.__flowdeckEngine as Engine).call(m as never, q as never), [method, request] as const);
  if ('error' in (r as object)) throw new Error(`${method}: ${(r as { message: string }).message}`);
  return (r as { data: T }).data;
}

test('given two instances waiting at their user task, when chosen and played together, then the player shows both as two cases, also at relative time, and exports the set', async ({ page }) => {
  await freshWorkspace(page);
  await page.evaluate(() => (window.__flowdeckEngine as Engine).ready());
  await call(page, 'deployments.deploy', { kind: 'bpmn', name: 'approval.bpmn', source: MODEL });
  await call(page, 'instances.start', { processId: 'approval', variables: { amount: 100 } });
  await page.waitForTimeout(1500);
  await call(page, 'instances.start', { processId: 'approval', variables: { amount: 5000 } });

  // When: both chosen on #/replay and played together.
  await page.goto('/#/replay');
  await page.getByTestId('replay-mode-instances').click();
  await expect(page.getByTestId('replay-set-item')).toHaveCount(2);
  await page.getByTestId('replay-set-all').click();
  await page.getByTestId('replay-set-play').click();

  // Then: one player, two cases; at the end of the log both wait at the user task.
  await expect(page.locator('[data-testid=replay-diagram][data-loaded=true]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('replay-player')).toHaveAttribute('data-cases', '2');
  await expect(page.getByTestId('replay-set-summary')).toContainText('2 instances of approval');
  const scrubber = page.getByTestId('replay-scrubber');
  const max = await scrubber.evaluate((e: HTMLInputElement) => e.max);
  await scrubber.fill(max);
  await expect(page.getByTestId('replay-tokens')).toHaveAttribute('data-active', '{"Enter":2}');
  await expect(page.getByTestId('replay-tokens')).toHaveAttribute('data-tokens', '2');

  // At absolute time, a moment after the first start only the first is there; at relative time both are.
  const min = await scrubber.evaluate((e: HTMLInputElement) => e.min);
  await scrubber.fill(String(Number(min) + 500));
  await expect(page.getByTestId('replay-tokens')).toHaveAttribute('data-active', '{"Enter":1}');
  await page.getByTestId('replay-relative').check();
  const relMin = await scrubber.evaluate((e: HTMLInputElement) => e.min);
  await scrubber.fill(String(Number(relMin) + 500));
  await expect(page.getByTestId('replay-tokens')).toHaveAttribute('data-active', '{"Enter":2}');

  // The variables shown are those of the current event's instance.
  await page.getByTestId('replay-diagram').click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('replay-player')).toHaveAttribute('data-instance-id', /.+/);

  // Export of the chosen set.
  await page.getByRole('button', { name: 'Choose again' }).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('replay-set-export-xes').click();
  expect((await download).suggestedFilename()).toBe('approval-instances.xes');
});
