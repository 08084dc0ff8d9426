import { useState } from 'react';
import { httpOf } from '../engine';
import { loadConnection } from './connection-setting';
import { ConnectionDialog } from './ConnectionDialog';
import { useConnectionStatus } from './connection-store';
import './connection.css';

/**
 * The sidebar's line about the engine: "this browser" or the server and user, the last failure
 * the server answered (status and message; 401 asks to log in again), and the Connection dialog.
 */
export function ConnectionStatus() {
  const [open, setOpen] = useState(false);
  const c = loadConnection();
  const signedOut = useConnectionStatus((s) => s.signedOut);
  const last = useConnectionStatus((s) => s.lastFailure);
  const clear = useConnectionStatus((s) => s.clear);
  const http = last ? httpOf(last.failure) : undefined;
  return (
    <div className="connection-status" data-testid="connection-status" data-kind={c.kind} data-signed-out={signedOut || undefined}>
      <button type="button" className="run-user" data-testid="connection-button" title="Run on this browser or on a Flowdeck server" onClick={() => setOpen(true)}>
        Engine: {c.kind === 'local' ? <span data-testid="connection-label">this browser</span> : <span data-testid="connection-label">{c.url} · {c.username}</span>}
      </button>
      {c.kind === 'server' && signedOut && (
        <p className="run-error" role="alert" data-testid="connection-signed-out">
          Signed out of the server. <button type="button" className="button button--small" onClick={() => setOpen(true)}>Log in again</button>
        </p>
      )}
      {c.kind === 'server' && last && !signedOut && (
        <p className="run-error connection-failure" role="status" data-testid="connection-failure" data-status={http?.status}>
          {last.method}: {last.failure.message} <button type="button" className="button button--small" title="Dismiss" onClick={clear}>×</button>
        </p>
      )}
      {open && <ConnectionDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
