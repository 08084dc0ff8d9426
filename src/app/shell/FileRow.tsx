import type { FileRecord } from '../../store';
import { navigate } from '../routing/useRoute';
import { useStudio } from '../state/store';
import { deleteFileAction, downloadFileAction, duplicateFileAction } from '../workspace/actions';
import { KindBadge } from './KindBadge';
import { RowMenu } from './RowMenu';

/** One file in the sidebar: opens on click, with rename / duplicate / download / delete. */
export function FileRow({ file, active, showProject }: { file: FileRecord; active: boolean; showProject?: string }) {
  const openDialog = useStudio((s) => s.openDialog);
  return (
    <li className={`file-row ${active ? 'is-active' : ''}`} data-testid="file-item" data-file-id={file.id} data-kind={file.kind}>
      <a
        href={`#/projects/${encodeURIComponent(file.projectId)}/files/${encodeURIComponent(file.id)}`}
        className="file-row__link"
        aria-current={active ? 'page' : undefined}
        onClick={(e) => {
          e.preventDefault();
          navigate({ name: 'file', projectId: file.projectId, fileId: file.id });
        }}
      >
        <KindBadge kind={file.kind} />
        <span className="file-row__name" data-testid="file-name">
          {file.name}
        </span>
        {showProject && <span className="file-row__project">{showProject}</span>}
      </a>
      <RowMenu
        label={`Actions for ${file.name}`}
        testId="file-menu-button"
        items={[
          { label: 'Rename…', testId: 'file-action-rename', run: () => openDialog({ type: 'renameFile', fileId: file.id, name: file.name }) },
          { label: 'Duplicate', testId: 'file-action-duplicate', run: () => void duplicateFileAction(file.id) },
          { label: `Download .${file.kind}`, testId: 'file-action-download', run: () => void downloadFileAction(file.id) },
          { label: 'Delete', testId: 'file-action-delete', danger: true, run: () => void deleteFileAction(file.id) },
        ]}
      />
    </li>
  );
}
