import { expect, type Page } from '@playwright/test';

/** Starts from an empty workspace: the app loaded, its database deleted, reloaded. */
export async function freshWorkspace(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase('flowdeck');
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
      req.onblocked = () => resolve();
    });
  });
  await page.goto('/#/');
  await page.reload();
  await expect(page.getByTestId('app-shell')).toBeVisible();
}

/** Creates a project through the sidebar and returns when it is open. */
export async function createProject(page: Page, name: string): Promise<void> {
  await page.getByTestId('new-project-button').click();
  await page.getByTestId('dialog-name-input').fill(name);
  await page.getByTestId('dialog-confirm').click();
  await expect(page.getByTestId('project-view').getByRole('heading', { name })).toBeVisible();
}

/** Creates a file of `kind` in the open project and waits for its editor area. */
export async function createFile(page: Page, kind: 'bpmn' | 'dmn' | 'form', name: string): Promise<void> {
  await page.getByTestId(`project-view-new-${kind}`).click();
  await page.getByTestId('dialog-name-input').fill(name);
  await page.getByTestId('dialog-confirm').click();
  await expect(page.getByTestId('editor-area')).toHaveAttribute('data-kind', kind);
  await expect(page.getByTestId('topbar-file-name')).toHaveText(name);
}

/** Switches the open file to the plain-text source view (independent of the visual editors). */
export async function showSource(page: Page): Promise<void> {
  await page.getByTestId('view-source').click();
  await expect(page.getByTestId('source-editor')).toBeVisible();
}

/** Appends text at the end of the source view, as one edit. */
export async function appendToSource(page: Page, text: string): Promise<void> {
  const source = page.getByTestId('source-editor');
  const current = await source.inputValue();
  await source.fill(current + text);
}

export function fileItems(page: Page) {
  return page.getByTestId('sidebar').getByTestId('file-item');
}

/** The stored content of a file, read straight from IndexedDB (not through the app's UI). */
export async function storedContent(page: Page, fileId: string): Promise<string | undefined> {
  return page.evaluate(
    (id) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('flowdeck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('files').objectStore('files').get(id);
          get.onsuccess = () => {
            resolve((get.result as { content?: string } | undefined)?.content);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    fileId,
  );
}

/** The id of the file open in the page (from the route). */
export async function openFileId(page: Page): Promise<string> {
  const id = await page.getByTestId('editor-area').getAttribute('data-file-id');
  if (!id) throw new Error('no file open');
  return id;
}
