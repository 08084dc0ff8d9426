import 'fake-indexeddb/auto'; // before dexie loads: Dexie looks up indexedDB when imported
import { afterEach, describe, expect, it } from 'vitest';
import { createFile, createProject, deleteFile, getFile, restoreDeleted, saveFileContent, type FileRecord, type FlowdeckDb } from '../../../store';
import { freshDb } from '../../../store/test-support/fresh-db';
import { FileSession, type Journal, type JournalEntry, type Scheduler } from './file-session';

/** A scheduler the test fires by hand: "time passes" only when the test says so. */
class ManualScheduler implements Scheduler {
  private next = 1;
  readonly timers = new Map<number, { fn: () => void; ms: number }>();
  set(fn: () => void, ms: number) {
    const id = this.next++;
    this.timers.set(id, { fn, ms });
    return id;
  }
  clear(h: unknown) {
    this.timers.delete(h as number);
  }
  /** Fires every pending timer (the debounce elapsed). */
  elapse() {
    const due = [...this.timers.values()];
    this.timers.clear();
    for (const t of due) t.fn();
  }
}

class MemoryJournal implements Journal {
  readonly entries = new Map<string, JournalEntry>();
  read(id: string) {
    return this.entries.get(id);
  }
  write(id: string, e: JournalEntry) {
    this.entries.set(id, e);
  }
  clear(id: string) {
    this.entries.delete(id);
  }
}

let db: FlowdeckDb;
afterEach(async () => {
  await db?.delete();
});

async function openFile(content = '<v1/>') {
  db = freshDb();
  const p = await createProject(db, 'P');
  const file = await createFile(db, p.id, 'bpmn', 'Main', { content });
  const scheduler = new ManualScheduler();
  const journal = new MemoryJournal();
  const session = new FileSession(db, file, { scheduler, journal, debounceMs: 500 });
  return { file, session, scheduler, journal };
}

/** Waits until the session's save settles (the scheduler only starts it). */
async function settle(session: FileSession) {
  await session.flush();
}

describe('FileSession autosave', () => {
  it('given an edit, then it is "unsaved" with a 500 ms debounce; when the debounce elapses, it is saved as revision 2', async () => {
    const { file, session, scheduler } = await openFile();
    session.edit('<v2/>');
    expect(session.getSnapshot()).toMatchObject({ saveState: 'unsaved', content: '<v2/>' });
    expect([...scheduler.timers.values()].map((t) => t.ms)).toEqual([500]);
    expect((await getFile(db, file.id))?.content).toBe('<v1/>');

    scheduler.elapse();
    await settle(session);

    expect(session.getSnapshot()).toMatchObject({ saveState: 'saved', baseRevision: 2 });
    expect(await getFile(db, file.id)).toMatchObject({ content: '<v2/>', revision: 2 });
  });

  it('given several quick edits, then only the last one is saved, in one revision', async () => {
    const { file, session, scheduler } = await openFile();
    session.edit('<a/>');
    session.edit('<ab/>');
    session.edit('<abc/>');
    expect(scheduler.timers.size).toBe(1);
    scheduler.elapse();
    await settle(session);
    expect(await getFile(db, file.id)).toMatchObject({ content: '<abc/>', revision: 2 });
  });

  it('given an edit during a save, then it is saved after it, based on the new revision', async () => {
    const { file, session } = await openFile();
    session.edit('<a/>');
    const first = session.flush();
    session.edit('<b/>');
    await first;
    await session.flush();
    expect(await getFile(db, file.id)).toMatchObject({ content: '<b/>', revision: 3 });
    expect(session.getSnapshot()).toMatchObject({ saveState: 'saved', baseRevision: 3 });
  });

  it('given no unsaved edits, when another tab stores a new revision, then it is adopted and counted as an outside change', async () => {
    const { file, session } = await openFile();
    const theirs = await saveFileContent(db, file.id, '<theirs/>', 1);
    session.observe(theirs);
    expect(session.getSnapshot()).toMatchObject({ content: '<theirs/>', baseRevision: 2, saveState: 'saved', externalChanges: 1 });
  });

  it('given our own save, when liveQuery reports it, then nothing changes', async () => {
    const { file, session } = await openFile();
    session.edit('<mine/>');
    await session.flush();
    session.observe(await getFile(db, file.id));
    expect(session.getSnapshot()).toMatchObject({ content: '<mine/>', baseRevision: 2, saveState: 'saved', externalChanges: 0 });
  });

  it('given unsaved edits, when another tab stores first, then the session is in conflict and does not save', async () => {
    const { file, session, scheduler } = await openFile();
    session.edit('<mine/>');
    const theirs = await saveFileContent(db, file.id, '<theirs/>', 1);
    session.observe(theirs);
    expect(session.getSnapshot()).toMatchObject({ saveState: 'conflict', theirRevision: 2, content: '<mine/>' });
    expect(scheduler.timers.size).toBe(0);
    await session.flush();
    expect(await getFile(db, file.id)).toMatchObject({ content: '<theirs/>', revision: 2 });
  });

  it('given the other tab stored before liveQuery told us, when we save, then the save is refused as a conflict', async () => {
    const { file, session } = await openFile();
    await saveFileContent(db, file.id, '<theirs/>', 1);
    session.edit('<mine/>');
    await session.flush();
    expect(session.getSnapshot()).toMatchObject({ saveState: 'conflict', theirRevision: 2 });
    expect((await getFile(db, file.id))?.content).toBe('<theirs/>');
  });

  it('given a conflict, when the user reloads theirs, then their content is shown and nothing of ours is stored', async () => {
    const { file, session } = await openFile();
    await saveFileContent(db, file.id, '<theirs/>', 1);
    session.edit('<mine/>');
    await session.flush();
    await session.reloadTheirs();
    expect(session.getSnapshot()).toMatchObject({ saveState: 'saved', content: '<theirs/>', baseRevision: 2, externalChanges: 1 });
    expect(session.hasUnsavedChanges).toBe(false);
  });

  it('given a conflict, when the user overwrites, then our content is stored as a new revision', async () => {
    const { file, session } = await openFile();
    await saveFileContent(db, file.id, '<theirs/>', 1);
    session.edit('<mine/>');
    await session.flush();
    session.edit('<mine2/>'); // still typing while the dialog is open
    expect(session.getSnapshot().saveState).toBe('conflict');
    await session.overwrite();
    expect(await getFile(db, file.id)).toMatchObject({ content: '<mine2/>', revision: 3 });
    expect(session.getSnapshot()).toMatchObject({ saveState: 'saved', baseRevision: 3 });
  });

  it('given the file is deleted elsewhere, then the session reports it; when restored (undo), it recovers', async () => {
    const { file, session } = await openFile();
    const snapshot = await deleteFile(db, file.id);
    session.observe(undefined);
    expect(session.getSnapshot()).toMatchObject({ saveState: 'error', error: 'This file was deleted' });
    await restoreDeleted(db, snapshot);
    session.observe(await getFile(db, file.id));
    expect(session.getSnapshot()).toMatchObject({ saveState: 'saved', error: undefined });
  });
});

