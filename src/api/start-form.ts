import { parseBpmn, type ModdleElement } from '../engine';
import { ApiError } from './errors';
import { checkFormValues } from './form-values';
import type { ApiPorts } from './ports';
import { deployedSource } from './resources/scripts';

/*
 * Starting an instance through its process's start form from the API: the form a start event
 * names (`zeebe:formDefinition formId`, as the Start dialog reads it), at its latest deployed
 * version, and the values checked against it before anything starts.
 */

/** The form id the process's (first) start event with a form names, or null. */
export async function startFormIdOf(source: string, processId: string): Promise<string | null> {
  const { definitions } = await parseBpmn(source);
  const process = ((definitions.rootElements ?? []) as ModdleElement[]).find((e) => e.$type === 'bpmn:Process' && e.id === processId);
  for (const el of (process?.flowElements ?? []) as ModdleElement[]) {
    if (el.$type !== 'bpmn:StartEvent') continue;
    const values = ((el.extensionElements as ModdleElement | undefined)?.values ?? []) as ModdleElement[];
    const formId = values.find((v) => v.$type === 'zeebe:FormDefinition')?.formId;
    if (typeof formId === 'string' && formId !== '') return formId;
  }
  return null;
}

/**
 * The variables a start through the start form gives: `values` once the form accepts them.
 * @throws ApiError `notFound` (no such process, no start form, the form is not deployed), `invalid` (`details.fields`: each refused field)
 */
export async function startFormVariables(ports: ApiPorts, processId: string, version: number | undefined, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const d = await deployedSource(ports, processId, version);
  const formId = await startFormIdOf(d.source, processId);
  if (!formId) throw new ApiError('notFound', `process ${processId} v${d.version} has no start form (zeebe:formDefinition on a start event): start it with variables`, { processId, version: d.version });
  const versions = await ports.catalog.versions('form', formId);
  const latest = versions.at(-1);
  const deployment = latest && (await ports.catalog.get(latest.deploymentId));
  if (!latest || !deployment) throw new ApiError('notFound', `the start form ${formId} of ${processId} is not deployed`, { processId, formId });
  const issues = checkFormValues(JSON.parse(deployment.source) as unknown, values);
  if (issues.length > 0) {
    throw new ApiError('invalid', `the start form ${formId} refuses ${issues.map((i) => `${i.key} (${i.message})`).join(', ')}`, { formId, formVersion: latest.version, fields: issues });
  }
  return values;
}
