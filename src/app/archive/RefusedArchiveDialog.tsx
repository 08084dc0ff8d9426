import { ArchiveDialog } from './ArchiveDialog';

/** A refused archive or model problem, as shown to the user. */
export interface ArchiveRefusal {
  /** The zip entry at fault, or null for the archive as a whole. */
  entry: string | null;
  reason: string;
  code: string;
}

/** Why an archive was refused, entry by entry; nothing was written. */
export function RefusedArchiveDialog({ fileName, refusals, onClose }: { fileName: string; refusals: ArchiveRefusal[]; onClose(): void }) {
  return (
    <ArchiveDialog
      title={`Cannot import ${fileName}`}
      type="archiveRefused"
      tone="danger"
      onClose={onClose}
      footer={<button type="button" className="button button--primary" data-testid="dialog-confirm" onClick={onClose}>OK</button>}
    >
      <ul className="import-errors" data-testid="archive-error">
        {refusals.map((r, i) => (
          <li key={i} data-testid="archive-error-item" data-entry={r.entry ?? ''} data-code={r.code}>
            <strong>{r.entry ?? fileName}</strong>
            <code>{r.reason}</code>
          </li>
        ))}
      </ul>
      <p className="muted">Nothing was written to your workspace.</p>
    </ArchiveDialog>
  );
}
