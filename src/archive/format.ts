import { z } from 'zod';

/** The archive format version this Flowdeck writes and the newest it reads. */
export const FORMAT_VERSION = 1;

/** The zip entry holding the manifest (always the first entry Flowdeck writes). */
export const MANIFEST_PATH = 'manifest.json';

/** The `format` field of every manifest, so that another zip with a manifest.json is told apart. */
export const FORMAT_NAME = 'flowdeck-archive';

/**
 * What a resource is. `scenario`: a `flowdeck test` scenario (`*.scenario.json`); `simulation`: a
 * simulation scenario file (`*.simulation.json`, BPSim parameters outside the model); `cpt`: a
 * Camunda Process Test JSON document (`*.cpt.json`); `dmnTest`: the decision tests of the DMN file
 * beside it, as a DMN TCK test-case file (`loan-test-01.xml` beside `loan.dmn`); `instances` /
 * `history`: optional engine data.
 */
export type ResourceKind = 'bpmn' | 'dmn' | 'form' | 'scenario' | 'simulation' | 'cpt' | 'dmnTest' | 'instances' | 'history';

export const RESOURCE_KINDS: readonly ResourceKind[] = ['bpmn', 'dmn', 'form', 'scenario', 'simulation', 'cpt', 'dmnTest', 'instances', 'history'];

/** Where the optional engine data sits in the archive. */
export const DATA_PATHS = { instances: 'data/instances.json', history: 'data/history.json' } as const;

/** One resource of the archive, as the manifest lists it. */
export interface ManifestEntry {
  path: string;
  kind: ResourceKind;
  /** Lowercase hex SHA-256 of the entry's bytes. */
  sha256: string;
  /** Bytes of the entry. */
  size: number;
  /** The version the engine gave this model when it was last deployed, if it was. */
  deployedVersion?: number;
}

/** The archive's `manifest.json`. */
export interface ArchiveManifest {
  format: typeof FORMAT_NAME;
  formatVersion: number;
  project: string;
  createdBy: string;
  /** ISO 8601 date-time. */
  createdAt: string;
  entries: ManifestEntry[];
}

const entrySchema = z.strictObject({
  path: z.string().min(1),
  kind: z.enum(RESOURCE_KINDS as [ResourceKind, ...ResourceKind[]]),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256 (64 characters)'),
  size: z.number().int().nonnegative(),
  deployedVersion: z.number().int().positive().optional(),
});

/** The manifest once its format version is known to be readable. */
export const manifestSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.number().int().positive(),
  project: z.string().min(1).max(200),
  createdBy: z.string().max(200),
  createdAt: z.iso.datetime({ offset: true }),
  entries: z.array(entrySchema),
});

/**
 * The kind a file has by its path: `.bpmn`, `.dmn`, `.form`, `*.scenario.json`,
 * `*.simulation.json`, `*.cpt.json`, `*-test-NN.xml` (TCK test cases) and the two data paths.
 * `undefined` for anything else.
 *
 * @example
 * kindOfPath('orders/order.bpmn'); // 'bpmn'
 * kindOfPath('tests/paid.scenario.json'); // 'scenario'
 */
export function kindOfPath(path: string): ResourceKind | undefined {
  const lower = path.toLowerCase();
  if (path === DATA_PATHS.instances) return 'instances';
  if (path === DATA_PATHS.history) return 'history';
  if (lower.endsWith('.bpmn')) return 'bpmn';
  if (lower.endsWith('.dmn')) return 'dmn';
  if (lower.endsWith('.form')) return 'form';
  if (lower.endsWith('.scenario.json')) return 'scenario';
  if (lower.endsWith('.simulation.json')) return 'simulation';
  if (lower.endsWith('.cpt.json')) return 'cpt';
  if (/-test-\d+\.xml$/.test(lower)) return 'dmnTest';
  return undefined;
}

/** XML kinds; the others are JSON. */
export function isXmlKind(kind: ResourceKind): boolean {
  return kind === 'bpmn' || kind === 'dmn' || kind === 'dmnTest';
}
