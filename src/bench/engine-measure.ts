/** Timing helpers for the engine benchmark: run a body repeatedly for a time budget, report rates. */

export interface Rate {
  name: string;
  instances: number;
  elements: number;
  ms: number;
  instancesPerSecond: number;
  elementsPerSecond: number;
}

/**
 * Runs `once` (one process instance; it returns how many elements it executed) for `warmupMs`
 * untimed, then for at least `budgetMs` and `minRuns` runs, and returns the rates.
 */
export async function measure(name: string, once: () => Promise<number> | number, budgetMs: number, options: { warmupMs?: number; minRuns?: number } = {}): Promise<Rate> {
  const warmupEnd = performance.now() + (options.warmupMs ?? Math.min(500, budgetMs / 4));
  while (performance.now() < warmupEnd) await once();
  const minRuns = options.minRuns ?? 3;
  let instances = 0;
  let elements = 0;
  const start = performance.now();
  let now = start;
  while (now - start < budgetMs || instances < minRuns) {
    elements += await once();
    instances++;
    now = performance.now();
  }
  const ms = now - start;
  return { name, instances, elements, ms, instancesPerSecond: (instances * 1000) / ms, elementsPerSecond: (elements * 1000) / ms };
}

export function formatRate(r: Rate): string {
  const n = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
  return `${r.name.padEnd(58)} ${n(r.instancesPerSecond).padStart(10)} inst/s ${n(r.elementsPerSecond).padStart(12)} elem/s  (${r.instances} runs, ${Math.round(r.ms)} ms)`;
}
