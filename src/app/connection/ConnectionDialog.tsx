import { useState } from 'react';
import { HttpEngineClient } from '../engine';
import { FieldError } from '../dialogs/FormParts';
import { Modal } from '../dialogs/Modal';
import { loadConnection, normalizeServerUrl, saveConnection, type Connection } from './connection-setting';

/**
 * Chooses the engine: "This browser" (the tab's own worker) or a Flowdeck server (URL + login).
 * Connecting logs in first and shows the server's refusal (wrong password, unreachable, CORS)
 * without changing anything; a good login is kept for this browser and the studio reloads on it.
 */
export function ConnectionDialog({ onClose, apply = () => location.reload() }: { onClose(): void; apply?: () => void }) {
  const current = loadConnection();
  const [kind, setKind] = useState<Connection['kind']>(current.kind);
  const [url, setUrl] = useState(current.kind === 'server' ? current.url : 'http://localhost:8080');
  const [username, setUsername] = useState(current.kind === 'server' ? current.username : '');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setProblem(undefined);
    if (kind === 'local') {
      saveConnection({ kind: 'local' });
      apply();
      return;
    }
    const u = normalizeServerUrl(url);
    if ('problem' in u) return setProblem(u.problem);
    if (username.trim() === '' || password === '') return setProblem('A user name and a password are needed.');
    setBusy(true);
    const tokens = await HttpEngineClient.login(u.url, username.trim(), password);
    setBusy(false);
    if ('error' in tokens) return setProblem(tokens.message);
    saveConnection({ kind: 'server', url: u.url, username: username.trim(), tokens });
    apply();
  };

  return (
    <Modal title="Connection" type="connection" onClose={onClose}>
      <form
        data-testid="connection-form"
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="connection-kinds">
          <legend>Run processes on</legend>
          <label><input type="radio" name="connection-kind" data-testid="connection-local" checked={kind === 'local'} onChange={() => setKind('local')} /> This browser (its own engine, offline)</label>
          <label><input type="radio" name="connection-kind" data-testid="connection-server" checked={kind === 'server'} onChange={() => setKind('server')} /> A Flowdeck server</label>
        </fieldset>
        {kind === 'server' && (
          <div className="connection-fields">
            <label>Server URL <input data-testid="connection-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://localhost:8080" autoFocus /></label>
            <label>User name <input data-testid="connection-username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" /></label>
            <label>Password <input data-testid="connection-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" /></label>
            <p className="run-muted">The server must allow this studio's origin ({location.origin}) in FLOWDECK_CORS_ORIGINS. The login is kept in this browser until you sign out or switch back.</p>
          </div>
        )}
        <FieldError message={problem} />
        <div className="modal__footer">
          <button type="button" className="button" data-testid="dialog-cancel" onClick={onClose}>Cancel</button>
          <button type="submit" className="button button--primary" data-testid="connection-connect" disabled={busy}>
            {busy ? 'Connecting…' : kind === 'server' ? 'Log in and connect' : 'Use this browser'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
