// bench:replay — parse and index a generated 1,000,000-event XES log (events/s), time to the
// first frame, memory; then the Chromium part (src/bench/replay-chromium.mjs): frames per second
// playing 10,000 concurrent cases in the built app. Baseline in the same run: saxes alone with
// empty handlers on the same bytes (the floor any saxes-based reader has).
// firstFrameMs and framesPerSec in the JSON are the Chromium figures (null when no Chromium).
// The reader and the floor run twice, alternating (best of each kept: the machine is shared), and
// the saxes-based reference reader (src/replay/test-support/xes-saxes.ts) once, as "was".
// Run: npm run bench:replay [-- --events N] (builds first; --no-browser skips the Chromium part).
import { spawnSync } from 'node:child_process';
import { SaxesParser } from 'saxes';
import { buildIndex, Player, XesReader } from '../replay';
import { readXesWithSaxes } from '../replay/test-support/xes-saxes';
import { EVENTS_PER_CASE, xesChunks } from './replay-log';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const EVENTS = Number(opt('events', '1000000'));
const cases = Math.ceil(EVENTS / EVENTS_PER_CASE);
const gc = (globalThis as { gc?: () => void }).gc;

const encoder = new TextEncoder();
const chunks = [...xesChunks(cases)].map((s) => encoder.encode(s));
const bytes = chunks.reduce((n, c) => n + c.length, 0);
console.log(`generated ${cases.toLocaleString()} cases, ${(cases * EVENTS_PER_CASE).toLocaleString()} events, ${(bytes / 2 ** 20).toFixed(0)} MiB of XES`);

function floor(): number {
  const t = performance.now();
  const p = new SaxesParser();
  p.on('opentag', () => undefined);
  p.on('closetag', () => undefined);
  const dec = new TextDecoder();
  for (const c of chunks) p.write(dec.decode(c, { stream: true }));
  p.close();
  return performance.now() - t;
}

gc?.();
const before = process.memoryUsage();
const t0 = performance.now();
const reader = new XesReader('bench.xes');
for (const c of chunks) reader.write(c);
const log = reader.end();
let parseMs = performance.now() - t0;
const t1 = performance.now();
const index = buildIndex(log);
const indexMs = performance.now() - t1;
const t2 = performance.now();
const player = new Player(index);
const frame = player.seek((index.start + index.end) / 2);
const firstFrameNodeMs = performance.now() - t2;
gc?.();
const after = process.memoryUsage();
const memoryMiB = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20;
function parseAgain(): number {
  const t = performance.now();
  const r = new XesReader('bench.xes');
  for (const c of chunks) r.write(c);
  r.end();
  return performance.now() - t;
}
const floorMs = Math.min(floor(), (() => {
  const again = parseAgain();
  if (again < parseMs) parseMs = again;
  return floor();
})());
const ts = performance.now();
readXesWithSaxes(chunks, 'bench.xes');
const saxesReaderMs = performance.now() - ts;

const eventsPerSec = log.size / ((parseMs + indexMs) / 1000);
console.log(`XES parse      ${parseMs.toFixed(0)} ms  (${Math.round(log.size / (parseMs / 1000)).toLocaleString()} events/s, ${(bytes / 2 ** 20 / (parseMs / 1000)).toFixed(0)} MiB/s)`);
console.log(`saxes floor    ${floorMs.toFixed(0)} ms  (empty handlers, same bytes): the reader takes ${(parseMs / floorMs).toFixed(2)}x the bare tokenizer (best of 2 each, alternating)`);
console.log(`saxes reader   ${saxesReaderMs.toFixed(0)} ms  (${Math.round(log.size / (saxesReaderMs / 1000)).toLocaleString()} events/s; the same XES meaning on saxes): the scanner's reader is ${(saxesReaderMs / parseMs).toFixed(2)}x its speed`);
console.log(`index          ${indexMs.toFixed(0)} ms  (${index.segCount.toLocaleString()} segments)`);
console.log(`parse + index  ${Math.round(eventsPerSec).toLocaleString()} events/s (aim 500,000); with the saxes-based reader ${Math.round(log.size / ((saxesReaderMs + indexMs) / 1000)).toLocaleString()} events/s (same index)`);
console.log(`first frame    ${firstFrameNodeMs.toFixed(1)} ms in Node (seek to the middle: ${frame.tokens.toLocaleString()} tokens)`);
console.log(`memory         ${memoryMiB.toFixed(0)} MiB for the log and its index${gc ? '' : ' (no --expose-gc: includes garbage)'}`);

let framesPerSec: number | null = null;
let firstFrameMs: number | null = null;
if (!args.includes('--no-browser')) {
  const r = spawnSync(process.execPath, ['src/bench/replay-chromium.mjs'], { encoding: 'utf8', timeout: 180_000 });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const figures = JSON.parse(last) as { framesPerSec: number; firstFrameMs: number };
    framesPerSec = figures.framesPerSec;
    firstFrameMs = figures.firstFrameMs;
  } catch {
    console.log(`the Chromium part gave no figures (exit ${r.status}): frames/s not measured`);
  }
}
console.log('figures are noisy: 2 cores shared by several engineers');
console.log(JSON.stringify({ xesEventsPerSec: Math.round(eventsPerSec), firstFrameMs, framesPerSec, memoryMiB: Math.round(memoryMiB) }));
