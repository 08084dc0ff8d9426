import { textOf } from './bytes';
import { COMPLETE, type EventLog, LogBuilder, LogError, START } from './model';

/** Which CSV column holds what (header names). `start` or `end` may be absent, not both. */
export interface CsvColumns {
  case: string;
  activity: string;
  start?: string;
  end?: string;
  resource?: string;
}

/** The columns Flowdeck writes (and Prosimos: `case_id, activity, start_time, end_time, resource`). */
export const DEFAULT_COLUMNS: Required<CsvColumns> = { case: 'case_id', activity: 'activity', start: 'start_time', end: 'end_time', resource: 'resource' };

/**
 * Parses `case=...,activity=...,start=...,end=...,resource=...` (the CLI's `--columns`).
 * @example
 * parseColumnMapping('case=Case ID,activity=Task,end=Completed'); // { case: 'Case ID', activity: 'Task', end: 'Completed' }
 */
export function parseColumnMapping(text: string): Partial<CsvColumns> {
  const out: Partial<CsvColumns> = {};
  for (const part of text.split(',')) {
    const at = part.indexOf('=');
    const key = part.slice(0, at).trim();
    if (at < 1 || !['case', 'activity', 'start', 'end', 'resource'].includes(key)) {
      throw new LogError('--columns', `"${part}" is not one of case=, activity=, start=, end=, resource=`);
    }
    out[key as keyof CsvColumns] = part.slice(at + 1).trim();
  }
  return out;
}

/**
 * Reads a CSV event log (RFC 4180; header row first). Each row is one activity instance: a
 * `start` event at its start time and a `complete` event at its end time (an empty cell: no such
 * event). Times are ISO 8601 (or anything `Date.parse` takes). Errors name the line.
 *
 * @example
 * readCsv('case_id,activity,start_time,end_time,resource\n1,Approve,2026-01-01T10:00:00Z,2026-01-01T10:05:00Z,ana\n');
 */
export function readCsv(input: Uint8Array | string, options: { columns?: Partial<CsvColumns>; file?: string } = {}): EventLog {
  const file = options.file ?? 'log';
  const rows = csvRows(textOf(input), file);
  const header = rows.next();
  if (header.done) throw new LogError(`${file}: line 1`, 'empty file: a CSV log starts with a header row');
  const names = header.value.cells.map((c) => c.trim());
  const wanted = { ...DEFAULT_COLUMNS, ...options.columns };
  const column = (role: keyof CsvColumns, required: boolean): number => {
    const name = wanted[role];
    const i = names.indexOf(name);
    if (i < 0 && required) throw new LogError(`${file}: line 1`, `no column "${name}" for the ${role} (columns: ${names.join(', ')}); map it with --columns ${role}=<column>`);
    return i;
  };
  const ci = column('case', true);
  const ai = column('activity', true);
  const si = column('start', false);
  const ei = column('end', false);
  const ri = column('resource', false);
  if (si < 0 && ei < 0) throw new LogError(`${file}: line 1`, `neither a start column "${wanted.start}" nor an end column "${wanted.end}" (columns: ${names.join(', ')})`);
  const b = new LogBuilder('csv');
  for (const { cells, line } of rows) {
    if (cells.length === 1 && cells[0] === '') continue;
    const at = `${file}: line ${line}`;
    if (cells.length !== names.length) throw new LogError(at, `${cells.length} fields, the header has ${names.length}`);
    const caseId = cells[ci];
    const activity = cells[ai];
    if (caseId === '') throw new LogError(at, `empty ${names[ci]}`);
    if (activity === '') throw new LogError(at, `empty ${names[ai]}`);
    const resource = ri >= 0 && cells[ri] !== '' ? cells[ri] : null;
    const start = si >= 0 ? time(cells[si], names[si], at) : null;
    const end = ei >= 0 ? time(cells[ei], names[ei], at) : null;
    if (start === null && end === null) throw new LogError(at, 'neither a start nor an end time');
    if (start !== null && end !== null && end < start) throw new LogError(at, `${names[ei]} is before ${names[si]}`);
    if (start !== null) b.add(caseId, activity, START, start, resource);
    if (end !== null) b.add(caseId, activity, COMPLETE, end, resource);
  }
  return b.finish();
}

function time(cell: string, column: string, at: string): number | null {
  if (cell.trim() === '') return null;
  const t = Date.parse(cell);
  if (Number.isNaN(t)) throw new LogError(at, `${column} "${cell}" is not a date and time`);
  return t;
}

/** RFC 4180 rows with the line each starts on (quoted fields may span lines). */
function* csvRows(text: string, file: string): Generator<{ cells: string[]; line: number }> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new LogError(`${file}: line ${startLine}`, 'a quoted field is not closed');
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
      } else {
        const from = i;
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        cell = text.slice(from, i);
      }
      cells.push(cell);
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    yield { cells, line: startLine };
  }
}
