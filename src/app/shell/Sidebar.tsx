import { useLiveQuery } from 'dexie-react-hooks';
import { searchWorkspace } from '../../store';
import { routeFileId, routeProjectId, type Route } from '../routing/routes';
import { useStudio } from '../state/store';
import { db } from '../workspace/db';
import { FileRow } from './FileRow';
import { ProjectTree } from './ProjectTree';
import { RunNav } from './RunNav';
import { SearchBox } from './SearchBox';

/** Left column: search, projects with their files, "New project". */
export function Sidebar({ route, openFileProjectId }: { route: Route; openFileProjectId?: string }) {
  const query = useStudio((s) => s.query);
  const openDialog = useStudio((s) => s.openDialog);
  const result = useLiveQuery(() => searchWorkspace(db, query), [query]);
  const activeFileId = routeFileId(route);
  const activeProjectId = routeProjectId(route) ?? openFileProjectId;
  const searching = query.trim() !== '';
  const allProjects = useLiveQuery(() => db.projects.toArray(), []);
  const projectNames = new Map(allProjects?.map((p) => [p.id, p.name]));

  return (
    <nav className="sidebar" aria-label="Projects" data-testid="sidebar">
      <div className="sidebar__brand">
        <span className="logo" aria-hidden>
          ◆
        </span>
        Flowdeck
      </div>
      <SearchBox />
      <RunNav route={route} />
      <div className="sidebar__section-title">
        <span>{searching ? 'Results' : 'Projects'}</span>
        <button type="button" className="button button--small" data-testid="new-project-button" onClick={() => openDialog({ type: 'newProject' })}>
          + Project
        </button>
      </div>
      {result && (
        <div className="sidebar__scroll">
          {searching ? (
            <SearchResults result={result} activeFileId={activeFileId} activeProjectId={activeProjectId} projectNames={projectNames} />
          ) : result.projects.length === 0 ? (
            <div className="sidebar__empty" data-testid="empty-projects">
              <p>No projects yet.</p>
              <button type="button" className="button button--primary" data-testid="empty-create-project" onClick={() => openDialog({ type: 'newProject' })}>
                Create one
              </button>
            </div>
          ) : (
            <ul className="project-list" data-testid="project-list">
              {result.projects.map((p) => (
                <ProjectTree key={p.id} project={p} activeProjectId={activeProjectId} activeFileId={activeFileId} />
              ))}
            </ul>
          )}
        </div>
      )}
    </nav>
  );
}

function SearchResults({
  result,
  activeFileId,
  activeProjectId,
  projectNames,
}: {
  result: Awaited<ReturnType<typeof searchWorkspace>>;
  activeFileId?: string;
  activeProjectId?: string;
  projectNames: Map<string, string>;
}) {
  if (result.projects.length === 0 && result.files.length === 0) {
    return (
      <p className="sidebar__empty" data-testid="search-empty">
        Nothing matches.
      </p>
    );
  }
  return (
    <>
      {result.projects.length > 0 && (
        <ul className="project-list" data-testid="project-list">
          {result.projects.map((p) => (
            <ProjectTree key={p.id} project={p} activeProjectId={activeProjectId} activeFileId={activeFileId} />
          ))}
        </ul>
      )}
      {result.files.length > 0 && (
        <ul className="file-list file-list--results" data-testid="search-file-results">
          {result.files.map((f) => (
            <FileRow key={f.id} file={f} active={f.id === activeFileId} showProject={projectNames.get(f.projectId)} />
          ))}
        </ul>
      )}
    </>
  );
}
