import { basename, resolve } from 'node:path';
import { packArchive } from '../../archive';
import type { PackArgs } from '../archive-args';
import { EXIT, InputError, type ExitCode } from '../errors';
import type { CliIo } from '../io';
import { readProjectFolder, writeFileAtomically } from '../project-folder';

/**
 * `flowdeck pack <folder> -o <archive>`: every model, form, scenario and test below the folder in
 * one `.flowdeck` archive (docs/archive-format.md). What it leaves out is listed on stderr.
 */
export async function packCommand(args: PackArgs, io: CliIo): Promise<ExitCode> {
  const folder = resolve(io.cwd, args.folder);
  const { files, data, skipped } = await readProjectFolder(folder);
  if (files.length === 0) throw new InputError(`${args.folder} holds no .bpmn, .dmn, .form, scenario or test file: nothing to pack`);
  for (const s of skipped) io.stderr(`skipped ${s}\n`);
  const bytes = packArchive({ project: args.project ?? basename(folder), createdBy: args.createdBy ?? process.env.USER ?? '', files, data });
  await writeFileAtomically(resolve(io.cwd, args.out), bytes);
  io.stdout(`packed ${files.length} file${files.length === 1 ? '' : 's'} into ${args.out} (${bytes.length} bytes)\n`);
  return EXIT.ok;
}
