import { useStudio } from '../state/store';
import { createProjectAction, renameFileAction, renameProjectAction } from '../workspace/actions';
import { HelpDialog } from './HelpDialog';
import { ImportErrorDialog } from './ImportErrorDialog';
import { ImportReportDialog } from './ImportReportDialog';
import { NameDialog } from './NameDialog';
import { NewFileDialog } from './NewFileDialog';
import { SaveVersionDialog } from './SaveVersionDialog';


/** Renders the one open dialog of the studio state. */
export function DialogHost() {
  const dialog = useStudio((s) => s.dialog);
  const close = useStudio((s) => s.closeDialog);
  if (!dialog) return null;
  switch (dialog.type) {
    case 'newProject':
      return <NameDialog type="newProject" title="New project" label="Project name" initial="" confirmLabel="Create" onClose={close} onSubmit={createProjectAction} />;
    case 'newFile':
      return <NewFileDialog projectId={dialog.projectId} kind={dialog.kind} onClose={close} />;
    case 'renameProject':
      return <NameDialog type="renameProject" title="Rename project" label="Project name" initial={dialog.name} confirmLabel="Rename" onClose={close} onSubmit={(n) => renameProjectAction(dialog.projectId, n)} />;
    case 'renameFile':
      return <NameDialog type="renameFile" title="Rename file" label="File name" initial={dialog.name} confirmLabel="Rename" onClose={close} onSubmit={(n) => renameFileAction(dialog.fileId, n)} />;
    case 'saveVersion':
      return <SaveVersionDialog fileId={dialog.fileId} onClose={close} />;
    case 'importError':
      return <ImportErrorDialog refused={dialog.refused} onClose={close} />;
    case 'importReport':
      return <ImportReportDialog reviews={dialog.reviews} resolve={dialog.resolve} onClose={close} />;
    case 'help':
      return <HelpDialog onClose={close} />;
  }
}
