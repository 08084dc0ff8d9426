import { basename } from 'node:path';
import { deploymentBoundFiles } from '../api/deployment-bundle';
import type { Logger } from '../engine';
import { DmnDeployError } from '../host/dmn-decisions';
import { DeployError, type EngineHost } from '../host/engine-host';
import { InputError } from './errors';
import { readTextFile } from './files';

/**
 * Deploys the DMN files, then each BPMN file together with the DMN files that define the decisions
 * it calls with `bindingType="deployment"` (one deployment, ADR 0202). A DMN file no BPMN file
 * binds is deployed on its own first, so `latest` bindings find it. Warnings go to the logger.
 * @returns per BPMN file (in the order given), its process ids.
 * @throws InputError naming the file that cannot be read or deployed.
 */
export async function deployModelFiles(host: EngineHost, files: { bpmn: readonly string[]; dmn: readonly string[] }, logger?: Logger): Promise<string[][]> {
  const dmn = await Promise.all(files.dmn.map(async (file) => ({ file, name: basename(file), source: await readTextFile(file, 'DMN') })));
  const bpmn = await Promise.all(files.bpmn.map(async (file) => ({ file, xml: await readTextFile(file, 'model') })));
  const bundles = bpmn.map((m) => deploymentBoundFiles(m.xml, dmn));
  const bound = new Set(bundles.flatMap((b) => b.files.map((f) => f.name)));
  for (const d of dmn) if (!bound.has(d.name)) await deployDmn(host, d, logger);
  const out: string[][] = [];
  for (const [i, m] of bpmn.entries()) {
    for (const id of bundles[i].missing) logger?.warn(`${basename(m.file)}: decision ${id} (bindingType deployment) is in none of the DMN files given: its tasks will raise an incident`);
    out.push(await deployBpmn(host, m, bundles[i].files.map((f) => ({ xml: f.source, name: f.name })), logger));
  }
  return out;
}

async function deployDmn(host: EngineHost, d: { file: string; name: string; source: string }, logger?: Logger): Promise<void> {
  try {
    const { warnings } = await host.deployDmn(d.source, d.name);
    for (const w of warnings) logger?.warn(`${d.name}: ${w}`);
  } catch (error) {
    if (error instanceof DmnDeployError) throw new InputError(`cannot deploy ${d.file}: ${error.message}`);
    throw error;
  }
}

async function deployBpmn(host: EngineHost, m: { file: string; xml: string }, decisions: Array<{ xml: string; name: string }>, logger?: Logger): Promise<string[]> {
  try {
    const deployed = await host.deploy(m.xml, basename(m.file), decisions.length ? { decisions } : {});
    for (const w of deployed.warnings) logger?.warn(`${basename(m.file)}: ${w.replace(/\s+/g, ' ')}`);
    return deployed.processes.map((p) => p.id);
  } catch (error) {
    // A bundled DMN file that does not compile is named in the message (`discount.dmn: ...`).
    if (error instanceof DeployError || error instanceof DmnDeployError) throw new InputError(`cannot deploy ${m.file}: ${error.message}`);
    throw error;
  }
}
