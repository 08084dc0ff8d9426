/**
 * The scopes a step must look at again because their last child may have gone (null = the
 * process scope): in the order they emptied, without repeats. A step usually empties one or two,
 * so they are kept in an array searched one by one; past {@link SCAN} entries (a budget
 * incident resumed over a large instance) a Set answers the membership test instead.
 */
export class PendingScopes {
  private list: Array<string | null> = [];
  private set: Set<string | null> | null = null;

  get size(): number {
    return this.list.length;
  }

  add(scopeId: string | null): void {
    if (this.set !== null) {
      if (this.set.has(scopeId)) return;
      this.set.add(scopeId);
    } else if (this.list.length < SCAN) {
      if (this.list.includes(scopeId)) return;
    } else {
      this.set = new Set(this.list);
      if (this.set.has(scopeId)) return;
      this.set.add(scopeId);
    }
    this.list.push(scopeId);
  }

  /** The scopes so far, in order; the set is empty afterwards. */
  take(): Array<string | null> {
    const out = this.list;
    this.list = [];
    this.set = null;
    return out;
  }
}

const SCAN = 16;
