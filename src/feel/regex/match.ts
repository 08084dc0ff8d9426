/**
 * The two matchers. Both search for the leftmost-first match at or after a start offset and return
 * its slots (`[start, end, group1Start, group1End, …]`, -1 where a group did not take part), with
 * offsets in UTF-16 units while stepping by whole code points.
 *
 * - `pikeSearch`: Thompson NFA simulation with captures (the Pike VM of RE2). Each input position
 *   visits each instruction at most once, so time is O(input × pattern) whatever the pattern:
 *   `(a+)+$` on a million a's is as linear as `a+`.
 * - `backtrackSearch`: for patterns with back-references, which no automaton can match; it may
 *   take exponential time, and every instruction it executes is paid for from the budget.
 *
 * Both pay the budget for the instructions they execute: one step per 16 (Pike VM) or per 4
 * (backtracking, whose instructions cost more), so that a step costs about as much time as a
 * FEEL function call.
 */
import type { Budget } from '../budget';
import { caseVariants } from './charset';
import { BACKREF, BOL, CHAR, EOL, type Inst, JMP, MARK, MATCH, type Program, PROGRESS, SAVE, SET, SPLIT } from './program';

type Slots = number[];

function initialSlots(prog: Program, pos: number): Slots {
  const s = new Array<number>(prog.slots).fill(-1);
  s[0] = pos;
  return s;
}

const atBol = (input: string, pos: number, multiline: boolean) => pos === 0 || (multiline && input.charCodeAt(pos - 1) === 0x0a);
const atEol = (input: string, pos: number, multiline: boolean) => pos === input.length || (multiline && input.charCodeAt(pos) === 0x0a);

/** A list of threads, in priority order, as parallel arrays reused from step to step. */
class ThreadList {
  readonly pcs: Int32Array;
  readonly slots: Slots[];
  size = 0;
  constructor(n: number) {
    this.pcs = new Int32Array(n);
    this.slots = new Array<Slots>(n);
  }
}

/**
 * Leftmost-first search in linear time (no back-references). With `captures` false only the
 * whole match's bounds are tracked, and no slots are copied (what `matches` needs).
 */
/** Per-program buffers, reused from search to search (a search never re-enters the matcher). */
interface Scratch {
  readonly seen: Uint32Array;
  gen: number;
  readonly lists: [ThreadList, ThreadList];
  readonly stackPc: number[];
  readonly stackSlots: Slots[];
  /** The slots every thread shares when groups are not tracked. */
  readonly shared: Slots;
}

const scratches = new WeakMap<Program, Scratch>();

function scratchFor(prog: Program): Scratch {
  let s = scratches.get(prog);
  if (!s) {
    const n = prog.insts.length;
    s = { seen: new Uint32Array(n), gen: 0, lists: [new ThreadList(n), new ThreadList(n)], stackPc: [], stackSlots: [], shared: initialSlots(prog, -1) };
    scratches.set(prog, s);
  }
  if (s.gen > 0xffff0000) {
    s.seen.fill(0);
    s.gen = 0;
  }
  return s;
}

export function pikeSearch(prog: Program, input: string, start: number, budget: Budget, captures = true): Slots | null {
  const insts = prog.insts;
  const len = input.length;
  const scratch = scratchFor(prog);
  const { seen, stackPc, stackSlots } = scratch;
  let gen = ++scratch.gen;
  let work = 0;

  // Follows the epsilon moves from `pc0` and queues the threads that wait for a character (or match).
  const add = (list: ThreadList, g: number, pc0: number, slots0: Slots, pos: number): void => {
    stackPc.push(pc0);
    stackSlots.push(slots0);
    while (stackPc.length) {
      const pc = stackPc.pop()!;
      const slots = stackSlots.pop()!;
      if (seen[pc] === g) continue;
      seen[pc] = g;
      work++;
      const inst = insts[pc]!;
      switch (inst.op) {
        case JMP:
          stackPc.push(inst.x);
          stackSlots.push(slots);
          break;
        case SPLIT:
          // The preferred branch goes on top, so that its whole closure is queued first.
          stackPc.push(inst.y, inst.x);
          stackSlots.push(slots, slots);
          break;
        case SAVE: {
          let s2 = slots;
          if (captures) {
            s2 = slots.slice();
            s2[inst.n] = pos;
          }
          stackPc.push(pc + 1);
          stackSlots.push(s2);
          break;
        }
        case BOL:
          if (atBol(input, pos, prog.multiline)) {
            stackPc.push(pc + 1);
            stackSlots.push(slots);
          }
          break;
        case EOL:
          if (atEol(input, pos, prog.multiline)) {
            stackPc.push(pc + 1);
            stackSlots.push(slots);
          }
          break;
        default:
          list.pcs[list.size] = pc;
          list.slots[list.size++] = slots;
      }
    }
  };

  let matched: Slots | null = null;
  let [clist, nlist] = scratch.lists;
  clist.size = 0;
  let cgen = gen;
  for (let pos = start; ; ) {
    // A new attempt starting here ranks below every attempt that started earlier.
    if (matched === null && (pos === start || !prog.anchored)) add(clist, cgen, 0, captures ? initialSlots(prog, pos) : scratch.shared, pos);
    // No thread alive and none will start: done (unanchored searches go on to the next position).
    if (clist.size === 0 && (matched !== null || prog.anchored || pos >= len)) break;
    const c = pos < len ? input.codePointAt(pos)! : -1;
    const next = c > 0xffff ? pos + 2 : pos + 1;
    const ngen = ++gen;
    scratch.gen = gen;
    nlist.size = 0;
    for (let i = 0; i < clist.size; i++) {
      const pc = clist.pcs[i]!;
      const inst = insts[pc]!;
      work++;
      if (inst.op === MATCH) {
        matched = clist.slots[i]!.slice();
        matched[1] = pos;
        // Threads after this one have lower priority: a match here beats them all.
        break;
      }
      if (c >= 0 && (inst.op === CHAR ? c === inst.cp : inst.set!.has(c))) add(nlist, ngen, pc + 1, clist.slots[i]!, next);
    }
    if (work >= 16) {
      budget.step(work >>> 4);
      work &= 15;
    }
    if (pos >= len) break;
    const t = clist;
    clist = nlist;
    nlist = t;
    cgen = ngen;
    pos = next;
  }
  return matched;
}

