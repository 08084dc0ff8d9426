import { expect, test, type Page } from '@playwright/test';
import { createFile, createProject, freshWorkspace, openFileId, showSource, storedContent } from './workspace-helpers';

// What a newcomer hits around the Source view and notices (issue 14): invalid text kept as a
// draft, a stale "could not be opened" banner, banners and view mode following to other files.
// One page for the whole file.

test.describe.configure({ mode: 'serial' });

let page: Page;
let flowId: string;
let validText: string;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await freshWorkspace(page);
  await createProject(page, 'Drafts');
  await createFile(page, 'bpmn', 'Flow');
  flowId = await openFileId(page);
});

test.afterAll(async () => page.close());

const status = () => page.getByTestId('save-status');
const source = () => page.getByTestId('source-editor');

test('given invalid text in the Source view, then it is kept as a draft, the badge says so and the stored file keeps the last valid version, also after a reload', async () => {
  await showSource(page);
  const valid = await source().inputValue();
  validText = valid;
  await source().fill(valid.replace('</bpmn:process>', ''));

  await expect(status()).toHaveAttribute('data-state', 'draft');
  await expect(status()).toHaveText('Draft, not saved');
  await expect(page.getByTestId('source-problem')).toContainText('Kept as a draft');
  expect(await storedContent(page, flowId)).toBe(valid);

  await page.reload();
  await showSource(page);
  await expect(source()).not.toHaveValue(/<\/bpmn:process>/);
  await expect(status()).toHaveAttribute('data-state', 'draft');
  expect(await storedContent(page, flowId)).toBe(valid);
});

test('given the draft opened in the diagram, when the text is fixed, then the "could not be opened" banner goes away', async () => {
  await page.getByTestId('view-editor').click();
  const banner = page.getByTestId('banner').filter({ hasText: 'could not be opened' });
  await expect(banner).toBeVisible();

  await showSource(page);
  await source().fill(validText);
  await expect(page.getByTestId('source-problem')).toHaveAttribute('data-valid', 'true');
  await expect(status()).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('view-editor').click();
  await expect(page.getByTestId('bpmn-canvas').locator('.djs-element[data-element-id="StartEvent_1"]').first()).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test('given a file shown as source with a banner about it, when another file is created, then it opens in its editor and the banner stays with its file', async () => {
  // A banner about Flow: break it again and look at the diagram.
  await showSource(page);
  await source().fill(validText.replace('</bpmn:process>', ''));
  await expect(status()).toHaveAttribute('data-state', 'draft');
  await page.getByTestId('view-editor').click();
  await expect(page.getByTestId('banner').filter({ hasText: 'Flow: ' })).toBeVisible();
  await showSource(page);

  await page.getByTestId('sidebar').getByTestId('project-item').first().getByTestId('project-name').click();
  await createFile(page, 'form', 'Signup');
  await expect(page.getByTestId('editor-area')).toHaveAttribute('data-view', 'editor');
  await expect(page.getByTestId('form-editor')).toBeVisible();
  await expect(page.getByTestId('banner').filter({ hasText: 'Flow: ' })).toHaveCount(0);
});

test('given a saved version of a process, when opened, then it shows as a diagram above its XML', async () => {
  await page.getByTestId('sidebar').getByTestId('file-item').filter({ hasText: 'Flow' }).first().click();
  await showSource(page);
  await source().fill(validText);
  await expect(status()).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('action-save-version').click();
  await page.getByTestId('version-note-input').fill('Picture');
  await page.keyboard.press('Enter');
  await page.getByTestId('action-versions').click();
  await page.getByTestId('version-item').filter({ hasText: 'Picture' }).getByTestId('version-open').click();

  const preview = page.getByTestId('version-view').getByTestId('bpmn-preview');
  await expect(preview.locator('.djs-element[data-element-id="StartEvent_1"]').first()).toBeVisible();
  await expect(page.getByTestId('version-view').getByTestId('source-editor')).toHaveValue(/StartEvent_1/);
});
