import { compileDeployment, Deployments, parseBpmn, start } from '../engine';
import type { EngineContext } from '../engine';
import { CountingIds, ManualClock, SeededRandom } from '../host/clocks';
import { EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { MemoryStore } from '../host/memory-store';

/** What the host costs over the bare step: per-instance times of both, measured in alternating batches. */
export interface Overhead {
  hostPerSecond: number;
  stepPerSecond: number;
  /** Median over the pairs of host time / step time per instance. */
  hostOverStep: number;
}

/**
 * Starts `batch` instances of `processId` through a real EngineHost (MemoryStore, virtual clock),
 * then `batch` through the bare step, alternately, `pairs` times (after a warm-up), and reports the
 * median ratio: a burst of load elsewhere on the machine hits both sides of a pair alike.
 */
export async function measureHostOverStep(xml: string, processId: string, variables: Record<string, unknown>, pairs = 15, batch = 2000): Promise<Overhead> {
  const expressions = new FeelExpressions();
  const { definitions } = await parseBpmn(xml);
  const { processes, errors } = compileDeployment(definitions, { expressions });
  if (errors.length) throw new Error(JSON.stringify(errors));
  const deployments = new Deployments();
  deployments.deploy(processes.values());
  const process = deployments.get(processId);
  if (!process) throw new Error(`no ${processId}`);
  const ctx: EngineContext = { clock: new ManualClock(0) };
  let n = 0;
  const stepBatch = () => {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) {
      const { state } = start(process, { variables, instanceId: `i${n++}`, seed: n, now: 0 }, ctx);
      if (state.status !== 'completed') throw new Error(`${processId} did not complete`);
    }
    return performance.now() - t0;
  };
  const hostBatch = async () => {
    // A fresh store per batch keeps memory flat; deploying is outside the timed part.
    const host = new EngineHost({ store: new MemoryStore(), clock: new ManualClock(0), ids: new CountingIds(), random: new SeededRandom(1), expressions });
    await host.deploy(xml);
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) {
      const state = await host.startInstance(processId, { variables });
      if (state.status !== 'completed') throw new Error(`${processId} did not complete`);
    }
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) {
    stepBatch();
    await hostBatch();
  }
  const ratios: number[] = [];
  let hostMs = 0;
  let stepMs = 0;
  for (let i = 0; i < pairs; i++) {
    const s = stepBatch();
    const h = await hostBatch();
    stepMs += s;
    hostMs += h;
    ratios.push(h / s);
  }
  ratios.sort((a, b) => a - b);
  return {
    hostPerSecond: (pairs * batch * 1000) / hostMs,
    stepPerSecond: (pairs * batch * 1000) / stepMs,
    hostOverStep: ratios[Math.floor(ratios.length / 2)],
  };
}
