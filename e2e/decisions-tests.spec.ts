import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openDocument } from './editors-helpers';
import { freshWorkspace } from './workspace-helpers';

// Issue 12: decision test cases are kept with the DMN file (TCK test-case XML on its record): a
// saved case survives a reload, "Run all" passes, and after the table changes it fails saying
// what differed.

const MODEL = readFileSync(new URL('./decisions.dmn', import.meta.url), 'utf8');

async function openPanel(page: Page) {
  await page.getByTestId('dmn-evaluate-toggle').click();
  const panel = page.getByTestId('dmn-evaluate-panel');
  await expect(panel).toBeVisible();
  return panel;
}

test('given an evaluation saved as a test case, when the page reloads, then the case is still there, passes, fails with the difference once the table changes, a delete can be undone, and an edit in place (with undo) makes it pass', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await freshWorkspace(page);
  await openDocument(page, 'menu.dmn', MODEL);
  let panel = await openPanel(page);
  await expect(panel.getByTestId('eval-tests-empty')).toContainText('No test cases yet');

  await panel.getByTestId('eval-target').selectOption({ label: 'Dish' });
  await panel.getByTestId('eval-input-Season').selectOption('"Summer"');
  await panel.getByTestId('eval-input-Guests').fill('10');
  await panel.getByTestId('eval-run').click();
  await expect(panel.getByTestId('eval-result-value')).toHaveText('"Barbecue"');
  await panel.getByTestId('eval-save-test').click();
  await expect(panel.getByTestId('eval-test-case')).toHaveCount(1);
  await expect(panel.getByTestId('eval-test-case')).toContainText('001 Dish with Season, Guests');

  // A reload: nothing held in memory survives, the stored record does.
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('dmn-editor')).toBeVisible({ timeout: 30_000 });
  panel = await openPanel(page);
  await expect(panel.getByTestId('eval-test-case')).toHaveCount(1);
  await expect(panel.getByTestId('eval-test-case')).toContainText('001 Dish with Season, Guests');
  await panel.getByTestId('eval-run-tests').click();
  await expect(panel.getByTestId('eval-tests-summary')).toHaveText('1 passed, 0 failed');
  await expect(panel.getByTestId('eval-test-case')).toHaveClass(/passed/);

  // The party rule now serves something else: the stored expectation no longer holds.
  await page.getByTestId('dmn-view-decisionTable').filter({ hasText: 'Dish' }).first().click();
  const cell = page.locator('[data-testid=dmn-container] td[data-element-id="Out_2"]');
  await expect(cell).toBeVisible();
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('"Grill"');
  await page.keyboard.press('Escape');
  await expect(cell).toContainText('"Grill"');
  await panel.getByTestId('eval-run-tests').click();
  await expect(panel.getByTestId('eval-tests-summary')).toHaveText('0 passed, 1 failed');
  const failed = panel.getByTestId('eval-test-case');
  await expect(failed).toHaveClass(/failed/);
  await expect(failed).toContainText('FAIL 001');
  await expect(failed).toContainText('Dish: result: expected "Barbecue", got "Grill"');

  // Deleting the case empties the list; the toast's Undo puts it back.
  await panel.getByRole('button', { name: 'Delete test case 001' }).click();
  await expect(panel.getByTestId('eval-test-case')).toHaveCount(0);
  await expect(panel.getByTestId('eval-tests-empty')).toBeVisible();
  await page.getByTestId('toast').filter({ hasText: 'Test case 001 deleted' }).getByTestId('toast-action').click();
  await expect(panel.getByTestId('eval-test-case')).toHaveCount(1);
  await expect(panel.getByTestId('eval-test-case')).toContainText('001 Dish with Season, Guests');

  // Editing the case in place: a bad FEEL value is named and blocks saving; the new expectation
  // passes against the changed rule; the toast's Undo brings the old one (and the failure) back.
  await panel.getByRole('button', { name: 'Edit test case 001' }).click();
  const editor = panel.getByTestId('eval-case-editor-001');
  // Escape leaves the editor without saving.
  await editor.getByTestId('eval-case-description-001').fill('not kept');
  await editor.getByTestId('eval-case-description-001').press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(panel.getByTestId('eval-test-case')).toContainText('001 Dish with Season, Guests');
  await panel.getByRole('button', { name: 'Edit test case 001' }).click();
  await expect(editor.getByTestId('eval-case-expected-001-0')).toHaveValue('"Barbecue"');
  await editor.getByTestId('eval-case-expected-001-0').fill('"Grill');
  await expect(editor.getByRole('alert')).toContainText('expected Dish:');
  await expect(editor.getByTestId('eval-case-save-001')).toBeDisabled();
  await editor.getByTestId('eval-case-expected-001-0').fill('"Grill"');
  await editor.getByTestId('eval-case-description-001').fill('Party in summer');
  await editor.getByTestId('eval-case-expected-001-0').press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(panel.getByTestId('eval-test-case')).toContainText('001 Party in summer');
  await panel.getByTestId('eval-run-tests').click();
  await expect(panel.getByTestId('eval-tests-summary')).toHaveText('1 passed, 0 failed');
  await page.getByTestId('toast').filter({ hasText: 'Test case 001 saved' }).getByTestId('toast-action').click();
  await expect(panel.getByTestId('eval-test-case')).toContainText('001 Dish with Season, Guests');
  await panel.getByTestId('eval-run-tests').click();
  await expect(panel.getByTestId('eval-tests-summary')).toHaveText('0 passed, 1 failed');
});
