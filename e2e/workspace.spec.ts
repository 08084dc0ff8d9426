import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { appendToSource, createFile, createProject, fileItems, freshWorkspace, showSource } from './workspace-helpers';

const fixture = (name: string) => readFileSync(new URL(`./workspace-fixtures/${name}`, import.meta.url));

test.beforeEach(async ({ page }) => {
  await freshWorkspace(page);
});

test('given an empty workspace, when a project and a BPMN file are created, then both survive a reload', async ({ page }) => {
  await expect(page.getByTestId('home-empty')).toContainText('No projects yet — create one');
  await page.getByTestId('home-create-project').click();
  await page.getByTestId('dialog-name-input').fill('Orders');
  await page.getByTestId('dialog-confirm').click();
  await createFile(page, 'bpmn', 'Order intake');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await page.reload();

  await expect(page.getByTestId('project-name')).toHaveText(['Orders']);
  await expect(fileItems(page)).toHaveCount(1);
  await expect(fileItems(page).getByTestId('file-name')).toHaveText('Order intake');
  await expect(page.getByTestId('editor-area')).toHaveAttribute('data-kind', 'bpmn');
  await showSource(page);
  await expect(page.getByTestId('source-editor')).toHaveValue(/<bpmn:startEvent id="StartEvent_1"/);
});

test('given an edit, when the page is reloaded right away, then the edit is not lost', async ({ page }) => {
  await createProject(page, 'P');
  await createFile(page, 'form', 'Signup');
  await showSource(page);
  await appendToSource(page, ' ');
  const source = page.getByTestId('source-editor');
  await source.fill((await source.inputValue()).replace('"Name"', '"Full name"'));

  await page.reload(); // inside the 500 ms debounce

  await showSource(page);
  await expect(page.getByTestId('source-editor')).toHaveValue(/"Full name"/);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
});

test('when a .bpmn file is opened from disk, then it is added to the project and opened', async ({ page }) => {
  await createProject(page, 'Imports');
  await page.getByTestId('open-file-input').setInputFiles({ name: 'order.bpmn', mimeType: 'application/bpmn+xml', buffer: fixture('order.bpmn') });

  await expect(fileItems(page).getByTestId('file-name')).toHaveText(['order']);
  await expect(page.getByTestId('topbar-file-name')).toHaveText('order');
  await showSource(page);
  await expect(page.getByTestId('source-editor')).toHaveValue(/Check stock/);
});

test('when a broken file is opened, then an error names it and the workspace is unchanged', async ({ page }) => {
  await createProject(page, 'Imports');
  await createFile(page, 'dmn', 'Pricing');
  const before = await fileItems(page).getByTestId('file-name').allTextContents();

  await page.getByTestId('open-file-input').setInputFiles([
    { name: 'order.bpmn', mimeType: 'application/bpmn+xml', buffer: fixture('order.bpmn') },
    { name: 'broken.bpmn', mimeType: 'application/bpmn+xml', buffer: fixture('broken.bpmn') },
  ]);

  const dialog = page.getByTestId('dialog');
  await expect(dialog).toHaveAttribute('data-dialog', 'importError');
  await expect(dialog.getByTestId('import-error-item')).toHaveCount(1);
  await expect(dialog.getByTestId('import-error-item')).toContainText('broken.bpmn');
  await expect(dialog.getByTestId('import-error-item')).toContainText(/line \d+, column \d+/);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(fileItems(page).getByTestId('file-name')).toHaveText(before);
  await expect(page.getByTestId('project-item')).toHaveCount(1);
});

test('rename, duplicate, delete and undo a file', async ({ page }) => {
  await createProject(page, 'P');
  await createFile(page, 'bpmn', 'Draft');
  const row = () => fileItems(page).filter({ hasText: 'Draft' }).first();

  await row().getByTestId('file-menu-button').click();
  await page.getByTestId('file-action-rename').click();
  await page.getByTestId('dialog-name-input').fill('Shipping');
  await page.getByTestId('dialog-confirm').click();
  await expect(fileItems(page).getByTestId('file-name')).toHaveText(['Shipping']);
  await expect(page.getByTestId('topbar-file-name')).toHaveText('Shipping');

  await fileItems(page).first().getByTestId('file-menu-button').click();
  await page.getByTestId('file-action-duplicate').click();
  await expect(fileItems(page).getByTestId('file-name')).toHaveText(['Shipping', 'Shipping copy']);

  const copy = fileItems(page).filter({ hasText: 'Shipping copy' });
  await copy.getByTestId('file-menu-button').click();
  await page.getByTestId('file-action-delete').click();
  await expect(fileItems(page).getByTestId('file-name')).toHaveText(['Shipping']);
  // The "Duplicated" toast may still be up: pick the delete toast by its text.
  const deleted = page.getByTestId('toast').filter({ hasText: '"Shipping copy" deleted' });
  await expect(deleted).toHaveCount(1);

  await deleted.getByTestId('toast-action').click();
  await expect(fileItems(page).getByTestId('file-name')).toHaveText(['Shipping', 'Shipping copy']);
});

