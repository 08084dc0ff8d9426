import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorizationFor, CamundaDeployError, deploymentRequest, deployToCamunda, parseDeploymentResponse, type Fetch } from './deploy-request';
import { resolveRef, validate, type Schema } from './test-support/openapi-subset';

// Camunda's published spec for POST /v2/deployments (source URLs inside the file). No cluster runs
// here: the request we build and the answers we read are checked against it instead.
const spec = JSON.parse(readFileSync(new URL('./fixtures/deployments.openapi.json', import.meta.url), 'utf8'));
const operation = spec.paths['/deployments'].post;
const requestSchema: Schema = operation.requestBody.content['multipart/form-data'].schema;
const responseSchema = (status: string, type: string): Schema => {
  const response = operation.responses[status].$ref ? resolveRef(spec, operation.responses[status].$ref) : operation.responses[status];
  return (response.content as Record<string, { schema: Schema }>)[type].schema;
};
const resources = [
  { path: 'order.bpmn', text: '<bpmn:definitions id="a"/>' },
  { path: 'pricing/discount.dmn', text: '<definitions id="b"/>' },
  { path: 'forms/approve.form', text: '{"id":"approve","components":[]}' },
];

/** The built request as the server would see it: its multipart body parsed into fields. */
async function asServerSees(url: string, init: { method: string; headers: Record<string, string>; body: FormData }) {
  const request = new Request(url, init);
  const form = await request.formData();
  const fields: Record<string, unknown> = {};
  for (const name of new Set(form.keys())) fields[name] = name === 'resources' ? form.getAll(name) : form.get(name);
  return { request, form, fields };
}

const DEPLOYED = {
  deploymentKey: '2251799813685249', tenantId: '<default>',
  deployments: [
    { processDefinition: { processDefinitionId: 'order', processDefinitionVersion: 3, resourceName: 'order.bpmn', tenantId: '<default>', processDefinitionKey: '2251799813685250' }, decisionDefinition: null, decisionRequirements: null, form: null, resource: null },
    { processDefinition: null, decisionDefinition: { decisionDefinitionId: 'discount', version: 1, name: 'Discount', tenantId: '<default>', decisionRequirementsId: 'pricing', decisionDefinitionKey: '2251799813685251', decisionRequirementsKey: '2251799813685252' }, decisionRequirements: null, form: null, resource: null },
    { processDefinition: null, decisionDefinition: null, decisionRequirements: { decisionRequirementsId: 'pricing', decisionRequirementsName: 'Pricing', version: 1, resourceName: 'pricing/discount.dmn', tenantId: '<default>', decisionRequirementsKey: '2251799813685252' }, form: null, resource: null },
    { processDefinition: null, decisionDefinition: null, decisionRequirements: null, form: { formId: 'approve', version: 2, resourceName: 'forms/approve.form', tenantId: '<default>', formKey: '2251799813685253' }, resource: null },
  ],
};

describe('the POST /v2/deployments request, against Camunda\'s OpenAPI spec', () => {
  it('given three resources and a tenant, when built, then it is one multipart POST whose fields the spec accepts, each file named by its path', async () => {
    const { url, init } = deploymentRequest('http://camunda:8080/', resources, { tenantId: 'acme', authorization: 'Bearer t' });
    const { request, fields } = await asServerSees(url, init);

    expect(request.method).toBe('POST');
    expect(new URL(request.url).pathname).toBe('/v2/deployments');
    expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.headers.get('authorization')).toBe('Bearer t');
    expect(validate(spec, requestSchema, fields)).toEqual([]);
    const files = fields.resources as File[];
    expect(files.map((f) => f.name)).toEqual(['order.bpmn', 'pricing/discount.dmn', 'forms/approve.form']);
    expect(await Promise.all(files.map((f) => f.text()))).toEqual(resources.map((r) => r.text));
    expect(fields.tenantId).toBe('acme');
  });

  it('given a URL that already ends in /v2 and no tenant, then the path is not doubled and the request has no tenantId field', async () => {
    const { url, init } = deploymentRequest('https://c8.example.com/v2', resources.slice(0, 1));
    const { fields } = await asServerSees(url, init);
    expect(url).toBe('https://c8.example.com/v2/deployments');
    expect(Object.keys(fields)).toEqual(['resources']);
    expect(validate(spec, requestSchema, fields)).toEqual([]);
  });

  it('given a tenant id the spec\'s TenantId pattern refuses, then the request is not built (and the spec agrees it is invalid)', () => {
    expect(() => deploymentRequest('http://c', resources, { tenantId: 'a b' })).toThrow(/tenant id/);
    expect(validate(spec, requestSchema, { resources: [new Blob(['x'])], tenantId: 'a b' })).toEqual([expect.stringMatching(/tenantId/)]);
    expect(validate(spec, requestSchema, { resources: [new Blob(['x'])], extra: 1 })).toEqual([expect.stringMatching(/additionalProperties/)]);
  });
});

