import { isEngineLog } from './engine-log';
import { isNodeEvent } from './match';
import { COMPLETE, type EventLog, LIFECYCLES, resized, START } from './model';
import { sortedByTime } from './time-sort';

export { sortedByTime } from './time-sort';

const ABORT = LIFECYCLES.indexOf('ate_abort');

/** A place a token can be between events: an activity (`node`) or the way from one to the next (`edge`). */
export const NODE = 0;
export const EDGE = 1;

/** A way between two activities of a case: a sequence flow (engine logs, or a model that has one) or an inferred step. */
export interface Edge {
  /** Activity indices (-1: from the case's start). */
  from: number;
  to: number;
  /** The sequence flow id, when known. */
  flowId: string | null;
}

/**
 * Everything the player and the heatmaps read, built once per log: events in time order, and
 * "segments": each stay of a case at an activity (from its `start` to its `complete`, or a moment
 * for an activity with only one of them) and each way between two (from one activity's end to the
 * next one's start in the same case), sorted by their start. See docs/replay.md "Frames".
 */
export interface ReplayIndex {
  log: EventLog;
  /** Event indices in time order (ties: log order). */
  order: Uint32Array;
  /** Each event's time on the player's clock (its log time, minus its case's start when `relative`). */
  timeOf: Float64Array;
  start: number;
  end: number;
  relative: boolean;
  edges: Edge[];
  segCount: number;
  segCase: Int32Array;
  segKind: Uint8Array;
  /** Activity index (node) or edge index (edge). */
  segPlace: Int32Array;
  segFrom: Float64Array;
  segTo: Float64Array;
  /** 1 when the stay never ended in the log (still there at its end). */
  segOpen: Uint8Array;
}

/**
 * Builds the {@link ReplayIndex} of a log. `relative`: every case starts at time 0 (cases play
 * side by side instead of in calendar time). `flowBetween(fromActivity, toActivity)` names the
 * sequence flow a model has between two activities (see `flowLookup`).
 *
 * @example
 * const index = buildIndex(log, { flowBetween: flowLookup(log, model, matching) });
 * const player = new Player(index); player.seek(index.start);
 */
export function buildIndex(log: EventLog, options: { relative?: boolean; flowBetween?: (from: number, to: number) => string | null } = {}): ReplayIndex {
  const relative = options.relative ?? false;
  const timeOf = relative ? relativeTimes(log) : log.timeOf;
  const order = sortedByTime(timeOf, log.size);
  const segs = new SegmentBuilder();
  // Ways by flow id, or by the pair of activities as one number (no text key per step).
  const byFlow = new Map<string, number>();
  const byPair = new Map<number, number>();
  const width = log.activities.length + 1;
  const edges: Edge[] = [];
  const edgeOf = (from: number, to: number, flowId: string | null): number => {
    const pair = (from + 1) * width + to + 1;
    let e = flowId === null ? byPair.get(pair) : byFlow.get(flowId);
    if (e === undefined) {
      e = edges.length;
      edges.push({ from, to, flowId });
      if (flowId === null) byPair.set(pair, e);
      else byFlow.set(flowId, e);
    }
    return e;
  };
  const engine = isEngineLog(log);
  /** A case's started stays per activity, reused from case to case. */
  const open = new OpenStays(log.activities.length);
  // Events grouped by case in time order, as slices of one array (a counting sort on the case).
  const first = new Uint32Array(log.cases.length + 1);
  for (let i = 0; i < log.size; i++) first[log.caseOf[i] + 1]++;
  for (let c = 0; c < log.cases.length; c++) first[c + 1] += first[c];
  const grouped = new Uint32Array(log.size);
  const fill = first.slice(0, log.cases.length);
  for (let k = 0; k < order.length; k++) grouped[fill[log.caseOf[order[k]]]++] = order[k];
  let end = -Infinity;
  let start = Infinity;
  for (let c = 0; c < log.cases.length; c++) {
    if (first[c + 1] === first[c]) continue;
    const events = grouped.subarray(first[c], first[c + 1]);
    const shift = relative ? log.timeOf[events[0]] - timeOf[events[0]] : 0;
    const caseEnd = timeOf[events[events.length - 1]];
    start = Math.min(start, timeOf[events[0]]);
    end = Math.max(end, caseEnd);
    if (engine) engineSegments(log, c, events, shift, segs, edgeOf);
    else logSegments(log, c, events, shift, segs, edgeOf, open, options.flowBetween);
  }
  if (start === Infinity) start = end = 0;
  // Stays still open at the end of the log last until the end of the whole log.
  for (let s = 0; s < segs.n; s++) if (segs.open[s]) segs.to[s] = Math.max(segs.to[s], end);
  const idx = segs.sorted();
  return { log, order, timeOf, start, end, relative, edges, ...idx };
}

