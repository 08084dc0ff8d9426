import { isFailure } from '../api/errors';
import { MemoryCatalog } from '../api/memory-catalog';
import { deploymentBoundFiles } from '../api/deployment-bundle';
import type { DeploymentSummary } from '../api/ports';
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
  /** A DMN file deployed in the same deployment as this BPMN file (bindingType deployment). */
  bundledWith?: string;
  warnings?: string[];
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
 * writes nothing. A BPMN file goes in one deployment with the DMN files that define the decisions
 * it calls with `bindingType="deployment"` (its bundle, ADR 0202); a bound decision none of the
 * files defines is taken from the latest deployed DMN file that does (so a BPMN deployed alone,
 * or changed by the scripts route, keeps its decisions), else the file gets a warning. A DMN file
 * in a bundle is deployed with each BPMN that binds it, not on its own. `skipUnchanged` leaves
 * out files identical to the latest deployment of their name (a bundle only when all its files
 * are), so a server restarted on the same folder deploys no new versions.
 */
export async function deployAll(host: EngineHost, api: EngineApi, files: DeployFile[], options: { note?: string; deployedBy: string; skipUnchanged?: boolean }): Promise<DeployedFile[]> {
  if (files.length === 0) throw new HttpError('VALIDATION_ERROR', 'a deployment needs at least one file');
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(f.name)) throw new HttpError('VALIDATION_ERROR', `file ${f.name} is given twice`, { file: f.name });
    names.add(f.name);
  }
  const sorted: Kinded[] = files.map((f) => ({ ...f, kind: kindOf(f) })).sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const summaries = await api.call('deployments.list', {}).then((r) => (isFailure(r) ? [] : r.data));
  const bundles = await bundlesOf(api, sorted, summaries);
  const latest = new Map<string, string>();
  if (options.skipUnchanged) for (const d of summaries) latest.set(d.name, d.deploymentId);
  const unchanged = new Set<string>();
  for (const f of sorted) {
    const id = latest.get(f.name);
    if (id === undefined) continue;
    const r = await api.call('deployments.get', { deploymentId: id });
    if (!isFailure(r) && r.data.source === f.source && r.data.kind === f.kind) unchanged.add(f.name);
  }
  // A BPMN's bundle is unchanged when each of its DMN files is the one deployed in the BPMN's latest bundle.
  const keptBundle = new Map<string, Map<string, string>>();
  if (options.skipUnchanged) {
    for (const [name, bundle] of bundles) {
      if (!unchanged.has(name)) continue;
      const kept = await deployedBundle(api, summaries, latest.get(name)!, bundle.files);
      if (kept) keptBundle.set(name, kept);
    }
  }
  await dryRun(sorted, bundles);
  const bundled = new Set([...bundles.values()].flatMap((b) => b.files.map((f) => f.name)));
  const out: DeployedFile[] = [];
  const note = { note: options.note, deployedBy: options.deployedBy };
  for (const f of sorted) {
    const bundle = bundles.get(f.name);
    if (f.kind === 'dmn' && bundled.has(f.name)) continue;
    if (unchanged.has(f.name) && (f.kind !== 'bpmn' || keptBundle.has(f.name))) {
      out.push({ name: f.name, kind: f.kind, deploymentId: latest.get(f.name) ?? null, versions: {}, unchanged: true });
      for (const d of bundle?.files ?? []) out.push({ name: d.name, kind: 'dmn', deploymentId: keptBundle.get(f.name)?.get(d.name) ?? null, versions: {}, unchanged: true, bundledWith: f.name });
    } else if (f.kind === 'bpmn') {
      const d = await host.deploy(f.source, f.name, { ...note, ...(bundle?.files.length ? { decisions: bundle.files.map((x) => ({ xml: x.source, name: x.name })) } : {}) });
      const warnings = (bundle?.missing ?? []).map((id) => `decision ${id} (bindingType deployment) is in no DMN file deployed: its tasks will raise an incident`);
      out.push({ name: f.name, kind: f.kind, deploymentId: d.deploymentId, versions: Object.fromEntries(d.processes.map((p) => [p.id, p.version])), unchanged: false, ...(warnings.length ? { warnings } : {}) });
      for (const x of d.decisions) out.push({ name: x.name, kind: 'dmn', deploymentId: x.deploymentId, versions: x.versions, unchanged: false, bundledWith: f.name });
    } else if (f.kind === 'dmn') {
      const d = await host.deployDmn(f.source, f.name, note);
      out.push({ name: f.name, kind: f.kind, deploymentId: d.deploymentId, versions: d.decisions, unchanged: false });
    } else {
      const r = await api.call('deployments.deploy', { kind: 'form', name: f.name, source: f.source, note: options.note });
      if (isFailure(r)) throw new HttpError('DEPLOY_FAILED', `file ${f.name}: ${r.message}`, { file: f.name });
      out.push({ name: f.name, kind: f.kind, deploymentId: r.data.deploymentId, versions: r.data.versions, unchanged: false });
    }
  }
  return out;
}