describe('FileSession journal (page hidden or closed mid-debounce)', () => {
  it('given an unsaved edit, when the page goes away, then the journal holds it; a new session recovers and saves it', async () => {
    const { file, session, journal } = await openFile();
    session.edit('<typed/>');
    session.persistPending();
    expect(journal.read(file.id)).toEqual({ baseRevision: 1, content: '<typed/>' });

    // the page was unloaded before the save ran; a new page opens the same stored record
    const stored = (await getFile(db, file.id)) as FileRecord;
    const scheduler = new ManualScheduler();
    const next = new FileSession(db, stored, { scheduler, journal });
    expect(next.getSnapshot()).toMatchObject({ content: '<typed/>', saveState: 'unsaved' });
    scheduler.elapse();
    await next.flush();
    expect(await getFile(db, file.id)).toMatchObject({ content: '<typed/>', revision: 2 });
    expect(journal.read(file.id)).toBeUndefined();
  });

  it('given the journalled edit was saved after all, when reopened, then the stale journal is dropped', async () => {
    const { file, session, journal } = await openFile();
    session.edit('<typed/>');
    session.persistPending();
    await session.flush();
    journal.write(file.id, { baseRevision: 1, content: '<typed/>' }); // written before the save ended
    const reopened = new FileSession(db, (await getFile(db, file.id)) as FileRecord, { journal, scheduler: new ManualScheduler() });
    expect(reopened.getSnapshot()).toMatchObject({ saveState: 'saved', baseRevision: 2 });
    expect(journal.read(file.id)).toBeUndefined();
  });

  it('given the file changed elsewhere since the journal was written, when reopened, then it opens in conflict', async () => {
    const { file, session, journal } = await openFile();
    session.edit('<typed/>');
    session.persistPending();
    const theirs = await saveFileContent(db, file.id, '<theirs/>', 1);
    const reopened = new FileSession(db, theirs, { journal, scheduler: new ManualScheduler() });
    expect(reopened.getSnapshot()).toMatchObject({ saveState: 'conflict', content: '<typed/>', theirRevision: 2 });
  });
});

describe('FileSession drafts (content that is not a valid file)', () => {
  async function openValidated() {
    db = freshDb();
    const p = await createProject(db, 'P');
    const file = await createFile(db, p.id, 'bpmn', 'Main', { content: '<v1/>' });
    const journal = new MemoryJournal();
    const validate = async (content: string) => (content.includes('broken') ? 'line 1, column 3: unclosed tag' : null);
    const session = new FileSession(db, file, { scheduler: new ManualScheduler(), journal, debounceMs: 500, validate });
    return { file, session, journal };
  }

  it('given an invalid edit, when saved, then it stays a draft with its problem and the stored file keeps the last valid content', async () => {
    const { file, session } = await openValidated();
    session.edit('<broken');
    await session.flush();

    expect(session.getSnapshot()).toMatchObject({ saveState: 'draft', content: '<broken', draftProblem: 'line 1, column 3: unclosed tag', baseRevision: 1 });
    expect(session.hasUnsavedChanges).toBe(true);
    expect(await getFile(db, file.id)).toMatchObject({ content: '<v1/>', revision: 1 });
  });

  it('given a draft, when the text is fixed, then it is saved and the draft problem is gone', async () => {
    const { file, session } = await openValidated();
    session.edit('<broken');
    await session.flush();
    session.edit('<fixed/>');
    await session.flush();

    expect(session.getSnapshot()).toMatchObject({ saveState: 'saved', baseRevision: 2 });
    expect(session.getSnapshot().draftProblem).toBeUndefined();
    expect((await getFile(db, file.id))?.content).toBe('<fixed/>');
  });

  it('given a draft, when the page goes away, then the draft is journalled and the next session shows it again as a draft', async () => {
    const { file, session, journal } = await openValidated();
    session.edit('<broken');
    await session.flush();
    session.persistPending();

    const next = new FileSession(db, (await getFile(db, file.id))!, { scheduler: new ManualScheduler(), journal, validate: async () => 'still broken' });
    await next.flush();

    expect(next.getSnapshot()).toMatchObject({ saveState: 'draft', content: '<broken', draftProblem: 'still broken' });
    expect((await getFile(db, file.id))?.content).toBe('<v1/>');
  });
});
