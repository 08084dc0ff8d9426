import { callEngine } from './engine';

/** A deployed form's form-js schema, or why there is none. */
export type DeployedForm = { ok: true; formId: string; version: number; schema: Record<string, unknown> } | { ok: false; message: string };

/**
 * The latest deployed version of form `formId` (deployed with the process from its project), as a
 * form-js schema. A task that names a form not deployed gets the reason, and the UI offers the
 * variables editor instead.
 *
 * @example
 * const form = await loadDeployedForm('approve-form');
 * if (form.ok) render(form.schema);
 */
export async function loadDeployedForm(formId: string): Promise<DeployedForm> {
  const versions = await callEngine('deployments.versions', { kind: 'form', id: formId });
  if ('error' in versions) return { ok: false, message: versions.message };
  const latest = versions.data.reduce((a, b) => (b.version > a.version ? b : a));
  const deployment = await callEngine('deployments.get', { deploymentId: latest.deploymentId });
  if ('error' in deployment) return { ok: false, message: deployment.message };
  try {
    return { ok: true, formId, version: latest.version, schema: JSON.parse(deployment.data.source) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: `form ${formId} v${latest.version} is not JSON: ${(error as Error).message}` };
  }
}

/**
 * The form a BPMN process's start event names (`zeebe:formDefinition formId`), if any. Reads the
 * XML with the browser's DOMParser (this runs in the studio only).
 */
export function startFormId(xml: string, processId: string): string | null {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const processes = [...doc.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/MODEL', 'process')];
  const process = processes.find((p) => p.getAttribute('id') === processId);
  if (!process) return null;
  for (const start of [...process.children].filter((c) => c.localName === 'startEvent')) {
    const def = start.getElementsByTagNameNS('http://camunda.org/schema/zeebe/1.0', 'formDefinition')[0];
    const id = def?.getAttribute('formId');
    if (id) return id;
  }
  return null;
}
