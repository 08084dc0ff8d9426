import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { call, ok } from './engine-call';
import { freshWorkspace } from './workspace-helpers';

// Chromium enforces a quota set over CDP (Storage.overrideQuotaForOrigin) on IndexedDB writes
// when it is set before the origin's storage is opened (an open database keeps the quota it
// started with), though navigator.storage.estimate() goes on reporting the disk's quota.
const QUOTA = 30 * 1024 * 1024;
const BIG = 'x'.repeat(2 * 1024 * 1024);
/** Larger than the start that was refused, so it cannot fit either. */
const BIGGER = 'y'.repeat(3 * 1024 * 1024);

test('given a full storage quota, then a start is refused with a clear message where it was asked, and what was saved stays readable and exportable', async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: QUOTA });
  await freshWorkspace(page);
  await page.getByTestId('open-file-input').setInputFiles([{ name: 'run-charge.bpmn', mimeType: 'application/octet-stream', buffer: readFileSync(new URL('./run-charge.bpmn', import.meta.url)) }]);
  await expect(page.getByTestId('bpmn-deploy')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('bpmn-deploy').click();
  const dialog = page.getByTestId('dialog').and(page.locator('[data-dialog=deploy]'));
  await dialog.getByTestId('deploy-confirm').click();
  await expect(dialog.getByTestId('start-instance')).toBeVisible();
  await ok(page, 'instances.start', { processId: 'charge', businessKey: 'saved-before' });

  // When instances with large variables fill the quota, the start that does not fit is refused as
  // storageFull, naming what was not saved.
  let refused: Awaited<ReturnType<typeof call>> | undefined;
  let fitted = 0;
  for (let i = 0; i < 40 && !refused; i++) {
    const r = await call(page, 'instances.start', { processId: 'charge', businessKey: `big-${i}`, variables: { blob: BIG } });
    if (r.error) refused = r;
    else fitted++;
  }
  expect(refused?.error, refused?.message).toBe('storageFull');
  expect(refused!.message).toMatch(/^The browser's storage for Flowdeck is full: the commit of instance .* was not saved \(nothing of it was written\)/);

  // Then the Start dialog says so under the start that was asked, and stays open.
  await dialog.getByTestId('start-variables').fill(JSON.stringify({ blob: BIGGER }));
  await dialog.getByTestId('start-confirm').click();
  const error = dialog.getByTestId('start-error');
  await expect(error).toHaveAttribute('data-code', 'storageFull');
  await expect(error).toContainText('Everything saved before is still there and can be exported');
  await dialog.press('Escape');
  await expect(dialog).toHaveCount(0);

  // What was saved is readable (the instances that fitted, no half of the refused ones) and exports.
  const list = await ok<{ items: Array<{ businessKey: string }> }>(page, 'instances.list', { pageSize: 100 });
  expect(list.items.map((i) => i.businessKey).sort()).toEqual(['saved-before', ...Array.from({ length: fitted }, (_, i) => `big-${i}`)].sort());
  await page.goto('/#/');
  await page.getByTestId('project-item').first().getByTestId('project-name').click();
  await page.getByTestId('archive-export').click();
  await page.getByTestId('archive-export-data').check();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('dialog-confirm').click();
  expect(await (await downloading).path()).toBeTruthy();
});
