import type { InstanceState } from '../../../engine';
import { formatRoute } from '../../routing/routes';
import { IncidentRow } from './IncidentRow';
import { JobRow } from './JobRow';
import { TimerRow } from './TimerRow';

/** What the instance waits on: user tasks, external jobs (workable by hand), timers, subscriptions, and its open incidents. */
export function WaitsPanel({ state }: { state: InstanceState }) {
  const tasks = Object.values(state.tasks);
  const jobs = Object.values(state.jobs);
  const timers = Object.values(state.timers);
  const subs = Object.values(state.subscriptions);
  const incidents = Object.values(state.incidents);
  const running = state.status === 'active';
  return (
    <section className="run-panel" data-testid="waits-panel">
      <h2>Incidents</h2>
      {incidents.length === 0 ? <p className="run-muted" data-testid="incidents-empty">No open incidents.</p> : incidents.map((i) => <IncidentRow key={i.id} instanceId={state.instanceId} incident={i} />)}
      <h2>User tasks</h2>
      {tasks.length === 0 ? <p className="run-muted">None open.</p> : (
        <ul>
          {tasks.map((t) => (
            <li key={t.id} data-testid="instance-task" data-task-id={t.id}>
              <a href={`${formatRoute({ name: 'tasks' })}?task=${encodeURIComponent(t.id)}`}>{t.name ?? t.elementId}</a>
              <span className="run-muted"> · {t.assignee ? `assigned to ${t.assignee}` : 'unassigned'}{t.candidateGroups.length ? ` · groups ${t.candidateGroups.join(', ')}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>Jobs</h2>
      {jobs.length === 0 ? <p className="run-muted">None open.</p> : jobs.map((j) => <JobRow key={j.key} job={j} running={running && !state.suspended} />)}
      <h2>Timers</h2>
      {timers.length === 0 ? <p className="run-muted">None.</p> : (
        <ul>{timers.map((t) => <TimerRow key={t.key} instanceId={state.instanceId} timer={t} running={running && !state.suspended} />)}</ul>
      )}
      <h2>Subscriptions</h2>
      {subs.length === 0 ? <p className="run-muted">None.</p> : (
        <ul>{subs.map((s) => <li key={s.key} data-testid="instance-subscription">{s.kind} <strong>{s.name}</strong>{s.correlationKey !== null ? ` · key ${s.correlationKey}` : ''} · <span className="run-mono">{s.elementId}</span></li>)}</ul>
      )}
    </section>
  );
}
