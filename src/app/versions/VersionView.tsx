import { lazy, Suspense } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getVersion, type FileRecord } from '../../store';
import { navigate } from '../routing/useRoute';
import { SourceEditor } from '../shell/SourceEditor';
import { restoreVersionAction } from '../workspace/actions';
import { db } from '../workspace/db';
import { formatRelative } from './format-time';

// Loaded on demand: bpmn-js stays out of the shell's bundle.
const BpmnPreview = lazy(() => import('../modeler/BpmnPreview'));
const DmnPreview = lazy(() => import('../decisions/DmnPreview'));
const FormPreview = lazy(() => import('../forms/FormPreview'));

/** An old version, read-only (as its diagram, decisions or form above its text), with "Restore" and "Back to current". */
export function VersionView({ file, versionId }: { file: FileRecord; versionId: string }) {
  const version = useLiveQuery(() => getVersion(db, versionId), [versionId], null);
  if (version === null) return <div className="loading">Loading…</div>;
  if (!version || version.fileId !== file.id) {
    return (
      <div className="empty-state" data-testid="version-missing">
        This version does not exist.{' '}
        <button type="button" className="link-button" onClick={() => navigate({ name: 'file', projectId: file.projectId, fileId: file.id })}>
          Back to the file
        </button>
      </div>
    );
  }
  return (
    <div className="editor-area" data-testid="version-view" data-version-number={version.number}>
      <div className="banner banner--info">
        <div>
          <strong>
            Version {version.number}
            {version.note ? ` — ${version.note}` : ''}
          </strong>{' '}
          <span className="muted">({formatRelative(version.createdAt, Date.now())}, read-only)</span>
        </div>
        <div className="banner__actions">
          <button type="button" className="button" data-testid="version-view-back" onClick={() => navigate({ name: 'file', projectId: file.projectId, fileId: file.id })}>
            Back to current
          </button>
          <button type="button" className="button button--primary" data-testid="version-view-restore" onClick={() => void restoreVersionAction(version.id)}>
            Restore this version
          </button>
        </div>
      </div>
      <Suspense fallback={<div className="loading" aria-busy="true">Loading the preview…</div>}>
        {file.kind === 'bpmn' && <BpmnPreview xml={version.content} label={`Diagram of version ${version.number}`} />}
        {file.kind === 'dmn' && <DmnPreview xml={version.content} label={`Decisions of version ${version.number}`} />}
        {file.kind === 'form' && <FormPreview schema={version.content} label={`Form of version ${version.number}`} />}
      </Suspense>
      <SourceEditor content={version.content} readOnly label={`Version ${version.number} of ${file.name}`} />
    </div>
  );
}
