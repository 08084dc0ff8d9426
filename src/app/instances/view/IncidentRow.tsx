import { useState } from 'react';
import type { ApiFailure } from '../../../api';
import type { Incident } from '../../../engine';
import { ApiErrorNote } from '../../run/ApiErrorNote';
import { callEngine } from '../../run/engine';

/** An open incident with Retry (a job incident gets one retry back). */
export function IncidentRow({ instanceId, incident }: { instanceId: string; incident: Incident }) {
  const [error, setError] = useState<ApiFailure>();
  const [note, setNote] = useState<string>();
  const retry = async () => {
    const r = await callEngine('incidents.retry', { instanceId, incidentId: incident.id });
    if ('error' in r) setError(r);
    else {
      setError(undefined);
      setNote(r.message);
    }
  };
  return (
    <div className="run-incident" data-testid="incident" data-incident-id={incident.id} data-element-id={incident.elementId}>
      <span className="run-badge run-badge--error">{incident.type}</span> <span className="run-mono">{incident.elementId}</span>: {incident.message}
      <button type="button" className="button button--small" data-testid="incident-retry" onClick={() => void retry()}>Retry</button>
      {note && <span className="run-muted"> {note}</span>}
      <ApiErrorNote error={error} />
    </div>
  );
}
