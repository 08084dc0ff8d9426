import { expect, test } from '@playwright/test';
import { freshWorkspace, fileItems, storedContent } from './workspace-helpers';
import { editorXml } from './editors-helpers';
import { documentElements } from './miwg-elements';
import { canvasCoverage, expectEditorOpen, miwgFile, openFiles, screenLayout } from './import-helpers';

// Files other tools wrote (../shared/bpmn-miwg/Vendors), opened through the shell as a user does.

test.beforeEach(async ({ page }) => {
  // Vendor files are large (B.2.0: 180 shapes); import, lint and render take a while on 2 cores.
  test.slow();
  await freshWorkspace(page);
});

test('Bonita: ids with spaces are repaired in the report, and its timers and pools are on the canvas', async ({ page }) => {
  await openFiles(page, [miwgFile('Vendors/Bonita BPM 7.2.3/B.2.0-roundtrip.bpmn')]);
  const dialog = page.getByTestId('dialog');
  await expect(dialog).toHaveAttribute('data-dialog', 'importReport');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(/items? cannot be kept/);
  await expect(page.getByTestId('import-report-file')).toHaveAttribute('data-file-name', 'B.2.0-roundtrip.bpmn');
  await page.getByTestId('import-report-group').filter({ hasText: 'Changed so that it can be kept' }).locator('summary').click();
  const renamed = page.getByTestId('import-report-item').filter({ hasText: 'id "eventdef-Intermediate Event Timer Catch" is not a valid XML id' });
  await expect(renamed).toHaveAttribute('data-element-id', 'eventdef-Intermediate_Event_Timer_Catch');
  await expect(renamed).toContainText('bpmn:timerEventDefinition');
  await expect(page.getByTestId('import-report-item').filter({ hasText: 'is drawn as its pool' }).first()).toBeVisible();
  await page.getByTestId('dialog-confirm').click();

  await expectEditorOpen(page);
  const coverage = await canvasCoverage(page);
  expect(coverage.missing).toEqual([]);
  expect(coverage.drawn).toBeGreaterThan(150);
  // The timer catch event keeps its timer: bpmn-js draws the clock marker.
  const timers = await page.evaluate(() => {
    const handle = window.__flowdeckEditors!.bpmn as { modeler: { get(n: string): { getAll(): Array<{ businessObject: { eventDefinitions?: Array<{ $type: string }> } }> } } };
    return handle.modeler.get('elementRegistry').getAll().filter((e) => e.businessObject.eventDefinitions?.some((d) => d.$type === 'bpmn:TimerEventDefinition')).length;
  });
  expect(timers).toBeGreaterThanOrEqual(4);
});

test('Modelio: a plane pointing at the definitions opens (it failed before) and saves every shape again', async ({ page }) => {
  await openFiles(page, [miwgFile('Vendors/Modelio 3.5/C.1.0-export.bpmn')]);
  await expect(page.getByTestId('toast').filter({ hasText: 'which cannot be displayed; it now shows bpmn:Collaboration' })).toBeVisible();
  await expectEditorOpen(page);
  const coverage = await canvasCoverage(page);
  expect(coverage.missing).toEqual([]);

  const fileId = await page.getByTestId('editor-area').getAttribute('data-file-id');
  const stored = (await storedContent(page, fileId!))!;
  const saved = await editorXml(page);
  const before = await documentElements(stored);
  const after = await documentElements(saved);
  // Shapes bpmn-js cannot draw are kept on save too: the modeler writes back every element.
  expect(after.keys.filter((k) => !before.keys.includes(k))).toEqual([]);
  expect(before.keys.filter((k) => !after.keys.includes(k))).toEqual([]);
});

