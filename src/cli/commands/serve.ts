import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { MemoryStoreSnapshot } from '../../host/memory-store';
import { ConfigError, loadConfig } from '../../server/config';
import type { DeployFile } from '../../server/deploy';
import { HttpError } from '../../server/http/errors';
import { readArchiveContents } from '../../server/archive-files';
import { startServer } from '../../server/server';
import type { ServeArgs } from '../args';
import { EXIT, InputError, type ExitCode } from '../errors';
import type { CliIo } from '../io';

const MODEL = /\.(bpmn|dmn|form)$/i;

/**
 * `flowdeck serve [folder or archive] [--port N] [--db FILE] [--host ADDR]`: deploys the folder's
 * models (all or nothing) and serves the engine over HTTP until SIGTERM or SIGINT, then stops
 * gracefully (docs/server.md).
 */
export async function serveCommand(args: ServeArgs, io: CliIo): Promise<ExitCode> {
  let config;
  try {
    config = loadConfig({ cwd: io.cwd, overrides: { FLOWDECK_PORT: args.port, FLOWDECK_DB: args.db === undefined ? undefined : resolve(io.cwd, args.db), FLOWDECK_HOST: args.host } });
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(error.message);
    throw error;
  }
  const { files, engineData } = args.source === undefined ? { files: [] } : await filesOf(resolve(io.cwd, args.source));
  let server;
  try {
    server = await startServer({ config, files, engineData });
  } catch (error) {
    if (error instanceof HttpError) throw new InputError(`${args.source ?? 'deployment'}: ${error.message}`);
    throw error;
  }
  const changed = server.deployed.filter((d) => !d.unchanged).length;
  const restored = server.restored === undefined ? '' : server.restored.skipped ? '; engine data of the archive left out: the database already has some'
    : `; restored ${server.restored.instances} instance${server.restored.instances === 1 ? '' : 's'} from the archive`;
  io.stderr(`flowdeck: serving ${server.url} (database ${config.dbPath}; ${files.length} file${files.length === 1 ? '' : 's'}, ${changed} newly deployed${restored})\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      void server.close().then(done, done);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  io.stderr('flowdeck: stopped\n');
  return EXIT.ok;
}

async function filesOf(path: string): Promise<{ files: DeployFile[]; engineData?: MemoryStoreSnapshot }> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(`${path}: no such folder or archive`);
  }
  if (stat.isFile()) {
    if (!path.endsWith('.flowdeck')) throw new InputError(`${path}: serve takes a folder or a .flowdeck archive`);
    try {
      return await readArchiveContents(readFileSync(path));
    } catch (error) {
      throw new InputError(`${path}: ${(error as Error).message}`);
    }
  }
  const out: DeployFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && MODEL.test(entry.name)) out.push({ name: relative(path, full).split('\\').join('/'), source: readFileSync(full, 'utf8') });
    }
  };
  walk(path);
  if (out.length === 0) throw new InputError(`${path}: no .bpmn, .dmn or .form file in this folder`);
  return { files: out.sort((a, b) => (a.name < b.name ? -1 : 1)) };
}
