import type { HistoryEvent } from '../../engine';
import { historyToLog, type EventLog } from '../../replay';
import { loadProcessXml } from '../run/deployed-process';
import { callEngine } from '../run/engine';

/** Several engine instances as one source: one case per instance, their histories by instance id. */
export interface InstanceSet {
  log: EventLog;
  histories: ReadonlyMap<string, readonly HistoryEvent[]>;
  processId: string;
  /** The diagram drawn: the deployed version of the first instance. */
  xml: string;
}

/**
 * Loads the histories of `instanceIds` (in that order: case i is the i-th id, and its colour) and
 * the deployed diagram of the first one's process version. Instances of other processes are
 * refused: the set is drawn on one diagram.
 *
 * @example
 * const set = await loadInstanceSet(['pi-1', 'pi-2']); if ('log' in set) play(set);
 */
export async function loadInstanceSet(instanceIds: readonly string[], name = 'instances'): Promise<InstanceSet | { problem: string }> {
  if (instanceIds.length === 0) return { problem: 'Choose at least one instance.' };
  const states = await Promise.all(instanceIds.map((instanceId) => callEngine('instances.get', { instanceId })));
  const histories = await Promise.all(instanceIds.map((instanceId) => callEngine('history.get', { instanceId })));
  const byId = new Map<string, readonly HistoryEvent[]>();
  let processId = '';
  let version = 0;
  for (let k = 0; k < instanceIds.length; k++) {
    const s = states[k];
    const h = histories[k];
    if ('error' in s) return { problem: `${instanceIds[k]}: ${s.message}` };
    if ('error' in h) return { problem: `${instanceIds[k]}: ${h.message}` };
    if (k === 0) ({ processId, processVersion: version } = s.data);
    else if (s.data.processId !== processId) return { problem: `${instanceIds[k]} runs ${s.data.processId}, not ${processId}: a set is drawn on one diagram` };
    byId.set(instanceIds[k], h.data);
  }
  const xml = await loadProcessXml(processId, version);
  if (!xml.ok) return { problem: xml.message };
  return { log: historyToLog([...byId.values()], { name }), histories: byId, processId, xml: xml.xml };
}
