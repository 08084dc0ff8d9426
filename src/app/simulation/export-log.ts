import { toOcel, toProsimosCsv, toXes } from '../../simulation';
import type { LogEntry } from '../../simulation';

export type LogFormatChoice = 'csv' | 'xes' | 'ocel';

/** Downloads the simulated log as Prosimos CSV, XES or OCEL 2.0 JSON, named after the file and scenario. */
export function downloadLog(log: readonly LogEntry[], format: LogFormatChoice, baseName: string): void {
  const text = format === 'csv' ? toProsimosCsv(log) : format === 'xes' ? toXes(log, baseName) : toOcel(log, baseName);
  const type = format === 'csv' ? 'text/csv' : format === 'xes' ? 'application/xml' : 'application/json';
  const ext = format === 'ocel' ? 'jsonocel' : format;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${baseName}.${ext}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
