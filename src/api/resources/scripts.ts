import { getScript, listScripts, putScript, ScriptsApiError, type ScriptInfo } from '../../app/scripts/scripts-api';
import { ApiError } from '../errors';
import type { ApiPorts } from '../ports';
import { ok, route } from '../route';
import { scriptsGet, scriptsList, scriptsPut } from '../schemas';

/*
 * `processes/{id}/scripts` in the engine API: the script tasks of a deployed process version, read
 * and changed through the same pure functions the server's GET|PUT /processes/{id}/scripts use
 * (src/app/scripts/scripts-api.ts: bpmn-moddle, no DOM). A change deploys the changed model as
 * the process's next version; running instances keep theirs.
 */

/** The deployed BPMN source holding `processId` at `version` (default: the latest). */
export async function deployedSource(ports: ApiPorts, processId: string, version?: number): Promise<{ name: string; source: string; version: number }> {
  const versions = await ports.catalog.versions('bpmn', processId);
  const chosen = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  if (!chosen) throw new ApiError('notFound', `no deployed process ${processId}${version === undefined ? '' : ` version ${version}`}`, { processId, ...(version === undefined ? {} : { version }) });
  const d = await ports.catalog.get(chosen.deploymentId);
  if (!d) throw new ApiError('notFound', `deployment ${chosen.deploymentId} of process ${processId} is gone`, { processId, deploymentId: chosen.deploymentId });
  return { name: d.name, source: d.source, version: chosen.version };
}

async function scriptOf(source: string, processId: string, nodeId: string): Promise<ScriptInfo> {
  const script = await mapped(() => getScript(source, nodeId));
  if (script.processId !== processId) throw new ApiError('notFound', `script task ${nodeId} is not in process ${processId}`, { processId, nodeId });
  return script;
}

/** The scripts module's refusals as API codes: unknown element → notFound, the rest → invalid. */
async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ScriptsApiError) throw new ApiError(error.code === 'not-found' ? 'notFound' : 'invalid', error.message, { code: error.code });
    throw error;
  }
}

export const scripts = {
  'processes.scripts.list': route(scriptsList, async (ports, r) => {
    const d = await deployedSource(ports, r.processId, r.version);
    return ok(await mapped(() => listScripts(d.source, r.processId)));
  }),
  'processes.scripts.get': route(scriptsGet, async (ports, r) => {
    const d = await deployedSource(ports, r.processId, r.version);
    return ok(await scriptOf(d.source, r.processId, r.nodeId));
  }),
  'processes.scripts.put': route(scriptsPut, async (ports, r) => {
    const d = await deployedSource(ports, r.processId);
    await scriptOf(d.source, r.processId, r.nodeId);
    const xml = await mapped(() => putScript(d.source, r.nodeId, { body: r.body, language: r.language, resultVariable: r.resultVariable }));
    const deployed = await ports.host.deploy(xml, d.name, { note: r.note ?? `script ${r.nodeId} changed` });
    const version = deployed.processes.find((p) => p.id === r.processId)?.version as number;
    return ok({ script: await getScript(xml, r.nodeId), version, deploymentId: deployed.deploymentId }, `script ${r.nodeId} changed: deployed ${r.processId} v${version}`);
  }),
};
