import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_BPMN } from './harness/samples';
import { focusMonacoEnd, openDocument } from './editors-helpers';

// What a newcomer hits in the script editor (issue 14). One page: the process is opened once and
// every check types into the same script.

test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await openDocument(page, 'order.bpmn', SAMPLE_BPMN);
  await page.getByTestId('view-scripts').click();
  await expect(page.getByTestId('script-editor').locator('.view-lines')).toContainText('return 0;');
});

test.afterAll(async () => page.close());

test('given the script editor, when completing execution., then each suggestion shows its name', async () => {
  const editor = page.getByTestId('script-editor');
  await focusMonacoEnd(page, editor);
  await page.keyboard.press('Enter');
  await page.keyboard.type('execution.');
  const row = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: /^setVariable/ });
  const label = row.locator('.label-name');
  await expect(label).toHaveText('setVariable', { timeout: 30_000 });
  // A layout rule of the studio once pushed the name below its row, where the row clips it: only
  // the icons showed. The name must be drawn inside its row.
  const [labelBox, rowBox] = await Promise.all([label.boundingBox(), row.boundingBox()]);
  expect(labelBox && rowBox).toBeTruthy();
  expect(labelBox!.y).toBeGreaterThanOrEqual(rowBox!.y - 1);
  expect(labelBox!.y + labelBox!.height).toBeLessThanOrEqual(rowBox!.y + rowBox!.height + 1);
  expect(labelBox!.width).toBeGreaterThan(30);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Backspace');
  await page.keyboard.press('Control+Backspace');
});

test('given plain JavaScript over variables, when type-checked, then nothing is flagged; a write to variables still is', async () => {
  const editor = page.getByTestId('script-editor');
  await focusMonacoEnd(page, editor);
  await page.keyboard.press('Enter');
  await page.keyboard.type("if (variables.amount > 100) { execution.setVariable('discount', variables.amount * 0.1); }");
  // Give the TypeScript worker time to answer by waiting for a diagnostic we expect on the next line.
  await page.keyboard.press('Enter');
  await page.keyboard.type('variables.total = 1;');
  await expect(editor.locator('.squiggly-error')).toHaveCount(1, { timeout: 30_000 });
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Delete');
  await expect(editor.locator('.squiggly-error')).toHaveCount(0, { timeout: 30_000 });
});

test('given an edit in the script editor, when Ctrl+S is pressed, then the script is saved and no version dialog opens', async () => {
  const editor = page.getByTestId('script-editor');
  await focusMonacoEnd(page, editor);
  await page.keyboard.type('// saved with Ctrl+S');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('script-status')).toHaveText('Saved ComputeTotal');
  await expect(page.locator('[data-dialog=saveVersion]')).toHaveCount(0);
  await expect(editor.locator('textarea')).toBeFocused();
});
