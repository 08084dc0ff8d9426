import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

// Durability of the engine in the built app: a timer that comes due while the tab is closed fires
// once on reopening; "Fire now" in the instance view, audited with the local user; a full storage
// quota gives a clear error and loses nothing. Driven through window.__flowdeckEngine and the UI.
const BPMN = readFileSync(new URL('./run-timers.bpmn', import.meta.url), 'utf8');

type Result = { data?: unknown; error?: string; message?: string };

async function call(page: Page, method: string, request: unknown = {}): Promise<Result> {
  return page.evaluate(async ([m, r]) => {
    const engine = window.__flowdeckEngine!;
    await engine.ready();
    return engine.call(m as never, r as never) as Promise<Result>;
  }, [method, request] as const);
}

async function ok<T>(page: Page, method: string, request: unknown = {}): Promise<T> {
  const r = await call(page, method, request);
  expect(r.error, `${method}: ${r.message}`).toBeUndefined();
  return r.data as T;
}

async function open(page: Page, hash = '#/'): Promise<void> {
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => window.__flowdeckEngine !== undefined);
}

async function startWaiting(page: Page, processId: string): Promise<{ instanceId: string; dueAt: number; timerKey: string }> {
  await ok(page, 'deployments.deploy', { kind: 'bpmn', name: 'timers.bpmn', source: BPMN });
  const { instanceId } = await ok<{ instanceId: string }>(page, 'instances.start', { processId });
  const state = await ok<{ timers: Record<string, { key: string; dueAt: number }> }>(page, 'instances.get', { instanceId });
  const [timer] = Object.values(state.timers);
  return { instanceId, dueAt: timer.dueAt, timerKey: timer.key };
}

const firings = (history: Array<{ type: string; elementId?: string }>, elementId: string) => history.filter((e) => e.type === 'elementCompleted' && e.elementId === elementId).length;

test('given a timer due in 3 s, when the tab is closed past its due time and opened again, then the timer fires once', async ({ context }) => {
  const first = await context.newPage();
  await open(first);
  const { instanceId, dueAt } = await startWaiting(first, 'soon');
  await first.close(); // the only tab: its engine worker ends with it

  // Wait (in the test runner, no tab open) until the timer is past due.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now()) + 500));
  const again = await context.newPage();
  await open(again);
  await expect.poll(async () => (await ok<{ status: string }>(again, 'instances.get', { instanceId })).status).toBe('completed');
  const history = await ok<Array<{ type: string; elementId?: string }>>(again, 'history.get', { instanceId });
  expect(firings(history, 'threeSeconds')).toBe(1);

  // A reload (the engine starts again on the same data) fires nothing more.
  await again.reload();
  await again.waitForFunction(() => window.__flowdeckEngine !== undefined);
  const after = await ok<Array<{ type: string; elementId?: string }>>(again, 'history.get', { instanceId });
  expect(after).toHaveLength(history.length);
});

test('given an instance waiting an hour, when its timer is fired now in the instance view, then it completes and the audit log names the local user', async ({ page }) => {
  await open(page);
  const { instanceId, timerKey } = await startWaiting(page, 'later');
  await page.goto(`/#/instances/${instanceId}`);
  const view = page.getByTestId('instance-view');
  await expect(view).toHaveAttribute('data-state', 'active');
  await view.locator(`[data-testid=instance-timer][data-timer-key="${timerKey}"]`).getByTestId('timer-fire').click();
  await expect(view).toHaveAttribute('data-state', 'completed');
  const fired = page.getByTestId('audit-row').and(page.locator('[data-action=fireTimerNow]'));
  await expect(fired).toHaveCount(1);
  await expect(fired).toHaveAttribute('data-who', 'demo'); // the default local user
  await expect(fired).toContainText(timerKey);
});

test.setTimeout(120_000);
test('given a full storage quota, when an instance is started or a timer fired, then a clear storageFull error shows, and everything stored stays readable and exportable', async ({ page }) => {
  await open(page);
  const { instanceId, timerKey } = await startWaiting(page, 'later');
  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  try {
    const refused = await call(page, 'instances.start', { processId: 'later' });
    expect(refused.error).toBe('storageFull');
    expect(refused.message).toMatch(/storage for Flowdeck is full: .* was not saved/);

    // In the instance view: the refusal is shown where it was asked, and the instance is unchanged.
    await page.goto(`/#/instances/${instanceId}`);
    const view = page.getByTestId('instance-view');
    await expect(view).toHaveAttribute('data-state', 'active');
    await view.getByTestId('timer-fire').click();
    await expect(view.getByTestId('timer-fire-error')).toHaveAttribute('data-code', 'storageFull');
    await expect(view.getByTestId('timer-fire-error')).toContainText('Everything saved before is still there');
    await expect(view).toHaveAttribute('data-state', 'active');
    await expect(page.getByTestId('storage-status')).toHaveAttribute('data-near', 'true');

    // Nothing lost: the instance, its timer and its history read back; the list holds one instance.
    const list = await ok<{ total: number }>(page, 'instances.list', {});
    expect(list.total).toBe(1);
    const state = await ok<{ timers: Record<string, unknown> }>(page, 'instances.get', { instanceId });
    expect(Object.keys(state.timers)).toEqual([timerKey]);
    const history = await ok<Array<{ type: string }>>(page, 'history.get', { instanceId });
    expect(history[0].type).toBe('instanceStarted');
    const deployed = await ok<Array<{ source?: string }>>(page, 'deployments.list', {});
    expect(deployed.length).toBeGreaterThan(0);
  } finally {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  }
  // With room again, the same action goes through.
  await page.getByTestId('timer-fire').click();
  await expect(page.getByTestId('instance-view')).toHaveAttribute('data-state', 'completed');
});