describe('the documented responses', () => {
  it('given a 200 DeploymentResult with a process, a decision, its requirements and a form, when parsed, then each deployed item is listed', () => {
    expect(validate(spec, responseSchema('200', 'application/json'), DEPLOYED)).toEqual([]);

    const parsed = parseDeploymentResponse(200, JSON.stringify(DEPLOYED));

    expect(parsed.deploymentKey).toBe('2251799813685249');
    expect(parsed.items).toEqual([
      { kind: 'process', id: 'order', version: 3, key: '2251799813685250', resourceName: 'order.bpmn' },
      { kind: 'decision', id: 'discount', version: 1, key: '2251799813685251' },
      { kind: 'decisionRequirements', id: 'pricing', version: 1, key: '2251799813685252', resourceName: 'pricing/discount.dmn' },
      { kind: 'form', id: 'approve', version: 2, key: '2251799813685253', resourceName: 'forms/approve.form' },
    ]);
  });

  it('given a 400 InvalidData problem detail, when parsed, then it is a CamundaDeployError with the title and detail', () => {
    const problem = { type: 'about:blank', title: 'INVALID_ARGUMENT', status: 400, detail: "Command 'CREATE' rejected: 'order.bpmn': Element: Score - must have a task definition", instance: '/v2/deployments' };
    expect(validate(spec, responseSchema('400', 'application/problem+json'), problem)).toEqual([]);

    const attempt = () => parseDeploymentResponse(400, JSON.stringify(problem));

    expect(attempt).toThrow(CamundaDeployError);
    expect(attempt).toThrow(/HTTP 400 INVALID_ARGUMENT.*Score - must have a task definition/);
  });

  it('given a 503 RESOURCE_EXHAUSTED and a 401 with a plain text body, when parsed, then both are refusals naming the status', () => {
    const busy = { title: 'RESOURCE_EXHAUSTED', status: 503, detail: 'Expected to handle request, but the broker is busy' };
    expect(validate(spec, responseSchema('503', 'application/problem+json'), busy)).toEqual([]);
    expect(() => parseDeploymentResponse(503, JSON.stringify(busy))).toThrow(/HTTP 503 RESOURCE_EXHAUSTED/);
    expect(() => parseDeploymentResponse(401, 'Unauthorized')).toThrow(/HTTP 401\): Unauthorized/);
  });

  it('given a 200 that is not a DeploymentResult (a wrong URL), then it is refused rather than reported as deployed', () => {
    expect(validate(spec, responseSchema('200', 'application/json'), { ok: true })).not.toEqual([]);
    expect(() => parseDeploymentResponse(200, '<html>')).toThrow(/without deploymentKey/);
  });
});

describe('authentication', () => {
  it('given OAuth client credentials, when deploying, then a token is fetched with the client credentials grant and sent as Bearer', async () => {
    const calls: Array<{ url: string; headers: Record<string, string>; body: unknown }> = [];
    const fetch: Fetch = async (url, init) => {
      calls.push({ url, headers: init.headers, body: init.body });
      const body = url.endsWith('/token') ? { access_token: 'tok-1', token_type: 'Bearer', expires_in: 300 } : DEPLOYED;
      return { status: 200, headers: new Headers(), text: async () => JSON.stringify(body) };
    };

    const deployment = await deployToCamunda({ url: 'http://c8:8080', resources, fetch, auth: { kind: 'oauth', tokenUrl: 'http://login/token', clientId: 'id', clientSecret: 's3cret', audience: 'orchestration-api' } });

    expect(deployment.items).toHaveLength(4);
    expect(calls.map((c) => c.url)).toEqual(['http://login/token', 'http://c8:8080/v2/deployments']);
    expect(Object.fromEntries(calls[0].body as URLSearchParams)).toEqual({ grant_type: 'client_credentials', client_id: 'id', client_secret: 's3cret', audience: 'orchestration-api' });
    expect(calls[1].headers.authorization).toBe('Bearer tok-1');
  });

  it('given a token endpoint that refuses, then nothing is deployed and the error names the endpoint', async () => {
    const urls: string[] = [];
    const fetch: Fetch = async (url) => {
      urls.push(url);
      return { status: 401, headers: new Headers(), text: async () => '{"error":"invalid_client","error_description":"Invalid client credentials"}' };
    };
    await expect(deployToCamunda({ url: 'http://c8', resources, fetch, auth: { kind: 'oauth', tokenUrl: 'http://login/token', clientId: 'x', clientSecret: 'y' } })).rejects.toThrow(/login\/token: Invalid client credentials/);
    expect(urls).toEqual(['http://login/token']);
  });

  it('given basic credentials, then the header is Basic base64(user:password), UTF-8 included', async () => {
    expect(await authorizationFor({ kind: 'basic', username: 'demo', password: 'démo' }, null as never)).toBe(`Basic ${Buffer.from('demo:démo').toString('base64')}`);
  });
});
