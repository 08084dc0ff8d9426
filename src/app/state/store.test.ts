import { beforeEach, describe, expect, it } from 'vitest';
import { useStudio } from './store';

beforeEach(() => {
  useStudio.setState({ toasts: [], banners: [], dialog: undefined, collapsed: {}, query: '' });
});

describe('studio UI state', () => {
  it('given a dialog, when another opens, then only the new one is open; close clears it', () => {
    const s = useStudio.getState();
    s.openDialog({ type: 'help' });
    s.openDialog({ type: 'newProject' });
    expect(useStudio.getState().dialog).toEqual({ type: 'newProject' });
    useStudio.getState().closeDialog();
    expect(useStudio.getState().dialog).toBeUndefined();
  });

  it('keeps at most four toasts, newest last, and dismisses by id', () => {
    const s = useStudio.getState();
    const ids = [1, 2, 3, 4, 5].map((n) => s.toast(`t${n}`));
    expect(useStudio.getState().toasts.map((t) => t.message)).toEqual(['t2', 't3', 't4', 't5']);
    useStudio.getState().dismissToast(ids[4]);
    expect(useStudio.getState().toasts.map((t) => t.message)).toEqual(['t2', 't3', 't4']);
  });

  it('does not repeat an identical banner', () => {
    const s = useStudio.getState();
    s.banner('error', 'Disk full');
    s.banner('error', 'Disk full');
    expect(useStudio.getState().banners).toHaveLength(1);
  });

  it('toggles a project collapsed and back', () => {
    useStudio.getState().toggleProject('p');
    expect(useStudio.getState().collapsed).toEqual({ p: true });
    useStudio.getState().toggleProject('p');
    expect(useStudio.getState().collapsed).toEqual({});
  });
});
