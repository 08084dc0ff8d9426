import { CountingIds, ManualClock, SeededRandom } from '../host/clocks';
import { EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { MemoryStore } from '../host/memory-store';

const TIMER_WAIT = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Bench" targetNamespace="http://flowdeck.dev/bench">
<bpmn:process id="timerWait" isExecutable="true">
<bpmn:startEvent id="Start" />
<bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Wait" />
<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
<bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="End" />
<bpmn:endEvent id="End" />
</bpmn:process>
</bpmn:definitions>`;

export interface TimerRun {
  instances: number;
  scheduleSeconds: number;
  fireSeconds: number;
}

/**
 * `instances` instances each waiting on a one-hour timer, through a real EngineHost on a virtual
 * clock: the time to start them all (each schedules its timer) and the time for one `advance` to
 * fire every timer (each firing is its own operation and commit, as on a real host).
 */
export async function timersRun(instances: number): Promise<TimerRun> {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const host = new EngineHost({ store: new MemoryStore(), clock, ids: new CountingIds(), random: new SeededRandom(1), expressions: new FeelExpressions() });
  await host.deploy(TIMER_WAIT);
  // Spread the starts over a minute so the due times differ, as they would in life.
  const t0 = performance.now();
  for (let i = 0; i < instances; i++) {
    if (i % 1000 === 0) clock.advance(600);
    await host.startInstance('timerWait');
  }
  const scheduleSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const fired = await host.timers.advance(2 * 3600_000);
  const fireSeconds = (performance.now() - t1) / 1000;
  if (fired !== instances) throw new Error(`fired ${fired} of ${instances} timers`);
  const open = await host.listInstances({ status: 'active' });
  if (open.length !== 0) throw new Error(`${open.length} instances still wait`);
  return { instances, scheduleSeconds, fireSeconds };
}
