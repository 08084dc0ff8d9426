import { useState } from 'react';
import type { FileKind } from '../../store';
import { createFileAction } from '../workspace/actions';
import { DialogActions, FieldError } from './FormParts';
import { Modal } from './Modal';

const KINDS: Array<{ kind: FileKind; label: string; hint: string; defaultName: string }> = [
  { kind: 'bpmn', label: 'BPMN process', hint: 'A process diagram', defaultName: 'New process' },
  { kind: 'dmn', label: 'DMN decision', hint: 'A decision table (DMN 1.3)', defaultName: 'New decision' },
  { kind: 'form', label: 'Form', hint: 'A user task form', defaultName: 'New form' },
];

/** New file: pick the kind and a name; the file starts from a minimal valid template. */
export function NewFileDialog({ projectId, kind: initialKind, onClose }: { projectId: string; kind: FileKind; onClose(): void }) {
  const [kind, setKind] = useState(initialKind);
  const defaultOf = (k: FileKind) => KINDS.find((x) => x.kind === k)!.defaultName;
  const [name, setName] = useState(defaultOf(initialKind));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const choose = (k: FileKind) => {
    // Follow the kind while the user has not typed a name of their own.
    if (KINDS.some((x) => x.defaultName === name)) setName(defaultOf(k));
    setKind(k);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const problem = await createFileAction(projectId, kind, name);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <Modal title="New file" type="newFile" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="form">
        <fieldset className="kind-choice">
          <legend>Kind</legend>
          {KINDS.map((k) => (
            <label key={k.kind} className={`kind-option ${kind === k.kind ? 'is-selected' : ''}`} data-testid={`new-file-kind-${k.kind}`}>
              <input type="radio" name="kind" value={k.kind} checked={kind === k.kind} onChange={() => choose(k.kind)} />
              <span className={`kind-badge kind-badge--${k.kind}`}>{k.kind.toUpperCase()}</span>
              <span>
                <strong>{k.label}</strong>
                <small>{k.hint}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>File name</span>
          <input
            autoFocus
            data-testid="dialog-name-input"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(undefined);
            }}
            onFocus={(e) => e.target.select()}
          />
        </label>
        <FieldError message={error} />
        <DialogActions onCancel={onClose} confirmLabel="Create" disabled={busy || !name.trim()} />
      </form>
    </Modal>
  );
}
