import { ConflictError, getFile, RecordNotFoundError, saveFileContent, type FileRecord, type FlowdeckDb } from '../../../store';

/** What the top bar shows about the open file. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error' | 'draft';

/** The observable state of an open file. */
export interface SessionSnapshot {
  fileId: string;
  /** The document as the editor should show it (the user's latest edit, saved or not). */
  content: string;
  /** The stored revision that `content` is based on. */
  baseRevision: number;
  saveState: SaveState;
  /** In a conflict: the revision someone else stored. */
  theirRevision?: number;
  /** In the error state: what went wrong. */
  error?: string;
  /** In the draft state: why the content is not a valid file (it stays unsaved until it is). */
  draftProblem?: string;
  /** Grows each time `content` was replaced from outside (another tab, reload, restore). */
  externalChanges: number;
}

/** Timer functions, injectable so that tests drive the debounce without fake timers. */
export interface Scheduler {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Unsaved content kept synchronously when the page goes away (see {@link FileSession.persistPending}). */
export interface JournalEntry {
  baseRevision: number;
  content: string;
}

/** A synchronous key-value place for {@link JournalEntry}s (localStorage in the app). */
export interface Journal {
  read(fileId: string): JournalEntry | undefined;
  write(fileId: string, entry: JournalEntry): void;
  clear(fileId: string): void;
}

/**
 * Checks content before it is stored: `null` when it is a valid file, else the problem. Invalid
 * content is kept as a draft (shown, journalled) and never saved over the last valid version.
 */
export type ContentValidator = (content: string) => Promise<string | null>;

export interface FileSessionOptions {
  debounceMs?: number;
  validate?: ContentValidator;
  scheduler?: Scheduler;
  journal?: Journal;
}

const realScheduler: Scheduler = {
  set: (fn, ms) => globalThis.setTimeout(fn, ms),
  clear: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Autosave for one open file. Edits are debounced and saved with the revision they are based on;
 * a save refused because someone else stored a newer revision puts the session in `conflict`
 * until the user explicitly reloads theirs or overwrites. Stored changes from elsewhere (seen via
 * {@link observe}, fed from liveQuery) are adopted when there are no unsaved edits.
 *
 * @example
 * const session = new FileSession(db, file);
 * session.subscribe(() => render(session.getSnapshot()));
 * editor.onChange = (xml) => session.edit(xml);
 * liveQuery(() => db.files.get(file.id)).subscribe((f) => session.observe(f));
 */
export class FileSession {
  private snapshot: SessionSnapshot;
  private pending: string | undefined;
  private timer: unknown;
  private saving: Promise<void> | undefined;
  private lastSeen: FileRecord | undefined;
  private disposed = false;
  private readonly listeners = new Set<() => void>();
  private readonly debounceMs: number;
  private readonly scheduler: Scheduler;
  private readonly journal: Journal | undefined;
  private readonly validate: ContentValidator | undefined;

  constructor(
    private readonly db: FlowdeckDb,
    file: FileRecord,
    options: FileSessionOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 500;
    this.scheduler = options.scheduler ?? realScheduler;
    this.journal = options.journal;
    this.validate = options.validate;
    this.lastSeen = file;
    this.snapshot = { fileId: file.id, content: file.content, baseRevision: file.revision, saveState: 'saved', externalChanges: 0 };
    this.recoverJournal(file);
  }

  getSnapshot = (): SessionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True while there is content that is not stored yet. */
  get hasUnsavedChanges(): boolean {
    return this.pending !== undefined;
  }

  /** Records a user edit; it is saved after the debounce delay (or on {@link flush}). */
  edit(content: string): void {
    if (this.disposed || content === this.snapshot.content) return;
    this.pending = content;
    const inConflict = this.snapshot.saveState === 'conflict';
    this.set({ content, saveState: inConflict ? 'conflict' : 'unsaved', error: undefined, draftProblem: undefined });
    if (!inConflict) this.schedule();
  }

  /** Saves pending edits now. Resolves when stored (or when refused: see the snapshot's state). */
  async flush(): Promise<void> {
    this.cancelTimer();
    while (this.saving) await this.saving;
    if (this.pending === undefined || this.snapshot.saveState === 'conflict' || this.disposed) return;
    const content = this.pending;
    if (this.validate) {
      const problem = await this.validate(content);
      // Another flush may have started saving while this one validated.
      while (this.saving) await this.saving;
      // Edited, reconciled, saved or closed meanwhile: the newer state decides.
      if (this.pending !== content || this.getSnapshot().saveState === 'conflict' || this.disposed) return;
      if (problem !== null) {
        this.set({ saveState: 'draft', draftProblem: problem });
        return;
      }
    }
    this.set({ saveState: 'saving' });
    this.saving = this.save(content, this.snapshot.baseRevision);
    try {
      await this.saving;
    } finally {
      this.saving = undefined;
    }
    this.reconcile();
  }

  /** Feeds the stored record (from liveQuery); `undefined` means the file was deleted. */
  observe(file: FileRecord | undefined): void {
    this.lastSeen = file;
    if (!this.saving) this.reconcile();
  }

  /** Conflict resolution "reload theirs": drops unsaved edits and shows the stored content. */
  async reloadTheirs(): Promise<void> {
    this.cancelTimer();
    const file = await getFile(this.db, this.snapshot.fileId);
    this.pending = undefined;
    this.journal?.clear(this.snapshot.fileId);
    if (!file) {
      this.set({ saveState: 'error', error: 'This file was deleted', theirRevision: undefined });
      return;
    }
    this.lastSeen = file;
    this.adopt(file);
  }

  /** Conflict resolution "keep mine": stores this session's content over whatever is stored. */
  async overwrite(): Promise<void> {
    this.cancelTimer();
    while (this.saving) await this.saving;
    const content = this.snapshot.content;
    this.set({ saveState: 'saving' });
    this.saving = this.save(content, 'overwrite');
    try {
      await this.saving;
    } finally {
      this.saving = undefined;
    }
  }

  /** Takes a stored record as the new base (after a restore made by this tab, for instance). */
  adopt(file: FileRecord): void {
    this.pending = undefined;
    this.set({
      content: file.content,
      baseRevision: file.revision,
      saveState: 'saved',
      theirRevision: undefined,
      error: undefined,
      draftProblem: undefined,
      externalChanges: file.content === this.snapshot.content ? this.snapshot.externalChanges : this.snapshot.externalChanges + 1,
    });
  }

  /**
   * Writes unsaved content to the journal synchronously. Called when the page is hidden or goes
   * away: the asynchronous IndexedDB save that {@link flush} starts may not finish before unload,
   * the journal write always does, and the next session for the file recovers from it.
   */
  persistPending(): void {
    if (this.pending !== undefined) this.journal?.write(this.snapshot.fileId, { baseRevision: this.snapshot.baseRevision, content: this.pending });
  }

  /** Saves what is pending and stops reacting to anything. */
  async dispose(): Promise<void> {
    await this.flush();
    this.disposed = true;
    this.cancelTimer();
    this.listeners.clear();
  }

  private async save(content: string, expected: number | 'overwrite'): Promise<void> {
    try {
      const saved = await saveFileContent(this.db, this.snapshot.fileId, content, expected);
      this.lastSeen = saved;
      this.journal?.clear(this.snapshot.fileId);
      const newer = this.pending !== undefined && this.pending !== content;
      if (!newer) this.pending = undefined;
      this.set({ baseRevision: saved.revision, saveState: newer ? 'unsaved' : 'saved', theirRevision: undefined, error: undefined, draftProblem: undefined });
      if (newer) this.schedule();
    } catch (e) {
      if (e instanceof ConflictError) {
        this.set({ saveState: 'conflict', theirRevision: e.currentRevision });
      } else if (e instanceof RecordNotFoundError) {
        this.set({ saveState: 'error', error: 'This file was deleted' });
      } else {
        this.set({ saveState: 'error', error: `Saving failed: ${(e as Error).message}` });
      }
    }
  }

  private reconcile(): void {
    if (this.disposed) return;
    const file = this.lastSeen;
    const { baseRevision, saveState } = this.snapshot;
    if (!file) {
      this.cancelTimer();
      this.set({ saveState: 'error', error: 'This file was deleted' });
      return;
    }
    if (saveState === 'error' && this.snapshot.error === 'This file was deleted' && file.revision === baseRevision) {
      // Deleted and restored (undo): the same record is back.
      this.set({ saveState: this.pending === undefined ? 'saved' : 'unsaved', error: undefined });
      if (this.pending !== undefined) this.schedule();
      return;
    }
    if (file.revision <= baseRevision) return;
    if (this.pending === undefined && saveState !== 'conflict') {
      this.adopt(file);
    } else if (this.pending !== undefined && this.pending === file.content) {
      // Someone stored exactly what we were about to store.
      this.adopt(file);
    } else {
      this.cancelTimer();
      this.set({ saveState: 'conflict', theirRevision: file.revision });
    }
  }

  private recoverJournal(file: FileRecord): void {
    const entry = this.journal?.read(file.id);
    if (!entry) return;
    if (entry.content === file.content) {
      this.journal?.clear(file.id);
      return;
    }
    this.pending = entry.content;
    if (entry.baseRevision === file.revision) {
      this.snapshot = { ...this.snapshot, content: entry.content, saveState: 'unsaved' };
      this.schedule(0);
    } else {
      this.snapshot = { ...this.snapshot, content: entry.content, baseRevision: entry.baseRevision, saveState: 'conflict', theirRevision: file.revision };
    }
  }

  private schedule(ms = this.debounceMs): void {
    this.cancelTimer();
    this.timer = this.scheduler.set(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.scheduler.clear(this.timer);
    this.timer = undefined;
  }

  private set(patch: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}
