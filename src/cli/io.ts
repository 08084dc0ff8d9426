import type { Logger } from '../engine';

/** Where the CLI writes and what it considers the working folder: injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Print engine debug messages too (FLOWDECK_DEBUG=1). */
  debug?: boolean;
  /** The environment (default `process.env`): `deploy --camunda` reads its credentials here. */
  env?: Record<string, string | undefined>;
  /** The network (default `globalThis.fetch`): specs pass a fake cluster. */
  fetch?: typeof fetch;
}

/**
 * Script `console.*` output and engine warnings go to stderr, so stdout stays clean for `--json`.
 *
 * @example
 * const logger = stderrLogger(io); logger.warn('join gateway lost a token');
 */
export function stderrLogger(io: CliIo): Logger {
  return {
    debug(msg: string, data?: unknown) {
      if (io.debug || msg.startsWith('[script ')) io.stderr(`${msg}${data === undefined ? '' : ` ${JSON.stringify(data)}`}\n`);
    },
    warn(msg: string, data?: unknown) {
      io.stderr(`warning: ${msg}${data === undefined ? '' : ` ${JSON.stringify(data)}`}\n`);
    },
  };
}
