import { callEngine } from './engine';

/**
 * The BPMN XML a process version was deployed with (what its instances run, which may differ
 * from the file open in the modeler now).
 *
 * @example
 * const r = await loadProcessXml('order', 2); if (r.ok) viewer.importXML(r.xml);
 */
export async function loadProcessXml(processId: string, version?: number): Promise<{ ok: true; xml: string; version: number } | { ok: false; message: string }> {
  const versions = await callEngine('deployments.versions', { kind: 'bpmn', id: processId });
  if ('error' in versions) return { ok: false, message: versions.message };
  const chosen = version === undefined ? versions.data.reduce((a, b) => (b.version > a.version ? b : a)) : versions.data.find((v) => v.version === version);
  if (!chosen) return { ok: false, message: `process ${processId} has no version ${version} (deployed: ${versions.data.map((v) => `v${v.version}`).join(', ')})` };
  const d = await callEngine('deployments.get', { deploymentId: chosen.deploymentId });
  if ('error' in d) return { ok: false, message: d.message };
  return { ok: true, xml: d.data.source, version: chosen.version };
}
