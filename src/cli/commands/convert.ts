import { rename, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { TestArgs } from '../args';
import { CPT_SCHEMA_ID, scenarioToCpt, type ConvertedCase } from '../cpt/convert';
import { isCptDocument } from '../cpt/test-file';
import { CliError, EXIT, InputError, type ExitCode } from '../errors';
import { findScenarioFiles, readJsonFile } from '../files';
import { stderrLogger, type CliIo } from '../io';
import { validateScenario } from '../scenario';

/**
 * `flowdeck test --format cpt <paths> [--out FILE]`: writes the scenarios as one Camunda Process
 * Test JSON document (stdout, or FILE). Nothing is written unless every scenario converts.
 * Exit: 0 written, 3 a scenario could not be read or converted (each is named on stderr).
 */
export async function convertCommand(args: TestArgs, io: CliIo): Promise<ExitCode> {
  const logger = stderrLogger(io);
  const files = await findScenarioFiles(args.paths, io.cwd);
  const out = args.out === undefined ? undefined : resolve(io.cwd, args.out);
  const converted: ConvertedCase[] = [];
  const errors: string[] = [];
  for (const file of files) {
    try {
      const raw = await readJsonFile(file, 'scenario');
      if (isCptDocument(raw)) {
        io.stderr(`note: ${relative(io.cwd, file)} is already a CPT test file; left out\n`);
        continue;
      }
      const scenario = validateScenario(raw, file);
      const folder = out ? dirname(out) : io.cwd;
      for (const model of [scenario.model, ...scenario.decisions]) {
        if (dirname(model) !== folder) io.stderr(`warning: ${relative(io.cwd, model)} is not in ${relative(io.cwd, folder) || '.'}: a CPT file runs against the models of its own folder\n`);
      }
      converted.push(await scenarioToCpt(scenario, logger));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      errors.push(error.message);
    }
  }
  if (errors.length) {
    for (const e of errors) io.stderr(`error: ${e}\n`);
    io.stderr(`nothing written: ${errors.length} scenario${errors.length === 1 ? '' : 's'} could not be converted\n`);
    return EXIT.input;
  }
  for (const w of converted.flatMap((c) => c.warnings)) io.stderr(`warning: ${w}\n`);
  const text = `${JSON.stringify({ $schema: CPT_SCHEMA_ID, testCases: converted.map((c) => c.testCase) }, null, 2)}\n`;
  if (!out) {
    io.stdout(text);
    return EXIT.ok;
  }
  // Written beside the target and renamed over it, so a failure never leaves half a file.
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, out);
  } catch (error) {
    throw new InputError(`cannot write ${args.out}: ${(error as Error).message}`);
  }
  io.stderr(`wrote ${converted.length} test case${converted.length === 1 ? '' : 's'} to ${relative(io.cwd, out)}\n`);
  return EXIT.ok;
}
