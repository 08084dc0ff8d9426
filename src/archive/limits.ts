/**
 * What `readArchive` accepts at most. Every limit is checked on what the zip declares before
 * anything is inflated, and again on the bytes actually inflated (a zip may lie about sizes).
 */
export interface ArchiveLimits {
  /** Size of the `.flowdeck` file itself. */
  maxArchiveBytes: number;
  /** Zip entries, directories included. */
  maxEntries: number;
  /** Sum of the uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Uncompressed / compressed size of one entry, checked for entries above `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are not held to `maxRatio` (a tiny file may compress very well). */
  ratioFloorBytes: number;
  /** One BPMN or DMN document. */
  maxXmlBytes: number;
  /** Nesting of objects and arrays in a JSON entry. */
  maxJsonDepth: number;
  /** Characters of an entry path. */
  maxPathLength: number;
}

/** The defaults (docs/archive-format.md, "Limits"; why these: docs/adr/0101). */
export const DEFAULT_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  maxArchiveBytes: 64 * 1024 * 1024,
  maxEntries: 2000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxXmlBytes: 16 * 1024 * 1024,
  maxJsonDepth: 200,
  maxPathLength: 240,
});

/** `DEFAULT_LIMITS` with the given ones replaced. */
export function archiveLimits(overrides: Partial<ArchiveLimits> = {}): ArchiveLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
