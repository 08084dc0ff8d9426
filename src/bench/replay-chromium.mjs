#!/usr/bin/env node
// The Chromium part of bench:replay: the built app's replay player playing 10,000 concurrent
// cases (a generated XES log imported through "Import log"). Prints the time from choosing the
// file to the first frame drawn (read and parsed in the worker, indexed, diagram drawn), frames
// per second while playing with every case on the diagram, and the page's JS heap. Last line JSON.
// Run by src/bench/replay.bench.ts (needs `vite build` first); alone: node src/bench/replay-chromium.mjs.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from '../tools/chromium.mjs';
import { startPreview } from './preview-server.mjs';

// FLOWDECK_BENCH_PORT: another checkout may be serving on the default one.
const PORT = Number(process.env.FLOWDECK_BENCH_PORT ?? 4183);
const CASES = 10_000;
const PLAY_MS = 5000;

/** The same generator as replay-log.ts, inlined: this script runs without a TypeScript loader. */
function xesText(cases) {
  const t0 = Date.UTC(2026, 0, 5, 9);
  const ev = (name, lc, t, res) => `<event><string key="concept:name" value="${name}"/><string key="lifecycle:transition" value="${lc}"/><date key="time:timestamp" value="${new Date(t).toISOString()}"/>${res ? `<string key="org:resource" value="${res}"/>` : ''}</event>`;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">\n'];
  for (let c = 0; c < cases; c++) {
    const start = t0 + (c % 60_000);
    const step = 3_600_000;
    const next = c % 3 === 0 ? 'Review' : 'Approve automatically';
    out.push(`<trace><string key="concept:name" value="case-${c}"/>`, ev('Request in', 'complete', start), ev('Enter amount', 'start', start + 1000, 'ana'),
      ev('Enter amount', 'complete', start + step + (c % 997) * 1000, 'ana'), ev(next, 'start', start + step * 1.5), ev(next, 'complete', start + step * 2.5 + (c % 991) * 1000),
      ev(c % 3 === 0 ? 'Reviewed' : 'Approved', 'complete', start + step * 2.6), '</trace>\n');
  }
  out.push('</log>\n');
  return out.join('');
}

const found = resolveChromium();
if (!found?.path) {
  console.log('no Chromium found (set CHROMIUM_PATH or apt-get install chromium): frames/s not measured');
  process.exit(1);
}
const server = await startPreview(PORT);
const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://localhost:${PORT}/`);
  await page.waitForFunction(() => Boolean(window.__flowdeckEngine), undefined, { timeout: 30_000 });
  await page.evaluate(async (source) => {
    const engine = window.__flowdeckEngine;
    await engine.ready();
    const r = await engine.call('deployments.deploy', { kind: 'bpmn', name: 'approval.bpmn', source });
    if ('error' in r) throw new Error(r.message);
  }, readFileSync('src/replay/fixtures/approval.bpmn', 'utf8'));
  await page.goto(`http://localhost:${PORT}/#/replay`);
  await page.getByTestId('replay-process').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=replay-process] option')?.getAttribute('value') === 'approval');
  // The log is made in the page and handed to the input as a File: sending 11 MiB through the
  // DevTools protocol takes tens of seconds on a loaded machine and is no part of the app. Timed
  // inside the page from the input's change event to the first frame drawn.
  const size = await page.evaluate(`(() => {
    const text = (${xesText})(${CASES});
    const input = document.querySelector('[data-testid=replay-import-input]');
    const files = new DataTransfer();
    files.items.add(new File([text], 'bench.xes', { type: 'application/xml' }));
    input.files = files.files;
    window.__benchT0 = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return text.length;
  })()`);
  const firstFrameMs = Math.round(await (await page.waitForFunction(() => (document.querySelector('[data-testid=replay-tokens]')?.hasAttribute('data-tokens') ? performance.now() - window.__benchT0 : 0), undefined, { timeout: 120_000, polling: 'raf' })).jsonValue());
  // To the middle of the log, where every case is on the diagram, then play.
  const scrubber = page.getByTestId('replay-scrubber');
  const [min, max] = await scrubber.evaluate((e) => [Number(e.min), Number(e.max)]);
  await scrubber.fill(String(min + (max - min) * 0.4));
  const tokens = Number(await page.getByTestId('replay-tokens').getAttribute('data-tokens'));
  // Baseline in the same page and run: animation frames per second with nothing to draw.
  const idleFps = await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const t0 = performance.now();
    requestAnimationFrame(function tick(t) {
      n++;
      if (t - t0 < 2000) requestAnimationFrame(tick);
      else resolve(n / ((t - t0) / 1000));
    });
  }));
  await page.getByTestId('replay-play').click();
  const framesAt = async () => Number(await page.getByTestId('replay-tokens').getAttribute('data-frames'));
  const f0 = await framesAt();
  const w0 = Date.now();
  await page.waitForTimeout(PLAY_MS);
  const f1 = await framesAt();
  const framesPerSec = (f1 - f0) / ((Date.now() - w0) / 1000);
  const heapMiB = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : null));
  console.log(`chromium: ${CASES.toLocaleString()} cases (${(size / 2 ** 20).toFixed(1)} MiB XES, ${CASES * 6} events): first frame ${firstFrameMs} ms after choosing the file`);
  console.log(`chromium: playing with ${tokens.toLocaleString()} tokens on the diagram: ${framesPerSec.toFixed(1)} frames/s (aim 30); the idle page gets ${idleFps.toFixed(1)} animation frames/s here: ${(framesPerSec / idleFps).toFixed(2)} of that`);
  if (heapMiB !== null) console.log(`chromium: page JS heap ${heapMiB.toFixed(0)} MiB`);
  console.log(JSON.stringify({ firstFrameMs, framesPerSec: Number(framesPerSec.toFixed(1)), idleFps: Number(idleFps.toFixed(1)), tokens, heapMiB: heapMiB === null ? null : Math.round(heapMiB) }));
} finally {
  await browser.close();
  server.kill();
}
