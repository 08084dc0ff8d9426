import { expect, test, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import type { ScriptRequest } from '../src/engine/ports';
import { SANDBOX_PAGE_CONFIG } from './sandbox/page-config';

// The script sandbox built for the browser (script threads are Web Workers) and run from a Worker,
// as the engine will run it: loops that the interrupt handler cannot stop must still end within
// twice their limit. The page is test-only (e2e/sandbox), built here with the app's settings.
let server: PreviewServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await build(SANDBOX_PAGE_CONFIG);
  server = await preview(SANDBOX_PAGE_CONFIG);
});
test.afterAll(async () => {
  await server?.close();
});

function request(source: string, timeoutMs: number): ScriptRequest {
  return { elementId: 'Browser', processInstanceId: 'pi-1', language: 'javascript', source, variables: { a: 1 }, now: 0, randomSeed: 1, timeoutMs, memoryLimitBytes: 32 << 20 };
}

async function open(page: Page) {
  await page.goto(server.resolvedUrls?.local[0] ?? 'http://localhost:4175/');
  return page.evaluate(() => window.sandbox.ready);
}

async function run(page: Page, req: ScriptRequest) {
  return page.evaluate((r) => window.sandbox.run(r), req);
}

test('given a cross-origin isolated page, then the sandbox in a Worker runs scripts on script threads', async ({ page }) => {
  const status = await open(page);
  expect(status).toEqual({ isolation: 'thread', crossOriginIsolated: true, warnings: [] });
  expect(await run(page, request('execution.setVariable("b", variables.a + 1); return "ok"', 1000))).toMatchObject({ result: { ok: true, result: 'ok', setVariables: { b: 2 } } });
});

const LOOPS: Array<[string, string]> = [
  ['while (true) {}', 'while (true) {}'],
  ['an indexOf loop over a 10 MB string', 'const s = "x".repeat(1e7); let n = 0; for (let i = 0; i < 1000; i++) n += s.indexOf("y"); return n'],
];

for (const [name, source] of LOOPS) {
  test(`given ${name} with a 1000 ms limit, then it stops as a timeout within 2000 ms and the next script runs`, async ({ page }) => {
    await open(page);
    const stopped = await run(page, request(source, 1000));
    expect(stopped.result).toEqual({ ok: false, kind: 'timeout', error: 'script timed out after 1000 ms' });
    test.info().annotations.push({ type: 'elapsed', description: `${Math.round(stopped.elapsedMs)} ms for a 1000 ms limit` });
    expect(stopped.elapsedMs).toBeLessThan(2000);
    // the spare thread took over (in a browser a new Worker starts only once the host yields)
    expect(await run(page, request('return variables.a + 41', 1000))).toMatchObject({ result: { ok: true, result: 42 } });
  });
}
