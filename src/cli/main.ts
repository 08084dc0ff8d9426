import { ArchiveError } from '../archive/errors';
import { HostError } from '../host/transaction';
import { parseArgs } from './args';
import { CliError, EXIT, UsageError, type ExitCode } from './errors';
import { helpText, VERSION } from './help';
import type { CliIo } from './io';

/**
 * The whole `flowdeck` command as a function: parses `argv`, runs the command, reports errors as
 * one line on stderr and returns the exit code. `src/cli/bin.mjs` calls it with the real process.
 *
 * @example
 * const code = await main(['run', 'order.bpmn', '--json'], { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() });
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(`${helpText(args.topic)}\n`);
        return EXIT.ok;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return EXIT.ok;
      // Commands load the engine, FEEL and QuickJS: import them only when needed so help is instant.
      case 'run':
        return await (await import('./commands/run')).runCommand(args, io);
      case 'test':
        return await (await import('./commands/test')).testCommand(args, io);
      case 'simulate':
        return await (await import('./commands/simulate')).simulateCommand(args, io);
      case 'log':
        return await (await import('./commands/log')).logCommand(args, io);
      case 'pack':
        return await (await import('./commands/pack')).packCommand(args, io);
      case 'unpack':
        return await (await import('./commands/unpack')).unpackCommand(args, io);
      case 'check':
        return await (await import('./commands/check')).checkCommand(args, io);
      case 'export':
        return await (await import('./commands/export-camunda')).exportCamundaCommand(args, io);
      case 'deploy':
        return await (await import('./commands/deploy-camunda')).deployCamundaCommand(args, io);
      case 'serve':
        return await (await import('./commands/serve')).serveCommand(args, io);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`flowdeck: ${error.message}\n`);
      if (error instanceof UsageError) io.stderr(`Run "flowdeck help" for usage.\n`);
      return error.exitCode;
    }
    // A refused archive: the entry and the reason, as the user's to fix.
    if (error instanceof ArchiveError) {
      io.stderr(`flowdeck: archive refused: ${error.message} [${error.code}]\n`);
      return EXIT.input;
    }
    // The host refused the input (variables too deep, not JSON...): the user's to fix, not a crash.
    if (error instanceof HostError) {
      io.stderr(`flowdeck: ${error.message}\n`);
      return EXIT.input;
    }
    io.stderr(`flowdeck: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.internal;
  }
}
