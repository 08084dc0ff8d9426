#!/usr/bin/env node
// Modeler benchmark: import + first render of generated diagrams (100, 1,000, 5,000 elements, with
// DI) in the real BPMN editor of the built app, in Chromium. Prints the median of several runs per
// size, and ratios measured in the same page and run:
//   - editor / bare viewer: the studio's editor (Camunda 8 modeler, properties panel, lint) against
//     a bare bpmn-js Viewer importing the same XML into a canvas of the same size;
//   - per-element cost against the smallest size (1.0 = linear).
// "parse ms" is bpmn-moddle alone, the floor no bpmn-io editor can go below.
// Run: npm run bench:modeler  (builds first). Options: --runs N (default 5), --sizes 100,1000,5000,
// --out-dir DIR (a build made with `vite build --outDir DIR`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from '../tools/chromium.mjs';
import { startPreview } from './preview-server.mjs';
import { generateBpmn } from './bpmn-generator.mjs';
import { openBpmnInApp } from './open-in-app.mjs';

const PORT = 4179;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const RUNS = Number(option('runs', '5'));
const SIZES = option('sizes', '100,1000,5000').split(',').map(Number);
// A build elsewhere than dist/ (so a benchmark does not disturb e2e runs using dist/).
const OUT_DIR = option('out-dir', 'dist');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function measure(page, xml) {
  return page.evaluate(async (text) => {
    const handle = window.__flowdeckEditors.bpmn;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const timed = async (run) => {
      await frame();
      const start = performance.now();
      await run();
      // Two frames: the first lays out and paints what import created, the second shows it is on screen.
      await frame();
      await frame();
      return performance.now() - start;
    };
    const moddle = handle.modeler.get('moddle');
    const parse = await timed(() => moddle.fromXML(text, 'bpmn:Definitions'));

    // The bare bpmn-js viewer, in a container laid over the editor's canvas at the same size.
    const canvas = document.querySelector('[data-testid=bpmn-canvas]').getBoundingClientRect();
    const host = document.createElement('div');
    Object.assign(host.style, { position: 'fixed', left: `${canvas.left}px`, top: `${canvas.top}px`, width: `${canvas.width}px`, height: `${canvas.height}px`, background: '#fff', zIndex: '1000' });
    document.body.append(host);
    const viewer = await handle.createBaselineViewer(host);
    const baseline = await timed(() => viewer.importXML(text));
    viewer.destroy();
    host.remove();

    const editor = await timed(() => handle.importXML(text));
    const rendered = handle.modeler.get('elementRegistry').getAll().length;
    return { parse, baseline, editor, rendered };
  }, xml);
}

async function main() {
  const browserPath = resolveChromium();
  if (!browserPath) throw new Error('No Chromium (see src/tools/find-chromium.mjs)');
  const server = await startPreview(PORT, OUT_DIR);
  const browser = await chromium.launch({ executablePath: browserPath.path, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const dir = mkdtempSync(join(tmpdir(), 'flowdeck-bench-'));
    const seed = join(dir, 'bench-seed.bpmn');
    writeFileSync(seed, generateBpmn(10).xml);
    await openBpmnInApp(page, `http://localhost:${PORT}/`, seed);

    const results = [];
    for (const size of SIZES) {
      const { xml, shapes, connections } = generateBpmn(size);
      await measure(page, xml); // warm-up: JIT, fonts, style recalculation paths
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(page, xml));
      const pick = (key) => median(runs.map((r) => r[key]));
      results.push({ size: shapes + connections, rendered: runs[0].rendered, parse: pick('parse'), baseline: pick('baseline'), editor: pick('editor') });
    }

    const base = results[0];
    console.log(`\nBPMN import + first render in the built app (Chromium, median of ${RUNS} runs, same page)\n`);
    console.log('elements  rendered  parse ms  bare viewer ms  editor ms  editor/viewer  per-element vs ' + base.size);
    for (const r of results) {
      const perElement = r.editor / r.size / (base.editor / base.size);
      console.log(
        [
          String(r.size).padStart(8),
          String(r.rendered).padStart(8),
          r.parse.toFixed(0).padStart(8),
          r.baseline.toFixed(0).padStart(14),
          r.editor.toFixed(0).padStart(9),
          (r.editor / r.baseline).toFixed(2).padStart(13),
          perElement.toFixed(2).padStart(10),
        ].join('  '),
      );
    }
    const thousand = results.find((r) => r.size >= 1000 && r.size < 2000);
    if (thousand) {
      console.log(`\n~1,000 elements: editor ${thousand.editor.toFixed(0)} ms, bare viewer ${thousand.baseline.toFixed(0)} ms (aim: editor < 1000 ms)`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
