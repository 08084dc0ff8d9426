/** How to authenticate to the cluster's REST API. */
export type CamundaAuth =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  /** OAuth 2.0 client credentials: a token from `tokenUrl` for `audience`. */
  | { kind: 'oauth'; tokenUrl: string; clientId: string; clientSecret: string; audience?: string; scope?: string };

/** The injected `fetch` (the archive layer reaches no network by itself). */
export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: FormData | URLSearchParams }) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/** One deployed item, from the 200 response's `deployments[]`. */
export interface DeployedItem {
  kind: 'process' | 'decision' | 'decisionRequirements' | 'form' | 'resource';
  id: string;
  version: number;
  key: string;
  resourceName?: string;
}

/** What a successful `POST /v2/deployments` says. */
export interface CamundaDeployment {
  deploymentKey: string;
  tenantId: string;
  items: DeployedItem[];
}

/** A refused deployment: the status and the RFC 9457 problem detail the cluster sent. */
export class CamundaDeployError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(`Camunda refused the deployment (HTTP ${status}${title ? ` ${title}` : ''})${detail ? `: ${detail}` : ''}`);
    this.name = 'CamundaDeployError';
  }
}

/**
 * The `POST /v2/deployments` request of Camunda 8's Orchestration Cluster REST API (added in
 * 8.6): `multipart/form-data` with one `resources` part per file (file name = its path) and an
 * optional `tenantId` part. One request, so the cluster deploys all of it or none.
 *
 * @example
 * const { url, init } = deploymentRequest('http://localhost:8080', [{ path: 'order.bpmn', text: xml }], { tenantId: 'acme' });
 * // url: 'http://localhost:8080/v2/deployments'
 */
export function deploymentRequest(baseUrl: string, resources: ReadonlyArray<{ path: string; text: string }>, options: { tenantId?: string; authorization?: string } = {}) {
  if (options.tenantId !== undefined && !TENANT_ID.test(options.tenantId)) {
    throw new CamundaDeployError(0, 'invalid tenant id', `"${options.tenantId}": Camunda tenant ids are 1-31 letters, digits, _, . or - (or <default>)`);
  }
  if (resources.length === 0) throw new CamundaDeployError(0, 'nothing to deploy', 'no BPMN, DMN or form resource');
  const form = new FormData();
  for (const r of resources) {
    const type = r.path.endsWith('.form') ? 'application/json' : 'application/xml';
    form.append('resources', new Blob([r.text], { type }), r.path);
  }
  if (options.tenantId !== undefined) form.append('tenantId', options.tenantId);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.authorization) headers.authorization = options.authorization;
  return { url: `${deploymentsBase(baseUrl)}/deployments`, init: { method: 'POST', headers, body: form } };
}

// identifiers.yaml TenantId: ^(<default>|[\w\.\-]{1,31})$
const TENANT_ID = /^(<default>|[\w.-]{1,31})$/;

/** `http://host:8080`, `http://host:8080/`, `http://host:8080/v2` all mean the same cluster. */
function deploymentsBase(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.endsWith('/v2') ? trimmed : `${trimmed}/v2`;
}

/**
 * Reads the cluster's answer: 200 `DeploymentResult` into {@link CamundaDeployment}; any other
 * status (400 `InvalidData`, 401, 403, 503 `ServiceUnavailable`...) into a {@link CamundaDeployError}
 * from its `application/problem+json` body (or the plain text when there is none).
 *
 * @throws CamundaDeployError
 */
