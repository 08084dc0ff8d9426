import { z } from 'zod';
import { listScripts, getScript, putScript, ScriptsApiError } from '../../../app/scripts/scripts-api';
import type { DeploymentRecord } from '../../../host/store';
import type { ServerContext } from '../../context';
import { deployAll } from '../../deploy';
import { readArchiveFiles } from '../../archive-files';
import { HttpError } from '../errors';
import { userOf } from '../guard';
import { anyData, answers, dataOf, type App } from '../shapes';

const filesBody = z.strictObject({
  files: z.array(z.strictObject({ name: z.string().min(1), source: z.string().min(1), kind: z.enum(['bpmn', 'dmn', 'form']).optional() })).min(1).max(500),
  note: z.string().max(10_000).optional(),
});
const scriptParams = z.object({ processDefId: z.string().min(1), nodeId: z.string().min(1) });
const scriptBody = z.strictObject({ body: z.string(), language: z.enum(['javascript', 'feel']).optional(), resultVariable: z.string().optional() });

/** Deployments (JSON files or a `.flowdeck` archive, all or nothing) and the scripts of deployed processes. */
export function deploymentRoutes(app: App, ctx: ServerContext): void {
  app.addContentTypeParser(['application/zip', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: ctx.config.archiveLimitBytes }, (_req, body, done) => done(null, body));

  app.post('/deployments', {
    config: { permission: 'deploy' },
    bodyLimit: ctx.config.archiveLimitBytes,
    schema: {
      tags: ['deployments'],
      summary: 'Deploys files (application/json) or a .flowdeck archive (application/zip), all or nothing',
      body: filesBody.or(z.instanceof(Buffer).meta({ type: 'string', format: 'binary' })),
      response: answers(anyData, 201),
    },
  }, async (req, reply) => {
    const who = userOf(req).username;
    const files = Buffer.isBuffer(req.body) ? await readArchiveFiles(req.body) : req.body.files;
    const note = Buffer.isBuffer(req.body) ? undefined : req.body.note;
    try {
      const deployed = await deployAll(ctx.host, ctx.api, files, { note, deployedBy: who });
      ctx.audit.record({ actor: who, ip: req.ip, action: 'deploy', target: files.map((f) => f.name).join(', '), outcome: 'ok', details: { deployed } });
      reply.code(201);
      return { data: deployed, message: `deployed ${deployed.length} file${deployed.length === 1 ? '' : 's'}` };
    } catch (error) {
      ctx.audit.record({ actor: who, ip: req.ip, action: 'deploy', target: files.map((f) => f.name).join(', '), outcome: 'refused', details: { error: (error as Error).message } });
      throw error;
    }
  });

  const latestXml = async (processId: string): Promise<DeploymentRecord> => {
    let best: DeploymentRecord | undefined;
    for (const d of await ctx.store.listDeployments()) {
      if (d.kind === 'bpmn' && d.versions[processId] !== undefined && (!best || d.versions[processId] > best.versions[processId])) best = d;
    }
    if (!best) throw new HttpError('NOT_FOUND', `no deployed process ${processId}`, { processId });
    return best;
  };
  const scripts = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ScriptsApiError) throw new HttpError(error.code === 'not-found' ? 'NOT_FOUND' : 'VALIDATION_ERROR', error.message, { code: error.code });
      throw error;
    }
  };

  app.get('/processes/:processDefId/scripts', {
    config: { permission: 'read' }, schema: { tags: ['scripts'], params: scriptParams.pick({ processDefId: true }), response: answers(anyData) },
  }, async (req) => {
    const d = await latestXml(req.params.processDefId);
    return { data: await scripts(() => listScripts(d.xml, req.params.processDefId)) };
  });

  app.get('/processes/:processDefId/scripts/:nodeId', { config: { permission: 'read' }, schema: { tags: ['scripts'], params: scriptParams, response: answers(anyData) } }, async (req) => {
    const d = await latestXml(req.params.processDefId);
    const script = await scripts(() => getScript(d.xml, req.params.nodeId));
    if (script.processId !== req.params.processDefId) throw new HttpError('NOT_FOUND', `script task ${req.params.nodeId} is not in process ${req.params.processDefId}`);
    return { data: script };
  });

  app.put('/processes/:processDefId/scripts/:nodeId', {
    config: { permission: 'deploy' },
    schema: { tags: ['scripts'], summary: 'Changes a script: deploys a new version of the process', params: scriptParams, body: scriptBody, response: answers(dataOf(z.object({ script: z.unknown(), version: z.number().int(), deploymentId: z.string() }))) },
  }, async (req) => {
    const { processDefId, nodeId } = req.params;
    const d = await latestXml(processDefId);
    const before = await scripts(() => getScript(d.xml, nodeId));
    if (before.processId !== processDefId) throw new HttpError('NOT_FOUND', `script task ${nodeId} is not in process ${processDefId}`);
    const xml = await scripts(() => putScript(d.xml, nodeId, req.body));
    const who = userOf(req).username;
    const [deployed] = await deployAll(ctx.host, ctx.api, [{ name: d.name, source: xml, kind: 'bpmn' }], { note: `script ${nodeId} changed`, deployedBy: who });
    ctx.audit.record({ actor: who, ip: req.ip, action: 'script.change', target: `${processDefId}/${nodeId}`, outcome: 'ok', details: { version: deployed.versions[processDefId] } });
    return { data: { script: await getScript(xml, nodeId), version: deployed.versions[processDefId], deploymentId: deployed.deploymentId as string } };
  });
}
