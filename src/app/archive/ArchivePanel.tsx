import { useRef, useState, type ChangeEvent } from 'react';
import type { ArchiveContents } from '../../archive';
import type { ProjectRecord } from '../../store';
import { CamundaExportDialog } from './CamundaExportDialog';
import { ExportArchiveDialog } from './ExportArchiveDialog';
import { ImportArchiveDialog } from './ImportArchiveDialog';
import { RefusedArchiveDialog, type ArchiveRefusal } from './RefusedArchiveDialog';
import './archive.css';

type Open =
  | { type: 'export' }
  | { type: 'camunda' }
  | { type: 'import'; contents: ArchiveContents; fileName: string }
  | { type: 'refused'; fileName: string; refusals: ArchiveRefusal[] };

/**
 * Reads and checks a chosen `.flowdeck` file in full (structure, hashes, hostile entries, every
 * model and reference) before anything is shown as importable.
 */
async function checkArchiveFile(file: File): Promise<Open> {
  const { readArchive, validateArchiveModels, ArchiveError } = await import('../../archive');
  try {
    const contents = readArchive(new Uint8Array(await file.arrayBuffer()));
    const problems = await validateArchiveModels(contents);
    if (problems.length > 0) return { type: 'refused', fileName: file.name, refusals: problems.map((p) => ({ entry: p.path, reason: `${p.elementId ? `${p.elementId}: ` : ''}${p.message}`, code: 'model' })) };
    return { type: 'import', contents, fileName: file.name };
  } catch (error) {
    if (error instanceof ArchiveError) return { type: 'refused', fileName: file.name, refusals: [{ entry: error.entry, reason: error.reason, code: error.code }] };
    throw error;
  }
}

/** The project view's archive actions: export, import (new project or into this one), Camunda 8. */
export function ArchivePanel({ project }: { project?: ProjectRecord }) {
  const [open, setOpen] = useState<Open>();
  const [reading, setReading] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const close = () => setOpen(undefined);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setReading(true);
    try {
      setOpen(await checkArchiveFile(file));
    } catch (error) {
      setOpen({ type: 'refused', fileName: file.name, refusals: [{ entry: null, reason: (error as Error).message, code: 'internal' }] });
    } finally {
      setReading(false);
    }
  };
  return (
    <div className="archive-actions" data-testid="archive-actions">
      {project && <button type="button" className="button" data-testid="archive-export" onClick={() => setOpen({ type: 'export' })}>Export .flowdeck</button>}
      <button type="button" className="button" data-testid="archive-import" disabled={reading} onClick={() => input.current?.click()}>{reading ? 'Checking archive…' : 'Import archive…'}</button>
      <input ref={input} type="file" accept=".flowdeck,application/zip" hidden data-testid="archive-import-input" onChange={(e) => void onFile(e)} />
      {project && <button type="button" className="button" data-testid="camunda-export" onClick={() => setOpen({ type: 'camunda' })}>Export for Camunda 8</button>}
      {open?.type === 'export' && project && <ExportArchiveDialog project={project} onClose={close} />}
      {open?.type === 'camunda' && project && <CamundaExportDialog project={project} onClose={close} />}
      {open?.type === 'import' && <ImportArchiveDialog contents={open.contents} fileName={open.fileName} project={project} onClose={close} />}
      {open?.type === 'refused' && <RefusedArchiveDialog fileName={open.fileName} refusals={open.refusals} onClose={close} />}
    </div>
  );
}
