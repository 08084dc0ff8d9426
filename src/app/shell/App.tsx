import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { DialogHost } from '../dialogs/DialogHost';
import { routeFileId, routeProjectId } from '../routing/routes';
import { useRoute } from '../routing/useRoute';
import { OPEN_FILE_INPUT_ID, useShortcuts } from '../shortcuts/useShortcuts';
import { useStudio } from '../state/store';
import { VersionsPanel } from '../versions/VersionsPanel';
import { VersionView } from '../versions/VersionView';
import { openFilesAction } from '../workspace/actions';
import { db } from '../workspace/db';
import { ACCEPTED_EXTENSIONS } from '../workspace/import/kind';
import { useDatabaseHealth } from '../workspace/useDatabaseHealth';
import { useFileArrivals } from '../workspace/useFileArrivals';
import { useFileSession } from '../workspace/useFileSession';
import { EditorArea } from './EditorArea';
import { HomeView, NotFoundView, ProjectView } from './HomeViews';
import { Banners, Toasts } from './Notices';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

/** The studio shell: sidebar, top bar, main area, dialogs and notices. */
export function App() {
  const route = useRoute();
  const fileId = routeFileId(route);
  useFileSession(route.name === 'version' ? undefined : fileId);
  // The Source view is a choice for one file: the next file opens in its editor (a new form
  // opened as JSON text after a BPMN file was viewed as source).
  const setViewMode = useStudio((s) => s.setViewMode);
  useEffect(() => setViewMode('editor'), [fileId, setViewMode]);
  useShortcuts();
  useDatabaseHealth();
  const dragging = useFileArrivals();
  const versionsOpen = useStudio((s) => s.versionsOpen);
  const missingFileId = useStudio((s) => s.missingFileId);

  // `null` while loading, `undefined` when it does not exist.
  const file = useLiveQuery(async () => (fileId ? ((await db.files.get(fileId)) ?? undefined) : undefined), [fileId], null);
  const projectId = routeProjectId(route) ?? file?.projectId;
  const project = useLiveQuery(async () => (projectId ? ((await db.projects.get(projectId)) ?? undefined) : undefined), [projectId], null);

  let main: React.ReactNode;
  if (route.name === 'home') main = <HomeView />;
  else if (route.name === 'notFound') main = <NotFoundView what="Page" />;
  else if (route.name === 'project') main = project === null ? null : project ? <ProjectView project={project} /> : <NotFoundView what="Project" />;
  else if (file === null) main = null;
  else if (!file || missingFileId === fileId) main = <NotFoundView what="File" />;
  else if (route.name === 'version') main = <VersionView file={file} versionId={route.versionId} />;
  else main = <EditorArea file={file} route={route} />;

  const showVersions = versionsOpen && file && route.name !== 'project' && route.name !== 'home';

  return (
    <div className="app" data-testid="app-shell">
      <Sidebar route={route} openFileProjectId={file?.projectId} />
      <div className="workspace">
        <TopBar route={route} file={file ?? undefined} project={project ?? undefined} />
        <Banners />
        <div className="workspace__body">
          <main className="studio-main">{main}</main>
          {showVersions && <VersionsPanel file={file} activeVersionId={route.name === 'version' ? route.versionId : undefined} />}
        </div>
      </div>
      <input
        id={OPEN_FILE_INPUT_ID}
        data-testid="open-file-input"
        type="file"
        multiple
        accept={ACCEPTED_EXTENSIONS}
        hidden
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Cleared so that choosing the same file again fires `change` again.
          e.target.value = '';
          void openFilesAction(files);
        }}
      />
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <div>Drop .bpmn, .dmn or .form files to open them</div>
        </div>
      )}
      <DialogHost />
      <Toasts />
    </div>
  );
}
