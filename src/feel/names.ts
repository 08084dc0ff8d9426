import { tokenize, type Token } from './lexer';

/** Built-in names that contain spaces or keywords; always known to the parser. */
export const BUILTIN_MULTIWORD_NAMES = [
  'date and time', 'years and months duration', 'days and time duration', 'day of week', 'day of year',
  'week of year', 'month of year', 'index of', 'last day of month', 'time offset', 'start included',
  'end included', 'get or else',
];

interface Known {
  parts: string[];
  /** gaps[i]: whether whitespace separates part i and i+1. */
  gaps: boolean[];
  name: string;
}

/** The set of names (possibly with spaces and symbols) the parser recognises as single names. */
export class NameSet {
  private readonly byFirst = new Map<string, Known[]>();

  private readonly parent: NameSet | null;

  /**
   * With a parent, this set is an overlay: names added here do not leak into the parent. Without
   * one, the built-in multi-word names are the parent.
   */
  constructor(names: Iterable<string> = [], parent?: NameSet | null) {
    this.parent = parent === undefined ? builtinNames() : parent;
    for (const n of names) this.add(n);
  }

  /** An overlay for one parse (context keys, parameters and iteration names get added to it). */
  extend(): NameSet {
    return new NameSet([], this);
  }

  add(name: string): void {
    const norm = name.trim().replace(/\s+/g, ' ');
    let toks: Token[];
    try {
      toks = tokenize(norm).filter((t) => t.type !== 'eof');
    } catch {
      return;
    }
    if (toks.length < 2) return;
    const parts = toks.map((t) => norm.slice(t.start, t.end));
    const gaps = toks.slice(1).map((t, i) => t.start > toks[i].end);
    const list = this.byFirst.get(parts[0]) ?? [];
    if (list.some((k) => k.name === norm)) return;
    list.push({ parts, gaps, name: norm });
    list.sort((a, b) => b.parts.length - a.parts.length);
    this.byFirst.set(parts[0], list);
  }

  /** The longest known name starting at token `i`, as [name, number of tokens]. */
  match(src: string, toks: Token[], i: number): [string, number] | null {
    const own = this.matchOwn(src, toks, i);
    const inherited = this.parent?.match(src, toks, i) ?? null;
    if (!own) return inherited;
    return inherited && inherited[1] > own[1] ? inherited : own;
  }

  private matchOwn(src: string, toks: Token[], i: number): [string, number] | null {
    const list = this.byFirst.get(src.slice(toks[i].start, toks[i].end));
    if (!list) return null;
    outer: for (const k of list) {
      if (i + k.parts.length >= toks.length) continue;
      for (let j = 1; j < k.parts.length; j++) {
        const t = toks[i + j];
        if (t.type === 'eof' || src.slice(t.start, t.end) !== k.parts[j]) continue outer;
        if (t.start > toks[i + j - 1].end !== k.gaps[j - 1]) continue outer;
      }
      return [k.name, k.parts.length];
    }
    return null;
  }
}

let builtinSet: NameSet | null = null;
function builtinNames(): NameSet {
  return (builtinSet ??= new NameSet(BUILTIN_MULTIWORD_NAMES, null));
}
