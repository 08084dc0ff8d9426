import type { EventLog } from '../../replay';
import { LogBuilder } from '../../replay/model';
import type { LogEntry } from '../../simulation';
import { formatRoute } from '../routing/routes';

/** A source another view hands to the player (a simulation run): its log and the diagram to draw it on. */
export interface HandedSource {
  log: EventLog;
  xml: string;
  title: string;
}

let pending: HandedSource | null = null;

/**
 * Opens the player on a source made elsewhere, without a file in between: kept here until the
 * replay view takes it (`#/replay`).
 *
 * @example
 * openInReplay({ log, xml, title: 'claims-baseline' });
 */
export function openInReplay(source: HandedSource): void {
  pending = source;
  window.location.hash = formatRoute({ name: 'replay' });
}

/**
 * The source handed over, if any; it stays until {@link releaseHandedSource}. A render may be
 * thrown away before it commits (StrictMode renders twice; a tree that suspends on a lazy chunk
 * while mounting is rendered again from scratch, later), so only the committed view releases it.
 */
export function peekHandedSource(): HandedSource | null {
  return pending;
}

/** Called once the view that took `source` has committed (an effect): the next visit starts empty. */
export function releaseHandedSource(source: HandedSource): void {
  if (pending === source) pending = null;
}

/**
 * A simulation run's log as the player's log: per task a `start` and a `complete` (and an
 * `assign` at its enable time when it waited), as the simulator's XES export has them, so a run
 * replays the same whether handed over or exported and imported.
 */
export function simulationSource(entries: readonly LogEntry[], xml: string, title: string): HandedSource {
  const b = new LogBuilder('xes');
  b.name = title;
  for (const { caseId, activity, enableTime, startTime, endTime, resource } of entries) {
    if (startTime > enableTime) b.add(caseId, activity, 'assign', enableTime, resource);
    b.add(caseId, activity, 'start', startTime, resource);
    b.add(caseId, activity, 'complete', endTime, resource);
  }
  return { log: b.finish(), xml, title };
}
