import { Suspense, useCallback } from 'react';
import type { FileRecord } from '../../store';
import type { Route } from '../routing/routes';
import { useStudio } from '../state/store';
import { useSessionSnapshot } from '../workspace/useFileSession';
import { ConflictBar } from './ConflictBar';
import { EDITORS, ScriptsView, SimulationView } from './editor-registry';
import { ErrorBoundary } from './ErrorBoundary';
import { SourceEditor } from './SourceEditor';
import { SourceProblems } from './SourceProblems';

/** The open file in its editor (or as source), with the conflict bar when saving was refused. */
export function EditorArea({ file, route }: { file: FileRecord; route: Route }) {
  const session = useStudio((s) => s.session);
  const snapshot = useSessionSnapshot();
  const viewMode = useStudio((s) => s.viewMode);
  const banner = useStudio((s) => s.banner);
  const onChange = useCallback((content: string) => session?.edit(content), [session]);
  const clearBanners = useStudio((s) => s.clearBanners);
  // An editor's "could not be opened" is about this file and over once the editor opens it.
  const onError = useCallback((message: string) => banner('error', `${file.name}: ${message}`, { fileId: file.id, origin: 'editor' }), [banner, file.name, file.id]);
  const onImported = useCallback(() => clearBanners(file.id, 'editor'), [clearBanners, file.id]);

  if (!session || !snapshot || snapshot.fileId !== file.id) {
    return <div className="loading" aria-busy="true">Opening…</div>;
  }

  const scripts = route.name === 'scripts';
  const simulation = route.name === 'simulation';
  const Editor = scripts ? ScriptsView : simulation ? SimulationView : EDITORS[file.kind];
  const showSource = viewMode === 'source' || !Editor;

  return (
    <div className="editor-area" data-testid="editor-area" data-file-id={file.id} data-kind={file.kind} data-view={showSource ? 'source' : scripts ? 'scripts' : simulation ? 'simulation' : 'editor'}>
      {snapshot.saveState === 'conflict' && <ConflictBar session={session} snapshot={snapshot} />}
      {snapshot.saveState === 'error' && snapshot.error && (
        <div className="banner banner--error" role="alert" data-testid="session-error">
          {snapshot.error}
        </div>
      )}
      {scripts && file.kind !== 'bpmn' ? (
        <div className="empty-state">Scripts live in BPMN processes; this is a {file.kind.toUpperCase()} file.</div>
      ) : simulation && file.kind !== 'bpmn' ? (
        <div className="empty-state">Simulation runs BPMN processes; this is a {file.kind.toUpperCase()} file.</div>
      ) : showSource ? (
        <div className="source-pane">
          <SourceEditor key={`${file.id}-${snapshot.externalChanges}`} content={snapshot.content} onChange={onChange} label={`Source of ${file.name}`} />
          <SourceProblems kind={file.kind} content={snapshot.content} />
        </div>
      ) : (
        <ErrorBoundary
          resetKey={file.id}
          fallback={(error) => (
            <div className="empty-state" role="alert" data-testid="editor-crashed">
              <p>The editor stopped working: {error.message}</p>
              <p className="muted">Your content is safe. Switch to Source to keep working on it.</p>
            </div>
          )}
        >
          <Suspense fallback={<div className="loading" aria-busy="true">Loading the editor…</div>}>
            <Editor
              key={file.id}
              fileId={file.id}
              fileName={file.name}
              kind={file.kind}
              content={snapshot.content}
              onChange={onChange}
              onError={onError}
              onImported={onImported}
              {...(route.name === 'scripts' && route.nodeId ? { nodeId: route.nodeId } : {})}
            />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}
