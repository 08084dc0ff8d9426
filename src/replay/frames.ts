import { EDGE, NODE, type ReplayIndex } from './replay-index';

/**
 * What the diagram shows at one instant: every token (a case at an activity, or on its way
 * between two, with how far along), the number of tokens per activity, the path taken so far
 * (activities and edges reached), and how many events happened up to then. Arrays are reused from
 * frame to frame: read them before the next `seek`/`advance`.
 */
export interface Frame {
  time: number;
  tokens: number;
  tokenCase: Int32Array;
  tokenKind: Uint8Array;
  tokenPlace: Int32Array;
  /** 0..1 along an edge; 0 for a token at an activity. */
  tokenProgress: Float32Array;
  /** Tokens per activity index. */
  active: Int32Array;
  /** 1 for each activity / edge reached up to `time`. */
  visitedNodes: Uint8Array;
  visitedEdges: Uint8Array;
  /** Events at or before `time` (index into `ReplayIndex.order` of the next event). */
  events: number;
}

/**
 * Plays a {@link ReplayIndex}: `seek(t)` builds the frame at any instant, `advance(t)` moves
 * forward from the last frame doing only the work in between (what playing calls per animation
 * frame), so playing costs the tokens on screen, not the size of the log.
 *
 * @example
 * const player = new Player(index);
 * const f = player.seek(index.start + 60_000);
 * f.active[activityIndex]; // cases at that activity a minute in
 */
export class Player {
  private frame: Frame;
  /** Segments started so far that may still be running. */
  private live: number[] = [];
  /** Next segment (by start) not yet taken in. */
  private next = 0;

  constructor(readonly index: ReplayIndex) {
    const cap = 1024;
    this.frame = {
      time: index.start, tokens: 0, tokenCase: new Int32Array(cap), tokenKind: new Uint8Array(cap), tokenPlace: new Int32Array(cap), tokenProgress: new Float32Array(cap),
      active: new Int32Array(index.log.activities.length), visitedNodes: new Uint8Array(index.log.activities.length), visitedEdges: new Uint8Array(index.edges.length), events: 0,
    };
    this.seek(index.start);
  }

  /** The frame at `t` (any instant, earlier or later than the current one). */
  seek(t: number): Frame {
    this.live = [];
    this.next = 0;
    this.frame.visitedNodes.fill(0);
    this.frame.visitedEdges.fill(0);
    this.frame.time = -Infinity;
    return this.advance(t);
  }

  /** The frame at `t` ≥ the current frame's time (falls back to {@link seek} when earlier). */
  advance(t: number): Frame {
    const ix = this.index;
    const f = this.frame;
    if (t < f.time) return this.seek(t);
    const { segFrom, segTo, segKind, segPlace, segOpen } = ix;
    while (this.next < ix.segCount && segFrom[this.next] <= t) {
      const s = this.next++;
      if (segKind[s] === NODE) f.visitedNodes[segPlace[s]] = 1;
      else f.visitedEdges[segPlace[s]] = 1;
      this.live.push(s);
    }
    let keep = 0;
    for (const s of this.live) if (segTo[s] > t || (segOpen[s] && t <= ix.end)) this.live[keep++] = s;
    this.live.length = keep;
    this.ensure(keep);
    f.active.fill(0);
    for (let k = 0; k < keep; k++) {
      const s = this.live[k];
      f.tokenCase[k] = ix.segCase[s];
      f.tokenKind[k] = segKind[s];
      f.tokenPlace[k] = segPlace[s];
      if (segKind[s] === EDGE) f.tokenProgress[k] = (t - segFrom[s]) / (segTo[s] - segFrom[s]);
      else {
        f.tokenProgress[k] = 0;
        f.active[segPlace[s]]++;
      }
    }
    f.tokens = keep;
    f.time = t;
    f.events = eventsUpTo(ix, t);
    return f;
  }

  get current(): Frame {
    return this.frame;
  }

  private ensure(n: number): void {
    const f = this.frame;
    if (n <= f.tokenCase.length) return;
    const cap = Math.max(n, f.tokenCase.length * 2);
    f.tokenCase = new Int32Array(cap);
    f.tokenKind = new Uint8Array(cap);
    f.tokenPlace = new Int32Array(cap);
    f.tokenProgress = new Float32Array(cap);
  }
}

/** How many events (in time order) happened at or before `t` (binary search). */
export function eventsUpTo(ix: ReplayIndex, t: number): number {
  let lo = 0;
  let hi = ix.order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ix.timeOf[ix.order[mid]] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
