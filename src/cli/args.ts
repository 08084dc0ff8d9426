import { ARCHIVE_COMMANDS, parseArchiveArgs, type ArchiveCliArgs } from './archive-args';
import { UsageError } from './errors';

/** `flowdeck run <model.bpmn> [--process ID] [--variables JSON|@file] [--dmn FILE]... [--scenario FILE] [--json]`. */
export interface RunArgs {
  command: 'run';
  /** Model path; absent when `--scenario` names the model. */
  model?: string;
  /** DMN files to deploy before the model (`--dmn` may repeat). */
  dmn: string[];
  process?: string;
  /** The raw `--variables` value: inline JSON or `@path`. */
  variables?: string;
  scenario?: string;
  json: boolean;
  /** `--log out.xes|out.jsonocel`: write the run's history as an event log. */
  log?: string;
}

/** `flowdeck log <file> [--object-type T] [--model model.bpmn] [--to out.*] [--columns case=...,activity=...] [--json]`. */
export interface LogArgs {
  command: 'log';
  file: string;
  objectType?: string;
  model?: string;
  to?: string;
  columns?: string;
  json: boolean;
}

/** `flowdeck test <scenario files or folders...> [--json] [--format cpt [--out FILE]]`. */
export interface TestArgs {
  command: 'test';
  paths: string[];
  json: boolean;
  /** `cpt`: do not run; convert the scenarios to one Camunda Process Test JSON document. */
  format?: 'cpt';
  /** With `--format cpt`: the file to write (default: stdout). */
  out?: string;
}

/** `flowdeck simulate <model.bpmn> [--scenario ID] [--instances N] [--seed S] [--replications R] [--dmn FILE]... [--bpmn FILE]... [--json] [--log FILE]`. */
export interface SimulateArgs {
  command: 'simulate';
  model: string;
  scenario?: string;
  instances?: number;
  seed?: number;
  replications?: number;
  dmn: string[];
  /** Other BPMN files whose processes the model's call activities start. */
  bpmn: string[];
  json: boolean;
  /** `out.csv` (Prosimos columns) or `out.xes`. */
  log?: string;
  /** `--prosimos scenario.json`: import a Prosimos scenario into the model first and run it. */
  prosimos?: string;
  /** `--save-model out.bpmn`: with `--prosimos`, write the model with the imported scenario. */
  saveModel?: string;
}

/** `flowdeck serve [folder or archive] [--port N] [--db FILE] [--host ADDR]`. */
export interface ServeArgs {
  command: 'serve';
  source?: string;
  port?: string;
  db?: string;
  host?: string;
}

export type CliArgs = RunArgs | TestArgs | SimulateArgs | LogArgs | ArchiveCliArgs | ServeArgs | { command: 'help'; topic?: string } | { command: 'version' };

interface OptionSpec {
  takesValue: boolean;
  repeatable?: boolean;
}

const RUN_OPTIONS: Record<string, OptionSpec> = {
  '--process': { takesValue: true },
  '--variables': { takesValue: true },
  '--scenario': { takesValue: true },
  '--dmn': { takesValue: true, repeatable: true },
  '--json': { takesValue: false },
  '--log': { takesValue: true },
};
const LOG_OPTIONS: Record<string, OptionSpec> = {
  '--object-type': { takesValue: true },
  '--model': { takesValue: true },
  '--to': { takesValue: true },
  '--columns': { takesValue: true },
  '--json': { takesValue: false },
};
const SIMULATE_OPTIONS: Record<string, OptionSpec> = {
  '--scenario': { takesValue: true },
  '--instances': { takesValue: true },
  '--seed': { takesValue: true },
  '--replications': { takesValue: true },
  '--dmn': { takesValue: true, repeatable: true },
  '--bpmn': { takesValue: true, repeatable: true },
  '--json': { takesValue: false },
  '--log': { takesValue: true },
  '--prosimos': { takesValue: true },
  '--save-model': { takesValue: true },
};
const SERVE_OPTIONS: Record<string, OptionSpec> = {
  '--port': { takesValue: true },
  '--db': { takesValue: true },
  '--host': { takesValue: true },
};
const TEST_OPTIONS: Record<string, OptionSpec> = {
  '--json': { takesValue: false },
  '--format': { takesValue: true },
  '--out': { takesValue: true },
};

