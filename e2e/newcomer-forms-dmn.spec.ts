import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_DMN, SAMPLE_FORM } from './harness/samples';
import { openDocument } from './editors-helpers';

// What a newcomer hits in the DMN and form editors (issue 14): a decision's id only in the XML,
// XML reader warnings nobody sees, the form editor squeezed by its preview. One page, 1280 px.

test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

test.afterAll(async () => page.close());

test('given a DMN file, when a decision is selected in the DRD, then the properties panel shows and edits its id', async () => {
  await openDocument(page, 'dish.dmn', SAMPLE_DMN);
  const decision = page.locator('[data-testid=dmn-container] .djs-element[data-element-id="Dish"]').first();
  await expect(decision).toBeVisible();
  await decision.click();

  const panel = page.getByTestId('dmn-properties');
  await expect(panel.locator('.bio-properties-panel-header-label')).toHaveText('Dish');
  const id = panel.locator('input[name="id"]');
  // Sections start collapsed; "General" holds the name and id.
  if (!(await id.isVisible())) await panel.locator('[data-group-id="group-general"] .bio-properties-panel-group-header').click();
  await expect(id).toHaveValue('Dish');
  await id.fill('DishChoice');
  await id.press('Tab');
  await page.getByTestId('dmn-xml-toggle').click();
  await expect(page.getByTestId('source-editor')).toHaveValue(/id="DishChoice"/);
  await page.getByTestId('view-editor').click();
});

test('given a DMN file with content the reader cannot place, when opened, then the warnings are shown with their line', async () => {
  const withUnknown = SAMPLE_DMN.replace('<decision id="Greeting"', '<notADmnElement id="Odd" />\n  <decision id="Greeting"');
  await openDocument(page, 'odd.dmn', withUnknown);
  const warnings = page.getByTestId('reader-warnings');
  await expect(warnings).toBeVisible();
  await warnings.locator('summary').click();
  await expect(page.getByTestId('reader-warning').first()).toContainText(/notADmnElement/);
  await expect(page.getByTestId('reader-warning').first()).toContainText(/line \d+/);
});

test('given the form editor with the preview on at 1280 px, then the canvas has room and the properties panel is not clipped', async () => {
  await openDocument(page, 'order.form', SAMPLE_FORM);
  await expect(page.getByTestId('form-preview')).toBeVisible();
  const canvas = page.locator('[data-testid=form-editor-canvas] .fjs-form-container').first();
  const properties = page.locator('[data-testid=form-editor-canvas] .fjs-properties-container').first();
  await expect(canvas).toBeVisible();
  await expect(properties).toBeVisible();

  const [canvasBox, propertiesBox] = await Promise.all([canvas.boundingBox(), properties.boundingBox()]);
  expect(canvasBox!.width).toBeGreaterThanOrEqual(400);
  expect(propertiesBox!.width).toBeGreaterThanOrEqual(250);
  expect(propertiesBox!.x + propertiesBox!.width).toBeLessThanOrEqual(1280);
  // The preview still shows the form's fields.
  await expect(page.getByTestId('form-preview').getByLabel('Customer')).toBeVisible();
});
