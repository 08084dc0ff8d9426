import { useState } from 'react';
import { saveVersionAction } from '../workspace/actions';
import { Modal } from './Modal';

/** Ctrl/Cmd+S: the file is saved right away; the note names the version (optional). */
export function SaveVersionDialog({ fileId, onClose }: { fileId: string; onClose(): void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const problem = await saveVersionAction(fileId, note);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <Modal title="Save a version" type="saveVersion" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="form">
        <p className="muted">Your changes are saved automatically. A version is a named snapshot you can return to.</p>
        <label className="field">
          <span>What changed?</span>
          <input autoFocus data-testid="version-note-input" placeholder="e.g. Approved by finance" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </label>
        {error && (
          <p className="field-error" role="alert" data-testid="dialog-error">
            {error}
          </p>
        )}
        <div className="modal__footer">
          <button type="button" className="button" data-testid="dialog-cancel" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" data-testid="dialog-confirm" disabled={busy}>
            Save version
          </button>
        </div>
      </form>
    </Modal>
  );
}