test('rename, duplicate, delete and undo a project', async ({ page }) => {
  await createProject(page, 'Alpha');
  await createFile(page, 'dmn', 'Rules');
  const project = page.getByTestId('project-item').first();
  await project.getByTestId('project-menu-button').click();
  await page.getByTestId('project-action-rename').click();
  await page.getByTestId('dialog-name-input').fill('Beta');
  await page.getByTestId('dialog-confirm').click();
  await expect(page.getByTestId('project-name')).toHaveText(['Beta']);

  await project.getByTestId('project-menu-button').click();
  await page.getByTestId('project-action-duplicate').click();
  await expect(page.getByTestId('project-name')).toHaveCount(2);
  await expect(fileItems(page)).toHaveCount(2);

  const copy = page.getByTestId('project-item').filter({ hasText: 'Beta copy' });
  await copy.getByTestId('project-menu-button').click();
  await page.getByTestId('project-action-delete').click();
  await expect(page.getByTestId('project-name')).toHaveText(['Beta']);
  await page.getByTestId('toast').filter({ hasText: 'deleted' }).getByTestId('toast-action').click();
  await expect(page.getByTestId('project-name')).toHaveCount(2);
});

test('keyboard: ? shows the shortcuts, Escape closes, Alt+N new file, Ctrl+O open, Ctrl+S saves a named version that can be restored', async ({ page }) => {
  await createProject(page, 'P');
  await createFile(page, 'bpmn', 'Flow');
  await page.getByTestId('sidebar').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Shift+?');
  await expect(page.getByTestId('help-dialog')).toContainText('Save now and name a version');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dialog')).toHaveCount(0);
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('dialog')).toHaveAttribute('data-dialog', 'newFile');
  await page.keyboard.press('Escape');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('ControlOrMeta+o');
  expect((await chooser).isMultiple()).toBe(true);

  await showSource(page);
  const original = await page.getByTestId('source-editor').inputValue();
  await page.keyboard.press('ControlOrMeta+s');
  await page.getByTestId('version-note-input').fill('First draft');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: 'Version 1 saved: First draft' })).toHaveCount(1);

  await appendToSource(page, '\n<!-- later -->');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('action-versions').click();
  const v1 = page.getByTestId('version-item').filter({ hasText: 'First draft' });
  await v1.getByTestId('version-restore').click();
  await expect(page.getByTestId('source-editor')).toHaveValue(original);
  // the replaced content was kept, so the restore can be undone
  await expect(page.getByTestId('version-item')).toHaveCount(2);
  await page.getByTestId('version-item').first().getByTestId('version-open').click();
  await expect(page.getByTestId('version-view')).toBeVisible();
  await expect(page.getByTestId('source-editor')).toHaveValue(/<!-- later -->/);
  await expect(page.getByTestId('source-editor')).toHaveJSProperty('readOnly', true);
});

test('search finds files by name across projects', async ({ page }) => {
  await createProject(page, 'Sales');
  await createFile(page, 'bpmn', 'Quote approval');
  await page.getByTestId('project-item').first().getByTestId('project-name').click();
  await createFile(page, 'form', 'Contact');
  await page.keyboard.press('ControlOrMeta+k');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('quote');
  await expect(page.getByTestId('search-file-results').getByTestId('file-name')).toHaveText(['Quote approval']);
});

test('a file downloads as <name>.<kind> with its current content', async ({ page }) => {
  await createProject(page, 'P');
  await createFile(page, 'dmn', 'Discounts');
  await showSource(page);
  const content = await page.getByTestId('source-editor').inputValue();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('action-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Discounts.dmn');
  const path = await download.path();
  expect(readFileSync(path, 'utf8')).toBe(content);
});

test('files dropped on the window are validated and opened', async ({ page }) => {
  await createProject(page, 'Drops');
  const order = fixture('order.bpmn').toString('utf8');
  await page.evaluate((xml) => {
    const data = new DataTransfer();
    data.items.add(new File([xml], 'dropped.bpmn', { type: 'application/bpmn+xml' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, order);
  await expect(fileItems(page).getByTestId('file-name')).toHaveText(['dropped']);

  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{"components": 3}'], 'bad.form', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('import-error-item')).toContainText('bad.form');
  await expect(page.getByTestId('import-error-item')).toContainText('A form needs a "components" array');
  await expect(fileItems(page)).toHaveCount(1);
});

test('the source view says whether the text is still a valid file, and where it breaks', async ({ page }) => {
  await createProject(page, 'P');
  await createFile(page, 'bpmn', 'Flow');
  await showSource(page);
  await expect(page.getByTestId('source-problem')).toHaveAttribute('data-valid', 'true');
  const source = page.getByTestId('source-editor');
  await source.fill((await source.inputValue()).replace('</bpmn:process>', ''));
  await expect(page.getByTestId('source-problem')).toHaveAttribute('data-valid', 'false');
  await expect(page.getByTestId('source-problem')).toContainText(/line \d+, column \d+/);
});

test('files launched from the operating system (PWA file handlers) are opened', async ({ page }) => {
  // Chromium only fills window.launchQueue for an installed app; stand in for it before the app loads.
  await page.addInitScript(() => {
    const w = window as unknown as { __launch?: (p: unknown) => void };
    // Chromium exposes a native (read-only) launchQueue: replace the property, not its value.
    Object.defineProperty(window, 'launchQueue', { configurable: true, value: { setConsumer: (fn: (p: unknown) => void) => (w.__launch = fn) } });
  });
  await page.reload();
  await createProject(page, 'Launched');
  const xml = fixture('order.bpmn').toString('utf8');
  await page.evaluate((text) => {
    const w = window as unknown as { __launch: (p: unknown) => void };
    w.__launch({ files: [{ kind: 'file', getFile: async () => new File([text], 'from-os.bpmn') }] });
  }, xml);
  await expect(fileItems(page).getByTestId('file-name')).toHaveText(['from-os']);
  await expect(page.getByTestId('topbar-file-name')).toHaveText('from-os');
});
