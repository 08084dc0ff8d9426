/**
 * The engine worker's admission of API calls. Calls of the same caller run side by side, so the
 * host's operation queue can let their commits share IndexedDB transactions (group commit, ADR
 * 0141/0240); a call of another caller waits until every running call has ended, so the audit
 * log, which names the worker's current caller, names the right one for each commit. An
 * exclusive call (an import of engine data, written beside the store) runs alone. Calls start in
 * arrival order: none overtakes one that waits.
 *
 * @example
 * const gate = new CallGate();
 * gate.run('ana', false, () => { actor = 'ana'; return api.call('instances.start', req) });
 */
export class CallGate {
  private running = 0;
  private who: string | undefined;
  private alone = false;
  private readonly waiting: Array<{ who: string; exclusive: boolean; start: () => void }> = [];

  /** Calls running now (for tests and diagnostics). */
  get active(): number {
    return this.running;
  }

  run<T>(who: string, exclusive: boolean, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        this.who = who;
        this.alone = exclusive;
        // The work starts now, synchronously, so `work` may set per-caller state before others run.
        let result: Promise<T>;
        try {
          result = work();
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(resolve, reject).finally(() => {
          this.running--;
          this.pump();
        });
      };
      this.waiting.push({ who, exclusive, start });
      this.pump();
    });
  }

  private admits(who: string, exclusive: boolean): boolean {
    return this.running === 0 || (!exclusive && !this.alone && who === this.who);
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.admits(this.waiting[0].who, this.waiting[0].exclusive)) {
      this.waiting.shift()?.start();
    }
  }
}
