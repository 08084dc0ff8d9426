/** The parts every form dialog shares, with the test ids the e2e specs use. */

/** The error under a field, announced to screen readers. Renders nothing without a message. */
export function FieldError({ message, id }: { message: string | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert" data-testid="dialog-error">
      {message}
    </p>
  );
}

/** Cancel and submit buttons at the foot of a form dialog. */
export function DialogActions({ onCancel, confirmLabel, disabled }: { onCancel(): void; confirmLabel: string; disabled: boolean }) {
  return (
    <div className="modal__footer">
      <button type="button" className="button" data-testid="dialog-cancel" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button--primary" data-testid="dialog-confirm" disabled={disabled}>
        {confirmLabel}
      </button>
    </div>
  );
}
