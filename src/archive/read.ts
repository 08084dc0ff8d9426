import type { ArchiveContents, ArchiveFile } from './contents';
import { ArchiveError } from './errors';
import { FORMAT_NAME, FORMAT_VERSION, isXmlKind, MANIFEST_PATH, manifestSchema, type ArchiveManifest, type ManifestEntry } from './format';
import { archiveLimits, type ArchiveLimits } from './limits';
import { foldedName, pathProblem } from './path-rules';
import { sha256Hex } from './sha256';
import { checkXml, decodeUtf8, parseJsonEntry } from './text-checks';
import { inflateEntry, isDirectory, isSymlink, readCentralDirectory, type ZipEntry } from './zip-read';

/**
 * Reads and validates a `.flowdeck` archive, all of it, before the caller writes anything. Checks,
 * in order: the file size; the entry count; every entry's name (traversal, absolute paths, odd
 * characters), type (symlinks), duplicates (also case-folded) and declared sizes (per entry,
 * in total, the compression ratio); the manifest (format, version, fields); then each entry
 * inflated under the remaining budget, its CRC and SHA-256, UTF-8, and its content (XML without
 * DOCTYPE, JSON without prototype keys). Every zip entry must be listed in the manifest and every
 * listed one must be there. Model semantics are checked separately by `validateArchiveModels`.
 *
 * @example
 * const contents = readArchive(bytes);
 * contents.manifest.project;             // 'Orders'
 * contents.files.map((f) => f.path);     // ['order.bpmn', 'discount.dmn', ...]
 * @throws ArchiveError naming the entry (`entry`), what is wrong (`reason`) and a `code`.
 */
export function readArchive(bytes: Uint8Array, limits: Partial<ArchiveLimits> = {}): ArchiveContents {
  const l = archiveLimits(limits);
  if (bytes.length > l.maxArchiveBytes) throw new ArchiveError('tooLarge', null, `is ${bytes.length} bytes (at most ${l.maxArchiveBytes})`);
  const entries = readCentralDirectory(bytes, l).filter((entry) => !checkEntry(entry, l));
  checkDeclaredSizes(entries, l);
  const byName = new Map(entries.map((e) => [e.name, e]));

  const manifestEntry = byName.get(MANIFEST_PATH);
  if (!manifestEntry) throw new ArchiveError('missingManifest', MANIFEST_PATH, 'is missing: this is not a Flowdeck archive');
  let budget = l.maxTotalBytes;
  const manifestBytes = inflateEntry(bytes, manifestEntry, Math.min(budget, l.maxEntryBytes));
  budget -= manifestBytes.length;
  const manifest = parseManifest(manifestBytes, l);

  const listed = new Map(manifest.entries.map((e) => [e.path, e]));
  for (const entry of entries) {
    if (entry.name !== MANIFEST_PATH && !listed.has(entry.name)) throw new ArchiveError('unlisted', entry.name, `is not listed in ${MANIFEST_PATH}`);
  }
  const files: ArchiveFile[] = [];
  const data: ArchiveContents['data'] = {};
  for (const item of manifest.entries) {
    const entry = byName.get(item.path);
    if (!entry) throw new ArchiveError('missingEntry', item.path, `is listed in ${MANIFEST_PATH} but not in the archive`);
    const content = inflateEntry(bytes, entry, Math.min(budget, l.maxEntryBytes));
    budget -= content.length;
    const file = checkContent(item, content, l);
    if (item.kind === 'instances' || item.kind === 'history') data[item.kind] = parseJsonEntry(item.path, file.text, l);
    else files.push(file);
  }
  return { manifest, files, data };
}

// True when the entry is a directory (skipped); throws for anything refused by its name or type.
function checkEntry(entry: ZipEntry, l: ArchiveLimits): boolean {
  if (isSymlink(entry)) throw new ArchiveError('symlink', entry.name, 'is a symbolic link (refused: it could point outside the folder)');
  const dir = isDirectory(entry);
  const name = dir ? entry.name.replace(/\/$/, '') : entry.name;
  const problem = pathProblem(name, l);
  if (problem) throw new ArchiveError('badPath', entry.name, problem);
  const mode = (entry.externalAttributes >>> 16) & 0o170000;
  if ((entry.madeBy === 3 || entry.madeBy === 19) && mode !== 0 && mode !== 0o100000 && mode !== 0o040000) {
    throw new ArchiveError('unsupported', entry.name, `is not a regular file (Unix mode ${mode.toString(8)})`);
  }
  if (dir && entry.size > 0) throw new ArchiveError('corrupt', entry.name, 'is a directory with content');
  return dir;
}

