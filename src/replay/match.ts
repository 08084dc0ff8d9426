import type { DiagramModel } from './diagram-model';
import type { EventLog } from './model';

/** Engine events about something other than a flow node: not matched to elements. */
const NOT_NODE_EVENTS = new Set(['variableSet', 'flowTaken', 'instanceStarted', 'instanceCompleted', 'instanceCanceled', 'instanceSuspended', 'instanceResumed']);

/** Whether event `i` is about a flow node (false for an engine log's variables, flows and instance events). */
export function isNodeEvent(log: EventLog, i: number): boolean {
  const type = log.attributes.get(i)?.['flowdeck:type'];
  return type === undefined || !NOT_NODE_EVENTS.has(type as string);
}

/** Log activities matched to diagram elements, and those that match none. */
export interface Matching {
  /** activity → element id. */
  matched: Record<string, string>;
  /** Activities that match no element, sorted. */
  unmatched: string[];
  /** Events whose activity matched no element. */
  unmatchedEvents: number;
  /** Per activity index of the log: the node index in the model, -1 when unmatched or not a node event. */
  nodeOf: Int32Array;
}

/**
 * Matches every activity of a log to a flow node of the model: by id first, then by name (exact,
 * then ignoring case and surrounding space). An activity two nodes are named after is matched by
 * neither name (it is ambiguous) and listed as unmatched.
 *
 * @example
 * const m = matchActivities(log, readDiagramModel(xml));
 * m.unmatched; // ['Send reminder']
 */
export function matchActivities(log: EventLog, model: DiagramModel): Matching {
  const byId = new Map(model.nodes.map((n, i) => [n.id, i]));
  const byName = uniqueIndex(model.nodes.map((n) => n.name));
  const byLoose = uniqueIndex(model.nodes.map((n) => (n.name === null ? null : loose(n.name))));
  const nodeOf = new Int32Array(log.activities.length).fill(-1);
  const used = new Uint8Array(log.activities.length);
  const count = new Int32Array(log.activities.length);
  for (let i = 0; i < log.size; i++) {
    if (!isNodeEvent(log, i)) continue;
    used[log.activityOf[i]] = 1;
    count[log.activityOf[i]]++;
  }
  const matched: Record<string, string> = {};
  const unmatched: string[] = [];
  let unmatchedEvents = 0;
  log.activities.forEach((a, ai) => {
    if (!used[ai]) return;
    const n = byId.get(a) ?? byName.get(a) ?? byLoose.get(loose(a));
    if (n === undefined || n < 0) {
      unmatched.push(a);
      unmatchedEvents += count[ai];
    } else {
      nodeOf[ai] = n;
      matched[a] = model.nodes[n].id;
    }
  });
  unmatched.sort();
  return { matched, unmatched, unmatchedEvents, nodeOf };
}

function loose(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** name → node index; -1 for a name several nodes share. */
function uniqueIndex(names: Array<string | null>): Map<string, number> {
  const out = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === null || name === '') return;
    out.set(name, out.has(name) ? -1 : i);
  });
  return out;
}
