import { useState } from 'react';
import { parseUser, useLocalUser } from '../state/user-store';

/** Who is working: the local user's name and groups, kept across reloads. */
export function UserPicker() {
  const name = useLocalUser((s) => s.name);
  const groups = useLocalUser((s) => s.groups);
  const setUser = useLocalUser((s) => s.setUser);
  const [editing, setEditing] = useState(false);
  const [draftName, setDraftName] = useState(name);
  const [draftGroups, setDraftGroups] = useState(groups.join(', '));
  const parsed = parseUser(draftName, draftGroups);

  if (!editing) {
    return (
      <button type="button" className="run-user" data-testid="user-button" title="Change the local user" onClick={() => (setDraftName(name), setDraftGroups(groups.join(', ')), setEditing(true))}>
        <span data-testid="user-name">{name}</span>{groups.length > 0 && <span className="run-muted"> · {groups.join(', ')}</span>}
      </button>
    );
  }
  return (
    <form className="run-user-form" data-testid="user-form" onSubmit={(e) => {
      e.preventDefault();
      if (parsed) {
        setUser(parsed);
        setEditing(false);
      }
    }}>
      <label>Name <input data-testid="user-name-input" value={draftName} onChange={(e) => setDraftName(e.target.value)} autoFocus /></label>
      <label>Groups <input data-testid="user-groups-input" value={draftGroups} onChange={(e) => setDraftGroups(e.target.value)} placeholder="sales, clerks" /></label>
      {!parsed && <p className="run-error">A name is needed.</p>}
      <button type="submit" className="button button--small button--primary" data-testid="user-save" disabled={!parsed}>Use</button>
      <button type="button" className="button button--small" onClick={() => setEditing(false)}>Cancel</button>
    </form>
  );
}