type EdgeOf = (from: number, to: number, flowId: string | null) => number;

/**
 * A case's stays and ways from its events in time order. Stays started and not yet completed
 * are kept per activity in first-in first-out order, in `open` (reused from case to case: one
 * array per activity, emptied by resetting its length).
 */
function logSegments(log: EventLog, c: number, events: Uint32Array, shift: number, segs: SegmentBuilder, edgeOf: EdgeOf, open: OpenStays, flowBetween?: (a: number, b: number) => string | null): void {
  open.clear();
  const activityOf = log.activityOf;
  const lifecycleOf = log.lifecycleOf;
  const times = log.timeOf;
  let last = -1;
  let lastTime = NaN;
  for (let k = 0; k < events.length; k++) {
    const i = events[k];
    const a = activityOf[i];
    const lc = lifecycleOf[i];
    const t = times[i] - shift;
    if (lc === START) {
      if (last >= 0) segs.add(c, EDGE, edgeOf(last, a, flowBetween ? flowBetween(last, a) : null), lastTime, t, false);
      last = -1;
      open.push(a, t);
    } else if (lc === COMPLETE || lc === ABORT) {
      const s = open.shift(a);
      if (s !== s && last >= 0) segs.add(c, EDGE, edgeOf(last, a, flowBetween ? flowBetween(last, a) : null), lastTime, t, false);
      if (s !== s) last = -1;
      segs.add(c, NODE, a, s === s ? s : t, t, false);
      if (lc === COMPLETE) {
        last = a;
        lastTime = t;
      }
    }
  }
  open.forEachLeft((a, s) => segs.add(c, NODE, a, s, s, true));
}

/** Started stays per activity (first in, first out), for one case at a time. */
class OpenStays {
  private readonly starts: number[][];
  private readonly heads: Int32Array;
  private readonly touched: number[] = [];

  constructor(activities: number) {
    this.starts = Array.from({ length: activities }, () => []);
    this.heads = new Int32Array(activities);
  }

  clear(): void {
    for (const a of this.touched) {
      this.starts[a].length = 0;
      this.heads[a] = 0;
    }
    this.touched.length = 0;
  }

  push(a: number, t: number): void {
    const list = this.starts[a];
    if (list.length === 0) this.touched.push(a);
    list.push(t);
  }

  /** The earliest open start of `a`, taken; NaN when none is open. */
  shift(a: number): number {
    const list = this.starts[a];
    const h = this.heads[a];
    if (h >= list.length) return NaN;
    this.heads[a] = h + 1;
    return list[h];
  }

  /** The stays still open, by activity in the order first started, then by start. */
  forEachLeft(f: (a: number, start: number) => void): void {
    for (const a of this.touched) {
      const list = this.starts[a];
      for (let k = this.heads[a]; k < list.length; k++) f(a, list[k]);
    }
  }
}

