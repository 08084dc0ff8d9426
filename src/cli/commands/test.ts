import { relative, resolve, sep } from 'node:path';
import type { TestArgs } from '../args';
import { HostError } from '../../host/transaction';
import { runCptFile } from '../cpt/run-file';
import { isCptDocument, readCptFile } from '../cpt/test-file';
import { CliError, EXIT, InputError, type ExitCode } from '../errors';
import { execute } from '../execute';
import { checkExpectations } from '../expectations';
import { findScenarioFiles, isDmnTestFile, readJsonFile } from '../files';
import { runDmnTestFile } from '../dmn-tests';
import { isArchiveFile, unpackToTemp } from '../project-folder';
import { stderrLogger, type CliIo } from '../io';
import type { RunOutcome } from '../outcome';
import { validateScenario } from '../scenario';
import { convertCommand } from './convert';

/** One scenario's (or CPT test case's) verdict, as `flowdeck test --json` prints it. */
export interface ScenarioReport {
  file: string;
  name: string;
  /**
   * `scenario`: a Flowdeck scenario file; `cpt`: a test case of a Camunda Process Test JSON file;
   * `dmn`: a decision test case of a DMN TCK test-case file (`*-test-NN.xml` beside its `.dmn`).
   */
  format: 'scenario' | 'cpt' | 'dmn';
  /** `error`: the scenario, the test case or its model could not be loaded. */
  status: 'passed' | 'failed' | 'error';
  problems: string[];
  outcome?: RunOutcome;
}

/**
 * `flowdeck test`: runs every scenario, CPT test case and DMN decision test case, checks them,
 * prints a report (`--format cpt`: converts the scenarios to CPT instead, see `convert.ts`). A
 * `.flowdeck` archive is checked, unpacked to a temporary folder and tested as a folder; its files
 * are shown as `<archive>/<path inside>`.
 * Exit: 0 all passed, 1 any failed, 3 any could not be loaded (see docs/cli.md).
 */
export async function testCommand(args: TestArgs, io: CliIo): Promise<ExitCode> {
  if (args.format === 'cpt') return convertCommand(args, io);
  const archives: Array<{ folder: string; shown: string; remove(): Promise<void> }> = [];
  const reports: ScenarioReport[] = [];
  try {
    const files: string[] = [];
    for (const p of args.paths) {
      if (!(await isArchiveFile(resolve(io.cwd, p)))) {
        files.push(...(await findScenarioFiles([p], io.cwd)));
        continue;
      }
      const unpacked = await unpackToTemp(resolve(io.cwd, p));
      archives.push({ ...unpacked, shown: p });
      files.push(...(await findScenarioFiles([unpacked.folder], io.cwd).catch(() => {
        throw new InputError(`no *.scenario.json, CPT or DMN (*-test-NN.xml) test files in the archive ${p}`);
      })));
    }
    const logger = stderrLogger(io);
    for (const file of files) {
      const inArchive = archives.find((a) => file.startsWith(a.folder + sep));
      const shown = inArchive ? `${inArchive.shown}/${relative(inArchive.folder, file).split(sep).join('/')}` : relative(io.cwd, file) || file;
      for (const report of await runFile(file, shown, logger)) {
        reports.push(report);
        if (!args.json) io.stdout(formatReport(report));
      }
    }
  } finally {
    await Promise.all(archives.map((a) => a.remove()));
  }
  const count = (s: ScenarioReport['status']) => reports.filter((r) => r.status === s).length;
  const summary = { passed: count('passed'), failed: count('failed'), errors: count('error') };
  if (args.json) io.stdout(`${JSON.stringify({ ...summary, scenarios: reports }, null, 2)}\n`);
  else io.stdout(`\n${summary.passed} passed, ${summary.failed} failed${summary.errors ? `, ${summary.errors} could not run` : ''} (${describeCount(reports)})\n`);
  if (summary.errors > 0) return EXIT.input;
  return summary.failed > 0 ? EXIT.failed : EXIT.ok;
}

/** Runs one file, telling the formats apart by content: an object with `testCases` is CPT. */
async function runFile(file: string, shown: string, logger: ReturnType<typeof stderrLogger>): Promise<ScenarioReport[]> {
  let format: ScenarioReport['format'] = isDmnTestFile(file) ? 'dmn' : 'scenario';
  try {
    if (format === 'dmn') return (await runDmnTestFile(file)).map((c) => ({ file: shown, format: 'dmn', ...c }));
    const raw = await readJsonFile(file, 'scenario');
    if (isCptDocument(raw)) {
      format = 'cpt';
      const cases = await runCptFile(readCptFile(raw, shown), logger);
      if (cases.length === 0) return [{ file: shown, name: shown, format: 'cpt', status: 'error', problems: ['the file holds no test case'] }];
      return cases.map((c) => ({ file: shown, format: 'cpt', ...c }));
    }
    const scenario = validateScenario(raw, file);
    const result = await execute(scenario, logger);
    const problems = [...(result.stepError ? [result.stepError] : []), ...checkExpectations(result.outcome, scenario.expect)];
    return [{ file: shown, name: scenario.name === file ? shown : scenario.name, format: 'scenario', status: problems.length ? 'failed' : 'passed', problems, outcome: result.outcome }];
  } catch (error) {
    // One file that cannot run (bad input, a limit, even a bug) must not end the whole run.
    const message = error instanceof CliError || error instanceof HostError ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
    return [{ file: shown, name: shown, format, status: 'error', problems: [message] }];
  }
}

function describeCount(reports: ScenarioReport[]): string {
  const scenarios = reports.filter((r) => r.format === 'scenario').length;
  const cases = reports.filter((r) => r.format === 'cpt').length;
  const decisions = reports.filter((r) => r.format === 'dmn').length;
  const parts = [];
  if (scenarios || (!cases && !decisions)) parts.push(`${scenarios} scenario${scenarios === 1 ? '' : 's'}`);
  if (cases) parts.push(`${cases} CPT test case${cases === 1 ? '' : 's'}`);
  if (decisions) parts.push(`${decisions} decision test case${decisions === 1 ? '' : 's'}`);
  return parts.join(', ');
}

function formatReport(r: ScenarioReport): string {
  const mark = r.status === 'passed' ? 'PASS' : r.status === 'failed' ? 'FAIL' : 'ERROR';
  const title = r.name === r.file ? r.file : `${r.name} (${r.file})`;
  return [`${mark} ${title}`, ...r.problems.map((p) => `     ${p}`)].join('\n') + '\n';
}
