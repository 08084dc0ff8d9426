import { useEffect, useState } from 'react';
import { listFiles, type ProjectRecord } from '../../store';
import { CAMUNDA_VERSIONS } from '../modeler/lint/lint-config';
import { useStudio } from '../state/store';
import { db } from '../workspace/db';
import { downloadBlob } from '../workspace/download';
import { ArchiveDialog, DialogButtons } from './ArchiveDialog';
import type { CompatFinding } from './camunda-check';

const NEWEST = CAMUNDA_VERSIONS[CAMUNDA_VERSIONS.length - 1]!;

/**
 * "Export for Camunda 8": the camunda-compat check of every BPMN file for the chosen version,
 * each finding listed on its element, then the process application (`.process-application` +
 * resources) as a zip download. Elements Camunda 8 would not run are errors: exporting anyway
 * needs a second, explicit click.
 */
export function CamundaExportDialog({ project, onClose }: { project: ProjectRecord; onClose(): void }) {
  const [version, setVersion] = useState(NEWEST);
  const [findings, setFindings] = useState<CompatFinding[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setFindings(undefined);
    void (async () => {
      const files = (await listFiles(db, project.id)).filter((f) => f.kind === 'bpmn').map((f) => ({ path: `${f.name}.bpmn`, text: f.content }));
      const { checkCamundaCompat } = await import('./camunda-check');
      const result = await checkCamundaCompat(files, version);
      if (live) setFindings(result);
    })().catch((e: Error) => setError(e.message));
    return () => { live = false; };
  }, [project.id, version]);
  const errors = findings?.filter((f) => f.severity === 'error').length ?? 0;
  const download = async () => {
    const [{ zipSync, strToU8 }, { buildProcessApplication }] = await Promise.all([import('fflate'), import('../../archive/camunda/process-application')]);
    const files = (await listFiles(db, project.id)).map((f) => ({ path: `${f.name}.${f.kind}`, kind: f.kind, text: f.content }));
    const app = buildProcessApplication(files);
    const zip = zipSync(Object.fromEntries(app.files.map((f) => [`${project.name}/${f.path}`, strToU8(f.text)])));
    downloadBlob(`${project.name}-camunda8.zip`, new Blob([zip], { type: 'application/zip' }));
    useStudio.getState().toast(`Exported ${app.resources.length} resource${app.resources.length === 1 ? '' : 's'} as a Camunda ${version} process application`);
    onClose();
  };
  return (
    <ArchiveDialog title="Export for Camunda 8" type="camundaExport" onClose={onClose} footer={<DialogButtons onCancel={onClose} onConfirm={() => void download()} confirmLabel={errors > 0 ? `Export anyway (${errors} won't run)` : 'Export process application'} disabled={!findings} />}>
      <label>
        Camunda version{' '}
        <select data-testid="camunda-version" value={version} onChange={(e) => setVersion(e.target.value)}>
          {[...CAMUNDA_VERSIONS].reverse().map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      </label>
      {!findings && !error && <p className="muted" data-testid="camunda-checking">Checking every process against Camunda {version}…</p>}
      {findings && findings.length === 0 && <p data-testid="camunda-ok">Every element runs on Camunda {version}.</p>}
      {findings && findings.length > 0 && (
        <>
          <p data-testid="camunda-summary">{errors} element{errors === 1 ? '' : 's'} Camunda {version} would not run, {findings.length - errors} warning{findings.length - errors === 1 ? '' : 's'}:</p>
          <ul className="archive-list">
            {findings.map((f, i) => (
              <li key={i} className="archive-finding" data-testid="camunda-finding" data-severity={f.severity} data-element-id={f.elementId}>
                <span className="archive-change">{f.severity}</span>
                <code>{f.path} {f.elementId}</code>
                <span>{f.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && <p className="field-error" role="alert" data-testid="dialog-error">{error}</p>}
    </ArchiveDialog>
  );
}
