import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openDocument } from './editors-helpers';

// Issue 12: evaluate a decision from the DMN editor, see the matched and chosen rules in the
// table, save the evaluation as a test case and run it. One page, one model.

const MODEL = readFileSync(new URL('./decisions.dmn', import.meta.url), 'utf8');

test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await openDocument(page, 'menu.dmn', MODEL);
  await page.getByTestId('dmn-evaluate-toggle').click();
});

test.afterAll(async () => page.close());

test('given the form generated from the input data, when evaluated, then the result and every decision of the DRD show', async () => {
  const panel = page.getByTestId('dmn-evaluate-panel');
  await panel.getByTestId('eval-target').selectOption({ label: 'Greeting' });
  // tSeason's allowed values are a choice; Guests is a number.
  await expect(panel.getByTestId('eval-input-Season').locator('option')).toHaveText(['(null)', 'Summer', 'Winter']);
  await panel.getByTestId('eval-input-Season').selectOption('"Summer"');
  await panel.getByTestId('eval-input-Guests').fill('10');
  await panel.getByTestId('eval-run').click();
  await expect(panel.getByTestId('eval-result-value')).toHaveText('"Enjoy your Barbecue"');
  await expect(panel.getByTestId('eval-drd-Dish')).toContainText('"Barbecue"');
  await expect(panel.getByTestId('eval-drd-Dish')).toContainText('matched 2, 3; FIRST chose 2');
  await expect(panel.getByTestId('eval-drd-Greeting')).toContainText('"Enjoy your Barbecue"');
});

test('given the evaluation, when the decision table opens, then matched rules are marked and the chosen one stands out', async () => {
  await page.getByTestId('eval-drd-Dish').getByRole('button', { name: 'Dish' }).click();
  const row = (id: string) => page.locator(`[data-testid=dmn-container] tr:has(> td[data-row-id="${id}"]) > td`).nth(1);
  await expect(row('Rule_party')).toBeVisible();
  const background = (id: string) => row(id).evaluate((td) => getComputedStyle(td).backgroundColor);
  const [chosen, matched, other] = await Promise.all([background('Rule_party'), background('Rule_summer'), background('Rule_winter')]);
  expect(chosen).toBe('rgb(200, 240, 208)');
  expect(matched).toBe('rgb(255, 243, 196)');
  expect(other).not.toBe(chosen);
  expect(other).not.toBe(matched);
});

test('given the evaluation, when saved as a test case and all tests run, then it passes, and a second case from JSON inputs passes too', async () => {
  const panel = page.getByTestId('dmn-evaluate-panel');
  await panel.getByTestId('eval-save-test').click();
  await panel.getByTestId('eval-run-tests').click();
  await expect(panel.getByTestId('eval-tests-summary')).toHaveText('1 passed, 0 failed');
  await expect(panel.getByTestId('eval-verdicts')).toContainText('PASS 001');
  // The same inputs in JSON, with fewer guests: another evaluation, saved as a second case.
  await panel.getByTestId('eval-mode-json').click();
  await expect(panel.getByTestId('eval-json')).toHaveValue(/"Guests": 10/);
  await panel.getByTestId('eval-json').fill('{ "Season": "Summer", "Guests": 2 }');
  await panel.getByTestId('eval-run').click();
  await expect(panel.getByTestId('eval-result-value')).toHaveText('"Enjoy your Salad"');
  await panel.getByTestId('eval-save-test').click();
  await panel.getByTestId('eval-run-tests').click();
  await expect(panel.getByTestId('eval-tests-summary')).toHaveText('2 passed, 0 failed');
});

test('given a cell typed with a FEEL syntax error, when checked as you type, then the problem names the decision, rule and position, the cell is outlined, and fixing it clears it', async () => {
  await expect(page.getByTestId('dmn-feel-status')).toHaveText('FEEL ✓');
  await page.getByTestId('dmn-view-decisionTable').filter({ hasText: 'Dish' }).first().click();
  const cell = page.locator('[data-testid=dmn-container] td[data-element-id="Out_2"]');
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('"Grill" +');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dmn-feel-status')).toHaveText('FEEL: 1 problem');
  const problems = page.getByTestId('dmn-feel-problems');
  await expect(problems).toContainText(/Dish · rule \S+, output 1: FEEL syntax error: .*\(line 1, column \d+\)/);
  expect(await cell.evaluate((td) => getComputedStyle(td).boxShadow)).toContain('rgb(220, 38, 38)');
  // The decision's name in the list opens its table, from any view.
  await page.getByTestId('dmn-view-drd').click();
  await problems.getByRole('button', { name: 'Dish' }).click();
  await expect(cell).toBeVisible();
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('"Grill"');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dmn-feel-status')).toHaveText('FEEL ✓');
  await expect(problems).toHaveCount(0);
  expect(await cell.evaluate((td) => getComputedStyle(td).boxShadow)).toBe('none');
});
