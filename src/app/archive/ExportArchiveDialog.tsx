import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { listFiles, type ProjectRecord } from '../../store';
import { useStudio } from '../state/store';
import { useLocalUser } from '../state/user-store';
import { KindBadge } from '../shell/KindBadge';
import { db } from '../workspace/db';
import { downloadBlob } from '../workspace/download';
import { ArchiveDialog, DialogButtons } from './ArchiveDialog';

/** Choose the files (all by default) and download them as `<project>.flowdeck`. */
export function ExportArchiveDialog({ project, onClose }: { project: ProjectRecord; onClose(): void }) {
  const files = useLiveQuery(() => listFiles(db, project.id), [project.id]);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string>();
  const [withData, setWithData] = useState(false);
  const user = useLocalUser((s) => s.name);
  const chosen = (files ?? []).filter((f) => !excluded.has(f.id));
  const toggle = (id: string) => setExcluded((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const exportNow = async () => {
    try {
      const { exportProjectArchive } = await import('./project-archive');
      const { bytes, count } = await exportProjectArchive(db, project.id, { fileIds: chosen.map((f) => f.id), createdBy: user, includeEngineData: withData });
      downloadBlob(`${project.name}.flowdeck`, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      useStudio.getState().toast(`Exported ${count} file${count === 1 ? '' : 's'} to ${project.name}.flowdeck`);
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <ArchiveDialog title={`Export "${project.name}" as an archive`} type="exportArchive" onClose={onClose} footer={<DialogButtons onCancel={onClose} onConfirm={() => void exportNow()} confirmLabel={`Export ${chosen.length} file${chosen.length === 1 ? '' : 's'}`} disabled={chosen.length === 0} />}>
      <p className="muted">A .flowdeck file holds the chosen files with their SHA-256 hashes; import it in another studio or run it with <code>flowdeck serve</code>.</p>
      {files && files.length === 0 && <p data-testid="archive-export-empty">This project has no files to export yet.</p>}
      <ul className="archive-list">
        {files?.map((f) => (
          <li key={f.id}>
            <label>
              <input type="checkbox" data-testid="archive-export-file" data-file-name={f.name} checked={!excluded.has(f.id)} onChange={() => toggle(f.id)} /> <KindBadge kind={f.kind} /> {f.name}
            </label>
          </li>
        ))}
      </ul>
      <label>
        <input type="checkbox" data-testid="archive-export-data" checked={withData} onChange={(e) => setWithData(e.target.checked)} /> Include the engine's instances and history (of every project in this browser)
      </label>
      {error && <p className="field-error" role="alert" data-testid="dialog-error">{error}</p>}
    </ArchiveDialog>
  );
}
