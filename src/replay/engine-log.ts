import type { HistoryEvent } from '../engine';
import { type Attributes, type EventLog, type Lifecycle, LogBuilder, LogError, type LogObject, type Relation } from './model';

/** What an engine history event is, as a log event: its activity (element, flow, variable...) and lifecycle. */
function shape(e: HistoryEvent): { activity: string; lifecycle: Lifecycle; resource: string | null } {
  switch (e.type) {
    case 'instanceStarted':
      return { activity: e.processId, lifecycle: 'start', resource: null };
    case 'instanceCompleted':
      return { activity: '', lifecycle: 'complete', resource: null };
    case 'instanceCanceled':
      return { activity: '', lifecycle: 'pi_abort', resource: null };
    case 'instanceSuspended':
      return { activity: '', lifecycle: 'suspend', resource: null };
    case 'instanceResumed':
      return { activity: '', lifecycle: 'resume', resource: null };
    case 'elementEntered':
      return { activity: e.elementId, lifecycle: 'start', resource: null };
    case 'elementCompleted':
      return { activity: e.elementId, lifecycle: 'complete', resource: null };
    case 'elementTerminated':
      return { activity: e.elementId, lifecycle: 'ate_abort', resource: null };
    case 'flowTaken':
      return { activity: e.flowId, lifecycle: 'unknown', resource: null };
    case 'variableSet':
      return { activity: e.name, lifecycle: 'unknown', resource: null };
    case 'taskCreated':
      return { activity: e.elementId, lifecycle: 'schedule', resource: e.assignee };
    case 'taskAssigned':
      return { activity: e.elementId, lifecycle: e.assignee === null ? 'withdraw' : 'assign', resource: e.assignee };
    case 'jobLocked':
      return { activity: e.elementId, lifecycle: 'unknown', resource: e.worker };
    default:
      return { activity: 'elementId' in e ? e.elementId : '', lifecycle: 'unknown', resource: null };
  }
}

/** Options for {@link historyToLog}. */
export interface HistoryLogOptions {
  /** The log's name (XES `concept:name` of the log). */
  name?: string;
  /**
   * `full` (default): every history event, lossless ({@link logToHistory} gives it back);
   * `activities`: element life events and user task events only (what process-mining tools expect).
   */
  detail?: 'full' | 'activities';
  /**
   * Instance id → the instance that called it (`InstanceState.parent`; the history does not name
   * it): a child's process-instance object is related to its parent's by O2O, qualifier
   * `called by`, when the parent is in the log too.
   */
  parents?: Readonly<Record<string, string>>;
}

const ACTIVITY_TYPES = new Set(['elementEntered', 'elementCompleted', 'elementTerminated', 'taskCreated', 'taskAssigned', 'taskCompleted']);
const INSTANCE_EVENTS = new Set(['instanceStarted', 'instanceCompleted', 'instanceCanceled', 'instanceSuspended', 'instanceResumed']);

/**
 * Engine histories as an event log: one case per process instance, each history event one log
 * event at its time (the process id for instance-level events), with `flowdeck:type`,
 * `flowdeck:seq` and the event's other fields as JSON in `flowdeck:data`. Element events carry
 * lifecycle transitions (entered = `start`, completed = `complete`, terminated = `ate_abort`;
 * user tasks `schedule` / `assign` / `complete`). The objects (OCEL) are the process instances,
 * user tasks and jobs, and every event relates to its instance (`case`) and its task or job.
 *
 * @example
 * const log = historyToLog([await host.history(pi.instanceId)]);
 * writeFileSync('run.xes', writeXes(log));
 */
