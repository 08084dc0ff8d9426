import { expect, type Locator, type Page } from '@playwright/test';
import { openBpmnInApp } from '../src/bench/open-in-app.mjs';

export { openBpmnInApp };

/** Opens a document as a user does (the shell's Open file input) and waits for its editor area. */
export async function openDocument(page: Page, name: string, content: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('open-file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
  await expect(page.getByTestId('editor-area')).toBeVisible({ timeout: 30_000 });
}

/** The live BPMN editor's XML (through the handle published by the editor for tests). */
export function editorXml(page: Page): Promise<string> {
  return page.evaluate(() => (window.__flowdeckEditors?.bpmn as { saveXML(): Promise<string> }).saveXML());
}

/** Clicks into a Monaco editor and puts the cursor at the end of its text. */
export async function focusMonacoEnd(page: Page, editor: Locator): Promise<void> {
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
}

/** The diagram shape of a BPMN element on the canvas. */
export function shape(page: Page, elementId: string): Locator {
  return page.locator(`[data-testid=bpmn-canvas] .djs-element[data-element-id="${elementId}"]`).first();
}
