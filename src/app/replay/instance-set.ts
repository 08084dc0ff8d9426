import type { ApiRequest } from '../../api';
import type { HistoryEvent } from '../../engine';
import { historyToLog, type EventLog } from '../../replay';
import { callEngine } from '../run/engine';

/** The engine call this module makes (the studio's engine; tests pass another). */
export type Call = typeof callEngine;

/** The instances of one process in a set: drawn on that process's diagram. */
export interface ProcessGroup {
  processId: string;
  /** The diagram's version: the newest one the group's instances ran (elements of older versions missing from it are not drawn). */
  version: number;
  xml: string;
  /** One case per instance, in the order chosen. */
  log: EventLog;
  histories: ReadonlyMap<string, readonly HistoryEvent[]>;
}

/** Several engine instances as one source, one group (diagram) per process. */
export interface InstanceSet {
  groups: ProcessGroup[];
  instances: number;
  /** Every instance of the set as one log, in the order chosen (what Export writes). */
  log: EventLog;
}

/**
 * Loads the histories of `instanceIds` and groups them by process (groups in the order their
 * first instance was chosen; within one, case i is the i-th id of that process, and its colour),
 * each with the deployed diagram of the newest version its instances ran.
 *
 * @example
 * const set = await loadInstanceSet(['pi-1', 'pi-2']); if ('groups' in set) play(set.groups[0]);
 */
export async function loadInstanceSet(instanceIds: readonly string[], name = 'instances', call: Call = callEngine): Promise<InstanceSet | { problem: string }> {
  if (instanceIds.length === 0) return { problem: 'Choose at least one instance.' };
  const states = await Promise.all(instanceIds.map((instanceId) => call('instances.get', { instanceId })));
  const histories = await Promise.all(instanceIds.map((instanceId) => call('history.get', { instanceId })));
  const byProcess = new Map<string, { version: number; histories: Map<string, readonly HistoryEvent[]> }>();
  for (let k = 0; k < instanceIds.length; k++) {
    const s = states[k];
    const h = histories[k];
    if ('error' in s) return { problem: `${instanceIds[k]}: ${s.message}` };
    if ('error' in h) return { problem: `${instanceIds[k]}: ${h.message}` };
    const { processId, processVersion } = s.data;
    let g = byProcess.get(processId);
    if (!g) byProcess.set(processId, (g = { version: processVersion, histories: new Map() }));
    g.version = Math.max(g.version, processVersion);
    g.histories.set(instanceIds[k], h.data);
  }
  // Children are related to their callers in the export (OCEL O2O); the history does not name them.
  const parents: Record<string, string> = {};
  states.forEach((s, k) => {
    const parent = 'error' in s ? null : s.data.parent;
    if (parent) parents[instanceIds[k]] = parent.instanceId;
  });
  const groups: ProcessGroup[] = [];
  for (const [processId, g] of byProcess) {
    const xml = await processXml(processId, g.version, call);
    if (!xml.ok) return { problem: xml.message };
    const label = byProcess.size > 1 ? `${name} · ${processId}` : name;
    groups.push({ processId, version: g.version, xml: xml.xml, log: historyToLog([...g.histories.values()], { name: label }), histories: g.histories });
  }
  const all = histories.map((h) => ('error' in h ? [] : h.data));
  return { groups, instances: instanceIds.length, log: historyToLog(all, { name, parents }) };
}

/** The deployed BPMN of a process version (as `loadProcessXml`, through `call`). */
async function processXml(processId: string, version: number, call: Call): Promise<{ ok: true; xml: string } | { ok: false; message: string }> {
  const versions = await call('deployments.versions', { kind: 'bpmn', id: processId });
  if ('error' in versions) return { ok: false, message: versions.message };
  const chosen = versions.data.find((v) => v.version === version);
  if (!chosen) return { ok: false, message: `process ${processId} has no version ${version} (deployed: ${versions.data.map((v) => `v${v.version}`).join(', ')})` };
  const d = await call('deployments.get', { deploymentId: chosen.deploymentId });
  if ('error' in d) return { ok: false, message: d.message };
  return { ok: true, xml: d.data.source };
}

type ListQuery = Omit<NonNullable<ApiRequest<'instances.list'>>, 'page' | 'pageSize'>;
type ListItem = { instanceId: string; processId: string; startedAt: number };

/**
 * Every instance `query` matches, read page by page (1,000 a call), for "Choose all matching".
 *
 * @example
 * const all = await listAllInstances({ processId: 'order', state: 'completed' });
 */
export async function listAllInstances(query: ListQuery, call: Call = callEngine): Promise<ListItem[] | { problem: string }> {
  const out: ListItem[] = [];
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    const r = await call('instances.list', { ...query, page, pageSize: 1000 });
    if ('error' in r) return { problem: r.message };
    for (const i of r.data.items) if (!seen.has(i.instanceId)) {
      seen.add(i.instanceId);
      out.push(i);
    }
    if (r.data.items.length === 0 || page * 1000 >= r.data.total) return out;
  }
}

/** Which rows a page shows: `201–400 of 1,234`. */
export function pageLabel(page: number, pageSize: number, total: number): string {
  if (total === 0) return 'none';
  const n = (v: number) => v.toLocaleString('en-US');
  return `${n((page - 1) * pageSize + 1)}–${n(Math.min(total, page * pageSize))} of ${n(total)}`;
}
