import { ApiError, type ApiSuccess } from '../errors';
import { ok, route } from '../route';
import { deploymentsDeploy, deploymentsGet, deploymentsList, deploymentsVersions } from '../schemas';

/** What a deployment gave: definition id -> version, and the reader's warnings. */
export interface DeployAnswer {
  deploymentId: string;
  kind: 'bpmn' | 'dmn' | 'form';
  versions: Record<string, number>;
  warnings: string[];
}

export const deployments = {
  'deployments.deploy': route(deploymentsDeploy, async ({ host, catalog, clock }, r): Promise<ApiSuccess<DeployAnswer>> => {
    if (r.kind === 'bpmn') {
      const d = await host.deploy(r.source, r.name, { note: r.note, decisions: r.decisions?.map((f) => ({ xml: f.source, name: f.name })) });
      return ok({ deploymentId: d.deploymentId, kind: r.kind, versions: Object.fromEntries(d.processes.map((p) => [p.id, p.version])), warnings: d.warnings },
        `deployed ${d.processes.map((p) => `${p.id} v${p.version}`).join(', ')}`);
    }
    if (r.kind === 'dmn') {
      const d = await host.deployDmn(r.source, r.name, { note: r.note });
      return ok({ deploymentId: d.deploymentId, kind: r.kind, versions: d.decisions, warnings: d.warnings },
        `deployed ${Object.entries(d.decisions).map(([id, v]) => `${id} v${v}`).join(', ')}`);
    }
    const formId = formIdOf(r.source, r.name, r.formId);
    const d = await catalog.deployForm({ formId, name: r.name, source: r.source, note: r.note, now: clock.now() });
    return ok({ deploymentId: d.deploymentId, kind: r.kind, versions: { [formId]: d.version }, warnings: [] }, `deployed form ${formId} v${d.version}`);
  }),
  'deployments.list': route(deploymentsList, async ({ catalog }, { kind }) => ok(await catalog.list(kind))),
  'deployments.get': route(deploymentsGet, async ({ catalog }, { deploymentId }) => {
    const d = await catalog.get(deploymentId);
    if (!d) throw new ApiError('notFound', `no deployment ${deploymentId}`, { deploymentId });
    return ok(d);
  }),
  'deployments.versions': route(deploymentsVersions, async ({ catalog }, { kind, id }) => {
    const versions = await catalog.versions(kind, id);
    if (versions.length === 0) throw new ApiError('notFound', `no deployed ${kind === 'bpmn' ? 'process' : kind === 'dmn' ? 'decision' : 'form'} ${id}`, { kind, id });
    return ok(versions);
  }),
};

/** A form's id: the form-js JSON's `id`; the source must be a JSON object. */
function formIdOf(source: string, name: string, given: string | undefined): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    throw new ApiError('deployFailed', `form ${name} is not JSON: ${(error as Error).message}`, { name });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ApiError('deployFailed', `form ${name} is not a JSON object`, { name });
  const id = given ?? (parsed as { id?: unknown }).id;
  if (typeof id !== 'string' || id === '') throw new ApiError('deployFailed', `form ${name} has no "id": give one in the form or as formId`, { name });
  return id;
}
