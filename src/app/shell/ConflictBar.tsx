import { useState } from 'react';
import type { FileSession, SessionSnapshot } from '../workspace/session/file-session';

/**
 * Shown when this tab's edits are based on a revision that someone else replaced. Nothing is
 * saved until the user chooses: take the stored version, or explicitly overwrite it with theirs.
 */
export function ConflictBar({ session, snapshot }: { session: FileSession; snapshot: SessionSnapshot }) {
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="banner banner--warning conflict-bar" role="alert" data-testid="conflict-bar">
      <div>
        <strong>This file was changed in another tab or window.</strong> Your edits were not saved (yours are based on revision {snapshot.baseRevision}, the stored one
        is revision {snapshot.theirRevision ?? '?'}).
      </div>
      <div className="banner__actions">
        <button type="button" className="button" disabled={busy} data-testid="conflict-reload" onClick={() => void act(() => session.reloadTheirs())}>
          Discard mine, load theirs
        </button>
        <button type="button" className="button button--danger" disabled={busy} data-testid="conflict-overwrite" onClick={() => void act(() => session.overwrite())}>
          Overwrite with mine
        </button>
      </div>
    </div>
  );
}