/** Leftmost-first search by backtracking (patterns with back-references), paid for step by step. */
export function backtrackSearch(prog: Program, input: string, start: number, budget: Budget): Slots | null {
  for (let s = start; s <= input.length; ) {
    const r = backtrackAt(prog, input, s, budget);
    if (r) return r;
    if (prog.anchored || s === input.length) break;
    s += input.codePointAt(s)! > 0xffff ? 2 : 1;
  }
  return null;
}

function backtrackAt(prog: Program, input: string, start: number, budget: Budget): Slots | null {
  const insts = prog.insts;
  const len = input.length;
  const pcs = [0];
  const positions = [start];
  const saved: Slots[] = [initialSlots(prog, start)];
  let work = 0;
  while (pcs.length) {
    let pc = pcs.pop()!;
    let pos = positions.pop()!;
    let slots = saved.pop()!;
    for (;;) {
      // Backtracking copies slots and stacks choices: dearer per instruction than the Pike VM.
      if (++work === 4) {
        budget.step();
        work = 0;
      }
      const inst: Inst = insts[pc]!;
      let ok = true;
      switch (inst.op) {
        case CHAR:
        case SET: {
          const c = pos < len ? input.codePointAt(pos)! : -1;
          ok = c >= 0 && (inst.op === CHAR ? c === inst.cp : inst.set!.has(c));
          if (ok) {
            pos += c > 0xffff ? 2 : 1;
            pc++;
          }
          break;
        }
        case SPLIT:
          pcs.push(inst.y);
          positions.push(pos);
          saved.push(slots);
          pc = inst.x;
          break;
        case JMP:
          pc = inst.x;
          break;
        case SAVE:
        case MARK:
          slots = slots.slice();
          slots[inst.n] = pos;
          pc++;
          break;
        case PROGRESS:
          ok = slots[inst.n] !== pos;
          pc++;
          break;
        case BOL:
          ok = atBol(input, pos, prog.multiline);
          pc++;
          break;
        case EOL:
          ok = atEol(input, pos, prog.multiline);
          pc++;
          break;
        case BACKREF: {
          const end = backrefEnd(input, pos, slots[2 * inst.n]!, slots[2 * inst.n + 1]!, prog.ignoreCase);
          ok = end >= 0;
          pos = end;
          pc++;
          break;
        }
        case MATCH:
          slots[1] = pos;
          return slots;
      }
      if (!ok) break;
    }
  }
  return null;
}

/**
 * Where a back-reference to `input[gs, ge)` ends when matched at `pos`, or -1. A group that took no
 * part matches the empty string (F&O 3.1 §5.6.1).
 */
function backrefEnd(input: string, pos: number, gs: number, ge: number, ignoreCase: boolean): number {
  if (gs < 0 || ge < 0) return pos;
  let i = gs;
  let p = pos;
  while (i < ge) {
    if (p >= input.length) return -1;
    const a = input.codePointAt(i)!;
    const b = input.codePointAt(p)!;
    if (a !== b && !(ignoreCase && caseVariants(a).includes(b))) return -1;
    i += a > 0xffff ? 2 : 1;
    p += b > 0xffff ? 2 : 1;
  }
  return p;
}
