import type { DeploymentRecord } from '../../host/store';
import type { FlowdeckDb } from '../db';
import type { Actor } from './audit';
import { alreadyStored, reserve } from './keyed-rows';
import type { DefinitionRow, DeploymentRow } from './rows';

/*
 * Deployments: the source of every deployed process, decision and form version, with its SHA-256,
 * who deployed it, when and with what note. One row per deployment plus one `definitions` row per
 * version it gave (so "the versions of process p" is an index range, not a scan of sources).
 */

/** Hex SHA-256 of `text` as UTF-8 (Web Crypto: browsers, workers and Node 20). */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a deployment may say besides the host's record. */
export interface DeploymentMeta {
  note?: string;
  deployedBy?: string;
}

/**
 * Writes a deployment, its versions and its audit entry in one transaction. The hash is computed
 * before the transaction opens: IndexedDB commits a transaction that waits on anything else.
 */
export async function writeDeployment(db: FlowdeckDb, record: DeploymentRecord | (Omit<DeploymentRecord, 'kind'> & { kind: 'form' }), meta: DeploymentMeta, actor: Actor): Promise<DeploymentRow> {
  const hash = await sha256(record.xml);
  const who = meta.deployedBy ?? actor();
  return db.transaction('rw', [db.deployments, db.definitions, db.counters, db.audit], () => writeDeploymentRows(db, record, hash, { note: meta.note, deployedBy: who }));
}

/**
 * The rows of one deployment (its record, one `definitions` row per version, its audit entry),
 * written inside the caller's readwrite transaction over deployments, definitions, counters and
 * audit, with the hash computed before that transaction opened.
 */
export async function writeDeploymentRows(db: FlowdeckDb, record: DeploymentRecord | (Omit<DeploymentRecord, 'kind'> & { kind: 'form' }), hash: string, meta: { note?: string; deployedBy: string }): Promise<DeploymentRow> {
  const who = meta.deployedBy;
  const order = await reserve(db.counters, 'deployments', 1);
  const row: DeploymentRow = {
    id: record.id, kind: record.kind, name: record.name, xml: record.xml, sha256: hash, deployedAt: record.deployedAt,
    deployedBy: who, note: meta.note ?? '', versions: { ...record.versions }, order,
    ...(record.bundle !== undefined ? { bundle: record.bundle } : {}),
  };
  const definitions: DefinitionRow[] = Object.entries(record.versions).map(([definitionId, version]) => ({
    kind: record.kind, definitionId, version, deploymentId: record.id, sha256: hash, deployedAt: record.deployedAt,
  }));
  await db.deployments.add(row);
  if (definitions.length > 0) {
    await db.definitions.bulkAdd(definitions).catch((error: unknown) => alreadyStored(error, `${record.kind} version`, definitions.map((d) => `${d.definitionId} ${d.version}`)));
  }
  await db.audit.add({ at: record.deployedAt, who, action: 'deploy', instanceId: '', details: { deploymentId: record.id, kind: record.kind, name: record.name, versions: record.versions } });
  return row;
}

/** The engine's deployments (BPMN and DMN) in deployment order, as the host stored them. */
export async function engineDeployments(db: FlowdeckDb): Promise<DeploymentRecord[]> {
  const rows = (await db.deployments.orderBy('order').toArray()).filter((d) => d.kind !== 'form');
  return rows.map((d) => ({ id: d.id, kind: d.kind as 'bpmn' | 'dmn', name: d.name, xml: d.xml, deployedAt: d.deployedAt, versions: d.versions, ...(d.bundle !== undefined ? { bundle: d.bundle } : {}) }));
}

/**
 * Deploys a form (form-js JSON) as the next version of `formId`, so a user task can name the
 * version it was deployed with.
 * @example
 * const { version } = await deployForm(db, { formId: 'approve', name: 'approve.form', source: json, deployedBy: 'ana' });
 */
export async function deployForm(db: FlowdeckDb, form: { formId: string; name: string; source: string; note?: string; deployedBy?: string; now?: number }): Promise<{ deploymentId: string; version: number }> {
  const latest = await latestVersion(db, 'form', form.formId);
  const deploymentId = `deployment-form-${crypto.randomUUID()}`;
  const version = latest + 1;
  await writeDeployment(db, { id: deploymentId, kind: 'form', name: form.name, xml: form.source, deployedAt: form.now ?? Date.now(), versions: { [form.formId]: version } },
    { note: form.note, deployedBy: form.deployedBy }, () => 'unknown');
  return { deploymentId, version };
}

/** Every deployed version of a process, decision or form, oldest first. */
export function listVersionsOf(db: FlowdeckDb, kind: DefinitionRow['kind'], definitionId: string): Promise<DefinitionRow[]> {
  return db.definitions.where('[kind+definitionId]').equals([kind, definitionId]).sortBy('version');
}

async function latestVersion(db: FlowdeckDb, kind: DefinitionRow['kind'], definitionId: string): Promise<number> {
  const versions = await listVersionsOf(db, kind, definitionId);
  return versions.length ? versions[versions.length - 1].version : 0;
}
