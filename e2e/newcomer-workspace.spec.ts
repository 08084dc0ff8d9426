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
/** Creates a file in the project, from the project's page. */
const newFile = async (kind: 'bpmn' | 'dmn' | 'form', name: string) => {
  await page.getByTestId('sidebar').getByTestId('project-item').first().getByTestId('project-name').click();
  await createFile(page, kind, name);
};
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

  await newFile('form', 'Signup');
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

test('given saved versions of a decision and of a form, when opened, then they show as decisions and as a form, read-only', async () => {
  const openFirstVersion = async (note: string) => {
    await page.getByTestId('action-save-version').click();
    await page.getByTestId('version-note-input').fill(note);
    await page.keyboard.press('Enter');
    if ((await page.getByTestId('action-versions').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('action-versions').click();
    await page.getByTestId('version-item').filter({ hasText: note }).getByTestId('version-open').click();
  };

  await newFile('dmn', 'Pricing');
  await openFirstVersion('Table');
  const decisions = page.getByTestId('version-view').getByTestId('dmn-preview');
  await expect(decisions.locator('.djs-element[data-element-id^="Decision_"]').first()).toBeVisible();
  await expect(decisions.locator('.djs-context-pad')).toHaveCount(0);

  await newFile('form', 'Applicant');
  await openFirstVersion('Fields');
  const form = page.getByTestId('version-view').getByTestId('form-preview');
  await expect(form.getByLabel('Name')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveAttribute('readonly', /.*/);
});

test('given BPMN whose reader drops a reference, when opened in the diagram, then the Problems panel lists the reader warning on the file', async () => {
  await newFile('bpmn', 'Dangling');
  await showSource(page);
  await source().fill(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_D" targetNamespace="http://example.com">
  <bpmn:process id="Dangling_P" isExecutable="true">
    <bpmn:startEvent id="Begin" />
    <bpmn:endEvent id="Finish" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Begin" targetRef="Ghost" />
  </bpmn:process>
</bpmn:definitions>
`);
  await page.getByTestId('view-editor').click();
  await page.getByTestId('bpmn-problems-toggle').click();
  const reader = page.getByTestId('bpmn-problem').filter({ hasText: 'xml-reader' }).filter({ hasText: /unresolved reference.*Ghost/ });
  await expect(reader).toHaveCount(1);
});
