/// <reference lib="webworker" />
// Parses an event log file off the main thread (src/replay readers) and posts progress while it
// reads; the log's columns go back as transferred buffers. Thin: the parsing is src/replay's.
import { formatOf, LogError, readLog, XesReader, type CsvColumns, type EventLog } from '../src/replay';

export interface ParseRequest {
  name: string;
  bytes: ArrayBuffer;
  objectType?: string;
  columns?: Partial<CsvColumns>;
}

export type ParseMessage =
  | { type: 'progress'; bytes: number; total: number; events: number }
  | { type: 'done'; log: EventLog }
  | { type: 'error'; message: string };

const post = (m: ParseMessage, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = (e: MessageEvent<ParseRequest>) => {
  const { name, bytes, objectType, columns } = e.data;
  const data = new Uint8Array(bytes);
  try {
    let log: EventLog;
    if (formatOf(name, data) === 'xes') {
      const reader = new XesReader(name);
      const step = 1 << 20;
      for (let at = 0; at < data.length; at += step) {
        reader.write(data.subarray(at, Math.min(data.length, at + step)));
        post({ type: 'progress', bytes: Math.min(data.length, at + step), total: data.length, events: 0 });
      }
      log = reader.end();
    } else log = readLog(name, data, { objectType, columns });
    post({ type: 'done', log }, [log.caseOf.buffer, log.activityOf.buffer, log.lifecycleOf.buffer, log.timeOf.buffer, log.resourceOf.buffer]);
  } catch (error) {
    post({ type: 'error', message: error instanceof LogError ? error.message : `the log could not be read: ${(error as Error).message}` });
  }
};
