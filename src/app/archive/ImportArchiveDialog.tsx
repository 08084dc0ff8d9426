import { useEffect, useState } from 'react';
import type { ArchiveContents } from '../../archive';
import type { ProjectRecord } from '../../store';
import { useEngine } from '../engine';
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
  const engine = useEngine();
  const engineData = describeEngineData(contents.data.instances);
  // The engine takes data only while it is empty; ask it once.
  const [engineEmpty, setEngineEmpty] = useState<boolean>();
  const [withData, setWithData] = useState(false);
  useEffect(() => {
    if (!engineData) return;
    let live = true;
    void engine.call('deployments.list', {}).then((r) => {
      if (!live) return;
      const empty = !('error' in r) && r.data.length === 0;
      setEngineEmpty(empty);
      setWithData(empty);
    });
    return () => { live = false; };
  }, [engine, engineData]);
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
      // Engine data first: when the engine refuses it, nothing at all has been written.
      let dataNote = '';
      if (withData && engineData) {
        const r = await engine.call('engineData.import', { data: contents.data.instances as never });
        if ('error' in r) throw new Error(`The engine data was not imported, nor any file: ${r.message}`);
        dataNote = ` and ${r.message} into this browser's engine`;
      }
      const { applyImport } = await import('./project-archive');
      const written = await applyImport(db, contents, target, preview);
      useStudio.getState().toast(`Imported ${writes} file${writes === 1 ? '' : 's'} from ${fileName} into "${written.name}"${dataNote}`);
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
            {p.change !== 'skipped'
              ? <span className="muted">→ {p.name}{p.kind === 'dmnTest' ? ' (its decision tests)' : ''}</span>
              : p.kind === 'dmnTest'
                ? <span className="muted">(decision tests: no DMN file of that name beside them in the archive)</span>
                : <span className="muted">({p.kind}: kept in the archive; the studio holds BPMN, DMN and forms)</span>}
          </li>
        ))}
      </ul>
      {engineData && (
        <label className="archive-data" data-testid="archive-has-data">
          <input type="checkbox" data-testid="archive-import-data" checked={withData} disabled={engineEmpty !== true} onChange={(e) => setWithData(e.target.checked)} />
          {' '}Also import its engine data ({engineData}) into this browser's engine
          {engineEmpty === false && <span className="muted"> — not possible: the engine already holds deployments (engine data goes into an empty engine only)</span>}
        </label>
      )}
      {error && <p className="field-error" role="alert" data-testid="dialog-error">{error}</p>}
    </ArchiveDialog>
  );
}

/** "2 instances, 1 deployment" for an archive's engine data, or undefined when it carries none. */
function describeEngineData(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const count = (key: string) => { const v = (data as Record<string, unknown>)[key]; return Array.isArray(v) ? v.length : 0; };
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `${n(count('instances'), 'instance')}, ${n(count('deployments'), 'deployment')}`;
}
