import type { EngineContext, ScriptRequest } from '../engine';

/**
 * The instance ids a model can see (a script's `execution.processInstanceId`), apart from the
 * engine's own (ADR 0174). The runner hands the engine ids of finished cases out again, so that a
 * million cases do not make a million new property names in the engine's per-instance objects
 * (`${instanceId}-async-1`, V8's costliest path in `suspend`). A script must see neither that
 * reuse nor its timing: it sees its case's id (the log's case id), and a call activity's child
 * the id its parent's step named, under its case's id.
 */
export class VisibleIds {
  private readonly byEngineId = new Map<string, string>();

  /** The live instance `engineId` is seen as `visibleId`. */
  set(engineId: string, visibleId: string): void {
    this.byEngineId.set(engineId, visibleId);
  }

  /** The instance `engineId` has gone; its id may be handed out again. */
  delete(engineId: string): void {
    this.byEngineId.delete(engineId);
  }

  get(engineId: string): string | undefined {
    return this.byEngineId.get(engineId);
  }

  /** `ctx` with a script runner that sees the visible ids (the same `ctx` when there are no scripts). */
  wrap(ctx: EngineContext): EngineContext {
    const scripts = ctx.scripts;
    if (!scripts) return ctx;
    return {
      ...ctx,
      scripts: {
        run: (request: ScriptRequest) => {
          const visible = this.byEngineId.get(request.processInstanceId);
          return scripts.run(visible === undefined ? request : { ...request, processInstanceId: visible });
        },
      },
    };
  }
}
