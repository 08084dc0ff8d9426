import { useState } from 'react';
import { saveVersionAction } from '../workspace/actions';
import { DialogActions, FieldError } from './FormParts';
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
        <FieldError message={error} />
        <DialogActions onCancel={onClose} confirmLabel="Save version" disabled={busy} />
      </form>
    </Modal>
  );
}