export function parseDeploymentResponse(status: number, bodyText: string): CamundaDeployment {
  let body: unknown;
  try {
    body = bodyText === '' ? undefined : JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  if (status !== 200) {
    const problem = (body ?? {}) as { title?: unknown; detail?: unknown };
    const text = typeof problem.detail === 'string' ? problem.detail : body === undefined ? bodyText.slice(0, 500) : '';
    throw new CamundaDeployError(status, typeof problem.title === 'string' ? problem.title : '', text);
  }
  const result = body as { deploymentKey?: unknown; tenantId?: unknown; deployments?: unknown } | undefined;
  if (!result || typeof result.deploymentKey !== 'string' || !Array.isArray(result.deployments)) {
    throw new CamundaDeployError(status, 'unexpected response', 'a 200 answer without deploymentKey and deployments (is the URL a Camunda 8.6+ REST API?)');
  }
  return { deploymentKey: result.deploymentKey, tenantId: String(result.tenantId ?? ''), items: result.deployments.flatMap(itemOf) };
}

function itemOf(entry: Record<string, Record<string, unknown> | null>): DeployedItem[] {
  const items: DeployedItem[] = [];
  const p = entry.processDefinition;
  if (p) items.push({ kind: 'process', id: String(p.processDefinitionId), version: Number(p.processDefinitionVersion), key: String(p.processDefinitionKey), resourceName: String(p.resourceName) });
  const d = entry.decisionDefinition;
  if (d) items.push({ kind: 'decision', id: String(d.decisionDefinitionId), version: Number(d.version), key: String(d.decisionDefinitionKey) });
  const r = entry.decisionRequirements;
  if (r) items.push({ kind: 'decisionRequirements', id: String(r.decisionRequirementsId), version: Number(r.version), key: String(r.decisionRequirementsKey), resourceName: String(r.resourceName) });
  const f = entry.form;
  if (f) items.push({ kind: 'form', id: String(f.formId), version: Number(f.version), key: String(f.formKey), resourceName: String(f.resourceName) });
  const x = entry.resource;
  if (x) items.push({ kind: 'resource', id: String(x.resourceId), version: Number(x.version), key: String(x.resourceKey), resourceName: String(x.resourceName) });
  return items;
}

/**
 * The `Authorization` header for `auth`: basic, or a bearer token fetched with the OAuth 2.0
 * client credentials grant (form-encoded `grant_type`, `client_id`, `client_secret`, `audience`).
 *
 * @throws CamundaDeployError when the token endpoint refuses.
 */
export async function authorizationFor(auth: CamundaAuth, fetch: Fetch): Promise<string | undefined> {
  if (auth.kind === 'none') return undefined;
  if (auth.kind === 'basic') return `Basic ${base64(`${auth.username}:${auth.password}`)}`;
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: auth.clientId, client_secret: auth.clientSecret });
  if (auth.audience) form.set('audience', auth.audience);
  if (auth.scope) form.set('scope', auth.scope);
  const response = await fetch(auth.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form });
  const text = await response.text();
  let token: { access_token?: unknown; token_type?: unknown; error?: unknown; error_description?: unknown } = {};
  try {
    token = JSON.parse(text);
  } catch {
    // reported below
  }
  if (response.status !== 200 || typeof token.access_token !== 'string') {
    throw new CamundaDeployError(response.status, 'OAuth token refused', `${auth.tokenUrl}: ${String(token.error_description ?? token.error ?? text.slice(0, 200))}`);
  }
  return `Bearer ${token.access_token}`;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Deploys in one request (all or nothing, as the endpoint is atomic) and reads the answer.
 *
 * @example
 * const deployment = await deployToCamunda({ url: 'http://localhost:8080', resources, auth: { kind: 'none' }, fetch: globalThis.fetch });
 * deployment.items; // [{ kind: 'process', id: 'order', version: 1, key: '2251799813686749' }]
 */
export async function deployToCamunda(options: { url: string; resources: ReadonlyArray<{ path: string; text: string }>; auth: CamundaAuth; tenantId?: string; fetch: Fetch }): Promise<CamundaDeployment> {
  const authorization = await authorizationFor(options.auth, options.fetch);
  const { url, init } = deploymentRequest(options.url, options.resources, { tenantId: options.tenantId, authorization });
  const response = await options.fetch(url, init);
  return parseDeploymentResponse(response.status, await response.text());
}
