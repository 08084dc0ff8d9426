import type { DecisionEvaluator, Logger } from '../engine';
import { CountingIds, ManualClock, SeededRandom } from '../host/clocks';
import { DmnDecisions } from '../host/dmn-decisions';
import { EngineHost, type DeployableDecisions } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { MemoryStore } from '../host/memory-store';
import { createNodeScriptRunner } from '../host/scripts/node-script-threads';
import type { QuickJsScriptRunner } from '../host/scripts/quickjs-runner';

/** One script runner (its script threads) per CLI process: starting it is the slowest part of starting up. */
let scripts: Promise<QuickJsScriptRunner> | undefined;

/** A fresh host for one run: memory store, virtual clock, ids counting from 1, seeded randomness. */
export interface CliHost {
  host: EngineHost;
  clock: ManualClock;
}

/**
 * Builds the host every CLI run uses. The clock is virtual and starts at `start` (default: the real
 * time now); it only moves when a step moves it, so a run is reproducible and never sleeps.
 *
 * @example
 * const { host, clock } = await createCliHost({ start: Date.parse('2026-04-27T09:00:00Z') });
 * await host.timers.advance(3_600_000); // fires what falls due in the next hour, in order
 */
export async function createCliHost(options: { start?: number; logger?: Logger; decisions?: DecisionEvaluator | DeployableDecisions } = {}): Promise<CliHost> {
  const clock = new ManualClock(options.start ?? Date.now());
  const host = new EngineHost({
    store: new MemoryStore(),
    clock,
    ids: new CountingIds(),
    random: new SeededRandom(1),
    expressions: new FeelExpressions(),
    scripts: await (scripts ??= createNodeScriptRunner({ logger: options.logger })),
    decisions: options.decisions ?? new DmnDecisions(),
    logger: options.logger,
  });
  return { host, clock };
}
