import { describe, expect, it } from 'vitest';
import { BINDINGS, COMMAND_LABELS, formatBinding, matchShortcut, type KeyInput } from './shortcuts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, inInput: false, ...mods });

describe('matchShortcut', () => {
  it('maps Ctrl on Windows/Linux and Cmd on macOS', () => {
    expect(matchShortcut(key('s', { ctrlKey: true }), false)).toBe('saveVersion');
    expect(matchShortcut(key('s', { metaKey: true }), true)).toBe('saveVersion');
    expect(matchShortcut(key('s', { ctrlKey: true }), true)).toBeUndefined();
    expect(matchShortcut(key('S', { ctrlKey: true }), false)).toBe('saveVersion');
  });

  it('keeps plain keys for typing when the focus is in a text field', () => {
    expect(matchShortcut(key('/'), false)).toBe('focusSearch');
    expect(matchShortcut(key('/', { inInput: true }), false)).toBeUndefined();
    expect(matchShortcut(key('?', { shiftKey: true }), false)).toBe('help');
    expect(matchShortcut(key('?', { shiftKey: true, inInput: true }), false)).toBeUndefined();
    expect(matchShortcut(key('k', { ctrlKey: true, inInput: true }), false)).toBeUndefined();
  });

  it('works for Save, New file (Ctrl+N and Alt+N), Open and Escape even inside editors', () => {
    expect(matchShortcut(key('s', { ctrlKey: true, inInput: true }), false)).toBe('saveVersion');
    expect(matchShortcut(key('n', { ctrlKey: true }), false)).toBe('newFile');
    expect(matchShortcut(key('n', { altKey: true, inInput: true }), false)).toBe('newFile');
    expect(matchShortcut(key('o', { ctrlKey: true }), false)).toBe('openFile');
    expect(matchShortcut(key('Escape', { inInput: true }), false)).toBe('closeDialog');
  });

  it('ignores keys with extra modifiers', () => {
    expect(matchShortcut(key('s', { ctrlKey: true, shiftKey: true }), false)).toBeUndefined();
    expect(matchShortcut(key('s', { ctrlKey: true, altKey: true }), false)).toBeUndefined();
    expect(matchShortcut(key('x'), false)).toBeUndefined();
  });

  it('maps Alt+Shift+D to Deploy and Alt+Shift+I / T / B to the run views, even inside editors', () => {
    expect(matchShortcut(key('D', { altKey: true, shiftKey: true, inInput: true }), false)).toBe('deploy');
    expect(matchShortcut(key('d', { altKey: true }), false)).toBeUndefined();
    expect(matchShortcut(key('I', { altKey: true, shiftKey: true }), false)).toBe('goInstances');
    expect(matchShortcut(key('T', { altKey: true, shiftKey: true }), false)).toBe('goTasks');
    expect(matchShortcut(key('B', { altKey: true, shiftKey: true }), false)).toBe('goDashboard');
  });

  it('formats every binding and labels every command', () => {
    expect(formatBinding(BINDINGS[0], false)).toBe('Ctrl+S');
    expect(formatBinding(BINDINGS[0], true)).toBe('⌘S');
    for (const b of BINDINGS) expect(COMMAND_LABELS[b.command]).toBeTruthy();
  });
});
