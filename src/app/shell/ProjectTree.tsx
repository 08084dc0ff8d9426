import { useLiveQuery } from 'dexie-react-hooks';
import { listFiles, type ProjectRecord } from '../../store';
import { navigate } from '../routing/useRoute';
import { useStudio } from '../state/store';
import { deleteProjectAction, duplicateProjectAction } from '../workspace/actions';
import { db } from '../workspace/db';
import { FileRow } from './FileRow';
import { RowMenu } from './RowMenu';

/** A project and its files in the sidebar (files read live, so other tabs' changes show). */
export function ProjectTree({ project, activeProjectId, activeFileId }: { project: ProjectRecord; activeProjectId?: string; activeFileId?: string }) {
  const files = useLiveQuery(() => listFiles(db, project.id), [project.id]);
  const collapsed = useStudio((s) => !!s.collapsed[project.id]);
  const toggle = useStudio((s) => s.toggleProject);
  const openDialog = useStudio((s) => s.openDialog);
  const active = activeProjectId === project.id;

  return (
    <li className={`project ${active ? 'is-active' : ''}`} data-testid="project-item" data-project-id={project.id}>
      <div className="project__row">
        <button type="button" className="icon-button project__toggle" aria-label={collapsed ? 'Expand' : 'Collapse'} aria-expanded={!collapsed} onClick={() => toggle(project.id)}>
          {collapsed ? '▸' : '▾'}
        </button>
        <a
          href={`#/projects/${encodeURIComponent(project.id)}`}
          className="project__name"
          data-testid="project-name"
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'project', projectId: project.id });
          }}
        >
          {project.name}
        </a>
        <button
          type="button"
          className="icon-button"
          aria-label={`New file in ${project.name}`}
          title="New file"
          data-testid="project-new-file"
          onClick={() => openDialog({ type: 'newFile', projectId: project.id, kind: 'bpmn' })}
        >
          +
        </button>
        <RowMenu
          label={`Actions for project ${project.name}`}
          testId="project-menu-button"
          items={[
            { label: 'New file…', testId: 'project-action-new-file', run: () => openDialog({ type: 'newFile', projectId: project.id, kind: 'bpmn' }) },
            { label: 'Rename…', testId: 'project-action-rename', run: () => openDialog({ type: 'renameProject', projectId: project.id, name: project.name }) },
            { label: 'Duplicate', testId: 'project-action-duplicate', run: () => void duplicateProjectAction(project.id) },
            { label: 'Delete', testId: 'project-action-delete', danger: true, run: () => void deleteProjectAction(project.id) },
          ]}
        />
      </div>
      {!collapsed && files && (
        <ul className="file-list">
          {files.length === 0 && (
            <li className="file-list__empty" data-testid="project-empty">
              No files yet —{' '}
              <button type="button" className="link-button" onClick={() => openDialog({ type: 'newFile', projectId: project.id, kind: 'bpmn' })}>
                create one
              </button>
            </li>
          )}
          {files.map((f) => (
            <FileRow key={f.id} file={f} active={f.id === activeFileId} />
          ))}
        </ul>
      )}
    </li>
  );
}
