import { resolve } from 'node:path';
import type { RunArgs } from '../args';
import { EXIT, type ExitCode } from '../errors';
import { execute } from '../execute';
import { readVariablesArg } from '../files';
import { stderrLogger, type CliIo } from '../io';
import { formatOutcome } from '../outcome';
import { loadScenario } from '../scenario';
import { historyToLog } from '../../replay/engine-log';
import { targetOf, writeLogFile } from '../log-files';

/**
 * `flowdeck run`: runs one instance until it completes or waits and prints the final state.
 * With `--scenario`, the scenario supplies model, process, variables and steps (command-line
 * options override them; `--variables` is merged over the scenario's). `--log` writes the
 * instance's history as an event log (XES or OCEL 2.0, see src/replay).
 *
 * Exit: 0 when the run ended without an open incident, 1 with an incident or a failed step,
 * 3 for bad input (see docs/cli.md).
 */
export async function runCommand(args: RunArgs, io: CliIo): Promise<ExitCode> {
  const logTarget = args.log === undefined ? undefined : targetOf(args.log, '--log', ['xes', 'ocel']);
  const scenario = args.scenario === undefined ? undefined : await loadScenario(resolve(io.cwd, args.scenario));
  const cliVariables = args.variables === undefined ? {} : await readVariablesArg(args.variables, io.cwd);
  const model = args.model !== undefined ? resolve(io.cwd, args.model) : (scenario?.model as string);
  const result = await execute({
    model,
    decisions: [...(scenario?.decisions ?? []), ...args.dmn.map((d) => resolve(io.cwd, d))],
    process: args.process ?? scenario?.process,
    clock: scenario?.clock,
    variables: { ...(scenario?.variables ?? {}), ...cliVariables },
    steps: scenario?.steps ?? [],
  }, stderrLogger(io));

  if (args.log !== undefined && logTarget !== undefined) {
    await writeLogFile(resolve(io.cwd, args.log), historyToLog([result.history], { name: result.processId }), logTarget, args.log);
    io.stderr(`wrote ${result.history.length} history events to ${args.log}\n`);
  }
  if (args.json) io.stdout(`${JSON.stringify(result.outcome, null, 2)}\n`);
  else io.stdout(`${formatOutcome(`${result.processId} v${result.version}, instance ${result.instanceId}`, result.outcome)}\n`);
  if (result.stepError) {
    io.stderr(`error: ${result.stepError}\n`);
    return EXIT.failed;
  }
  return result.outcome.state === 'incident' ? EXIT.failed : EXIT.ok;
}
