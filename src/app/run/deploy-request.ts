/*
 * The Deploy shortcut is global (src/app/shortcuts) but only the open BPMN editor knows the
 * diagram and its lint findings, so the shortcut asks whichever editor listens.
 */
const listeners = new Set<() => void>();

/** The open BPMN editor listens while mounted. Returns the unsubscribe. */
export function onDeployRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks the open BPMN editor to show its Deploy dialog; false when no BPMN editor is open. */
export function requestDeploy(): boolean {
  for (const l of listeners) l();
  return listeners.size > 0;
}
