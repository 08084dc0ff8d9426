/**
 * The diagram editor's own keys (bpmn-js / diagram-js keyboard bindings, active while the canvas
 * has focus), listed by the `?` help next to the studio's. They are handled by bpmn-js, not by
 * `useShortcuts`; this list only documents them. "mod" is Ctrl, or Cmd on macOS.
 *
 * @example
 * ```ts
 * MODELING_SHORTCUTS.map(({ keys, label }) => `${keys.join(' / ')}: ${label}`);
 * ```
 */
export interface ModelingShortcut {
  keys: string[];
  label: string;
}

export function modelingShortcuts(mac: boolean): ModelingShortcut[] {
  const mod = mac ? '⌘' : 'Ctrl+';
  const shift = mac ? '⇧' : 'Shift+';
  return [
    { keys: [`${mod}Z`], label: 'Undo' },
    { keys: [`${mod}Y`, `${mod}${shift}Z`], label: 'Redo' },
    { keys: [`${mod}C`, `${mod}V`], label: 'Copy, paste' },
    { keys: [`${mod}A`], label: 'Select all' },
    { keys: [`${mod}F`], label: 'Find an element' },
    { keys: ['Delete', 'Backspace'], label: 'Remove the selection' },
    { keys: ['E'], label: 'Edit the label' },
    { keys: ['A'], label: 'Append an element' },
    { keys: ['N'], label: 'Create an element' },
    { keys: ['R'], label: 'Replace (change type)' },
    { keys: ['H'], label: 'Hand tool' },
    { keys: ['L'], label: 'Lasso tool' },
    { keys: ['S'], label: 'Space tool' },
    { keys: ['C'], label: 'Global connect tool' },
    { keys: [`${mod}+`, `${mod}-`, `${mod}0`], label: 'Zoom in, out, reset' },
    { keys: ['←↑→↓'], label: 'Move the selection or the canvas' },
  ];
}
