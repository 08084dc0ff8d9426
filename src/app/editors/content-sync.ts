/**
 * Decides when an editor must re-import the `content` prop. An editor emits each user edit via
 * `onChange`; the shell debounces, saves and passes the saved text back as `content`. That echo
 * (even a late one, after newer edits) must not be re-imported, or the editor would lose its
 * selection, undo stack and newer edits. Content that differs from everything the editor emitted
 * recently is an outside change (another tab, a restored version) and is imported.
 *
 * @example
 * ```ts
 * const sync = new ContentSync();
 * if (sync.shouldImport(props.content)) { await modeler.importXML(props.content); sync.imported(props.content); }
 * modeler.on('commandStack.changed', async () => { const xml = await save(); sync.emitted(xml); props.onChange(xml); });
 * ```
 */
export class ContentSync {
  private current: string | undefined;
  private readonly recent: string[] = [];

  /** @param historySize how many emitted versions count as "ours" (late echoes of older edits). */
  constructor(private readonly historySize = 20) {}

  /** True when `content` is neither what the editor shows nor one of its recent emissions. */
  shouldImport(content: string): boolean {
    return content !== this.current && !this.recent.includes(content);
  }

  /** Records content loaded from outside: it is now what the editor shows. */
  imported(content: string): void {
    this.current = content;
    // Older emissions belong to a superseded history; an echo of them now is an outside change.
    this.recent.length = 0;
  }

  /** Records content the editor produced from a user edit and handed to `onChange`. */
  emitted(content: string): void {
    this.current = content;
    this.recent.push(content);
    if (this.recent.length > this.historySize) this.recent.shift();
  }
}
