import { describe, expect, it } from 'vitest';
import { ContentSync } from './content-sync';

describe('ContentSync', () => {
  it('given nothing imported yet, when content arrives, then it is imported', () => {
    expect(new ContentSync().shouldImport('<a/>')).toBe(true);
  });

  it('given imported content, when the same content arrives again, then it is not re-imported', () => {
    const sync = new ContentSync();
    sync.imported('<a/>');

    expect(sync.shouldImport('<a/>')).toBe(false);
  });

  it('given the editor emitted two edits, when the shell echoes the older one late, then it is ignored', () => {
    const sync = new ContentSync();
    sync.imported('v0');
    sync.emitted('v1');
    sync.emitted('v2');

    expect(sync.shouldImport('v1')).toBe(false);
    expect(sync.shouldImport('v2')).toBe(false);
  });

  it('given emitted edits, when different content arrives (restored version), then it is imported', () => {
    const sync = new ContentSync();
    sync.imported('v0');
    sync.emitted('v1');

    expect(sync.shouldImport('v0')).toBe(true);
    expect(sync.shouldImport('other tab')).toBe(true);
  });

  it('given an outside import after edits, when an old emission comes back, then it counts as outside again', () => {
    const sync = new ContentSync();
    sync.emitted('v1');
    sync.imported('restored');

    expect(sync.shouldImport('v1')).toBe(true);
  });

  it('given a history of 2, when a third edit is emitted, then the oldest emission is forgotten', () => {
    const sync = new ContentSync(2);
    sync.emitted('v1');
    sync.emitted('v2');
    sync.emitted('v3');

    expect(sync.shouldImport('v1')).toBe(true);
    expect(sync.shouldImport('v2')).toBe(false);
  });
});
