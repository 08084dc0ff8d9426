import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_CASES } from '../src/archive/hostile/corpus';
import { createFile, createProject, freshWorkspace } from './workspace-helpers';

/** Every project and file in IndexedDB, read directly (not through the app). */
async function stored(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ projects: Array<{ id: string; name: string }>; files: Array<{ projectId: string; name: string; kind: string; content: string }> }>((resolve, reject) => {
        const open = indexedDB.open('flowdeck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['projects', 'files']);
          const projects = tx.objectStore('projects').getAll();
          const files = tx.objectStore('files').getAll();
          tx.oncomplete = () => {
            resolve({ projects: projects.result, files: files.result });
            open.result.close();
          };
        };
      }),
  );
}

async function openProject(page: Page, name: string) {
  await page.getByTestId('project-item').filter({ hasText: name }).first().getByTestId('project-name').click();
  await expect(page.getByTestId('project-view').getByRole('heading', { name, exact: true })).toBeVisible();
}

test('export a project as .flowdeck, import it as a new project with the same files; a hostile archive is refused naming its entry, nothing written', async ({ page }) => {
  await freshWorkspace(page);
  await createProject(page, 'Orders');
  await createFile(page, 'bpmn', 'Intake');
  await openProject(page, 'Orders');
  await createFile(page, 'dmn', 'Discount');
  await openProject(page, 'Orders');

  // Export: every file checked by default.
  await page.getByTestId('archive-export').click();
  await expect(page.getByTestId('archive-export-file')).toHaveCount(2);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('dialog-confirm').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Orders.flowdeck');
  const archive = readFileSync((await download.path())!);

  // Import it back as a new project: previewed first, both files added.
  await page.getByTestId('archive-import-input').setInputFiles({ name: 'Orders.flowdeck', mimeType: 'application/zip', buffer: archive });
  await expect(page.getByTestId('archive-preview-item')).toHaveCount(2);
  await expect(page.getByTestId('archive-preview-item').and(page.locator('[data-change="added"]'))).toHaveCount(2);
  await page.getByTestId('dialog-confirm').click();
  await expect(page.getByTestId('project-view').getByRole('heading', { name: 'Orders (2)' })).toBeVisible();
  const after = await stored(page);
  const byProject = (name: string) => {
    const id = after.projects.find((p) => p.name === name)!.id;
    return after.files.filter((f) => f.projectId === id).map((f) => [f.name, f.kind, f.content]).sort();
  };
  expect(byProject('Orders (2)')).toEqual(byProject('Orders'));
  expect(byProject('Orders')).toHaveLength(2);

  // A hostile archive: refused with the entry named, the workspace unchanged.
  const hostile = HOSTILE_CASES.find((c) => c.name === 'path traversal ../')!;
  await page.getByTestId('archive-import-input').setInputFiles({ name: 'evil.flowdeck', mimeType: 'application/zip', buffer: Buffer.from(hostile.build()) });
  const item = page.getByTestId('archive-error-item');
  await expect(item).toHaveAttribute('data-entry', '../evil.bpmn');
  await expect(item).toContainText('leaves the archive folder');
  await expect(page.getByTestId('dialog')).toContainText('Nothing was written');
  await page.getByTestId('dialog-confirm').click();
  expect(await stored(page)).toEqual(after);
});
