import type { MemoryStoreSnapshot } from '../../host';
import { ApiError } from '../errors';
import { ok, route } from '../route';
import { engineDataImport } from '../schemas';

/**
 * Engine data taken in whole (`POST /engine-data`): an archive's instances, history, commands,
 * deployments, timers and messages, into an engine that holds none, in one transaction. Where the
 * engine runs decides how it is written (`ApiPorts.writeEngineData`); a host without it refuses.
 */
export const engineData = {
  'engineData.import': route(engineDataImport, async (ports, { data }) => {
    const write = ports.writeEngineData;
    if (!write) throw new ApiError('invalid', 'this engine does not take in engine data (a Flowdeck server restores it from the archive it serves at start)');
    const held = await ports.catalog.list(); // forms too: the stores count every deployment
    if (held.length > 0) {
      throw new ApiError('illegalState', `this engine already holds ${held.length} deployment${held.length === 1 ? '' : 's'}: engine data is imported into an empty engine only (export its data first, or use a fresh browser profile)`, { deployments: held.length });
    }
    const snapshot = data as unknown as MemoryStoreSnapshot;
    checkReferences(snapshot);
    const written = await ports.host.importData(snapshot, () => write(snapshot));
    return ok(written, `imported ${written.instances} instance${written.instances === 1 ? '' : 's'} and ${written.deployments} deployment${written.deployments === 1 ? '' : 's'}`);
  }),
};

/** Every instance runs a deployed version; every history event and command belongs to an instance of the data. */
function checkReferences(s: MemoryStoreSnapshot): void {
  const versions = new Set(s.deployments.filter((d) => d.kind === 'bpmn').flatMap((d) => Object.entries(d.versions).map(([p, v]) => `${p}@${v}`)));
  const ids = new Set<string>();
  s.instances.forEach((i, n) => {
    if (ids.has(i.instanceId)) throw new ApiError('invalid', `data.instances.${n}: instance ${i.instanceId} appears twice`, { path: `data.instances.${n}` });
    ids.add(i.instanceId);
    if (!versions.has(`${i.processId}@${i.processVersion}`)) {
      throw new ApiError('invalid', `data.instances.${n}: instance ${i.instanceId} runs ${i.processId} version ${i.processVersion}, which no deployment of the data gives`, { path: `data.instances.${n}` });
    }
  });
  for (const [list, name] of [[s.history, 'history'], [s.commands, 'commands']] as const) {
    list.forEach((e, n) => {
      if (!ids.has(e.instanceId)) throw new ApiError('invalid', `data.${name}.${n}: belongs to instance ${e.instanceId}, which the data does not hold`, { path: `data.${name}.${n}` });
    });
  }
}
