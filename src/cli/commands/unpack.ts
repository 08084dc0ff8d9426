import { resolve } from 'node:path';
import { assertArchiveModels, DATA_PATHS } from '../../archive';
import type { UnpackArgs } from '../archive-args';
import { EXIT, type ExitCode } from '../errors';
import type { CliIo } from '../io';
import { readArchiveFile, writeFolderAtomically } from '../project-folder';

const ENCODER = new TextEncoder();

/**
 * `flowdeck unpack <archive> <folder>`: checks the whole archive (hashes, hostile entries, every
 * model compiles and its references resolve), then writes the folder in one rename. A refused
 * archive leaves the folder as it was and writes nothing anywhere.
 */
export async function unpackCommand(args: UnpackArgs, io: CliIo): Promise<ExitCode> {
  const contents = await readArchiveFile(resolve(io.cwd, args.archive));
  await assertArchiveModels(contents);
  const files = contents.files.map((f) => ({ path: f.path, bytes: f.bytes }));
  // Engine data as pack writes it (compact JSON), so that packing the folder again gives the same hashes.
  if (contents.data.instances !== undefined) files.push({ path: DATA_PATHS.instances, bytes: ENCODER.encode(JSON.stringify(contents.data.instances)) });
  if (contents.data.history !== undefined) files.push({ path: DATA_PATHS.history, bytes: ENCODER.encode(JSON.stringify(contents.data.history)) });
  await writeFolderAtomically(resolve(io.cwd, args.folder), files);
  io.stdout(`unpacked ${contents.files.length} file${contents.files.length === 1 ? '' : 's'} of "${contents.manifest.project}" into ${args.folder}\n`);
  return EXIT.ok;
}
