import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openDocument } from './editors-helpers';
import { fileItems, openFileId, storedContent } from './workspace-helpers';

// Simulation runs the processes that call activities start from the project's other BPMN files
// (issue 9: the engine that runs the process, as deployed together); a broken other file is named.

const MAIN = readFileSync(new URL('../src/cli/fixtures/simulation/call-order.bpmn', import.meta.url), 'utf8');
const CHILD = readFileSync(new URL('../src/cli/fixtures/simulation/call-shipping.bpmn', import.meta.url), 'utf8');

// Reads as BPMN, but the engine refuses it: a split with two flows and no conditions.
const BROKEN = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="B" targetNamespace="t"><bpmn:process id="Broken" isExecutable="true">
<bpmn:startEvent id="S"><bpmn:outgoing>a</bpmn:outgoing></bpmn:startEvent><bpmn:sequenceFlow id="a" sourceRef="S" targetRef="G" />
<bpmn:exclusiveGateway id="G"><bpmn:incoming>a</bpmn:incoming><bpmn:outgoing>b</bpmn:outgoing><bpmn:outgoing>c</bpmn:outgoing></bpmn:exclusiveGateway>
<bpmn:sequenceFlow id="b" sourceRef="G" targetRef="E" /><bpmn:sequenceFlow id="c" sourceRef="G" targetRef="E" />
<bpmn:endEvent id="E"><bpmn:incoming>b</bpmn:incoming><bpmn:incoming>c</bpmn:incoming></bpmn:endEvent></bpmn:process></bpmn:definitions>`;

test('given a call activity to a process in another file, when simulated without it, then cases stop at an incident; beside it, they complete; a broken other file is named', async ({ page }) => {
  await openDocument(page, 'order.bpmn', MAIN);
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.getByTestId('simulation-view')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-summary')).toContainText('0 instances completed per replication, 4 still in progress', { timeout: 60_000 });

  for (const [name, xml] of [['shipping.bpmn', CHILD], ['broken.bpmn', BROKEN]] as const) {
    await page.getByTestId('open-file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(xml) });
    await expect(page.getByTestId('editor-area')).toBeVisible({ timeout: 30_000 });
  }
  await fileItems(page).filter({ hasText: 'order' }).first().click();
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.getByTestId('simulation-view')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-summary')).toContainText('4 instances completed per replication, 0 still in progress', { timeout: 60_000 });
  await expect(page.getByTestId('sim-warnings')).toContainText('broken.bpmn: its processes cannot run (b: outgoing flow of exclusiveGateway G has no condition');
});

test('given a model that throws a message nobody takes, when simulated, then the results say how often it reached nobody', async ({ page }) => {
  await openDocument(page, 'thrown.bpmn', readFileSync(new URL('../src/simulation/specs/thrown.bpmn', import.meta.url), 'utf8'));
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.getByTestId('simulation-view')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('sim-scenario').selectOption('batch');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-undelivered')).toContainText('message order 1 times per replication', { timeout: 60_000 });
});

test('given the scenario form, when a signal stream is added and saved, then the file holds it on the signal and it reads back', async ({ page }) => {
  await openDocument(page, 'streams.bpmn', readFileSync(new URL('../src/simulation/specs/streams.bpmn', import.meta.url), 'utf8'));
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.getByTestId('simulation-view')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('sim-scenario').selectOption('fifo');
  const streams = page.getByTestId('sim-streams');
  await expect(streams.getByRole('combobox', { name: 'Stream of pick: distribution' })).toHaveValue('constant');
  await expect(streams.getByRole('combobox', { name: 'Stream of tick: distribution' })).toHaveValue('none');
  await streams.getByRole('combobox', { name: 'Stream of tick: distribution' }).selectOption('constant');
  await streams.getByRole('spinbutton', { name: /Stream of tick: / }).fill('25');
  await page.getByTestId('sim-stream-count-TickSignal').fill('2');
  await page.getByTestId('sim-save').click();
  await expect(page.getByTestId('sim-save')).toBeDisabled();
  const fileId = await openFileId(page);
  await expect.poll(async () => (await storedContent(page, fileId)) ?? '', { timeout: 15_000 }).toMatch(/elementRef="TickSignal">\s*<bpsim:ControlParameters>\s*<bpsim:InterTriggerTimer>\s*<bpsim:FloatingParameter value="25" \/>/);
  await expect(page.getByTestId('sim-stream-count-TickSignal')).toHaveValue('2');
});

test('given a calendar the form cannot show (every other week), when the form opens, then it is read-only, still chosen for its role, and kept on save', async ({ page }) => {
  const xml = readFileSync(new URL('../src/simulation/specs/calendar-cost.bpmn', import.meta.url), 'utf8').replace('RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR');
  await openDocument(page, 'fortnight.bpmn', xml);
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.getByTestId('simulation-view')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('sim-calendar-weekdays')).toContainText('kept as in the file');
  await expect(page.getByTestId('sim-calendar-delete-weekdays')).toBeDisabled();
  await expect(page.getByTestId('sim-role-calendar-Clerk')).toHaveValue('weekdays');
  await page.getByTestId('sim-qty-Clerk').fill('2');
  await page.getByTestId('sim-save').click();
  await expect(page.getByTestId('sim-save')).toBeDisabled();
  const fileId = await openFileId(page);
  await expect.poll(async () => (await storedContent(page, fileId)) ?? '', { timeout: 15_000 }).toMatch(/elementRef="Clerk">[\s\S]*?<bpsim:NumericParameter value="2" \/>/);
  expect((await storedContent(page, fileId)) ?? '').toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR');
});