export function historyToLog(histories: ReadonlyArray<readonly HistoryEvent[]>, options: HistoryLogOptions = {}): EventLog {
  const b = new LogBuilder('engine');
  b.name = options.name ?? 'flowdeck';
  const objects = new Map<string, LogObject>();
  const full = (options.detail ?? 'full') === 'full';
  for (const history of histories) {
    const processId = history.find((e) => e.type === 'instanceStarted') as Extract<HistoryEvent, { type: 'instanceStarted' }> | undefined;
    for (const e of history) {
      if (!full && !ACTIVITY_TYPES.has(e.type)) continue;
      if (!objects.has(e.instanceId)) {
        objects.set(e.instanceId, { id: e.instanceId, type: 'process instance', attributes: processId ? { processId: processId.processId, processVersion: processId.processVersion } : {} });
      }
      const relations: Relation[] = [{ objectId: e.instanceId, qualifier: 'case' }];
      if ('taskId' in e) {
        if (!objects.has(e.taskId)) objects.set(e.taskId, { id: e.taskId, type: 'user task', attributes: { elementId: e.elementId }, relationships: [{ objectId: e.instanceId, qualifier: 'part of' }] });
        relations.push({ objectId: e.taskId, qualifier: 'task' });
      }
      if ('jobKey' in e) {
        if (!objects.has(e.jobKey)) objects.set(e.jobKey, { id: e.jobKey, type: 'job', attributes: { elementId: e.elementId, ...('jobType' in e ? { jobType: e.jobType } : {}) }, relationships: [{ objectId: e.instanceId, qualifier: 'part of' }] });
        relations.push({ objectId: e.jobKey, qualifier: 'job' });
      }
      const { type, seq, time: _time, instanceId: _id, ...data } = e;
      const s = shape(e);
      const attributes: Attributes = { 'flowdeck:type': type, 'flowdeck:seq': seq, 'flowdeck:data': JSON.stringify(data) };
      b.add(e.instanceId, INSTANCE_EVENTS.has(type) && s.activity === '' ? (processId?.processId ?? 'process') : s.activity, s.lifecycle, e.time, s.resource, attributes, relations);
    }
  }
  for (const [child, parent] of Object.entries(options.parents ?? {})) {
    const o = objects.get(child);
    if (o && objects.has(parent)) o.relationships = [...(o.relationships ?? []), { objectId: parent, qualifier: 'called by' }];
  }
  b.objects = [...objects.values()];
  return b.finish();
}

/**
 * The engine histories a log made by {@link historyToLog} (`full`) holds, by instance, each in
 * sequence order: what was exported comes back field for field.
 * @throws LogError when an event lacks the `flowdeck:*` attributes (the log did not come from the engine).
 */
export function logToHistory(log: EventLog): Map<string, HistoryEvent[]> {
  const out = new Map<string, HistoryEvent[]>();
  for (let i = 0; i < log.size; i++) {
    const a = log.attributes.get(i) ?? {};
    const type = a['flowdeck:type'];
    const seq = a['flowdeck:seq'];
    const data = a['flowdeck:data'];
    if (typeof type !== 'string' || typeof seq !== 'number' || typeof data !== 'string') {
      throw new LogError(`event ${i + 1}`, 'has no flowdeck:type, flowdeck:seq and flowdeck:data: it was not exported from the engine');
    }
    const instanceId = log.cases[log.caseOf[i]];
    // The engine's own key order (type, body, seq, time, instance), so the text is the same byte for byte.
    const e = { type, ...JSON.parse(data), seq, time: log.timeOf[i], instanceId } as HistoryEvent;
    const list = out.get(instanceId) ?? [];
    list.push(e);
    out.set(instanceId, list);
  }
  for (const list of out.values()) list.sort((x, y) => x.seq - y.seq);
  return out;
}

/** Whether the log came from the engine (its events carry `flowdeck:type`). */
export function isEngineLog(log: EventLog): boolean {
  return log.size > 0 && typeof log.attributes.get(0)?.['flowdeck:type'] === 'string';
}

/**
 * An engine log with its objects (process instances, user tasks, jobs) and relations made again
 * from its `flowdeck:*` attributes, for a log read from XES or CSV, which keep none; any other log
 * as it is.
 */
export function withEngineObjects(log: EventLog): EventLog {
  if (log.objects.length > 0 || !isEngineLog(log)) return log;
  return historyToLog([...logToHistory(log).values()], { name: log.name ?? undefined });
}
