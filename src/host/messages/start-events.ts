import type { Deployments, EventDef, ExecutableProcess, Logger, ValueSource } from '../../engine';

/** A message or signal start event of the latest version of a process. */
export interface StartEventRef {
  process: ExecutableProcess;
  elementId: string;
  name: string;
}

/**
 * The message and signal start events of the latest version of every deployed process, by name:
 * deploying a new version replaces the old version's (and a version without them removes them),
 * as Zeebe does. A name given as an expression is evaluated without variables when the version
 * is first seen (Zeebe evaluates it at deploy). Rebuilt when the deployments change.
 */
export class StartEventIndex {
  private signature = -1;
  private readonly messages = new Map<string, StartEventRef[]>();
  private readonly signals = new Map<string, StartEventRef[]>();
  private readonly messageNamesOf = new Map<string, StartEventRef[]>();

  constructor(
    private readonly deployments: Deployments,
    private readonly logger: Logger | undefined,
  ) {}

  /** One start event per process (the first in the model) for a message name. */
  messageStarts(name: string, now: number): StartEventRef[] {
    this.refresh(now);
    return this.messages.get(name) ?? [];
  }

  signalStarts(name: string, now: number): StartEventRef[] {
    this.refresh(now);
    return this.signals.get(name) ?? [];
  }

  /** The message start events of the latest version of `processId`. */
  messageStartsOf(processId: string, now: number): StartEventRef[] {
    this.refresh(now);
    return this.messageNamesOf.get(processId) ?? [];
  }

  private refresh(now: number): void {
    // Every deployment adds a process id or raises a latest version: the sum only grows.
    const ids = this.deployments.processIds();
    let signature = ids.length;
    for (const id of ids) signature += this.deployments.latestVersion(id);
    if (signature === this.signature) return;
    this.signature = signature;
    this.messages.clear();
    this.signals.clear();
    this.messageNamesOf.clear();
    for (const id of ids) {
      const process = this.deployments.get(id) as ExecutableProcess;
      const seen = new Set<string>();
      for (const node of process.startEvents) {
        for (const def of node.events) {
          if (def.kind !== 'message' && def.kind !== 'signal') continue;
          const name = this.nameOf(process, node.id, def, now);
          if (name === null || seen.has(`${def.kind}:${name}`)) continue;
          seen.add(`${def.kind}:${name}`);
          const ref = { process, elementId: node.id, name };
          add(def.kind === 'message' ? this.messages : this.signals, name, ref);
          if (def.kind === 'message') add(this.messageNamesOf, process.id, ref);
        }
      }
    }
  }

  private nameOf(process: ExecutableProcess, elementId: string, def: EventDef, now: number): string | null {
    const source = (def.data as { name?: ValueSource } | undefined)?.name;
    if (!source) return null;
    if (source.kind === 'static') return source.value;
    const { value } = source.expr.compiled.evaluate({}, now);
    if (typeof value === 'string' && value !== '') return value;
    this.logger?.warn(`${process.id}/${elementId}: the ${def.kind} name '${source.expr.source}' evaluated to ${JSON.stringify(value ?? null)} without variables; the start event cannot be triggered`);
    return null;
  }
}

function add(map: Map<string, StartEventRef[]>, key: string, ref: StartEventRef): void {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
}
