import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openDocument, shape } from './editors-helpers';

// The shipped examples (docs/examples) are what a newcomer opens first: each must open with every
// process visible, no lint error or warning, no reader warning, and scripts without type errors.
// One page for the whole file.

const EXAMPLES = new URL('../docs/examples/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, EXAMPLES), 'utf8');
const BPMN = ['order/order.bpmn', 'fulfilment/fulfilment.bpmn', 'pricing/pricing.bpmn'];

/** Ids of the flow nodes of every process in `xml` (what must be drawn). */
function flowNodeIds(xml: string): string[] {
  const ids = [...xml.matchAll(/<bpmn:(?:startEvent|endEvent|task|scriptTask|serviceTask|userTask|businessRuleTask|exclusiveGateway|parallelGateway|inclusiveGateway|intermediateCatchEvent|intermediateThrowEvent|callActivity|subProcess|receiveTask|sendTask|boundaryEvent)\b[^>]*\bid="([^"]+)"/g)];
  return ids.map((m) => m[1]!);
}

test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // React reports duplicate keys and other render faults on the console: none may appear.
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
});

test.afterAll(async () => page.close());

const consoleErrors: string[] = [];

for (const path of BPMN) {
  test(`given the example ${path}, when opened, then every process is drawn and there are no problems`, async () => {
    consoleErrors.length = 0;
    const xml = read(path);
    await openDocument(page, path.split('/').pop()!, xml);
    for (const id of flowNodeIds(xml)) await expect(shape(page, id), id).toBeVisible();

    await page.getByTestId('bpmn-problems-toggle').click();
    const problems = page.getByTestId('bpmn-problems');
    await expect(problems).toBeVisible();
    // Linting runs after changes settle; wait for its first report before judging it.
    await expect.poll(async () => (await page.getByTestId('bpmn-problem').count()) + (await problems.locator('.fd-problems-empty').count())).toBeGreaterThan(0);
    await expect(problems.locator('.fd-problem-error, .fd-problem-warn')).toHaveCount(0);
    await expect(page.getByTestId('bpmn-problems-toggle').locator('.fd-badge-error')).toHaveText('0');
    await expect(page.getByTestId('bpmn-problems-toggle').locator('.fd-badge-warn')).toHaveText('0');

    if (xml.includes('<bpmn:scriptTask')) {
      await page.getByTestId('view-scripts').click();
      const editor = page.getByTestId('script-editor');
      await expect(editor.locator('.view-lines')).not.toBeEmpty();
      // Give the TypeScript worker its time: its diagnostics arrive after the text.
      await page.waitForFunction(() => document.querySelector('[data-testid=script-editor] .monaco-editor') !== null);
      await expect(editor.locator('.squiggly-error')).toHaveCount(0);
      await page.getByTestId('view-editor').click();
    }
    expect(consoleErrors).toEqual([]);
  });
}

test('given the example pricing/discount.dmn, when opened, then it shows its decision without reader warnings or errors', async () => {
  consoleErrors.length = 0;
  await openDocument(page, 'discount.dmn', read('pricing/discount.dmn'));
  await expect(page.getByTestId('dmn-editor')).toBeVisible();
  await expect(page.getByTestId('dmn-container').locator('.djs-element, .tjs-container, .dmn-decision-table-container').first()).toBeVisible();
  await expect(page.getByTestId('reader-warnings')).toHaveCount(0);
  await expect(page.getByTestId('dmn-editor').locator('.fd-editor-error')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