function engineSegments(log: EventLog, c: number, events: Uint32Array, shift: number, segs: SegmentBuilder, edgeOf: EdgeOf): void {
  const entered = new Map<string, { a: number; t: number }>();
  for (const i of events) {
    const attrs = log.attributes.get(i);
    const type = attrs?.['flowdeck:type'];
    const t = log.timeOf[i] - shift;
    if (type === 'flowTaken') segs.add(c, EDGE, edgeOf(-1, -1, log.activities[log.activityOf[i]]), t, t, false);
    if (type !== 'elementEntered' && type !== 'elementCompleted' && type !== 'elementTerminated') continue;
    if (!isNodeEvent(log, i)) continue;
    const eid = (JSON.parse(attrs?.['flowdeck:data'] as string) as { elementInstanceId: string }).elementInstanceId;
    if (type === 'elementEntered') entered.set(eid, { a: log.activityOf[i], t });
    else {
      const e = entered.get(eid);
      entered.delete(eid);
      segs.add(c, NODE, log.activityOf[i], e?.t ?? t, t, false);
    }
  }
  for (const e of entered.values()) segs.add(c, NODE, e.a, e.t, e.t, true);
}

/** Event times minus the first time of their case. */
function relativeTimes(log: EventLog): Float64Array {
  const first = new Float64Array(log.cases.length).fill(Infinity);
  for (let i = 0; i < log.size; i++) if (log.timeOf[i] < first[log.caseOf[i]]) first[log.caseOf[i]] = log.timeOf[i];
  const out = new Float64Array(log.size);
  for (let i = 0; i < log.size; i++) out[i] = log.timeOf[i] - first[log.caseOf[i]];
  return out;
}

class SegmentBuilder {
  n = 0;
  kase = new Int32Array(1024);
  kind = new Uint8Array(1024);
  place = new Int32Array(1024);
  from = new Float64Array(1024);
  to = new Float64Array(1024);
  open = new Uint8Array(1024);

  add(c: number, kind: number, place: number, from: number, to: number, open: boolean): void {
    if (this.n === this.kase.length) this.grow();
    const i = this.n++;
    this.kase[i] = c;
    this.kind[i] = kind;
    this.place[i] = place;
    this.from[i] = from;
    this.to[i] = to;
    this.open[i] = open ? 1 : 0;
  }

  sorted() {
    const n = this.n;
    const order = sortedByTime(this.from, n);
    const out = {
      segCount: n, segCase: new Int32Array(n), segKind: new Uint8Array(n), segPlace: new Int32Array(n),
      segFrom: new Float64Array(n), segTo: new Float64Array(n), segOpen: new Uint8Array(n),
    };
    for (let k = 0; k < n; k++) {
      const s = order[k];
      out.segCase[k] = this.kase[s];
      out.segKind[k] = this.kind[s];
      out.segPlace[k] = this.place[s];
      out.segFrom[k] = this.from[s];
      out.segTo[k] = this.to[s];
      out.segOpen[k] = this.open[s];
    }
    return out;
  }

  private grow(): void {
    const size = this.kase.length * 2;
    const g = resized;
    this.kase = g(this.kase, new Int32Array(size));
    this.kind = g(this.kind, new Uint8Array(size));
    this.place = g(this.place, new Int32Array(size));
    this.from = g(this.from, new Float64Array(size));
    this.to = g(this.to, new Float64Array(size));
    this.open = g(this.open, new Uint8Array(size));
  }
}

/**
 * The sequence flow a model has from one matched activity straight to another, for
 * {@link buildIndex}'s `flowBetween` (null: the step is drawn as a straight line).
 */
export function flowLookup(model: { flows: Array<{ id: string; sourceId: string; targetId: string }>; nodes: Array<{ id: string }> }, nodeOf: Int32Array): (from: number, to: number) => string | null {
  const byPair = new Map<string, string>();
  for (const f of model.flows) byPair.set(`${f.sourceId}>${f.targetId}`, f.id);
  // Answers per pair of activities, cached under one number: no text key per step of a case.
  const width = nodeOf.length + 1;
  const known = new Map<number, string | null>();
  return (from, to) => {
    const key = (from + 1) * width + to + 1;
    let flow = known.get(key);
    if (flow === undefined) {
      const a = nodeOf[from];
      const b = nodeOf[to];
      flow = a < 0 || b < 0 ? null : (byPair.get(`${model.nodes[a].id}>${model.nodes[b].id}`) ?? null);
      known.set(key, flow);
    }
    return flow;
  };
}
