import type { ArchiveManifest, ResourceKind } from './format';

/** One resource read from an archive: checked against its hash, decoded and content-checked. */
export interface ArchiveFile {
  path: string;
  kind: ResourceKind;
  /** The entry decoded as UTF-8 (a leading byte order mark dropped). */
  text: string;
  /** The entry's bytes, as hashed. */
  bytes: Uint8Array;
  sha256: string;
  deployedVersion?: number;
}

/** A validated archive: its manifest and every resource in manifest order. */
export interface ArchiveContents {
  manifest: ArchiveManifest;
  /** BPMN, DMN, forms, scenarios, simulation and CPT files (not the data entries). */
  files: ArchiveFile[];
  /** Instance data and history, parsed, when the archive carries them. */
  data: { instances?: unknown; history?: unknown };
}
