import { useState } from 'react';
import { DialogActions, FieldError } from './FormParts';
import { Modal } from './Modal';

interface NameDialogProps {
  type: string;
  title: string;
  label: string;
  initial: string;
  confirmLabel: string;
  onClose(): void;
  /** Returns an error message to show, or undefined when done. */
  onSubmit(name: string): Promise<string | undefined>;
}

/** Asks for a name (new project, new file, rename); shows the store's refusal inline. */
export function NameDialog({ type, title, label, initial, confirmLabel, onClose, onSubmit }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const problem = await onSubmit(name);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <Modal title={title} type={type} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="form">
        <label className="field">
          <span>{label}</span>
          <input
            autoFocus
            data-testid="dialog-name-input"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(undefined);
            }}
            onFocus={(e) => e.target.select()}
            aria-invalid={!!error}
            aria-describedby={error ? 'name-error' : undefined}
          />
        </label>
        <FieldError id="name-error" message={error} />
        <DialogActions onCancel={onClose} confirmLabel={confirmLabel} disabled={busy || !name.trim()} />
      </form>
    </Modal>
  );
}
