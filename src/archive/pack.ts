import { zipSync, type Zippable } from 'fflate';
import { ArchiveError } from './errors';
import { DATA_PATHS, FORMAT_NAME, FORMAT_VERSION, isXmlKind, kindOfPath, MANIFEST_PATH, type ArchiveManifest, type ManifestEntry, type ResourceKind } from './format';
import { archiveLimits } from './limits';
import { foldedName, pathProblem } from './path-rules';
import { sha256Hex } from './sha256';
import { checkXml, decodeUtf8, parseJsonEntry } from './text-checks';

/** One file to pack. `kind` defaults to the kind of its path (`kindOfPath`). */
export interface ArchiveFileInput {
  /** Relative, `/`-separated: `order.bpmn`, `tests/paid.scenario.json`. */
  path: string;
  /** Text (written as UTF-8) or the bytes as they are. */
  content: string | Uint8Array;
  kind?: ResourceKind;
  deployedVersion?: number;
}

/** What {@link packArchive} packs. */
export interface PackInput {
  project: string;
  createdBy?: string;
  /** Default: now. Also the zip entries' modification time, so that the same input packs to the same bytes. */
  createdAt?: Date;
  files: ArchiveFileInput[];
  /** Optional engine data, stored as JSON (`data/instances.json`, `data/history.json`). */
  data?: { instances?: unknown; history?: unknown };
}

const ENCODER = new TextEncoder();

/**
 * Packs files into a `.flowdeck` archive: `manifest.json` first, then each file in the order
 * given. Inputs are held to the rules `readArchive` applies, so what packs also reads.
 *
 * @example
 * const bytes = packArchive({ project: 'Orders', createdBy: 'ada', files: [{ path: 'order.bpmn', content: xml, deployedVersion: 3 }] });
 * readArchive(bytes).files[0].sha256 === sha256Hex(new TextEncoder().encode(xml)); // true
 * @throws ArchiveError naming the file: an unknown kind, a bad path, a duplicate, content that readArchive would refuse.
 */
export function packArchive(input: PackInput): Uint8Array {
  const limits = archiveLimits();
  const createdAt = input.createdAt ?? new Date();
  const entries: ManifestEntry[] = [];
  const contents: Uint8Array[] = [];
  const seen = new Set<string>([MANIFEST_PATH]);
  const add = (path: string, kind: ResourceKind, bytes: Uint8Array, deployedVersion?: number) => {
    const problem = pathProblem(path, limits);
    if (problem) throw new ArchiveError('badPath', path, problem);
    if (seen.has(foldedName(path))) throw new ArchiveError('duplicate', path, 'is given twice (names are compared ignoring case)');
    seen.add(foldedName(path));
    const text = decodeUtf8(path, bytes);
    if (isXmlKind(kind)) checkXml(path, text, limits);
    else parseJsonEntry(path, text, limits);
    entries.push({ path, kind, sha256: sha256Hex(bytes), size: bytes.length, ...(deployedVersion !== undefined ? { deployedVersion } : {}) });
    contents.push(bytes);
  };
  for (const file of input.files) {
    const kind = file.kind ?? kindOfPath(file.path);
    if (!kind) throw new ArchiveError('unsupported', file.path, 'is not a kind of file an archive holds (.bpmn, .dmn, .form, .scenario.json, .simulation.json, .cpt.json, -test-NN.xml)');
    if (kind === 'instances' || kind === 'history') throw new ArchiveError('unsupported', file.path, 'engine data goes in the `data` input, not as a file');
    add(file.path, kind, typeof file.content === 'string' ? ENCODER.encode(file.content) : file.content, file.deployedVersion);
  }
  if (input.data?.instances !== undefined) add(DATA_PATHS.instances, 'instances', ENCODER.encode(JSON.stringify(input.data.instances)));
  if (input.data?.history !== undefined) add(DATA_PATHS.history, 'history', ENCODER.encode(JSON.stringify(input.data.history)));

  const manifest: ArchiveManifest = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    project: input.project,
    createdBy: input.createdBy ?? '',
    createdAt: createdAt.toISOString(),
    entries,
  };
  const zippable: Zippable = { [MANIFEST_PATH]: ENCODER.encode(`${JSON.stringify(manifest, null, 2)}\n`) };
  entries.forEach((entry, i) => { zippable[entry.path] = contents[i]; });
  // The zip format stores local time at 2-second resolution and nothing before 1980.
  const mtime = Math.max(createdAt.getTime(), Date.UTC(1980, 0, 1, 12));
  return zipSync(zippable, { level: 6, mtime });
}
