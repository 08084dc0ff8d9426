import { useLiveQuery } from 'dexie-react-hooks';
import { listFiles, type FileKind, type ProjectRecord } from '../../store';
import { navigate } from '../routing/useRoute';
import { useStudio } from '../state/store';
import { ArchivePanel } from '../archive/ArchivePanel';
import { db } from '../workspace/db';
import { KindBadge } from './KindBadge';

/** Home: the first-run empty state, or the recently changed files. */
export function HomeView() {
  const openDialog = useStudio((s) => s.openDialog);
  const projectCount = useLiveQuery(() => db.projects.count(), []);
  const recent = useLiveQuery(() => db.files.orderBy('updatedAt').reverse().limit(8).toArray(), []);
  if (projectCount === undefined) return null;
  if (projectCount === 0) {
    return (
      <div className="empty-state empty-state--hero" data-testid="home-empty">
        <h1>No projects yet — create one</h1>
        <p className="muted">A project holds your BPMN processes, DMN decisions and forms. Everything stays in this browser, offline.</p>
        <div className="empty-state__actions">
          <button type="button" className="button button--primary" data-testid="home-create-project" onClick={() => openDialog({ type: 'newProject' })}>
            Create a project
          </button>
          <span className="muted">or drop .bpmn, .dmn and .form files here</span>
        </div>
        <ArchivePanel />
      </div>
    );
  }
  return (
    <div className="home" data-testid="home">
      <h1>Recent files</h1>
      <ArchivePanel />
      {recent && recent.length === 0 && <p className="muted">No files yet. Create one in a project on the left.</p>}
      <ul className="card-list">
        {recent?.map((f) => (
          <li key={f.id}>
            <button type="button" className="card" data-testid="recent-file" onClick={() => navigate({ name: 'file', projectId: f.projectId, fileId: f.id })}>
              <KindBadge kind={f.kind} />
              <span>{f.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const NEW_KINDS: Array<{ kind: FileKind; label: string }> = [
  { kind: 'bpmn', label: 'New BPMN process' },
  { kind: 'dmn', label: 'New DMN decision' },
  { kind: 'form', label: 'New form' },
];

/** A project with no file open: its files, and buttons to create one of each kind. */
export function ProjectView({ project }: { project: ProjectRecord }) {
  const openDialog = useStudio((s) => s.openDialog);
  const files = useLiveQuery(() => listFiles(db, project.id), [project.id]);
  return (
    <div className="home" data-testid="project-view">
      <h1>{project.name}</h1>
      <ArchivePanel project={project} />
      <div className="empty-state__actions">
        {NEW_KINDS.map((k) => (
          <button key={k.kind} type="button" className="button" data-testid={`project-view-new-${k.kind}`} onClick={() => openDialog({ type: 'newFile', projectId: project.id, kind: k.kind })}>
            {k.label}
          </button>
        ))}
      </div>
      {files && files.length === 0 ? (
        <p className="muted" data-testid="project-view-empty">
          No files yet — create one above, or drop files here.
        </p>
      ) : (
        <ul className="card-list">
          {files?.map((f) => (
            <li key={f.id}>
              <button type="button" className="card" onClick={() => navigate({ name: 'file', projectId: f.projectId, fileId: f.id })}>
                <KindBadge kind={f.kind} />
                <span>{f.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A route that names nothing that exists. */
export function NotFoundView({ what }: { what: string }) {
  return (
    <div className="empty-state" data-testid="not-found">
      <h1>{what} not found</h1>
      <p className="muted">It may have been deleted, or the link is wrong.</p>
      <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
        Go to the start page
      </button>
    </div>
  );
}
