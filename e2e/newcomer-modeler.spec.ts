import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { editorXml, openDocument, shape } from './editors-helpers';
import { createFile, createProject, freshWorkspace } from './workspace-helpers';

// What a newcomer hits in the BPMN editor (issue 14): lint, JavaScript script tasks in the
// properties panel, palette tooltips. One page for the whole file.

const fixture = readFileSync(new URL('./newcomer-modeler.bpmn', import.meta.url), 'utf8');

test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

test.afterAll(async () => page.close());

const problems = () => page.getByTestId('bpmn-problem');
const problem = (elementId: string, message: RegExp | string) =>
  problems().filter({ has: page.locator('.fd-problem-element', { hasText: new RegExp(`^${elementId}$`) }) }).filter({ hasText: message });

test('given a new diagram, when linted, then it shows no errors and a missing label is a warning', async () => {
  await freshWorkspace(page);
  await createProject(page, 'Newcomer');
  await createFile(page, 'bpmn', 'First process');
  await page.getByTestId('bpmn-problems-toggle').click();

  await expect(problem('StartEvent_1', 'Element is missing label/name').locator('.fd-problem-category')).toHaveText('warning');
  await expect(page.getByTestId('bpmn-problems-toggle').locator('.fd-badge-error')).toHaveText('0');
  await expect(page.locator('.fd-problem-error')).toHaveCount(0);
});

test('given a service task without a job type and a JavaScript script task, when linted, then Camunda 8 problems are errors and the script is a Flowdeck-only note', async () => {
  await openDocument(page, 'newcomer-modeler.bpmn', fixture);
  await expect(shape(page, 'Charge')).toBeVisible();
  await page.getByTestId('bpmn-problems-toggle').click();

  const charge = problem('Charge', 'zeebe:TaskDefinition');
  await expect(charge).toHaveCount(1);
  await expect(charge.locator('.fd-problem-category')).toHaveText('error');

  const js = problem('Js', 'Camunda 8 cannot run it');
  await expect(js.locator('.fd-problem-message')).toContainText('JavaScript script (Flowdeck only)');
  await expect(js.locator('.fd-problem-category')).toHaveText('info');
  // Not also reported as a broken Camunda implementation.
  await expect(problem('Js', 'camunda-compat/implementation')).toHaveCount(0);
});

test('given lint markers on the canvas, when the toolbar XML button is pressed, then the Source tab replaces the canvas (one XML editor, no marker over it)', async () => {
  const marker = page.locator('[data-testid=bpmn-canvas] .bjsl-overlay').first();
  await expect(marker).toBeVisible();
  await page.getByTestId('bpmn-xml-toggle').click();
  await expect(page.getByTestId('source-editor')).toBeVisible();
  await expect(page.locator('.bjsl-overlay')).toHaveCount(0);
  await page.getByTestId('view-editor').click();
  await expect(page.getByTestId('source-editor')).toHaveCount(0);
  await expect(marker).toBeVisible();
});

test('given the ? help, then it lists the diagram shortcuts too', async () => {
  await page.getByTestId('action-help').click();
  const modeling = page.getByTestId('help-modeling');
  await expect(modeling).toBeVisible();
  await expect(modeling.getByRole('row').filter({ hasText: 'Edit the label' }).locator('kbd')).toHaveText('E');
  await expect(modeling.getByRole('row').filter({ hasText: 'Find an element' })).toContainText('Ctrl+F');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-dialog')).toHaveCount(0);
});

test('given a JavaScript script task, when selected, then the properties panel says "Flowdeck only" and edits its result variable', async () => {
  await shape(page, 'Js').click();
  const properties = page.getByTestId('bpmn-properties');
  const group = properties.locator('[data-group-id="group-flowdeckScript"]');
  await expect(group.locator('.bio-properties-panel-group-header-title')).toHaveText('Script (JavaScript, Flowdeck only)');
  if (!(await group.locator('.bio-properties-panel-group-entries.open').count())) await group.locator('.bio-properties-panel-group-header').click();

  await expect(group.getByTestId('props-flowdeck-only').locator('.fd-flowdeck-only')).toBeVisible();
  await expect(group.getByTestId('props-flowdeck-only')).toContainText('job worker');
  await expect(group.locator('select[name="flowdeckScriptLanguage"]')).toHaveValue('javascript');

  await group.locator('input[name="flowdeckScriptResultVariable"]').fill('total');
  await expect.poll(() => editorXml(page)).toMatch(/<zeebe:property name="resultVariable" value="total"/);

  // Switching to FEEL keeps the result variable and leaves the JavaScript only as a comment.
  await group.locator('select[name="flowdeckScriptLanguage"]').selectOption('feel');
  await expect.poll(() => editorXml(page)).toMatch(/<zeebe:script expression="=\/\* JavaScript before the switch:[^"]*\*\/ null" resultVariable="total"/);
  const xml = await editorXml(page);
  expect(xml).not.toContain('scriptFormat="javascript"');
  await expect(problem('Js', 'Camunda 8 cannot run it')).toHaveCount(0);
});

test('given the palette, when an entry is hovered, then its tooltip shows beside it inside the window', async () => {
  const entry = page.locator('.djs-palette [data-action="create.task"]');
  await entry.hover();
  const tooltip = page.locator('.djs-hover-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('Create task');

  const [tip, anchor] = await Promise.all([tooltip.boundingBox(), entry.boundingBox()]);
  const viewport = page.viewportSize()!;
  expect(tip!.x).toBeGreaterThanOrEqual(anchor!.x + anchor!.width);
  expect(tip!.y + tip!.height).toBeLessThanOrEqual(viewport.height);
  expect(Math.abs(tip!.y + tip!.height / 2 - (anchor!.y + anchor!.height / 2))).toBeLessThan(anchor!.height);
});
