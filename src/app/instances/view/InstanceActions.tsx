import { useState } from 'react';
import type { ApiFailure, InstanceSummary } from '../../../api';
import { ApiErrorNote } from '../../run/ApiErrorNote';
import { callEngine } from '../../run/engine';

/** Suspend, resume and cancel, offered as the instance's state allows; the API's refusal is shown. */
export function InstanceActions({ instanceId, state }: { instanceId: string; state: InstanceSummary['state'] }) {
  const [error, setError] = useState<ApiFailure>();
  const act = async (method: 'instances.suspend' | 'instances.resume' | 'instances.cancel') => {
    if (method === 'instances.cancel' && !window.confirm(`Cancel instance ${instanceId}? Its tokens, tasks, jobs and timers end.`)) return;
    const r = await callEngine(method, { instanceId });
    setError('error' in r ? r : undefined);
  };
  const running = state === 'active' || state === 'suspended';
  return (
    <div className="run-actions">
      {state === 'active' && <button type="button" className="button" data-testid="instance-suspend" onClick={() => void act('instances.suspend')}>Suspend</button>}
      {state === 'suspended' && <button type="button" className="button" data-testid="instance-resume" onClick={() => void act('instances.resume')}>Resume</button>}
      {running && <button type="button" className="button" data-testid="instance-cancel" onClick={() => void act('instances.cancel')}>Cancel</button>}
      <ApiErrorNote error={error} testId="instance-action-error" />
    </div>
  );
}