function checkDeclaredSizes(entries: ZipEntry[], l: ArchiveLimits): void {
  const seen = new Map<string, string>();
  let total = 0;
  for (const entry of entries) {
    const folded = foldedName(entry.name);
    const other = seen.get(folded);
    if (other !== undefined) {
      throw new ArchiveError('duplicate', entry.name, other === entry.name ? 'appears twice in the archive' : `differs from "${other}" only in case (they would overwrite each other on Windows and macOS)`);
    }
    seen.set(folded, entry.name);
    if (entry.size > l.maxEntryBytes) throw new ArchiveError('zipBomb', entry.name, `declares ${entry.size} bytes uncompressed (at most ${l.maxEntryBytes} per entry)`);
    if (entry.size > l.ratioFloorBytes && entry.size / Math.max(1, entry.compressedSize) > l.maxRatio) {
      throw new ArchiveError('zipBomb', entry.name, `declares a compression ratio of ${Math.round(entry.size / Math.max(1, entry.compressedSize))}:1 (at most ${l.maxRatio}:1)`);
    }
    total += entry.size;
    if (total > l.maxTotalBytes) throw new ArchiveError('zipBomb', entry.name, `brings the declared uncompressed total to ${total} bytes (at most ${l.maxTotalBytes})`);
  }
}

function parseManifest(bytes: Uint8Array, l: ArchiveLimits): ArchiveManifest {
  const raw = parseJsonEntry(MANIFEST_PATH, decodeUtf8(MANIFEST_PATH, bytes), l);
  const head = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (head === null || typeof head !== 'object' || head.format !== FORMAT_NAME) {
    throw new ArchiveError('badManifest', MANIFEST_PATH, `is not a Flowdeck manifest (its "format" must be "${FORMAT_NAME}")`);
  }
  // The version first: a newer archive may have fields this version does not know.
  if (typeof head.formatVersion === 'number' && head.formatVersion > FORMAT_VERSION) {
    throw new ArchiveError('newerFormat', MANIFEST_PATH, `says format version ${head.formatVersion}; this Flowdeck reads up to version ${FORMAT_VERSION} (update Flowdeck to open it)`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveError('badManifest', MANIFEST_PATH, `is invalid at ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  const manifest = parsed.data as ArchiveManifest;
  const seen = new Set<string>();
  for (const entry of manifest.entries) {
    const problem = entry.path === MANIFEST_PATH ? 'is the manifest itself' : pathProblem(entry.path, l);
    if (problem) throw new ArchiveError('badManifest', entry.path, `is listed in ${MANIFEST_PATH} but ${problem}`);
    if (seen.has(foldedName(entry.path))) throw new ArchiveError('duplicate', entry.path, `is listed twice in ${MANIFEST_PATH}`);
    seen.add(foldedName(entry.path));
  }
  return manifest;
}

function checkContent(item: ManifestEntry, bytes: Uint8Array, l: ArchiveLimits): ArchiveFile {
  if (bytes.length !== item.size) throw new ArchiveError('hashMismatch', item.path, `is ${bytes.length} bytes; the manifest says ${item.size}`);
  const hash = sha256Hex(bytes);
  if (hash !== item.sha256) throw new ArchiveError('hashMismatch', item.path, `has SHA-256 ${hash}; the manifest says ${item.sha256} (changed after packing?)`);
  const text = decodeUtf8(item.path, bytes);
  if (isXmlKind(item.kind)) checkXml(item.path, text, l);
  else if (item.kind !== 'instances' && item.kind !== 'history') parseJsonEntry(item.path, text, l);
  return { path: item.path, kind: item.kind, text, bytes, sha256: hash, ...(item.deployedVersion !== undefined ? { deployedVersion: item.deployedVersion } : {}) };
}
