/**
 * Compiles a parsed regex into instructions for the matchers (Thompson's construction, as RE2 and
 * Russ Cox's "Regular Expression Matching: the Virtual Machine Approach" describe): `SPLIT x, y`
 * prefers `x`, which gives leftmost-first (Perl/XPath) priorities to greedy and reluctant
 * quantifiers alike.
 */
import type { CharSet } from './charset';
import { type ParsedRegex, type RegexNode, RegexSyntaxError } from './parse';

export const CHAR = 0;
export const SET = 1;
export const SPLIT = 2;
export const JMP = 3;
export const SAVE = 4;
export const BOL = 5;
export const EOL = 6;
export const BACKREF = 7;
/** Backtracking only: remember the position a loop iteration starts at (slot `n`). */
export const MARK = 8;
/** Backtracking only: fail an iteration that consumed nothing (slot `n`), so empty loops end. */
export const PROGRESS = 9;
export const MATCH = 10;

/** One instruction; every field is present so that the matchers' loops stay monomorphic. */
export interface Inst {
  op: number;
  /** CHAR: the code point. */
  cp: number;
  /** SET: the characters. */
  set: CharSet | null;
  /** SPLIT/JMP: target (preferred for SPLIT). */
  x: number;
  /** SPLIT: the other target. */
  y: number;
  /** SAVE/MARK/PROGRESS: slot; BACKREF: group. */
  n: number;
}

export interface Program {
  readonly insts: readonly Inst[];
  /** Slots per thread: two per group (group 0 is the whole match), plus loop marks when backtracking. */
  readonly slots: number;
  readonly groups: number;
  /** Starts with `^` outside multi-line mode: only the search start can match. */
  readonly anchored: boolean;
  readonly multiline: boolean;
  readonly ignoreCase: boolean;
}

/** Patterns beyond this many instructions (after expanding `{n,m}`) are refused. */
export const MAX_INSTRUCTIONS = 20_000;

/**
 * @param backtracking adds the MARK/PROGRESS pairs that keep a backtracking matcher from looping
 *   on iterations that match nothing (the Pike VM needs none: it never visits a state twice).
 */
export function compileProgram(parsed: ParsedRegex, backtracking: boolean): Program {
  const insts: Inst[] = [];
  let loops = 0;
  const slotBase = 2 * (parsed.groups + 1);
  const emit = (op: number, fields: Partial<Inst> = {}): number => {
    if (insts.length >= MAX_INSTRUCTIONS) throw new RegexSyntaxError(`pattern too large (over ${MAX_INSTRUCTIONS.toLocaleString('en-US')} instructions once repetitions are expanded)`);
    insts.push({ op, cp: -1, set: null, x: -1, y: -1, n: -1, ...fields });
    return insts.length - 1;
  };

  const gen = (node: RegexNode): void => {
    switch (node.t) {
      case 'empty':
        return;
      case 'char':
        emit(CHAR, { cp: node.cp });
        return;
      case 'set':
        emit(SET, { set: node.set });
        return;
      case 'bol':
        emit(BOL);
        return;
      case 'eol':
        emit(EOL);
        return;
      case 'backref':
        emit(BACKREF, { n: node.index });
        return;
      case 'group':
        if (node.index === null) gen(node.body);
        else {
          emit(SAVE, { n: 2 * node.index });
          gen(node.body);
          emit(SAVE, { n: 2 * node.index + 1 });
        }
        return;
      case 'cat':
        for (const item of node.items) gen(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        node.items.forEach((item, i) => {
          if (i < node.items.length - 1) {
            const split = emit(SPLIT);
            insts[split]!.x = insts.length;
            gen(item);
            jumps.push(emit(JMP));
            insts[split]!.y = insts.length;
          } else gen(item);
        });
        for (const j of jumps) insts[j]!.x = insts.length;
        return;
      }
      case 'repeat':
        repeat(node.body, node.min, node.max, node.greedy);
        return;
    }
  };

  const split = (at: number, body: number, out: number, greedy: boolean) => {
    insts[at]!.x = greedy ? body : out;
    insts[at]!.y = greedy ? out : body;
  };

  const repeat = (body: RegexNode, min: number, max: number, greedy: boolean): void => {
    for (let i = 0; i < min; i++) gen(body);
    if (max === Infinity) {
      const loop = emit(SPLIT);
      const slot = slotBase + loops;
      if (backtracking) {
        loops++;
        emit(MARK, { n: slot });
      }
      gen(body);
      if (backtracking) emit(PROGRESS, { n: slot });
      emit(JMP, { x: loop });
      split(loop, loop + 1, insts.length, greedy);
      return;
    }
    // x{0,k} nests as (x(x(x)?)?)?: skipping one optional copy skips the rest.
    const skips: number[] = [];
    for (let i = min; i < max; i++) {
      skips.push(emit(SPLIT));
      gen(body);
    }
    for (const s of skips) split(s, s + 1, insts.length, greedy);
  };

  gen(parsed.root);
  emit(MATCH);
  const first = parsed.root.t === 'cat' ? parsed.root.items[0] : parsed.root;
  return {
    insts,
    slots: slotBase + loops,
    groups: parsed.groups,
    anchored: first?.t === 'bol' && !parsed.flags.multiline,
    multiline: parsed.flags.multiline,
    ignoreCase: parsed.flags.ignoreCase,
  };
}
