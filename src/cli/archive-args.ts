import { UsageError } from './errors';

interface OptionSpec {
  takesValue: boolean;
}

/** `args.ts`' option splitter, handed in (importing it would make a cycle). */
export type SplitOptions = (argv: readonly string[], specs: Record<string, OptionSpec>, command: string) => { positionals: string[]; options: Map<string, string> };

/** `flowdeck pack <folder> -o <archive> [--project NAME] [--created-by WHO]`. */
export interface PackArgs {
  command: 'pack';
  folder: string;
  out: string;
  project?: string;
  createdBy?: string;
}

/** `flowdeck unpack <archive> <folder>`. */
export interface UnpackArgs {
  command: 'unpack';
  archive: string;
  folder: string;
}

/** `flowdeck check <archive> [--json]`. */
export interface CheckArgs {
  command: 'check';
  archive: string;
  json: boolean;
}

/** `flowdeck export --camunda <archive|folder> <out> [--camunda-version 8.x] [--force]`. */
export interface ExportArgs {
  command: 'export';
  source: string;
  out: string;
  camundaVersion?: string;
  /** Write even when elements would not run on Camunda 8 (they are still listed). */
  force: boolean;
}

/** `flowdeck deploy --camunda <url> <archive|folder> [--tenant ID] [--camunda-version 8.x] [--force]`. */
export interface DeployArgs {
  command: 'deploy';
  url: string;
  source: string;
  tenantId?: string;
  camundaVersion?: string;
  force: boolean;
}

export type ArchiveCliArgs = PackArgs | UnpackArgs | CheckArgs | ExportArgs | DeployArgs;

export const ARCHIVE_COMMANDS = ['pack', 'unpack', 'check', 'export', 'deploy'] as const;

const PACK: Record<string, OptionSpec> = { '-o': { takesValue: true }, '--out': { takesValue: true }, '--project': { takesValue: true }, '--created-by': { takesValue: true } };
const CHECK: Record<string, OptionSpec> = { '--json': { takesValue: false } };
const EXPORT: Record<string, OptionSpec> = { '--camunda': { takesValue: false }, '--camunda-version': { takesValue: true }, '--force': { takesValue: false } };
const DEPLOY: Record<string, OptionSpec> = { '--camunda': { takesValue: true }, '--tenant': { takesValue: true }, '--camunda-version': { takesValue: true }, '--force': { takesValue: false } };

/**
 * Parses the archive and Camunda 8 commands (after the command word).
 *
 * @example
 * parseArchiveArgs('pack', ['docs/examples/order', '-o', 'order.flowdeck'], split);
 * // { command: 'pack', folder: 'docs/examples/order', out: 'order.flowdeck' }
 * @throws UsageError on a missing argument or an unknown option.
 */
export function parseArchiveArgs(command: (typeof ARCHIVE_COMMANDS)[number], argv: readonly string[], split: SplitOptions): ArchiveCliArgs {
  switch (command) {
    case 'pack': {
      const { positionals, options } = split(argv, PACK, 'pack');
      const out = options.get('-o') ?? options.get('--out');
      if (positionals.length !== 1) throw new UsageError(`pack takes one folder, got ${positionals.length}`);
      if (out === undefined) throw new UsageError('pack needs -o <archive.flowdeck>');
      return { command, folder: positionals[0], out, project: options.get('--project'), createdBy: options.get('--created-by') };
    }
    case 'unpack': {
      const { positionals } = split(argv, {}, 'unpack');
      if (positionals.length !== 2) throw new UsageError(`unpack takes an archive and a folder, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}`);
      return { command, archive: positionals[0], folder: positionals[1] };
    }
    case 'check': {
      const { positionals, options } = split(argv, CHECK, 'check');
      if (positionals.length !== 1) throw new UsageError(`check takes one archive, got ${positionals.length}`);
      return { command, archive: positionals[0], json: options.has('--json') };
    }
    case 'export': {
      const { positionals, options } = split(argv, EXPORT, 'export');
      if (!options.has('--camunda')) throw new UsageError('export writes a Camunda 8 process application: say --camunda');
      if (positionals.length !== 2) throw new UsageError('export --camunda takes an archive or folder and an output folder');
      return { command, source: positionals[0], out: positionals[1], camundaVersion: options.get('--camunda-version'), force: options.has('--force') };
    }
    case 'deploy': {
      const { positionals, options } = split(argv, DEPLOY, 'deploy');
      const url = options.get('--camunda');
      if (url === undefined) throw new UsageError('deploy needs --camunda <cluster REST URL> (e.g. http://localhost:8080)');
      if (positionals.length !== 1) throw new UsageError('deploy --camunda <url> takes one archive or folder');
      return { command, url, source: positionals[0], tenantId: options.get('--tenant'), camundaVersion: options.get('--camunda-version'), force: options.has('--force') };
    }
  }
}
