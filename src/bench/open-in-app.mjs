// Opens a .bpmn file in the built app the way a user does (the shell's "Open file" input) and
// waits until the BPMN editor is live. Shared by the benchmark and the MIWG / editor e2e specs.

/**
 * @param {import('playwright-core').Page} page
 * @param {string} url the app's root URL
 * @param {string | { name: string, mimeType: string, buffer: Buffer }} file a path or an in-memory file
 */
export async function openBpmnInApp(page, url, file) {
  await page.goto(url);
  await page.getByTestId('app-shell').waitFor();
  await page.getByTestId('open-file-input').setInputFiles(file);
  await page.getByTestId('bpmn-canvas').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => Boolean(window.__flowdeckEditors?.bpmn), undefined, { timeout: 30_000 });
}
