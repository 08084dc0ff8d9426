import { resolve } from 'node:path';
import type { ExportArgs } from '../archive-args';
import { EXIT, type ExitCode } from '../errors';
import type { CliIo } from '../io';
import { writeFolderAtomically } from '../project-folder';
import { prepareForCamunda } from './camunda-common';

const ENCODER = new TextEncoder();

/**
 * `flowdeck export --camunda <archive|folder> <out>`: the project as a Camunda 8 process
 * application folder, after the camunda-compat check for `--camunda-version` (default: the newest
 * the plugin knows). Elements Camunda 8 would not run are listed; they stop the export (exit 1,
 * nothing written) unless `--force`.
 */
export async function exportCamundaCommand(args: ExportArgs, io: CliIo): Promise<ExitCode> {
  const { app, blocking } = await prepareForCamunda(args.source, args.camundaVersion, io);
  if (blocking.length > 0 && !args.force) {
    io.stderr(`not exported: fix the elements above, or export anyway with --force\n`);
    return EXIT.failed;
  }
  await writeFolderAtomically(resolve(io.cwd, args.out), app.files.map((f) => ({ path: f.path, bytes: ENCODER.encode(f.text) })));
  io.stdout(`exported ${app.resources.length} resource${app.resources.length === 1 ? '' : 's'} as a Camunda 8 process application in ${args.out}\n`);
  return EXIT.ok;
}
