import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshWorkspace } from './workspace-helpers';

// The token layer on the built app: tokens are painted as pixels of their case's colour (the
// canvas has no DOM per token), the path behind them, and the count of tokens is described.
const MODEL = readFileSync(new URL('../src/replay/fixtures/approval.bpmn', import.meta.url), 'utf8');
const LOG = readFileSync(new URL('../src/replay/fixtures/approval-log.xes', import.meta.url));

test('given an imported log scrubbed to a moment with cases on the diagram, when drawn, then the canvas has pixels of the case colours and says how many tokens', async ({ page }) => {
  await freshWorkspace(page);
  await page.evaluate(async (source) => {
    const engine = window.__flowdeckEngine as NonNullable<Window['__flowdeckEngine']>;
    await engine.ready();
    const r = await engine.call('deployments.deploy' as never, { kind: 'bpmn', name: 'approval.bpmn', source } as never);
    if ('error' in (r as object)) throw new Error((r as { message: string }).message);
  }, MODEL);
  await page.goto('/#/replay');
  await page.waitForFunction(() => document.querySelector('[data-testid=replay-process] option')?.getAttribute('value') === 'approval');
  await page.getByTestId('replay-import-input').setInputFiles({ name: 'approval-log.xes', mimeType: 'application/xml', buffer: LOG });
  await expect(page.getByTestId('replay-diagram')).toHaveAttribute('data-loaded', 'true');
  const canvas = page.getByTestId('replay-tokens');
  // Each moment until some tokens are on the diagram.
  const scrubber = page.getByTestId('replay-scrubber');
  const [min, max] = await scrubber.evaluate((e) => [Number((e as HTMLInputElement).min), Number((e as HTMLInputElement).max)]);
  let tokens = 0;
  for (let k = 1; k < 20 && tokens === 0; k++) {
    await scrubber.fill(String(min + ((max - min) * k) / 20));
    tokens = Number(await canvas.getAttribute('data-tokens'));
  }
  expect(tokens).toBeGreaterThan(0);
  // The colours of cases 0..2 (hsl(137.508·i, 75%, 45%)) as the page's canvas makes them.
  const counts = await canvas.evaluate((c) => {
    const el = c as HTMLCanvasElement;
    const probe = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    const rgb = [0, 1, 2].map((i) => {
      probe.fillStyle = `hsl(${(i * 137.508) % 360}, 75%, 45%)`;
      probe.fillRect(0, 0, 1, 1);
      return Array.from(probe.getImageData(0, 0, 1, 1).data.slice(0, 3));
    });
    const data = (el.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, el.width, el.height).data;
    const hits = [0, 0, 0];
    for (let p = 0; p < data.length; p += 4) for (let i = 0; i < 3; i++) if (data[p + 3] === 255 && Math.abs(data[p] - rgb[i][0]) + Math.abs(data[p + 1] - rgb[i][1]) + Math.abs(data[p + 2] - rgb[i][2]) <= 3) hits[i]++;
    return hits;
  });
  expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(16 * tokens);
  await expect(canvas).toHaveAttribute('aria-label', new RegExp(`^${tokens} token`));
});
