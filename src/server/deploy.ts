import { isFailure } from '../api/errors';
import { MemoryCatalog } from '../api/memory-catalog';
import { EngineApi } from '../api/service';
import { DmnDecisions } from '../host/dmn-decisions';
import { EngineHost } from '../host/engine-host';
import { FeelExpressions } from '../host/feel-expressions';
import { ManualClock } from '../host/clocks';
import { MemoryStore } from '../host/memory-store';
import { HttpError } from './http/errors';

/** One file of a deployment. `kind` defaults from the name's extension (.bpmn, .dmn, .form). */
export interface DeployFile {
  name: string;
  source: string;
  kind?: 'bpmn' | 'dmn' | 'form';
}

export interface DeployedFile {
  name: string;
  kind: 'bpmn' | 'dmn' | 'form';
  deploymentId: string | null;
  versions: Record<string, number>;
  /** True when the same file (name and content) was already the latest deployment of that name. */
  unchanged: boolean;
}

const ORDER = { dmn: 0, form: 1, bpmn: 2 } as const;

export function kindOf(file: DeployFile): 'bpmn' | 'dmn' | 'form' {
  if (file.kind) return file.kind;
  const ext = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (ext === 'bpmn' || ext === 'dmn' || ext === 'form') return ext;
  throw new HttpError('VALIDATION_ERROR', `file ${file.name}: cannot tell its kind from the name (expected .bpmn, .dmn or .form, or give "kind")`, { file: file.name });
}

/**
 * Deploys several files all or nothing: every file is first deployed on a scratch engine (a
 * memory store: BPMN compiles, DMN compiles, forms parse); only when all pass is each deployed
 * for real, decisions and forms before processes. A refusal names the file and its errors and
 * writes nothing. `skipUnchanged` leaves out files identical to the latest deployment of their
 * name (a server restarted on the same folder deploys no new versions).
 */
export async function deployAll(host: EngineHost, api: EngineApi, files: DeployFile[], options: { note?: string; deployedBy: string; skipUnchanged?: boolean }): Promise<DeployedFile[]> {
  if (files.length === 0) throw new HttpError('VALIDATION_ERROR', 'a deployment needs at least one file');
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(f.name)) throw new HttpError('VALIDATION_ERROR', `file ${f.name} is given twice`, { file: f.name });
    names.add(f.name);
  }
  const sorted = files.map((f) => ({ ...f, kind: kindOf(f) })).sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const latest = new Map<string, string>();
  if (options.skipUnchanged) for (const d of await api.call('deployments.list', {}).then((r) => (isFailure(r) ? [] : r.data))) latest.set(d.name, d.deploymentId);
  const unchanged = new Set<string>();
  for (const f of sorted) {
    const id = latest.get(f.name);
    if (id === undefined) continue;
    const r = await api.call('deployments.get', { deploymentId: id });
    if (!isFailure(r) && r.data.source === f.source && r.data.kind === f.kind) unchanged.add(f.name);
  }
  await dryRun(sorted);
  const out: DeployedFile[] = [];
  for (const f of sorted) {
    if (unchanged.has(f.name)) {
      out.push({ name: f.name, kind: f.kind, deploymentId: latest.get(f.name) ?? null, versions: {}, unchanged: true });
    } else if (f.kind === 'bpmn') {
      const d = await host.deploy(f.source, f.name, { note: options.note, deployedBy: options.deployedBy });
      out.push({ name: f.name, kind: f.kind, deploymentId: d.deploymentId, versions: Object.fromEntries(d.processes.map((p) => [p.id, p.version])), unchanged: false });
    } else if (f.kind === 'dmn') {
      const d = await host.deployDmn(f.source, f.name, { note: options.note, deployedBy: options.deployedBy });
      out.push({ name: f.name, kind: f.kind, deploymentId: d.deploymentId, versions: d.decisions, unchanged: false });
    } else {
      const r = await api.call('deployments.deploy', { kind: 'form', name: f.name, source: f.source, note: options.note });
      if (isFailure(r)) throw new HttpError('DEPLOY_FAILED', `file ${f.name}: ${r.message}`, { file: f.name });
      out.push({ name: f.name, kind: f.kind, deploymentId: r.data.deploymentId, versions: r.data.versions, unchanged: false });
    }
  }
  return out;
}

async function dryRun(files: Array<DeployFile & { kind: 'bpmn' | 'dmn' | 'form' }>): Promise<void> {
  const store = new MemoryStore();
  const clock = new ManualClock(0);
  const decisions = new DmnDecisions();
  const host = await EngineHost.create({ store, clock, expressions: new FeelExpressions(), decisions });
  const api = new EngineApi({ host, store, clock, catalog: new MemoryCatalog(store), decisions });
  const problems: Array<{ file: string; message: string; errors?: unknown }> = [];
  for (const f of files) {
    const r = await api.call('deployments.deploy', { kind: f.kind, name: f.name, source: f.source });
    if (isFailure(r)) problems.push({ file: f.name, message: r.message, ...(r.details?.errors ? { errors: r.details.errors } : {}) });
  }
  if (problems.length) {
    throw new HttpError('DEPLOY_FAILED', `nothing was deployed: ${problems.map((p) => `${p.file}: ${p.message.split('\n')[0]}`).join('; ')}`, { files: problems });
  }
}
