import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { focusMonacoEnd, openDocument, shape } from './editors-helpers';

// FEEL where people type it (issue 12): the Monaco `feel` language of a FEEL script task, and the
// variables in scope at a script task offered by completion, FEEL and JavaScript alike.

/** Opens the fixture's script `nodeId` once its text shows, with the cursor at its end. */
async function openScript(page: Page, nodeId: string, text: string): Promise<Locator> {
  const xml = await readFile(new URL('./decisions-feel.bpmn', import.meta.url), 'utf8');
  await openDocument(page, 'greeting.bpmn', xml);
  await page.getByTestId('view-scripts').click();
  await page.getByTestId(`script-item-${nodeId}`).click();
  const editor = page.getByTestId('script-editor');
  await expect(editor.locator('.view-lines')).toContainText(text);
  await focusMonacoEnd(page, editor);
  return editor;
}

// The TypeScript worker starts slowly on a loaded machine (2 cores shared by several builds).
test.describe.configure({ timeout: 180_000 });
const WAIT = { timeout: 60_000 };

const suggestion = (page: Page, label: string) => page.locator('.suggest-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });

test('given a FEEL script, when an error is typed, then a marker shows it; when a built-in is completed, then its parameters are inserted and the marker goes', async ({ page }) => {
  const editor = await openScript(page, 'Greet', '"Hi " + customerName');
  await page.keyboard.type(' + (');
  await expect(editor.locator('.squiggly-error')).toHaveCount(1, WAIT);

  await page.keyboard.type('subs');
  await expect(suggestion(page, 'substring')).toBeVisible(WAIT);
  await expect(page.locator('.suggest-widget')).toContainText('substring(string, start position, length?)');
  await page.keyboard.press('Enter');
  await expect(editor.locator('.view-lines')).toContainText('(substring(string, start position))');
  // The snippet selects its first parameter, Tab the next: typed over, the expression is whole.
  // (Numbers: a typed name would open completion, whose Tab accepts it instead of moving on.)
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await expect(editor.locator('.view-lines')).toContainText('(substring(10, 2))');
  await expect(editor.locator('.squiggly-error')).toHaveCount(0, WAIT);
});

test('given a FEEL script after a task with an output mapping, when completing, then the variable is offered with its source', async ({ page }) => {
  await openScript(page, 'Greet', 'customerName');
  await page.keyboard.type(' + cust');
  await expect(suggestion(page, 'customerName')).toBeVisible(WAIT);
  await expect(page.locator('.suggest-widget')).toContainText('output mapping of Fetch customer');
  await page.keyboard.press('Escape');
  // Hover over the name in the text says where it comes from too.
  // (Monaco may draw the name and the spaces around it as one span: aim inside the name.)
  const span = page.getByTestId('script-editor').locator('.view-line span span', { hasText: 'customerName' }).first();
  const [text, box] = [(await span.textContent()) ?? '', await span.boundingBox()];
  const at = (text.indexOf('customerName') + 6) / text.length;
  await page.mouse.move(box!.x + box!.width * at, box!.y + box!.height / 2);
  await expect(page.locator('.monaco-hover:not(.hidden)')).toContainText('customerName: output mapping of Fetch customer', WAIT);
});

test('given a JavaScript script after the same task, when completing variables., then the variable in scope is offered', async ({ page }) => {
  await openScript(page, 'Log', 'return 0;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('variables.');
  await expect(suggestion(page, 'customerName')).toBeVisible(WAIT);
});

test('given the properties panel and a start form in the project, when a FEEL field of the script task is completed, then it offers the variables in scope with their source, the form fields too', async ({ page }) => {
  const xml = (await readFile(new URL('./decisions-feel.bpmn', import.meta.url), 'utf8')).replace(
    '<bpmn:startEvent id="Start" />',
    '<bpmn:startEvent id="Start"><bpmn:extensionElements><zeebe:formDefinition formId="greeting-form" /></bpmn:extensionElements></bpmn:startEvent>',
  );
  const form = { id: 'greeting-form', type: 'default', schemaVersion: 16, components: [{ type: 'textfield', key: 'customerTitle', label: 'Title' }] };
  await page.goto('/');
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('open-file-input').setInputFiles([
    { name: 'greeting.bpmn', mimeType: 'application/octet-stream', buffer: Buffer.from(xml) },
    { name: 'greeting.form', mimeType: 'application/octet-stream', buffer: Buffer.from(JSON.stringify(form)) },
  ]);
  await expect(page.getByTestId('editor-area')).toBeVisible({ timeout: 30_000 });
  await shape(page, 'Greet').click();
  const properties = page.getByTestId('bpmn-properties');
  const entry = properties.locator('[data-entry-id="scriptExpression"]');
  if (!(await entry.isVisible())) await properties.locator('[data-group-id="group-script"] .bio-properties-panel-group-header').click();
  await entry.locator('.cm-content').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' + cust');
  const completion = page.locator('.cm-tooltip-autocomplete');
  await expect(completion).toContainText('customerName', WAIT);
  // bpmn-io's own resolver would say "Written in Fetch customer"; ours names the mapping.
  await expect(completion).toContainText('output mapping of Fetch customer');
  // The project's form file gives the start form's fields (the panel follows the forms' edits).
  await expect(completion).toContainText('customerTitle');
  await expect(completion).toContainText('start form field (form greeting-form)');
});
