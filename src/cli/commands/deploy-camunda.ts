import { CamundaDeployError, deployToCamunda, type CamundaAuth, type Fetch } from '../../archive/camunda/deploy-request';
import type { DeployArgs } from '../archive-args';
import { EXIT, InputError, UsageError, type ExitCode } from '../errors';
import type { CliIo } from '../io';
import { prepareForCamunda } from './camunda-common';

/**
 * `flowdeck deploy --camunda <url> <archive|folder>`: the camunda-compat check, then every BPMN,
 * DMN and form file in one `POST /v2/deployments` (all or nothing). Credentials come from the
 * environment ({@link camundaAuthFromEnv}). Exit 0 deployed, 1 refused (by the check or the
 * cluster), 2 bad options, 3 bad input or an unreachable cluster.
 */
export async function deployCamundaCommand(args: DeployArgs, io: CliIo): Promise<ExitCode> {
  const auth = camundaAuthFromEnv(io.env ?? process.env);
  const { app, blocking } = await prepareForCamunda(args.source, args.camundaVersion, io);
  if (blocking.length > 0 && !args.force) {
    io.stderr(`not deployed: fix the elements above, or deploy anyway with --force\n`);
    return EXIT.failed;
  }
  if (app.resources.length === 0) throw new InputError(`${args.source} holds no BPMN, DMN or form file to deploy`);
  const fetch = (io.fetch ?? globalThis.fetch) as unknown as Fetch;
  try {
    const deployment = await deployToCamunda({ url: args.url, resources: app.resources, auth, tenantId: args.tenantId, fetch });
    io.stdout(`deployed to ${args.url} (deployment ${deployment.deploymentKey}${deployment.tenantId ? `, tenant ${deployment.tenantId}` : ''}):\n`);
    for (const item of deployment.items) io.stdout(`  ${item.kind} ${item.id} version ${item.version} (key ${item.key})\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CamundaDeployError) {
      io.stderr(`flowdeck: ${error.message}\nnothing was deployed\n`);
      return EXIT.failed;
    }
    if (error instanceof TypeError) throw new InputError(`cannot reach ${args.url}: ${(error.cause as Error | undefined)?.message ?? error.message}`);
    throw error;
  }
}

/**
 * Credentials from the environment, with Camunda's own variable names: OAuth client credentials
 * when `CAMUNDA_CLIENT_ID`, `CAMUNDA_CLIENT_SECRET` and `CAMUNDA_OAUTH_URL` are set (optional
 * `CAMUNDA_TOKEN_AUDIENCE`, `CAMUNDA_TOKEN_SCOPE`), basic auth with `CAMUNDA_BASIC_AUTH_USERNAME`
 * and `CAMUNDA_BASIC_AUTH_PASSWORD`, else none.
 *
 * @throws UsageError when only part of a set is given (naming what is missing).
 */
export function camundaAuthFromEnv(env: Record<string, string | undefined>): CamundaAuth {
  const oauth = ['CAMUNDA_CLIENT_ID', 'CAMUNDA_CLIENT_SECRET', 'CAMUNDA_OAUTH_URL'];
  const basic = ['CAMUNDA_BASIC_AUTH_USERNAME', 'CAMUNDA_BASIC_AUTH_PASSWORD'];
  const given = (names: string[]) => names.filter((n) => (env[n] ?? '') !== '');
  if (given(oauth).length > 0) {
    const missing = oauth.filter((n) => !given(oauth).includes(n));
    if (missing.length > 0) throw new UsageError(`OAuth for Camunda needs ${missing.join(' and ')} too (set: ${given(oauth).join(', ')})`);
    return { kind: 'oauth', clientId: env.CAMUNDA_CLIENT_ID!, clientSecret: env.CAMUNDA_CLIENT_SECRET!, tokenUrl: env.CAMUNDA_OAUTH_URL!, audience: env.CAMUNDA_TOKEN_AUDIENCE || undefined, scope: env.CAMUNDA_TOKEN_SCOPE || undefined };
  }
  if (given(basic).length > 0) {
    const missing = basic.filter((n) => !given(basic).includes(n));
    if (missing.length > 0) throw new UsageError(`basic auth for Camunda needs ${missing.join(' and ')} too`);
    return { kind: 'basic', username: env.CAMUNDA_BASIC_AUTH_USERNAME!, password: env.CAMUNDA_BASIC_AUTH_PASSWORD! };
  }
  return { kind: 'none' };
}