type Kinded = DeployFile & { kind: 'bpmn' | 'dmn' | 'form' };
interface Bundle {
  files: Kinded[];
  missing: string[];
}

/** Per BPMN file: the DMN files deployed with it (given, else the latest deployed) and the bound ids none defines. */
async function bundlesOf(api: EngineApi, files: readonly Kinded[], deployed: ReadonlyArray<DeploymentSummary>): Promise<Map<string, Bundle>> {
  const given = files.filter((f) => f.kind === 'dmn');
  const out = new Map<string, Bundle>();
  for (const f of files) {
    if (f.kind !== 'bpmn') continue;
    const { files: found, missing } = deploymentBoundFiles(f.source, given);
    const bundle: Bundle = { files: found.map((d) => given.find((g) => g.name === d.name)!), missing: [] };
    for (const id of missing) {
      const summary = [...deployed].filter((d) => d.kind === 'dmn' && id in d.versions).sort((a, b) => a.deployedAt - b.deployedAt).pop();
      // A file of this deployment by that name no longer defines it: the deployed one is not used.
      const r = summary && !given.some((g) => g.name === summary.name) ? await api.call('deployments.get', { deploymentId: summary.deploymentId }) : undefined;
      if (!r || isFailure(r)) bundle.missing.push(id);
      else if (!bundle.files.some((b) => b.name === summary!.name)) bundle.files.push({ name: summary!.name, source: r.data.source, kind: 'dmn' });
    }
    out.set(f.name, bundle);
  }
  return out;
}

/**
 * The DMN deployments (name -> deployment id) bundled with the BPMN deployment `bpmnId`, when
 * they hold exactly `files`; undefined when any differs or is missing (the bundle must be deployed
 * again, even if a file of that name was deployed since on its own or with another BPMN).
 */
async function deployedBundle(api: EngineApi, summaries: readonly DeploymentSummary[], bpmnId: string, files: readonly Kinded[]): Promise<Map<string, string> | undefined> {
  const kept = new Map<string, string>();
  if (files.length === 0) return kept;
  const bundle = summaries.find((s) => s.deploymentId === bpmnId)?.bundle;
  if (bundle === undefined) return undefined;
  for (const d of files) {
    const record = summaries.find((s) => s.kind === 'dmn' && s.name === d.name && s.bundle === bundle);
    const r = record ? await api.call('deployments.get', { deploymentId: record.deploymentId }) : undefined;
    if (!r || isFailure(r) || r.data.source !== d.source) return undefined;
    kept.set(d.name, record!.deploymentId);
  }
  return kept;
}

async function dryRun(files: readonly Kinded[], bundles: ReadonlyMap<string, Bundle>): Promise<void> {
  const store = new MemoryStore();
  const clock = new ManualClock(0);
  const decisions = new DmnDecisions();
  const host = await EngineHost.create({ store, clock, expressions: new FeelExpressions(), decisions });
  const api = new EngineApi({ host, store, clock, catalog: new MemoryCatalog(store), decisions });
  const problems: Array<{ file: string; message: string; errors?: unknown }> = [];
  for (const f of files) {
    const together = f.kind === 'bpmn' ? bundles.get(f.name)?.files ?? [] : [];
    const r = await api.call('deployments.deploy', { kind: f.kind, name: f.name, source: f.source, ...(together.length ? { decisions: together.map((d) => ({ name: d.name, source: d.source })) } : {}) });
    if (isFailure(r)) problems.push({ file: f.name, message: r.message, ...(r.details?.errors ? { errors: r.details.errors } : {}) });
  }
  if (problems.length) {
    throw new HttpError('DEPLOY_FAILED', `nothing was deployed: ${problems.map((p) => `${p.file}: ${p.message.split('\n')[0]}`).join('; ')}`, { files: problems });
  }
}
