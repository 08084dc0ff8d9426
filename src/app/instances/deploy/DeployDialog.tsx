import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Modal } from '../../dialogs/Modal';
import { callEngine } from '../../run/engine';
import { listFiles } from '../../../store';
import { db } from '../../workspace/db';
import { deployModel, projectForms, type DeployOutcome, type LintFinding } from './deploy-model';
import { DeployProblems } from './DeployProblems';
import { StartInstance } from './StartInstance';

export interface DeployDialogProps {
  fileId: string;
  /** The diagram as it is on the canvas now. */
  getXml(): Promise<string>;
  issues: readonly LintFinding[];
  onReveal(elementId: string): void;
  onClose(): void;
}

/**
 * Deploy from the modeler: lists the lint problems first, deploys (refused with lint or compile
 * errors listed, each linking to its element), then offers "Start instance".
 */
export function DeployDialog({ fileId, getXml, issues, onReveal, onClose }: DeployDialogProps) {
  const [outcome, setOutcome] = useState<DeployOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const fileName = useLiveQuery(() => db.files.get(fileId), [fileId])?.name ?? fileId;

  const deploy = async () => {
    setBusy(true);
    try {
      const file = await db.files.get(fileId);
      const files = file ? await listFiles(db, file.projectId) : [];
      const dmnFiles = files.filter((f) => f.kind === 'dmn').map((f) => ({ name: `${f.name}.dmn`, source: f.content }));
      setOutcome(await deployModel((r) => callEngine('deployments.deploy', r), { name: fileName, xml: await getXml(), issues, forms: projectForms(files), dmnFiles }));
    } finally {
      setBusy(false);
    }
  };

  const reveal = (id: string) => {
    onReveal(id);
    onClose();
  };

  const processIds = outcome?.status === 'deployed' ? Object.keys(outcome.versions) : [];
  return (
    <div onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <Modal title={`Deploy ${fileName}`} type="deploy" onClose={onClose}
        footer={!outcome || outcome.status === 'refused' ? (
          <>
            <button type="button" className="button" data-testid="dialog-cancel" onClick={onClose}>Close</button>
            <button type="button" className="button button--primary" data-testid="deploy-confirm" disabled={busy} onClick={() => void deploy()}>
              {outcome ? 'Deploy again' : 'Deploy'}
            </button>
          </>
        ) : undefined}>
        {!outcome && <DeployProblems problems={[]} lint={issues} onReveal={reveal} />}
        {outcome?.status === 'refused' && (
          <div data-testid="deploy-refused">
            <p className="run-error" role="alert">{outcome.message}</p>
            <DeployProblems problems={outcome.problems} onReveal={reveal} />
          </div>
        )}
        {outcome?.status === 'deployed' && (
          <div data-testid="deploy-done">
            <p className="run-ok" data-testid="deploy-message">{outcome.message}</p>
            {outcome.problems.length > 0 && <DeployProblems problems={outcome.problems} onReveal={reveal} />}
            {processIds.map((processId) => <StartInstance key={processId} processId={processId} version={outcome.versions[processId]} getXml={getXml} onStarted={onClose} />)}
          </div>
        )}
      </Modal>
    </div>
  );
}
