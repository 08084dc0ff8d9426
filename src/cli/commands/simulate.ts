import { rename, writeFile } from 'node:fs/promises';
import { basename, extname, relative, resolve } from 'node:path';
import { compileDeployment, parseBpmn, type ExecutableProcess } from '../../engine';
import { DmnDecisions } from '../../host/dmn-decisions';
import { FeelExpressions } from '../../host/feel-expressions';
import { createNodeScriptRunner } from '../../host/scripts/node-script-threads';
import { CalendarError, importProsimos, pickRun, readScenarios, ScenarioError, simulate, toProsimosCsv, toXes } from '../../simulation';
import type { Figure, Scenario, SimulationReport } from '../../simulation';
import type { SimulateArgs } from '../args';
import { EXIT, InputError, type ExitCode } from '../errors';
import { readTextFile } from '../files';
import { stderrLogger, type CliIo } from '../io';

/** The model's processes and those of the `--bpmn` files (the model's own win on a clash of ids), for call activities. */
async function calledProcesses(args: SimulateArgs, io: CliIo, own: ReadonlyMap<string, ExecutableProcess>): Promise<Map<string, ExecutableProcess>> {
  const called = new Map<string, ExecutableProcess>();
  for (const f of args.bpmn) {
    let definitions;
    try {
      definitions = (await parseBpmn(await readTextFile(resolve(io.cwd, f), 'BPMN'))).definitions;
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`--bpmn ${f} is not BPMN: ${(error as Error).message}`);
    }
    const { processes, errors } = compileDeployment(definitions, { expressions: new FeelExpressions() });
    if (errors.length > 0) throw new InputError(`--bpmn ${f} cannot run: ${errors.map((e) => `${e.elementId}: ${e.message}`).join('; ')}`);
    for (const [id, p] of processes) called.set(id, p);
  }
  for (const [id, p] of own) called.set(id, p);
  return called;
}

/**
 * `flowdeck simulate <model.bpmn> [--scenario ID] [--instances N] [--seed S] [--replications R]
 * [--dmn FILE]... [--bpmn FILE]... [--json] [--log out.csv|out.xes] [--prosimos scenario.json [--save-model out.bpmn]]`:
 * runs a BPSim scenario of the model on the engine, on a virtual clock, and prints the results
 * (with `--json`, one object). `--prosimos` imports a Prosimos scenario into the model first
 * (in memory; `--save-model` writes the result) and runs that one.
 * Exit: 0 done, 1 some instance hit an incident, 3 bad model or scenario.
 */
export async function simulateCommand(args: SimulateArgs, io: CliIo): Promise<ExitCode> {
  const file = resolve(io.cwd, args.model);
  const logExt = args.log === undefined ? undefined : extname(args.log).toLowerCase();
  if (logExt !== undefined && logExt !== '.csv' && logExt !== '.xes') throw new InputError(`--log ${args.log}: the log is written as .csv (Prosimos) or .xes (IEEE 1849)`);
  if (args.saveModel !== undefined && args.prosimos === undefined) throw new InputError('--save-model writes the model with an imported scenario: it needs --prosimos FILE');
  let xml = await readTextFile(file, 'model');
  let importedScenario: string | undefined;
  if (args.prosimos !== undefined) {
    const imported = await importProsimosFile(xml, args, io);
    xml = imported.xml;
    importedScenario = imported.scenarioId;
  }
  let parsed;
  try {
    parsed = await parseBpmn(xml);
  } catch (error) {
    throw new InputError(`${args.model} is not BPMN: ${(error as Error).message}`);
  }
  const logger = stderrLogger(io);
  const decisions = new DmnDecisions();
  const deployed: Record<string, number> = {};
  for (const d of args.dmn) Object.assign(deployed, (await decisions.deploy(await readTextFile(resolve(io.cwd, d), 'DMN'))).versions);
  const { processes, errors } = compileDeployment(parsed.definitions, { expressions: new FeelExpressions() });
  if (errors.length > 0) throw new InputError(`cannot simulate ${args.model}: ${errors.map((e) => `${e.elementId}: ${e.message}`).join('; ')}`);
  const called = await calledProcesses(args, io, processes);
  // The --dmn files count as deployed with the model (bindingType deployment).
  for (const p of called.values()) decisions.bindDeployment(p.id, p.version, deployed);
  let scenarios: Scenario[];
  try {
    scenarios = readScenarios(parsed.definitions);
  } catch (error) {
    if (error instanceof ScenarioError) throw new InputError(`${args.model}: ${error.message}`);
    throw error;
  }
  let picked;
  try {
    picked = pickRun(scenarios, [...processes.values()], args.scenario ?? importedScenario);
  } catch (error) {
    if (error instanceof ScenarioError) throw new InputError(error.message.startsWith('the model ') ? `${args.model} ${error.message.slice('the model '.length)}` : `${args.model}, ${error.message}`);
    throw error;
  }
  const { scenario, process } = picked;
  const scripts = await createNodeScriptRunner({ logger });
  let report: SimulationReport;
  try {
    report = simulate({ process, called, scenario, ctx: { scripts, decisions, logger }, seed: args.seed, instances: args.instances, replications: args.replications, log: args.log !== undefined });
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof CalendarError) throw new InputError(`${args.model}: ${error.message}`);
    throw error;
  } finally {
    scripts.dispose();
  }
  if (args.log !== undefined) await writeLog(resolve(io.cwd, args.log), logExt === '.csv' ? toProsimosCsv(report.log) : toXes(report.log, basename(file)), args.log);
  if (args.json) io.stdout(`${JSON.stringify(report.result, null, 2)}\n`);
  else io.stdout(`${formatReport(report, args.model)}\n`);
  if (args.log !== undefined) io.stderr(`wrote ${report.log.length} log entries to ${relative(io.cwd, resolve(io.cwd, args.log))}\n`);
  for (const n of report.notSimulated) io.stderr(`note: not simulated (kept in the model): ${n}\n`);
  for (const [what, count] of Object.entries(report.undelivered)) io.stderr(`note: ${what} reached nobody ${+count.toFixed(2)} times per replication\n`);
  const incidents = Object.entries(report.incidents);
  for (const [element, message] of incidents) io.stderr(`incident at ${element}: ${message}\n`);
  return incidents.length > 0 ? EXIT.failed : EXIT.ok;
}

