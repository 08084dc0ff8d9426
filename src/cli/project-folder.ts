import { lstat, mkdir, mkdtemp, open, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { ArchiveError, kindOfPath, readArchive, type ArchiveContents, type ArchiveFileInput } from '../archive';
import { InputError } from './errors';

/** What {@link readProjectFolder} found: the files to pack and what it left out (with why). */
export interface ProjectFolder {
  files: ArchiveFileInput[];
  /** `data/instances.json` and `data/history.json`, parsed, when the folder has them. */
  data: { instances?: unknown; history?: unknown };
  skipped: string[];
}

const SKIP_FOLDERS = new Set(['node_modules', '.git']);

/**
 * The archivable files below `folder`, sorted by path: `.bpmn`, `.dmn`, `.form`,
 * `*.scenario.json`, `*.simulation.json`, `*.cpt.json`, DMN decision tests (`*-test-NN.xml`,
 * the TCK's test-case files), and other `*.json` files that hold a
 * Camunda Process Test document (`testCases`). Symbolic links and hidden entries are skipped.
 *
 * @example
 * const { files } = await readProjectFolder('docs/examples/pricing');
 * files.map((f) => f.path); // ['discount.dmn', 'gold-discount.scenario.json', 'no-discount.scenario.json', 'pricing.bpmn']
 */
export async function readProjectFolder(folder: string): Promise<ProjectFolder> {
  const files: ArchiveFileInput[] = [];
  const data: ProjectFolder['data'] = {};
  const skipped: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (error) {
      throw new InputError(`cannot read folder ${dir}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}`);
    }
    for (const name of names) {
      const full = join(dir, name);
      const rel = relative(folder, full).split(sep).join('/');
      if (name.startsWith('.') || SKIP_FOLDERS.has(name)) continue;
      const info = await lstat(full);
      if (info.isSymbolicLink()) skipped.push(`${rel} (a symbolic link)`);
      else if (info.isDirectory()) await walk(full);
      else if (info.isFile()) {
        const bytes = new Uint8Array(await readFile(full));
        const kind = kindOfPath(rel) ?? (rel.toLowerCase().endsWith('.json') && isCptDocument(bytes) ? 'cpt' : undefined);
        if (kind === 'instances' || kind === 'history') data[kind] = parseJsonFile(rel, bytes);
        else if (kind) files.push({ path: rel, content: bytes, kind });
        else skipped.push(`${rel} (not a model, form, scenario or test)`);
      }
    }
  };
  await walk(folder);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, data, skipped };
}

function parseJsonFile(path: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (error) {
    throw new InputError(`${path}: invalid JSON (${(error as Error).message})`);
  }
}

function isCptDocument(bytes: Uint8Array): boolean {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return value !== null && typeof value === 'object' && Array.isArray((value as { testCases?: unknown }).testCases);
  } catch {
    return false;
  }
}

/** Reads an archive file; `ArchiveError`s pass through, an unreadable file is an `InputError`. */
export async function readArchiveFile(path: string): Promise<ArchiveContents> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read archive ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
  }
  return readArchive(bytes);
}

/**
 * The files of an archive or of a project folder, whichever `path` is: the archive read and
 * checked, or the folder's files (as {@link readProjectFolder}).
 */
export async function readSource(path: string): Promise<{ project: string; files: Array<{ path: string; kind: string; text: string }> }> {
  const info = await lstat(path).catch(() => null);
  if (!info) throw new InputError(`${path}: no such file or folder`);
  if (info.isDirectory()) {
    const { files } = await readProjectFolder(path);
    const decoder = new TextDecoder();
    return { project: basename(resolve(path)), files: files.map((f) => ({ path: f.path, kind: f.kind!, text: typeof f.content === 'string' ? f.content : decoder.decode(f.content) })) };
  }
  const contents = await readArchiveFile(path);
  return { project: contents.manifest.project, files: contents.files };
}

/** True when `path` is a file that is a `.flowdeck` archive (by its name, or a zip by its first bytes). */
export async function isArchiveFile(path: string): Promise<boolean> {
  const info = await lstat(path).catch(() => null);
  if (!info?.isFile()) return false;
  if (path.toLowerCase().endsWith('.flowdeck')) return true;
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(4);
    await handle.read(head, 0, 4, 0);
    return head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4;
  } finally {
    await handle.close();
  }
}

/**
 * An archive's files written to a fresh temporary folder (after `readArchive`'s checks), for
 * commands that work on folders (`flowdeck test archive.flowdeck`); `remove()` deletes it.
 */
export async function unpackToTemp(archive: string): Promise<{ folder: string; project: string; remove(): Promise<void> }> {
  const contents = await readArchiveFile(archive);
  const folder = await mkdtemp(join(tmpdir(), 'flowdeck-archive-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    await writeFolderAtomically(join(folder, 'project'), contents.files.map((f) => ({ path: f.path, bytes: f.bytes })));
  } catch (error) {
    await remove();
    throw error;
  }
  return { folder: join(folder, 'project'), project: contents.manifest.project, remove };
}

/**
 * Writes `files` as the folder `target`, all or nothing: into a fresh temporary folder beside it,
 * then one rename. `target` must not exist or be empty; on any failure the temporary folder is
 * removed and `target` is as it was.
 *
 * @throws InputError when `target` exists and is not an empty folder.
 */
export async function writeFolderAtomically(target: string, files: Array<{ path: string; bytes: Uint8Array }>): Promise<void> {
  const existing = await lstat(target).catch(() => null);
  if (existing && (!existing.isDirectory() || (await readdir(target)).length > 0)) {
    throw new InputError(`${target} already exists and is not an empty folder (unpack writes a new folder; nothing was written)`);
  }
  const temp = join(dirname(target), `.${basename(target)}.unpacking-${process.pid}-${Date.now().toString(36)}`);
  await mkdir(temp, { recursive: false }).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot write ${target}: ${error.code === 'ENOENT' ? `the folder ${dirname(target)} does not exist` : error.message}`);
  });
  try {
    for (const file of files) {
      const full = resolve(temp, ...file.path.split('/'));
      // readArchive refused traversal already; this keeps the promise even if that ever changes.
      if (!full.startsWith(resolve(temp) + sep)) throw new ArchiveError('badPath', file.path, 'leaves the target folder');
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, file.bytes, { flag: 'wx' });
    }
    if (existing) await rmdir(target);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Writes a file through a temporary file beside it and a rename, so a reader never sees half of it. */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.writing-${process.pid}-${Date.now().toString(36)}`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new InputError(`cannot write ${target}: ${code === 'ENOENT' ? `the folder ${dirname(target)} does not exist` : (error as Error).message}`);
    throw error;
  }
}
