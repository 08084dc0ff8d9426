import { expect, test, type Locator, type Page } from '@playwright/test';
import { appendToSource, createFile, createProject, freshWorkspace, openFileId, showSource, storedContent } from './workspace-helpers';

/*
 * The clock is shared by all pages of a context. Set-up runs on real time; then both pages are
 * reloaded on a paused fake clock, so that no autosave debounce fires by itself: a save happens
 * only on Ctrl+S (which saves at once) or when the test lets time run. That makes "B edits, then
 * A saves first" deterministic instead of a race between two 500 ms timers.
 */
async function freezeTime(a: Page, b: Page) {
  await a.context().clock.install();
  await a.context().clock.pauseAt(new Date(Date.now() + 60_000));
  await a.reload();
  await b.reload();
}

/** Lets fake time run in small steps (Dexie re-runs live queries from zero-delay timers) until `ready`. */
async function runUntil(page: Page, ready: () => Promise<boolean>, budgetMs = 300) {
  for (let t = 0; t <= budgetMs; t += 10) {
    if (await ready()) return;
    await page.clock.runFor(10);
  }
}

// Two pages of the full studio (editors included) on a busy 2-core machine need the longer timeout.
test.slow();

const state = (page: Page) => page.getByTestId('save-status');
const hasState = (page: Page, s: string) => async () => (await state(page).getAttribute('data-state')) === s;
const valueMatches = (l: Locator, re: RegExp) => async () => re.test(await l.inputValue());

test('two tabs see each other\'s changes, and a save based on a stale revision is refused as a conflict', async ({ context }) => {
  const a = await context.newPage();
  await freshWorkspace(a);
  await createProject(a, 'Shared');

  const b = await context.newPage();
  await b.goto('/');
  await expect(b.getByTestId('project-name')).toHaveText(['Shared']);

  // a file created in A shows up in B without a reload
  await createFile(a, 'bpmn', 'Process');
  await expect(b.getByTestId('file-item').getByTestId('file-name')).toHaveText(['Process']);
  await b.getByTestId('file-item').getByRole('link').click();
  await expect(b.getByTestId('editor-area')).toBeVisible();
  const fileId = await openFileId(a);

  await freezeTime(a, b);
  await runUntil(a, async () => (await a.getByTestId('view-source').isVisible()) && (await b.getByTestId('view-source').isVisible()));
  await showSource(a);
  await showSource(b);

  // B edits (not saved: its debounce is frozen); A edits and saves at once with Ctrl+S
  await appendToSource(b, '\n<!-- from B -->');
  await expect(state(b)).toHaveAttribute('data-state', 'unsaved');
  await appendToSource(a, '\n<!-- from A -->');
  await a.keyboard.press('ControlOrMeta+s');
  await runUntil(a, hasState(a, 'saved'));
  await expect(state(a)).toHaveAttribute('data-state', 'saved');
  await a.keyboard.press('Escape');

  // B's edit is based on the old revision: when its autosave runs, it is refused
  await b.clock.runFor(2000);
  await expect(state(b)).toHaveAttribute('data-state', 'conflict');
  await expect(b.getByTestId('conflict-bar')).toBeVisible();
  expect(await storedContent(a, fileId)).toContain('from A');
  expect(await storedContent(a, fileId)).not.toContain('from B');

  // B explicitly overwrites: stored, and A (no unsaved edits) shows B's content live
  await b.getByTestId('conflict-overwrite').click();
  await runUntil(b, hasState(b, 'saved'));
  await expect(state(b)).toHaveAttribute('data-state', 'saved');
  expect(await storedContent(b, fileId)).toContain('from B');
  await runUntil(a, valueMatches(a.getByTestId('source-editor'), /from B/));
  await expect(a.getByTestId('source-editor')).toHaveValue(/from B/);
  await expect(a.getByTestId('source-editor')).not.toHaveValue(/from A/);
});

test('a tab without unsaved edits takes the other tab\'s saves live; "load theirs" discards local edits', async ({ context }) => {
  const a = await context.newPage();
  await freshWorkspace(a);
  await createProject(a, 'Shared');
  await createFile(a, 'form', 'Form');
  const fileId = await openFileId(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await expect(b.getByTestId('editor-area')).toBeVisible();

  await freezeTime(a, b);
  await runUntil(a, async () => (await a.getByTestId('view-source').isVisible()) && (await b.getByTestId('view-source').isVisible()));
  await showSource(a);
  await showSource(b);

  await appendToSource(a, '\n');
  await a.keyboard.press('ControlOrMeta+s');
  await a.keyboard.press('Escape');
  const expected = await a.getByTestId('source-editor').inputValue();
  await runUntil(b, async () => (await b.getByTestId('source-editor').inputValue()) === expected);
  await expect(b.getByTestId('source-editor')).toHaveValue(expected);
  await expect(state(b)).toHaveAttribute('data-state', 'saved');

  await appendToSource(b, '{"mine": true}');
  await appendToSource(a, ' ');
  await a.keyboard.press('ControlOrMeta+s');
  await runUntil(a, hasState(a, 'saved'));
  await a.keyboard.press('Escape');
  await b.clock.runFor(2000);
  await expect(b.getByTestId('conflict-bar')).toBeVisible();
  await b.getByTestId('conflict-reload').click();
  await runUntil(b, hasState(b, 'saved'));
  await expect(state(b)).toHaveAttribute('data-state', 'saved');
  await expect(b.getByTestId('source-editor')).not.toHaveValue(/"mine"/);
  expect(await storedContent(b, fileId)).not.toContain('"mine"');
});
