import type { SimulationProgress } from './protocol';
import { duration, round } from './format';

/** The progress of a run: instances done, simulated time reached, replication, partial figures; cancel. */
export function RunPanel({ progress, startedAt, onCancel }: { progress: SimulationProgress | null; startedAt: number; onCancel(): void }) {
  const expected = progress?.expectedInstances ?? null;
  const total = expected !== null && progress ? expected * progress.replications : null;
  const done = progress ? (expected ?? 0) * (progress.replication - 1) + progress.started : 0;
  const elapsed = progress ? (progress.now - startedAt) / 1000 : 0;
  return (
    <section className="sim-progress" aria-live="polite" data-testid="sim-progress">
      <progress max={total ?? undefined} value={total ? done : undefined} data-testid="sim-progress-bar" />
      <span>
        {progress
          ? <>replication {progress.replication} of {progress.replications}: <strong data-testid="sim-progress-instances">{progress.started}</strong>{expected !== null ? ` of ${expected}` : ''} instances started, {progress.completed} completed, simulated time reached +{duration(elapsed)}</>
          : 'Starting the simulation…'}
      </span>
      {progress && progress.completed > 0 && <span className="muted" data-testid="sim-partial">So far: mean cycle time {duration(progress.cycleTimeMean)} over {round(progress.completed)} instances.</span>}
      <button type="button" className="button button--danger" onClick={onCancel} data-testid="sim-cancel">Cancel</button>
    </section>
  );
}
