import { useEffect } from 'react';
import { parseHash, routeFileId, routeProjectId } from '../routing/routes';
import { navigate } from '../routing/useRoute';
import { requestDeploy } from '../run/deploy-request';
import { useStudio } from '../state/store';
import { db } from '../workspace/db';
import { isMac, isTextInput } from './platform';
import { matchShortcut, OWNS_SAVE_ATTRIBUTE, type Command } from './shortcuts';

/** The element id of the hidden file input that "Open" clicks. */
export const OPEN_FILE_INPUT_ID = 'open-file-input';

async function run(command: Command): Promise<void> {
  const s = useStudio.getState();
  const route = parseHash(window.location.hash);
  switch (command) {
    case 'closeDialog':
      if (s.dialog) s.closeDialog();
      else if (s.versionsOpen) s.toggleVersions(false);
      return;
    case 'deploy':
      if (!requestDeploy()) s.toast('Open a BPMN diagram to deploy it');
      return;
    case 'goInstances':
      navigate({ name: 'instances' });
      return;
    case 'goTasks':
      navigate({ name: 'tasks' });
      return;
    case 'goDashboard':
      navigate({ name: 'dashboard' });
      return;
    case 'goSimulation': {
      const fileId = routeFileId(route);
      const file = fileId ? await db.files.get(fileId) : undefined;
      if (file?.kind === 'bpmn') navigate({ name: 'simulation', fileId: file.id });
      else s.toast('Open a BPMN diagram to simulate it');
      return;
    }
    case 'help':
      s.openDialog({ type: 'help' });
      return;
    case 'focusSearch':
      s.requestSearchFocus();
      return;
    case 'openFile':
      document.getElementById(OPEN_FILE_INPUT_ID)?.click();
      return;
    case 'saveVersion': {
      const fileId = routeFileId(route);
      if (!fileId || !s.session) {
        s.toast('Open a file to save a version of it');
        return;
      }
      void s.session.flush();
      s.openDialog({ type: 'saveVersion', fileId });
      return;
    }
    case 'newFile': {
      let projectId = routeProjectId(route);
      const fileId = routeFileId(route);
      if (!projectId && fileId) projectId = (await db.files.get(fileId))?.projectId;
      projectId ??= (await db.projects.orderBy('updatedAt').last())?.id;
      if (projectId) s.openDialog({ type: 'newFile', projectId, kind: 'bpmn' });
      else s.openDialog({ type: 'newProject' });
      return;
    }
  }
}

function ownsSave(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`[${OWNS_SAVE_ATTRIBUTE}]`) !== null;
}

/** Installs the global keyboard shortcuts (capture phase, so editors cannot swallow Ctrl+S). */
export function useShortcuts(): void {
  useEffect(() => {
    const mac = isMac();
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const command = matchShortcut(
        { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey, inInput: isTextInput(e.target) },
        mac,
      );
      if (!command) return;
      // An editor that saves its own text on Ctrl+S (the script editor) marks itself; there the
      // key saves what is being edited instead of opening "Save a version".
      if (command === 'saveVersion' && ownsSave(e.target)) return;
      // Escape only matters when there is something to close; otherwise the editor may use it.
      const s = useStudio.getState();
      if (command === 'closeDialog' && !s.dialog && !s.versionsOpen) return;
      // With a dialog open only Escape acts; Ctrl+S is still kept from the browser's "Save page".
      if (s.dialog && command !== 'closeDialog') {
        if (command === 'saveVersion') e.preventDefault();
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      void run(command);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
