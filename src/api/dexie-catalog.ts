import { deployForm, listVersionsOf, type DeploymentRow, type FlowdeckDb } from '../store';
import type { DefinitionVersion, DeploymentCatalog, DeploymentSummary } from './ports';

/** The {@link DeploymentCatalog} on the workspace database: deployment rows (with SHA-256, who, note) and their versions index. */
export class DexieCatalog implements DeploymentCatalog {
  constructor(
    private readonly db: FlowdeckDb,
    private readonly actor: () => string = () => 'unknown',
  ) {}

  async list(kind?: DeploymentSummary['kind']): Promise<DeploymentSummary[]> {
    const rows = await this.db.deployments.orderBy('order').filter((d) => kind === undefined || d.kind === kind).toArray();
    return rows.map(summary);
  }

  async get(deploymentId: string): Promise<(DeploymentSummary & { source: string }) | undefined> {
    const row = await this.db.deployments.get(deploymentId);
    return row && { ...summary(row), source: row.xml };
  }

  async versions(kind: DeploymentSummary['kind'], id: string): Promise<DefinitionVersion[]> {
    return (await listVersionsOf(this.db, kind, id)).map((d) => ({ kind, id, version: d.version, deploymentId: d.deploymentId, deployedAt: d.deployedAt }));
  }

  deployForm(form: { formId: string; name: string; source: string; note?: string; now: number }): Promise<{ deploymentId: string; version: number }> {
    return deployForm(this.db, { ...form, deployedBy: this.actor() });
  }
}

function summary(row: DeploymentRow): DeploymentSummary {
  return {
    deploymentId: row.id, kind: row.kind, name: row.name, deployedAt: row.deployedAt, deployedBy: row.deployedBy,
    note: row.note, sha256: row.sha256, versions: row.versions, ...(row.bundle !== undefined ? { bundle: row.bundle } : {}),
  };
}
