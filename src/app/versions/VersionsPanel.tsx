import { useLiveQuery } from 'dexie-react-hooks';
import { listVersions, type FileRecord } from '../../store';
import { navigate } from '../routing/useRoute';
import { useStudio } from '../state/store';
import { restoreVersionAction } from '../workspace/actions';
import { db } from '../workspace/db';
import { formatRelative } from './format-time';

/** The changelog of the open file: named versions, newest first, to view or restore. */
export function VersionsPanel({ file, activeVersionId }: { file: FileRecord; activeVersionId?: string }) {
  const versions = useLiveQuery(() => listVersions(db, file.id), [file.id]);
  const toggleVersions = useStudio((s) => s.toggleVersions);
  const openDialog = useStudio((s) => s.openDialog);
  const session = useStudio((s) => s.session);
  const now = Date.now();

  return (
    <aside className="versions-panel" aria-label="Versions" data-testid="versions-panel">
      <header className="versions-panel__header">
        <h2>Versions</h2>
        <button type="button" className="icon-button" aria-label="Close versions" onClick={() => toggleVersions(false)}>
          ×
        </button>
      </header>
      <button
        type="button"
        className="button button--primary versions-panel__save"
        data-testid="versions-save"
        onClick={() => {
          void session?.flush();
          openDialog({ type: 'saveVersion', fileId: file.id });
        }}
      >
        Save current as version…
      </button>
      {versions && versions.length === 0 && (
        <p className="muted versions-panel__empty" data-testid="versions-empty">
          No versions yet. Save one to mark a milestone you can come back to.
        </p>
      )}
      <ol className="version-list">
        {versions
          ?.slice()
          .reverse()
          .map((v) => (
            <li key={v.id} className={`version ${v.id === activeVersionId ? 'is-active' : ''}`} data-testid="version-item" data-version-number={v.number}>
              <div className="version__head">
                <span className="version__number">v{v.number}</span>
                <time dateTime={new Date(v.createdAt).toISOString()} title={new Date(v.createdAt).toLocaleString()}>
                  {formatRelative(v.createdAt, now)}
                </time>
              </div>
              <p className="version__note">{v.note || <em className="muted">No note</em>}</p>
              <div className="version__actions">
                <button type="button" className="link-button" data-testid="version-open" onClick={() => navigate({ name: 'version', projectId: file.projectId, fileId: file.id, versionId: v.id })}>
                  View
                </button>
                <button type="button" className="link-button" data-testid="version-restore" onClick={() => void restoreVersionAction(v.id)}>
                  Restore
                </button>
              </div>
            </li>
          ))}
      </ol>
    </aside>
  );
}
