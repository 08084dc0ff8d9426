import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandRejectedError, type Logger } from '../../engine';
import { DeployError } from '../../host/engine-host';
import { HostError } from '../../host/transaction';
import { CliError, InputError } from '../errors';
import { deployModelFiles } from '../deploy-files';
import { readTextFile } from '../files';
import { createCliHost } from '../host-factory';
import { toOutcome, type RunOutcome } from '../outcome';
import { instantOf } from '../time-values';
import { assertionOf } from './assertions';
import { actionOf } from './actions';
import { CaseRun } from './case-run';
import { CaseDecisions } from './decisions';
import { CaseFailure } from './failure';
import type { Instruction } from './instructions';
import type { CptCase, CptFile } from './test-file';

/** The verdict on one CPT test case (the shape `flowdeck test --json` prints for scenarios too). */
export interface CaseReport {
  name: string;
  status: 'passed' | 'failed' | 'error';
  problems: string[];
  /** The first process instance the case created, at the end of the case. */
  outcome?: RunOutcome;
}

/**
 * Runs every test case of a CPT file, each on a fresh host and clock with every `.dmn` (first) and
 * `.bpmn` file of the file's folder deployed. A case stops at its first failing instruction.
 *
 * @example
 * const reports = await runCptFile(readCptFile(raw, 'tests/order.json'), logger);
 * reports[0].status; // 'passed'
 */
export async function runCptFile(cpt: CptFile, logger?: Logger): Promise<CaseReport[]> {
  const models = await modelsIn(cpt.folder);
  const reports: CaseReport[] = [];
  for (const c of cpt.cases) reports.push(await runCase(cpt, c, models, logger));
  return reports;
}

async function runCase(cpt: CptFile, c: CptCase, models: { dmn: string[]; bpmn: string[] }, logger?: Logger): Promise<CaseReport> {
  const malformed = c.instructions.flatMap((r) => (!r.ok && !r.unsupported ? r.problems : []));
  if (malformed.length) return { name: c.name, status: 'error', problems: malformed.map((p) => `invalid instruction in ${cpt.file}, test case "${c.name}": ${p}`) };
  const unsupported = c.instructions.flatMap((r, i) => (!r.ok && r.unsupported ? [`instructions[${i}]: unsupported instruction ${r.type}: ${r.reason}`] : []));
  if (unsupported.length) return { name: c.name, status: 'failed', problems: unsupported };
  if (models.bpmn.length === 0) return { name: c.name, status: 'error', problems: [`no .bpmn file in ${cpt.folder} (a CPT test file runs against the models of its folder)`] };
  const instructions = c.instructions.map((r) => (r as { instruction: Instruction }).instruction);

  // A SET_TIME before anything else sets where the case's clock starts, so models deploy (timer
  // start events are scheduled) at that time rather than at the real time a moment before.
  const first = instructions[0];
  const start = first?.type === 'SET_TIME' ? instantOf(first.time) : undefined;
  const decisions = new CaseDecisions();
  const { host, clock } = await createCliHost({ start, logger, decisions });
  const run = new CaseRun(host, clock, decisions, logger);
  try {
    await deployModelFiles(host, models, logger);
    for (const file of models.bpmn) await run.examples.add(await readTextFile(file, 'model'));
  } catch (error) {
    return { name: c.name, status: 'error', problems: [(error as Error).message] };
  }
  const report = (status: CaseReport['status'], problems: string[]) => outcomeOf(run).then((outcome) => ({ name: c.name, status, problems, outcome }));
  for (const [i, ins] of instructions.entries()) {
    const action = actionOf(ins.type);
    try {
      if (action) {
        await action(run, ins);
        await run.settle();
      } else await (assertionOf(ins.type) as NonNullable<ReturnType<typeof assertionOf>>)(run, ins);
    } catch (error) {
      const known = error instanceof CaseFailure || error instanceof HostError || error instanceof CommandRejectedError || error instanceof CliError || error instanceof DeployError;
      const message = `instructions[${i}] (${ins.type}): ${known ? '' : 'internal error: '}${(error as Error).message}`;
      return report(known ? 'failed' : 'error', [message]);
    }
  }
  return report('passed', []);
}

async function outcomeOf(run: CaseRun): Promise<RunOutcome | undefined> {
  const roots = (await run.host.listInstances()).filter((s) => s.parent === null).sort((a, b) => a.startedAt - b.startedAt);
  const first = roots[0];
  return first ? toOutcome(first, run.host.deployments.get(first.processId, first.processVersion)) : undefined;
}

/** The `.dmn` and `.bpmn` files directly in `folder`, each list sorted by name. */
async function modelsIn(folder: string): Promise<{ dmn: string[]; bpmn: string[] }> {
  let names: string[];
  try {
    names = (await readdir(folder)).sort();
  } catch (error) {
    throw new InputError(`cannot read the folder ${folder}: ${(error as Error).message}`);
  }
  return {
    dmn: names.filter((n) => n.endsWith('.dmn')).map((n) => join(folder, n)),
    bpmn: names.filter((n) => n.endsWith('.bpmn')).map((n) => join(folder, n)),
  };
}
