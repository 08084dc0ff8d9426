import type { Store } from '../host';
import type { DefinitionVersion, DeploymentCatalog, DeploymentSummary } from './ports';

/**
 * The {@link DeploymentCatalog} over any `Store`'s deployment records, with forms kept in memory
 * beside them (tests, the CLI, a server on the memory store). Lists read the records each time,
 * so deployments made through the host directly show up too.
 */
export class MemoryCatalog implements DeploymentCatalog {
  private readonly forms: Array<DeploymentSummary & { source: string }> = [];

  constructor(private readonly store: Store) {}

  async list(kind?: DeploymentSummary['kind']): Promise<DeploymentSummary[]> {
    return (await this.all()).filter((d) => kind === undefined || d.kind === kind).map(({ source: _s, ...d }) => d);
  }

  async get(deploymentId: string): Promise<(DeploymentSummary & { source: string }) | undefined> {
    return (await this.all()).find((d) => d.deploymentId === deploymentId);
  }

  async versions(kind: DeploymentSummary['kind'], id: string): Promise<DefinitionVersion[]> {
    const out: DefinitionVersion[] = [];
    for (const d of await this.all()) {
      const version = d.kind === kind ? d.versions[id] : undefined;
      if (version !== undefined) out.push({ kind, id, version, deploymentId: d.deploymentId, deployedAt: d.deployedAt });
    }
    return out.sort((a, b) => a.version - b.version);
  }

  async deployForm(form: { formId: string; name: string; source: string; note?: string; now: number }): Promise<{ deploymentId: string; version: number }> {
    const version = (await this.versions('form', form.formId)).length + 1;
    const deploymentId = `deployment-form-${this.forms.length + 1}`;
    this.forms.push({
      deploymentId, kind: 'form', name: form.name, deployedAt: form.now, deployedBy: 'unknown', note: form.note ?? '', sha256: '',
      versions: { [form.formId]: version }, source: form.source,
    });
    return { deploymentId, version };
  }

  private async all(): Promise<Array<DeploymentSummary & { source: string }>> {
    const records = (await this.store.listDeployments()).map((r) => ({
      deploymentId: r.id, kind: r.kind, name: r.name, deployedAt: r.deployedAt, deployedBy: r.deployedBy ?? 'unknown', note: r.note ?? '',
      sha256: '', versions: r.versions, source: r.xml, ...(r.bundle !== undefined ? { bundle: r.bundle } : {}),
    }));
    return [...records, ...this.forms].sort((a, b) => a.deployedAt - b.deployedAt);
  }
}
