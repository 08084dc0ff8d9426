import { useState } from 'react';
import type { ApiFailure } from '../../../api';
import type { Timer } from '../../../engine';
import { ApiErrorNote } from '../../run/ApiErrorNote';
import { callEngine } from '../../run/engine';

/** A timer the instance waits for, with "Fire now" (audited as `fireTimerNow` with the local user). */
export function TimerRow({ instanceId, timer, running }: { instanceId: string; timer: Timer; running: boolean }) {
  const [error, setError] = useState<ApiFailure>();
  const [busy, setBusy] = useState(false);
  const fire = async () => {
    setBusy(true);
    const r = await callEngine('timers.fire', { instanceId, timerKey: timer.key });
    setBusy(false);
    setError('error' in r ? r : undefined);
  };
  return (
    <li data-testid="instance-timer" data-timer-key={timer.key}>
      <span className="run-mono">{timer.elementId}</span> due {new Date(timer.dueAt).toLocaleString()}{timer.fired ? ` · fired ${timer.fired}×` : ''}
      {running && (
        <button type="button" className="button button--small" data-testid="timer-fire" disabled={busy} title="Fire this timer now, before its due time (recorded in the audit log)" onClick={() => void fire()}>
          Fire now
        </button>
      )}
      <ApiErrorNote error={error} testId="timer-fire-error" />
    </li>
  );
}
