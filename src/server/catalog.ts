import { createHash } from 'node:crypto';
import { MemoryCatalog } from '../api/memory-catalog';
import type { DefinitionVersion, DeploymentCatalog, DeploymentSummary } from '../api/ports';
import type { SqliteStore } from './store/sqlite-store';

type FormRecord = DeploymentSummary & { source: string };

/**
 * The server's {@link DeploymentCatalog}: BPMN and DMN deployments from the store's records (as
 * the memory catalog reads them), forms in the `forms` table, so they survive a restart; who
 * deployed comes from the request (`actor`).
 */
export class SqliteCatalog implements DeploymentCatalog {
  private readonly models: MemoryCatalog;

  constructor(
    private readonly store: SqliteStore,
    private readonly actor: () => string,
  ) {
    this.models = new MemoryCatalog(store);
  }

  async list(kind?: DeploymentSummary['kind']): Promise<DeploymentSummary[]> {
    const forms = kind === undefined || kind === 'form' ? this.forms().map(({ source: _s, ...d }) => d) : [];
    const models = kind === 'form' ? [] : await this.models.list(kind);
    return [...models, ...forms].sort((a, b) => a.deployedAt - b.deployedAt);
  }

  async get(deploymentId: string): Promise<FormRecord | undefined> {
    return (await this.models.get(deploymentId)) ?? this.forms().find((f) => f.deploymentId === deploymentId);
  }

  async versions(kind: DeploymentSummary['kind'], id: string): Promise<DefinitionVersion[]> {
    if (kind !== 'form') return this.models.versions(kind, id);
    return this.forms().filter((f) => f.versions[id] !== undefined)
      .map((f) => ({ kind, id, version: f.versions[id], deploymentId: f.deploymentId, deployedAt: f.deployedAt }));
  }

  async deployForm(form: { formId: string; name: string; source: string; note?: string; now: number }): Promise<{ deploymentId: string; version: number }> {
    const db = this.store.db;
    return db.transaction(() => {
      const version = this.forms().filter((f) => f.versions[form.formId] !== undefined).length + 1;
      const n = (db.prepare('SELECT COUNT(*) AS n FROM forms').get() as { n: number }).n + 1;
      const record: FormRecord = {
        deploymentId: `deployment-form-${n}`, kind: 'form', name: form.name, deployedAt: form.now, deployedBy: this.actor(), note: form.note ?? '',
        sha256: createHash('sha256').update(form.source).digest('hex'), versions: { [form.formId]: version }, source: form.source,
      };
      db.prepare('INSERT INTO forms (id, record) VALUES (?, ?)').run(record.deploymentId, JSON.stringify(record));
      return { deploymentId: record.deploymentId, version };
    })();
  }

  private forms(): FormRecord[] {
    return (this.store.db.prepare('SELECT record FROM forms ORDER BY ord').all() as Array<{ record: string }>).map((r) => JSON.parse(r.record));
  }
}
