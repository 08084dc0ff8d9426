import type { SaveState } from '../workspace/session/file-session';

const LABELS: Record<SaveState, string> = {
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  conflict: 'Conflict',
  error: 'Not saved',
  draft: 'Draft, not saved',
};

/** The save state pill of the top bar (announced politely to screen readers). */
export function SaveStatus({ state, title }: { state: SaveState; title?: string }) {
  return (
    <span className={`save-status save-status--${state}`} role="status" aria-live="polite" data-testid="save-status" data-state={state} title={title}>
      <span className="save-status__dot" aria-hidden />
      {LABELS[state]}
    </span>
  );
}