/** Reads `--prosimos FILE` into the model; says on stderr what of it is not simulated here. */
async function importProsimosFile(xml: string, args: SimulateArgs, io: CliIo): Promise<{ xml: string; scenarioId: string }> {
  const shown = args.prosimos as string;
  let json: unknown;
  try {
    json = JSON.parse(await readTextFile(resolve(io.cwd, shown), 'Prosimos scenario'));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`--prosimos ${shown} is not JSON: ${(error as Error).message}`);
  }
  let result;
  try {
    result = await importProsimos(xml, json, { instances: args.instances });
  } catch (error) {
    throw new InputError(`cannot import ${shown} into ${args.model}: ${(error as Error).message}`);
  }
  for (const line of result.report) io.stderr(`note: Prosimos import: ${line}\n`);
  if (args.saveModel !== undefined) {
    await writeLog(resolve(io.cwd, args.saveModel), result.xml, args.saveModel);
    io.stderr(`wrote the model with scenario ${result.scenarioId} to ${relative(io.cwd, resolve(io.cwd, args.saveModel))}\n`);
  }
  return result;
}

async function writeLog(path: string, text: string, shown: string): Promise<void> {
  // Written beside the target and renamed over it, so a failure never leaves half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch (error) {
    throw new InputError(`cannot write ${shown}: ${(error as Error).message}`);
  }
}

function formatReport(r: SimulationReport, model: string): string {
  const res = r.result;
  const f = (x: Figure, unit = 's') => `mean ${num(x.mean)}${unit}, median ${num(x.median)}${unit}, p90 ${num(x.p90)}${unit}, 95% CI [${num(x.ci95[0])}, ${num(x.ci95[1])}]`;
  const lines = [
    `${model}, scenario ${res.scenario}, seed ${res.seed}, ${res.replications} replication${res.replications === 1 ? '' : 's'}`,
    `instances: ${num(res.instances.started)} started, ${num(res.instances.completed)} completed, ${num(r.inProgress)} in progress (per replication)`,
    `cycle time       ${f(res.process.cycleTime)}`,
    `processing time  ${f(res.process.processingTime)}`,
    `waiting time     ${f(res.process.waitingTime)}`,
    `idle time        ${f(r.idleTime)}`,
    `cost             ${f(res.process.cost, '')}`,
  ];
  const resources = Object.entries(res.resources);
  if (resources.length > 0) lines.push('resources:', ...resources.map(([id, x]) => `  ${id}: utilization ${num(x.utilization.mean * 100)}%, cost ${num(x.cost.mean)}`));
  lines.push('elements:', ...Object.entries(res.elements).map(([id, e]) => `  ${id}: ${num(e.count)}x, duration ${num(e.duration.mean)}s, waiting ${num(e.waitingTime.mean)}s, cost ${num(e.cost.mean)}`));
  lines.push(r.bottlenecks.length === 0 ? 'bottlenecks: none (no task waited for a resource)' : `bottlenecks: ${r.bottlenecks.slice(0, 3).map((b) => `${b.elementId} (${Math.round(b.share * 100)}% of the waiting, ${num(b.meanWaitingSeconds)}s on average)`).join(', ')}`);
  return lines.join('\n');
}

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) >= 100 ? 0 : 2);
}
