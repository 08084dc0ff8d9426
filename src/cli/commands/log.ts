import { relative, resolve } from 'node:path';
import { LogError, parseColumnMapping, readDiagramModel, summarize, type LogSummary } from '../../replay';
import type { LogArgs } from '../args';
import { EXIT, InputError, type ExitCode } from '../errors';
import { readTextFile } from '../files';
import type { CliIo } from '../io';
import { readLogFile, targetOf, writeLogFile } from '../log-files';

/**
 * `flowdeck log <file.xes|file.jsonocel|file.csv> [--object-type T] [--model model.bpmn]
 * [--to out.xes|out.jsonocel|out.csv] [--columns case=...,activity=...,start=...] [--json]`:
 * reads an event log, prints its summary (with `--json` exactly one object: `{"format", "cases",
 * "events", "activities", "start", "end"}`, plus `"matched"` and `"unmatched"` with `--model`) and
 * converts it with `--to`. Exit: 0 done, 3 a file that is not a valid log (the error names the
 * line or JSON path), 2 a bad command line.
 */
export async function logCommand(args: LogArgs, io: CliIo): Promise<ExitCode> {
  const target = args.to === undefined ? undefined : targetOf(args.to, '--to');
  let columns;
  try {
    columns = args.columns === undefined ? undefined : parseColumnMapping(args.columns);
  } catch (error) {
    throw new InputError((error as LogError).message);
  }
  let model;
  if (args.model !== undefined) {
    try {
      model = readDiagramModel(await readTextFile(resolve(io.cwd, args.model), 'model'), args.model);
    } catch (error) {
      if (error instanceof LogError) throw new InputError(error.message);
      throw error;
    }
  }
  const log = await readLogFile(resolve(io.cwd, args.file), args.file, { objectType: args.objectType, columns });
  const summary = summarize(log, model);
  if (args.json) io.stdout(`${JSON.stringify(summary)}\n`);
  else io.stdout(`${formatSummary(args.file, summary)}\n`);
  if (target !== undefined && args.to !== undefined) {
    const { skipped } = await writeLogFile(resolve(io.cwd, args.to), log, target, args.to);
    io.stderr(`wrote ${log.size - skipped} events to ${relative(io.cwd, resolve(io.cwd, args.to))}\n`);
    if (skipped > 0) io.stderr(`note: ${skipped} events with transitions other than start and complete have no place in CSV columns and were left out\n`);
  }
  return EXIT.ok;
}

function formatSummary(file: string, s: LogSummary): string {
  const lines = [
    `${file}: ${s.format.toUpperCase()} log, ${s.cases} case${s.cases === 1 ? '' : 's'}, ${s.events} event${s.events === 1 ? '' : 's'}${s.start ? `, ${s.start} to ${s.end}` : ''}`,
    'activities:',
    ...Object.entries(s.activities).map(([a, n]) => `  ${a}: ${n}${s.matched ? (s.matched[a] ? ` -> ${s.matched[a]}` : ' (no element)') : ''}`),
  ];
  if (s.unmatched) lines.push(s.unmatched.length === 0 ? 'every activity matches an element' : `unmatched: ${s.unmatched.length} activit${s.unmatched.length === 1 ? 'y' : 'ies'}: ${s.unmatched.join(', ')}`);
  return lines.join('\n');
}
