import { useLiveQuery } from 'dexie-react-hooks';
import { listAudit } from '../../../store';
import { db } from '../../workspace/db';

const LABELS: Record<string, string> = {
  fireTimerNow: 'fired a timer now', start: 'started it', completeUserTask: 'completed a task', assignUserTask: 'assigned a task', completeJob: 'completed a job',
  failJob: 'failed a job', throwError: 'threw a BPMN error', cancel: 'canceled it', suspend: 'suspended it', resume: 'resumed it', setVariables: 'set variables', resolveIncident: 'retried an incident',
};

/** Who did what to this instance, newest first (the audit log, read live from IndexedDB). */
export function AuditPanel({ instanceId }: { instanceId: string }) {
  const rows = useLiveQuery(() => listAudit(db, { instanceId, limit: 50 }), [instanceId]);
  return (
    <section className="run-panel" data-testid="audit-panel">
      <h2>Audit log</h2>
      {rows === undefined ? null : rows.length === 0 ? <p className="run-muted">No user actions recorded.</p> : (
        <ol>
          {rows.map((r) => (
            <li key={r.id} data-testid="audit-row" data-action={r.action} data-who={r.who}>
              <span className="run-muted">{new Date(r.at).toLocaleString()}</span> <strong>{r.who}</strong> {LABELS[r.action] ?? r.action}
              {typeof r.details?.timerKey === 'string' && <span className="run-mono"> {r.details.timerKey}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
