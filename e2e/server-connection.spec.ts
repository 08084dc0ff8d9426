import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveChild } from '../src/server/test-support/serve-child';
import { freshWorkspace } from './workspace-helpers';

// The built studio connected to a real `flowdeck serve` (started here on a free port, SQLite on a
// file): log in through the Connection dialog (a wrong password first), then deploy, start, work
// the user task and see the instance completed, through the same screens as with the worker.
const PORT = Number(process.env.FLOWDECK_E2E_PORT ?? 4173);
const fixture = (name: string) => readFileSync(new URL(name, import.meta.url));
const ADMIN = { username: 'admin', password: 'admin-password-1' };

let server: { child: ChildProcess; url: string; dir: string };

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowdeck-e2e-serve-'));
  // serve wants something to deploy; the studio deploys the approval process itself below.
  copyFileSync(new URL('./engine-api.bpmn', import.meta.url), join(dir, 'review.bpmn'));
  const { child, url } = await serveChild({ dir, db: join(dir, 'flowdeck.sqlite'), env: { FLOWDECK_CORS_ORIGINS: `http://localhost:${PORT}` } });
  server = { child, url, dir };
});

test.afterAll(() => {
  server?.child.kill('SIGTERM');
  if (server) rmSync(server.dir, { recursive: true, force: true });
});

async function connect(page: Page, password: string): Promise<void> {
  await page.getByTestId('connection-button').click();
  await page.getByTestId('connection-server').check();
  await page.getByTestId('connection-url').fill(server.url);
  await page.getByTestId('connection-username').fill(ADMIN.username);
  await page.getByTestId('connection-password').fill(password);
  await page.getByTestId('connection-connect').click();
}

test('given a Flowdeck server, when the studio connects to it, then deploy, start, the tasklist and the instance view work against the server', async ({ page }) => {
  await freshWorkspace(page);
  await expect(page.getByTestId('connection-label')).toHaveText('this browser');

  // A wrong password is refused with the server's status, and nothing changes.
  await connect(page, 'not-the-password');
  await expect(page.getByTestId('dialog-error')).toContainText('HTTP 401 UNAUTHENTICATED');
  await page.getByTestId('dialog-cancel').click();
  await expect(page.getByTestId('connection-label')).toHaveText('this browser');

  // The right one connects (the studio reloads on the server's engine).
  await connect(page, ADMIN.password);
  await expect(page.getByTestId('connection-label')).toHaveText(`${server.url} · admin`);

  // Deploy the diagram and its form from the modeler, then start.
  await page.getByTestId('open-file-input').setInputFiles([['run-approval.bpmn'], ['run-approve.form']].map(([name]) => ({ name, mimeType: 'application/octet-stream', buffer: fixture(`./${name}`) })));
  await expect(page.getByTestId('bpmn-editor')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('bpmn-deploy').click();
  const dialog = page.getByTestId('dialog').and(page.locator('[data-dialog=deploy]'));
  await dialog.getByTestId('deploy-confirm').click();
  await expect(dialog.getByTestId('deploy-message')).toContainText('approval v1');
  await dialog.getByTestId('start-business-key').fill('SRV-1');
  await dialog.getByTestId('start-confirm').click();
  const view = page.getByTestId('instance-view');
  await expect(view).toHaveAttribute('data-state', 'active');
  const instanceUrl = page.url();

  // The instance is on the server (not in the browser's own engine).
  const token = await login();
  const listed = await get(`/instances?businessKey=SRV-1`, token);
  expect(listed.data.items).toHaveLength(1);
  expect(listed.data.items[0].state).toBe('active');

  // Work the task through the tasklist and its form.
  await page.getByTestId('nav-tasks').click();
  await page.getByTestId('tasks-tab-all').click();
  await page.getByTestId('task-item').first().click();
  await page.getByTestId('task-claim').click();
  await expect(page.getByTestId('task-assignee')).toHaveText('Assigned to demo');
  await page.getByTestId('task-form').getByLabel('Comment').fill('fine by the server');
  await page.getByTestId('task-form').getByLabel('Decision').fill('approve');
  await page.getByTestId('task-form-submit').click();
  await expect(page.getByTestId('task-done')).toContainText('is completed');

  // Then: completed in the instance view, and on the server.
  await page.goto(instanceUrl);
  await expect(page.getByTestId('instance-view')).toHaveAttribute('data-state', 'completed');
  await expect(page.getByTestId('instance-view').getByTestId('variable').and(page.locator('[data-name=comment]'))).toContainText('"fine by the server"');
  expect((await get(`/instances/${listed.data.items[0].id}`, token)).data.state).toBe('completed');
  await page.getByTestId('nav-instances').click();
  await expect(page.getByTestId('instance-row')).toHaveAttribute('data-state', 'completed');

  // When the server stops, the next reads say it cannot be reached (after their retries).
  await new Promise<void>((resolve) => (server.child.once('exit', () => resolve()), server.child.kill('SIGTERM')));
  await page.reload();
  await expect(page.getByTestId('connection-failure')).toContainText(`Cannot reach the Flowdeck server at ${server.url}`, { timeout: 20_000 });

  // And switching back to this browser's engine is one choice in the same dialog.
  await page.getByTestId('connection-button').click();
  await page.getByTestId('connection-local').check();
  await page.getByTestId('connection-connect').click();
  await expect(page.getByTestId('connection-label')).toHaveText('this browser');
});

async function login(): Promise<string> {
  const r = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  return ((await r.json()) as { data: { accessToken: string } }).data.accessToken;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the spec reads what the API answers
async function get(path: string, token: string): Promise<any> {
  const r = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return r.json();
}
