import { isGzip, textOf } from './bytes';
import { type CsvColumns, readCsv } from './csv-read';
import { LogError, type EventLog } from './model';
import { readOcel } from './ocel-read';
import { readXes, type Progress } from './xes-read';

export type SourceFormat = 'xes' | 'ocel' | 'csv';

/**
 * The format of a log file: by its name (`.xes`, `.xes.gz`, `.jsonocel`, `.json`, `.csv`), else by
 * its first bytes (gzip or `<` → XES, `{` → OCEL JSON, anything else CSV).
 */
export function formatOf(name: string, bytes?: Uint8Array): SourceFormat {
  const n = name.toLowerCase();
  if (n.endsWith('.xes') || n.endsWith('.xes.gz')) return 'xes';
  if (n.endsWith('.jsonocel') || n.endsWith('.json')) return 'ocel';
  if (n.endsWith('.csv')) return 'csv';
  if (bytes) {
    if (isGzip(bytes)) return 'xes';
    const head = textOf(bytes.subarray(0, 64)).trimStart();
    if (head.startsWith('<')) return 'xes';
    if (head.startsWith('{')) return 'ocel';
  }
  return 'csv';
}

export interface ReadLogOptions {
  /** OCEL: the object type to follow as the case. */
  objectType?: string;
  /** CSV: which column holds what. */
  columns?: Partial<CsvColumns>;
  onProgress?: Progress;
}

/**
 * Reads a log file of any supported format.
 * @example
 * const log = readLog('orders.jsonocel', bytes, { objectType: 'order' });
 * @throws LogError naming the file and the line (XES, CSV) or JSON path (OCEL).
 */
export function readLog(name: string, bytes: Uint8Array, options: ReadLogOptions = {}): EventLog {
  const format = formatOf(name, bytes);
  if (format === 'xes') return readXes(bytes, name, options.onProgress);
  if (format === 'ocel') return readOcel(textOf(bytes), { objectType: options.objectType, file: name });
  if (options.objectType !== undefined) throw new LogError(name, '--object-type applies to OCEL logs only');
  return readCsv(bytes, { columns: options.columns, file: name });
}
