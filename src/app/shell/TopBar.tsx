import type { FileRecord, ProjectRecord } from '../../store';
import type { Route } from '../routing/routes';
import { navigate } from '../routing/useRoute';
import { isMac } from '../shortcuts/platform';
import { shortcutOf } from '../shortcuts/shortcuts';
import { OPEN_FILE_INPUT_ID } from '../shortcuts/useShortcuts';
import { useStudio } from '../state/store';
import { downloadFileAction } from '../workspace/actions';
import { useSessionSnapshot } from '../workspace/useFileSession';
import { EDITORS } from './editor-registry';
import { KindBadge } from './KindBadge';
import { SaveStatus } from './SaveStatus';

/** Top bar: the open file's name and save state, view switch and file actions. */
export function TopBar({ route, file, project }: { route: Route; file?: FileRecord; project?: ProjectRecord }) {
  const snapshot = useSessionSnapshot();
  const session = useStudio((s) => s.session);
  const openDialog = useStudio((s) => s.openDialog);
  const toggleVersions = useStudio((s) => s.toggleVersions);
  const versionsOpen = useStudio((s) => s.versionsOpen);
  const viewMode = useStudio((s) => s.viewMode);
  const setViewMode = useStudio((s) => s.setViewMode);
  const mac = isMac();
  const fileOpen = file && (route.name === 'file' || route.name === 'scripts' || route.name === 'simulation' || route.name === 'version');

  const views: Array<{ id: string; label: string; title?: string; active: boolean; go(): void }> = [];
  if (file && fileOpen) {
    const hasEditor = !!EDITORS[file.kind];
    views.push({
      id: 'editor',
      label: file.kind === 'bpmn' ? 'Diagram' : file.kind === 'dmn' ? 'Decision' : 'Form',
      active: route.name === 'file' && viewMode === 'editor' && hasEditor,
      go: () => {
        setViewMode('editor');
        navigate({ name: 'file', projectId: file.projectId, fileId: file.id });
      },
    });
    if (file.kind === 'bpmn') {
      views.push({
        id: 'scripts',
        label: 'Scripts',
        active: route.name === 'scripts' && viewMode === 'editor',
        go: () => {
          setViewMode('editor');
          navigate({ name: 'scripts', fileId: file.id });
        },
      });
      views.push({
        id: 'simulation',
        label: 'Simulation',
        title: `Simulate the process (${shortcutOf('goSimulation', mac)})`,
        active: route.name === 'simulation' && viewMode === 'editor',
        go: () => {
          setViewMode('editor');
          navigate({ name: 'simulation', fileId: file.id });
        },
      });
    }
    views.push({
      id: 'source',
      label: 'Source',
      active: route.name !== 'version' && (viewMode === 'source' || !hasEditor),
      go: () => {
        setViewMode('source');
        if (route.name === 'version') navigate({ name: 'file', projectId: file.projectId, fileId: file.id });
      },
    });
  }

  return (
    <header className="topbar" data-testid="topbar">
      <div className={`topbar__title ${fileOpen ? 'topbar__title--file' : ''}`}>
        {project && <span className="topbar__project">{project.name}</span>}
        {fileOpen && file ? (
          <>
            <span className="topbar__sep" aria-hidden>
              /
            </span>
            <KindBadge kind={file.kind} />
            <button
              type="button"
              className="topbar__file-name"
              title="Rename"
              data-testid="topbar-file-name"
              onClick={() => openDialog({ type: 'renameFile', fileId: file.id, name: file.name })}
            >
              {file.name}
            </button>
            {snapshot && snapshot.fileId === file.id && <SaveStatus state={snapshot.saveState} title={snapshot.error ?? (snapshot.draftProblem && `${snapshot.draftProblem}. The last valid version stays saved.`)} />}
          </>
        ) : (
          !project && <span className="topbar__placeholder">Flowdeck</span>
        )}
      </div>

      {views.length > 0 && (
        <div className="segmented" role="tablist" aria-label="View">
          {views.map((v) => (
            <button key={v.id} type="button" role="tab" aria-selected={v.active} className={v.active ? 'is-active' : ''} data-testid={`view-${v.id}`} title={v.title} onClick={v.go}>
              {v.label}
            </button>
          ))}
        </div>
      )}

      <div className="topbar__actions">
        <button type="button" className="button" title={`Open .bpmn, .dmn or .form files (${shortcutOf('openFile', mac)})`} data-testid="action-open-file" onClick={() => document.getElementById(OPEN_FILE_INPUT_ID)?.click()}>
          Open…
        </button>
        {fileOpen && file && (
          <>
            <button type="button" className="button" title={`Download ${file.name}.${file.kind}`} data-testid="action-download" onClick={() => void downloadFileAction(file.id)}>
              Download
            </button>
            <button
              type="button"
              className={`button ${versionsOpen ? 'is-pressed' : ''}`}
              aria-pressed={versionsOpen}
              data-testid="action-versions"
              onClick={() => toggleVersions()}
            >
              Versions
            </button>
            <button
              type="button"
              className="button button--primary"
              title={`Save now and name a version (${shortcutOf('saveVersion', mac)})`}
              data-testid="action-save-version"
              onClick={() => {
                void session?.flush();
                openDialog({ type: 'saveVersion', fileId: file.id });
              }}
            >
              Save version
            </button>
          </>
        )}
        <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" data-testid="action-help" onClick={() => openDialog({ type: 'help' })}>
          ?
        </button>
      </div>
    </header>
  );
}
