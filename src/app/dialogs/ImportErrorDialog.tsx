import type { RefusedFile } from '../workspace/import/import-files';
import { Modal } from './Modal';

/** Lists each refused file with its problem; nothing was added to the workspace. */
export function ImportErrorDialog({ refused, onClose }: { refused: RefusedFile[]; onClose(): void }) {
  const title = refused.length === 1 ? `Cannot open ${refused[0].fileName}` : `Cannot open ${refused.length} files`;
  return (
    <Modal
      title={title}
      type="importError"
      tone="danger"
      onClose={onClose}
      footer={
        <button type="button" className="button button--primary" data-testid="dialog-confirm" onClick={onClose}>
          OK
        </button>
      }
    >
      <ul className="import-errors" data-testid="import-error">
        {refused.map((r) => (
          <li key={r.fileName} data-testid="import-error-item">
            <strong>{r.fileName}</strong>
            <code>{r.problem}</code>
          </li>
        ))}
      </ul>
      <p className="muted">Nothing was added to your workspace.</p>
    </Modal>
  );
}
