import type { Clock, DecisionEvaluator } from '../engine';
import type { EngineHost, MemoryStoreSnapshot, Store } from '../host';
import type { InstanceSource } from './instance-source';

/** A deployment as the API lists it (without its source; `deployments.get` has it). */
export interface DeploymentSummary {
  deploymentId: string;
  kind: 'bpmn' | 'dmn' | 'form';
  name: string;
  deployedAt: number;
  deployedBy: string;
  note: string;
  /** Hex SHA-256 of the source, where the store keeps it ('' otherwise). */
  sha256: string;
  /** Definition id -> version this deployment gave. */
  versions: Record<string, number>;
  /** Shared by a BPMN file and the DMN files deployed with it (ADR 0202); absent for one deployed alone. */
  bundle?: string;
}

/** One deployed version of a process, decision or form. */
export interface DefinitionVersion {
  kind: 'bpmn' | 'dmn' | 'form';
  id: string;
  version: number;
  deploymentId: string;
  deployedAt: number;
}

/**
 * Where the API reads deployments and keeps forms (the engine does not run forms: a deployed
 * form is a versioned source that user tasks point at). The Dexie catalog reads the workspace
 * database's deployment rows; the memory catalog the store's records.
 */
export interface DeploymentCatalog {
  list(kind?: DeploymentSummary['kind']): Promise<DeploymentSummary[]>;
  get(deploymentId: string): Promise<(DeploymentSummary & { source: string }) | undefined>;
  versions(kind: DeploymentSummary['kind'], id: string): Promise<DefinitionVersion[]>;
  deployForm(form: { formId: string; name: string; source: string; note?: string; now: number }): Promise<{ deploymentId: string; version: number }>;
}

/** What the API service is built over: one host, the store it runs on, and the ports the host does not expose. */
export interface ApiPorts {
  host: EngineHost;
  store: Store;
  clock: Clock;
  catalog: DeploymentCatalog;
  /** Where lists read instances (default: the host's `listInstances`; the worker passes `dexieInstanceSource(db)`). */
  instances?: InstanceSource;
  /** For `decisions.evaluate` (the same evaluator the host was given). */
  decisions?: DecisionEvaluator;
  /**
   * For `engineData.import`: writes engine data into the empty store in one transaction (the
   * worker: `importEngineSnapshot`). Without it the call is refused.
   */
  writeEngineData?: (snapshot: MemoryStoreSnapshot) => Promise<{ instances: number; deployments: number }>;
}
