import { useEffect, useState } from 'react';
import type { ArchiveContents } from '../../archive';
import type { ProjectRecord } from '../../store';
import { navigate } from '../routing/useRoute';
import { useStudio } from '../state/store';
import { db } from '../workspace/db';
import { ArchiveDialog, DialogButtons } from './ArchiveDialog';
import type { ImportPreviewItem, ImportTarget } from './project-archive';

const CHANGE_LABEL: Record<ImportPreviewItem['change'], string> = { added: 'added', changed: 'changed', unchanged: 'unchanged', skipped: 'not imported' };

/**
 * An archive that passed every check: choose a new project or the open one, see what each file
 * would do, then import it all in one transaction (or nothing).
 */
export function ImportArchiveDialog({ contents, fileName, project, onClose }: { contents: ArchiveContents; fileName: string; project?: ProjectRecord; onClose(): void }) {
  const [target, setTarget] = useState<ImportTarget>({ kind: 'new' });
  const [preview, setPreview] = useState<ImportPreviewItem[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void import('./project-archive').then(({ previewImport }) => previewImport(db, contents, target)).then((p) => { if (live) setPreview(p); }, (e: Error) => setError(e.message));
    return () => { live = false; };
  }, [contents, target]);
  const writes = preview?.filter((p) => p.change === 'added' || p.change === 'changed').length ?? 0;
  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const { applyImport } = await import('./project-archive');
      const written = await applyImport(db, contents, target, preview);
      useStudio.getState().toast(`Imported ${writes} file${writes === 1 ? '' : 's'} from ${fileName} into "${written.name}"`);
      navigate({ name: 'project', projectId: written.id });
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <ArchiveDialog title={`Import ${fileName}`} type="importArchive" onClose={onClose} footer={<DialogButtons onCancel={onClose} onConfirm={() => void confirm()} confirmLabel={target.kind === 'new' ? 'Import as new project' : `Import into "${project?.name}"`} disabled={!preview || busy || (target.kind === 'into' && writes === 0)} />}>
      <p className="muted">"{contents.manifest.project}", packed {contents.manifest.createdBy ? `by ${contents.manifest.createdBy} ` : ''}on {new Date(contents.manifest.createdAt).toLocaleString()}. Every hash checked and every model compiles.</p>
      {project && (
        <div className="archive-target" role="radiogroup">
          <label><input type="radio" name="target" data-testid="archive-target-new" checked={target.kind === 'new'} onChange={() => setTarget({ kind: 'new' })} /> As a new project</label>
          <label><input type="radio" name="target" data-testid="archive-target-into" checked={target.kind === 'into'} onChange={() => setTarget({ kind: 'into', projectId: project.id })} /> Into "{project.name}"</label>
        </div>
      )}
      <ul className="archive-list" data-testid="archive-preview">
        {preview?.map((p) => (
          <li key={p.path} data-testid="archive-preview-item" data-path={p.path} data-change={p.change}>
            <span className="archive-change" data-change={p.change}>{CHANGE_LABEL[p.change]}</span>
            <code>{p.path}</code>
            {p.change === 'skipped' ? <span className="muted">({p.kind}: kept in the archive; the studio holds BPMN, DMN and forms)</span> : <span className="muted">→ {p.name}</span>}
          </li>
        ))}
      </ul>
      {error && <p className="field-error" role="alert" data-testid="dialog-error">{error}</p>}
    </ArchiveDialog>
  );
}