test('IBM Process Designer: a file without a diagram is laid out, fits right of the palette, and never opens blank', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFiles(page, [miwgFile('Vendors/IBM Process Designer 8.0.1/A.2.0-export.bpmn')]);
  // A diagram-only repair needs no review: the file opens, and a toast says what was laid out.
  await expect(page.getByTestId('toast').filter({ hasText: 'had no shape in any diagram; Flowdeck laid them out in a new diagram' })).toBeVisible();
  await expectEditorOpen(page);
  await expect(page.getByTestId('dialog')).toHaveCount(0);
  const coverage = await canvasCoverage(page);
  expect(coverage.drawn).toBeGreaterThan(10);

  const layout = await screenLayout(page);
  expect(layout.shapes.length).toBeGreaterThan(5);
  for (const shape of layout.shapes) {
    expect(shape.left).toBeGreaterThanOrEqual(layout.palette!.x + layout.palette!.width);
    expect(shape.right).toBeLessThanOrEqual(layout.canvas!.x + layout.canvas!.width);
    expect(shape.top).toBeGreaterThanOrEqual(layout.canvas!.y);
    expect(shape.bottom).toBeLessThanOrEqual(layout.canvas!.y + layout.canvas!.height);
  }
});

test('MIWG B.2.0: the elements outside any pool are drawn and the diagram fits right of the palette', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFiles(page, [miwgFile('Reference/B.2.0.bpmn')]);
  await expectEditorOpen(page);
  await expect(page.getByTestId('dialog')).toHaveCount(0);
  const coverage = await canvasCoverage(page);
  expect(coverage.missing).toEqual([]);
  const layout = await screenLayout(page);
  for (const shape of layout.shapes) expect(shape.left).toBeGreaterThanOrEqual(layout.palette!.x + layout.palette!.width);
});

test('Signavio: what cannot be kept is listed element by element; Cancel writes nothing, Import anyway opens it', async ({ page }) => {
  const file = miwgFile('Vendors/SAP Signavio Process Manager 19.9.0/C.8.1-roundtrip.bpmn');
  await openFiles(page, [file]);
  const lost = page.getByTestId('import-report-item').and(page.locator('[data-severity=lost]'));
  // 10 data input associations and 1 potential owner point at ids the file does not have.
  await expect(page.getByTestId('dialog').getByRole('heading', { level: 2 })).toHaveText('11 items cannot be kept');
  await expect(lost).toHaveCount(11);
  const dangling = lost.filter({ has: page.locator('code', { hasText: '_9425c610-3ef7-4a5c-bc39-e4242bd1d1a1' }) });
  await expect(dangling).toContainText('bpmn:dataInputAssociation');
  await expect(dangling).toContainText('sourceRef not kept (unresolved reference "_775c93ab-82e5-4a62-97f0-d305eda76c92")');
  await expect(dangling).toContainText('line 328');

  await page.getByTestId('dialog-cancel').click();
  await expect(page.getByTestId('dialog')).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'Nothing was opened' })).toBeVisible();
  await expect(fileItems(page)).toHaveCount(0);
  expect(await page.evaluate(() => location.hash)).toBe('#/');

  await openFiles(page, [file]);
  await page.getByTestId('dialog-confirm').click();
  await expectEditorOpen(page);
  await expect(fileItems(page)).toHaveCount(1);
  expect((await canvasCoverage(page)).missing).toEqual([]);
});

test('iGrafx: a file with no process is refused up front with the reason, nothing written', async ({ page }) => {
  await openFiles(page, [miwgFile('Vendors/iGrafx FlowCharter 2013 15.1.1.1580/B.2.0-roundtrip.bpmn')]);
  await expect(page.getByTestId('dialog')).toHaveAttribute('data-dialog', 'importError');
  await expect(page.getByTestId('import-error-item')).toContainText('The diagram cannot be displayed: no process or collaboration to display');
  await expect(fileItems(page)).toHaveCount(0);
});

test('an ISO-8859-1 file is decoded by its declaration: the label reads Prüfen', async ({ page }) => {
  const text =
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P"><bpmn:startEvent id="S"/><bpmn:task id="T" name="Prüfen"/><bpmn:sequenceFlow id="F" sourceRef="S" targetRef="T"/></bpmn:process></bpmn:definitions>';
  await openFiles(page, [{ name: 'latin1.bpmn', buffer: Buffer.from(text, 'latin1') }]);
  await expectEditorOpen(page);
  await expect(page.locator('[data-testid=bpmn-canvas] [data-element-id="T"] text')).toHaveText('Prüfen');
});
