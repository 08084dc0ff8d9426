/** The studio's keyboard commands. */
export type Command = 'saveVersion' | 'newFile' | 'openFile' | 'focusSearch' | 'help' | 'closeDialog' | 'deploy' | 'goInstances' | 'goTasks' | 'goDashboard' | 'goSimulation';

/** A key binding; `mod` is Ctrl on Windows/Linux and Cmd on macOS. */
export interface Binding {
  command: Command;
  key: string;
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
  /** Only when the focus is not in a text field (plain keys like `/` and `?` are typed there). */
  outsideInputs?: boolean;
}

/**
 * The attribute an editor container sets when Ctrl/Cmd+S inside it saves what that editor holds
 * (the script editor writes its script) instead of opening "Save a version".
 */
export const OWNS_SAVE_ATTRIBUTE = 'data-owns-save';

/** All bindings, in the order the help dialog lists them. */
export const BINDINGS: readonly Binding[] = [
  { command: 'saveVersion', key: 's', mod: true },
  { command: 'newFile', key: 'n', mod: true },
  // Browsers keep Ctrl+N for a new window outside an installed app; Alt+N always reaches us.
  { command: 'newFile', key: 'n', alt: true },
  { command: 'openFile', key: 'o', mod: true },
  { command: 'focusSearch', key: 'k', mod: true, outsideInputs: true },
  { command: 'focusSearch', key: '/', outsideInputs: true },
  { command: 'help', key: '?', outsideInputs: true },
  { command: 'closeDialog', key: 'Escape' },
  // Alt+Shift: Ctrl+Shift+D and Alt+D are the browser's (bookmark all tabs, address bar).
  { command: 'deploy', key: 'd', alt: true, shift: true },
  { command: 'goInstances', key: 'i', alt: true, shift: true },
  { command: 'goTasks', key: 't', alt: true, shift: true },
  { command: 'goDashboard', key: 'b', alt: true, shift: true },
  { command: 'goSimulation', key: 'm', alt: true, shift: true },
];

export const COMMAND_LABELS: Record<Command, string> = {
  saveVersion: 'Save now and name a version',
  newFile: 'New file',
  openFile: 'Open a file from disk',
  focusSearch: 'Search projects and files',
  help: 'Show keyboard shortcuts',
  closeDialog: 'Close a dialog or panel',
  deploy: 'Deploy the open BPMN diagram (then start an instance)',
  goInstances: 'Go to the process instances',
  goTasks: 'Go to the tasklist',
  goDashboard: 'Go to the dashboard',
  goSimulation: 'Simulate the open BPMN diagram',
};

/** What the matcher needs of a KeyboardEvent. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** True when the event target is an input, textarea, select or contenteditable. */
  inInput: boolean;
}

/**
 * The command a key press means, if any. On macOS the modifier is Cmd, elsewhere Ctrl.
 *
 * @example
 * const cmd = matchShortcut({ key: 's', ctrlKey: true, ... }, false); // 'saveVersion'
 */
export function matchShortcut(input: KeyInput, isMac: boolean): Command | undefined {
  const mod = isMac ? input.metaKey : input.ctrlKey;
  const otherMod = isMac ? input.ctrlKey : input.metaKey;
  for (const b of BINDINGS) {
    if (b.outsideInputs && input.inInput) continue;
    if (input.key.toLowerCase() !== b.key.toLowerCase()) continue;
    if (!!b.mod !== mod || otherMod) continue;
    if (!!b.alt !== input.altKey) continue;
    // `?` needs Shift on most layouts; for the other plain keys Shift must match.
    if (b.key !== '?' && !!b.shift !== input.shiftKey) continue;
    return b.command;
  }
  return undefined;
}

/** "Ctrl+S" / "⌘S" for the help dialog and button titles. */
export function formatBinding(b: Binding, isMac: boolean): string {
  const parts: string[] = [];
  if (b.mod) parts.push(isMac ? '⌘' : 'Ctrl');
  if (b.alt) parts.push(isMac ? '⌥' : 'Alt');
  if (b.shift) parts.push(isMac ? '⇧' : 'Shift');
  parts.push(b.key.length === 1 ? b.key.toUpperCase() : b.key === 'Escape' ? 'Esc' : b.key);
  return isMac ? parts.join('') : parts.join('+');
}

/** The first binding of a command, formatted (for tooltips). */
export function shortcutOf(command: Command, isMac: boolean): string {
  const b = BINDINGS.find((x) => x.command === command);
  return b ? formatBinding(b, isMac) : '';
}
