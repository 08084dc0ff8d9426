import { relative } from 'node:path';
import type { TestArgs } from '../args';
import { HostError } from '../../host/transaction';
import { CliError, EXIT, type ExitCode } from '../errors';
import { execute } from '../execute';
import { checkExpectations } from '../expectations';
import { findScenarioFiles } from '../files';
import { stderrLogger, type CliIo } from '../io';
import type { RunOutcome } from '../outcome';
import { loadScenario } from '../scenario';

/** One scenario's verdict, as `flowdeck test --json` prints it. */
export interface ScenarioReport {
  file: string;
  name: string;
  /** `error`: the scenario or its model could not be loaded. */
  status: 'passed' | 'failed' | 'error';
  problems: string[];
  outcome?: RunOutcome;
}

/**
 * `flowdeck test`: runs every scenario, checks its `expect`, prints a report.
 * Exit: 0 all passed, 1 any failed, 3 any scenario could not be loaded (see docs/cli.md).
 */
export async function testCommand(args: TestArgs, io: CliIo): Promise<ExitCode> {
  const files = await findScenarioFiles(args.paths, io.cwd);
  const logger = stderrLogger(io);
  const reports: ScenarioReport[] = [];
  for (const file of files) {
    const shown = relative(io.cwd, file) || file;
    let report: ScenarioReport;
    try {
      const scenario = await loadScenario(file);
      const result = await execute(scenario, logger);
      const problems = [...(result.stepError ? [result.stepError] : []), ...checkExpectations(result.outcome, scenario.expect)];
      report = { file: shown, name: scenario.name === file ? shown : scenario.name, status: problems.length ? 'failed' : 'passed', problems, outcome: result.outcome };
    } catch (error) {
      // One scenario that cannot run (bad input, a limit, even a bug) must not end the whole run.
      const message = error instanceof CliError || error instanceof HostError ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
      report = { file: shown, name: shown, status: 'error', problems: [message] };
    }
    reports.push(report);
    if (!args.json) io.stdout(formatReport(report));
  }
  const count = (s: ScenarioReport['status']) => reports.filter((r) => r.status === s).length;
  const summary = { passed: count('passed'), failed: count('failed'), errors: count('error') };
  if (args.json) io.stdout(`${JSON.stringify({ ...summary, scenarios: reports }, null, 2)}\n`);
  else io.stdout(`\n${summary.passed} passed, ${summary.failed} failed${summary.errors ? `, ${summary.errors} could not run` : ''} (${reports.length} scenario${reports.length === 1 ? '' : 's'})\n`);
  if (summary.errors > 0) return EXIT.input;
  return summary.failed > 0 ? EXIT.failed : EXIT.ok;
}

function formatReport(r: ScenarioReport): string {
  const mark = r.status === 'passed' ? 'PASS' : r.status === 'failed' ? 'FAIL' : 'ERROR';
  const title = r.name === r.file ? r.file : `${r.name} (${r.file})`;
  return [`${mark} ${title}`, ...r.problems.map((p) => `     ${p}`)].join('\n') + '\n';
}