/**
 * Parses the arguments after `flowdeck` (i.e. `process.argv.slice(2)`). Accepts `--name value` and
 * `--name=value`; `--` ends the options.
 *
 * @example
 * parseArgs(['run', 'order.bpmn', '--variables', '{"amount":5}', '--json']);
 * // { command: 'run', model: 'order.bpmn', variables: '{"amount":5}', json: true }
 * @throws UsageError on an unknown command or option, a missing value or a missing argument.
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help', topic: command === 'help' ? rest[0] : undefined };
  }
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help', topic: command };
  if (command === 'run') return parseRun(rest);
  if (command === 'test') return parseTest(rest);
  if (command === 'simulate') return parseSimulate(rest);
  if (command === 'serve') return parseServe(rest);
  if (command === 'log') return parseLog(rest);
  const archiveCommand = ARCHIVE_COMMANDS.find((c) => c === command);
  if (archiveCommand) return parseArchiveArgs(archiveCommand, rest, split);
  throw new UsageError(`unknown command "${command}" (expected run, test, simulate, log, serve, pack, unpack, check, export or deploy)`);
}

function parseRun(argv: readonly string[]): RunArgs {
  const { positionals, options, repeated } = split(argv, RUN_OPTIONS, 'run');
  if (positionals.length > 1) throw new UsageError(`run takes one model file, got ${positionals.length}: ${positionals.join(' ')}`);
  const model = positionals[0];
  const scenario = options.get('--scenario');
  if (model === undefined && scenario === undefined) throw new UsageError('run needs a model file (or --scenario FILE)');
  return {
    command: 'run',
    model,
    process: options.get('--process'),
    variables: options.get('--variables'),
    dmn: repeated.get('--dmn') ?? [],
    scenario,
    json: options.has('--json'),
    log: options.get('--log'),
  };
}

function parseLog(argv: readonly string[]): LogArgs {
  const { positionals, options } = split(argv, LOG_OPTIONS, 'log');
  if (positionals.length !== 1) throw new UsageError(`log takes one log file, got ${positionals.length}${positionals.length ? `: ${positionals.join(' ')}` : ''}`);
  return {
    command: 'log', file: positionals[0], objectType: options.get('--object-type'), model: options.get('--model'), to: options.get('--to'),
    columns: options.get('--columns'), json: options.has('--json'),
  };
}

function parseSimulate(argv: readonly string[]): SimulateArgs {
  const { positionals, options, repeated } = split(argv, SIMULATE_OPTIONS, 'simulate');
  if (positionals.length !== 1) throw new UsageError(`simulate takes one model file, got ${positionals.length}${positionals.length ? `: ${positionals.join(' ')}` : ''}`);
  const int = (name: string, min: number): number | undefined => {
    const v = options.get(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${name} needs a whole number >= ${min}, got "${v}"`);
    return n;
  };
  return {
    command: 'simulate',
    model: positionals[0],
    scenario: options.get('--scenario'),
    instances: int('--instances', 1),
    seed: int('--seed', -2147483648),
    replications: int('--replications', 1),
    dmn: repeated.get('--dmn') ?? [],
    bpmn: repeated.get('--bpmn') ?? [],
    json: options.has('--json'),
    log: options.get('--log'),
    prosimos: options.get('--prosimos'),
    saveModel: options.get('--save-model'),
  };
}

function parseServe(argv: readonly string[]): ServeArgs {
  const { positionals, options } = split(argv, SERVE_OPTIONS, 'serve');
  if (positionals.length > 1) throw new UsageError(`serve takes one folder or archive, got ${positionals.length}: ${positionals.join(' ')}`);
  return { command: 'serve', source: positionals[0], port: options.get('--port'), db: options.get('--db'), host: options.get('--host') };
}

function parseTest(argv: readonly string[]): TestArgs {
  const { positionals, options } = split(argv, TEST_OPTIONS, 'test');
  if (positionals.length === 0) throw new UsageError('test needs at least one scenario file or folder');
  const format = options.get('--format');
  if (format !== undefined && format !== 'cpt') throw new UsageError(`unknown --format "${format}" (the one format is cpt: Camunda Process Test JSON)`);
  if (options.has('--out') && format === undefined) throw new UsageError('--out goes with --format cpt');
  if (format !== undefined && options.has('--json')) throw new UsageError('--json reports test runs; --format cpt converts instead of running');
  return { command: 'test', paths: positionals, json: options.has('--json'), format, out: options.get('--out') };
}

function split(argv: readonly string[], specs: Record<string, OptionSpec>, command: string) {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = specs[name];
    if (spec === undefined) {
      const known = Object.keys(specs).join(', ');
      throw new UsageError(`unknown option "${name}" for ${command} (known: ${known})`);
    }
    if (options.has(name) && !spec.repeatable) throw new UsageError(`option ${name} given twice`);
    if (!spec.takesValue) {
      if (eq > 0) throw new UsageError(`option ${name} takes no value`);
      options.set(name, '');
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`option ${name} needs a value`);
    options.set(name, value);
    if (spec.repeatable) repeated.set(name, [...(repeated.get(name) ?? []), value]);
  }
  return { positionals, options, repeated };
}
