import type { ExecutableProcess } from './model/types';

/**
 * Process id -> versions 1, 2, 3... Instances keep the version they started with, so every
 * version stays resolvable. Pure and in memory; the host persists the XML and re-deploys it.
 *
 * @example
 * const deployments = new Deployments();
 * const [v1] = deployments.deploy(processes);   // v1.version === 1
 * deployments.get('order', 1) === v1;
 */
export class Deployments {
  private readonly versions = new Map<string, ExecutableProcess[]>();

  /**
   * Registers each process as the next version of its id (or as `version`, when the host restores
   * a stored deployment). Sets `process.version` and returns the processes in order.
   */
  deploy(processes: Iterable<ExecutableProcess>, version?: number): ExecutableProcess[] {
    const out: ExecutableProcess[] = [];
    for (const process of processes) {
      const list = this.versions.get(process.id) ?? [];
      const next = version ?? (list.length > 0 ? list[list.length - 1].version + 1 : 1);
      if (list.some((p) => p.version === next)) throw new Error(`${process.id} version ${next} is already deployed`);
      process.version = next;
      list.push(process);
      list.sort((a, b) => a.version - b.version);
      this.versions.set(process.id, list);
      out.push(process);
    }
    return out;
  }

  /** A given version, or the latest when `version` is omitted. */
  get(processId: string, version?: number): ExecutableProcess | undefined {
    const list = this.versions.get(processId);
    if (!list) return undefined;
    return version === undefined ? list[list.length - 1] : list.find((p) => p.version === version);
  }

  latestVersion(processId: string): number {
    return this.get(processId)?.version ?? 0;
  }

  processIds(): string[] {
    return [...this.versions.keys()];
  }
}
