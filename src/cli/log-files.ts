import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { extname } from 'node:path';
import { LogError, readLog, XesReader, formatOf, type EventLog, type ReadLogOptions } from '../replay';
import { writeCsv } from '../replay/csv-write';
import { writeOcel } from '../replay/ocel-write';
import { xesChunks } from '../replay/xes-write';
import { InputError } from './errors';

/** The formats a log is written in, by the target's name. */
export type LogTarget = 'xes' | 'ocel' | 'csv';

/** The format a log is written in, told by the file name; `allowed` limits it (e.g. `run --log`). */
export function targetOf(name: string, option: string, allowed: readonly LogTarget[] = ['xes', 'ocel', 'csv']): LogTarget {
  const ext = name.toLowerCase().endsWith('.xes.gz') ? '.xes.gz' : extname(name).toLowerCase();
  const target: LogTarget | undefined = ext === '.xes' ? 'xes' : ext === '.jsonocel' ? 'ocel' : ext === '.csv' ? 'csv' : undefined;
  const names: Record<LogTarget, string> = { xes: '.xes (IEEE 1849)', ocel: '.jsonocel (OCEL 2.0 JSON)', csv: '.csv' };
  if (target === undefined || !allowed.includes(target)) throw new InputError(`${option} ${name}: a log is written as ${allowed.map((a) => names[a]).join(', ')}`);
  return target;
}

/**
 * Reads a log file; XES is streamed from disk (a large or gzipped log is never read whole).
 * @throws InputError naming the file and the line or JSON path.
 */
export async function readLogFile(path: string, shown: string, options: ReadLogOptions): Promise<EventLog> {
  try {
    if (formatOf(path) === 'xes' && options.objectType === undefined) {
      const reader = new XesReader(shown);
      await new Promise<void>((resolve, reject) => {
        const stream = createReadStream(path, { highWaterMark: 1 << 20 });
        stream.on('data', (chunk) => {
          try {
            reader.write(chunk as Uint8Array);
          } catch (error) {
            stream.destroy();
            reject(error);
          }
        });
        stream.on('error', reject);
        stream.on('end', resolve);
      });
      return reader.end();
    }
    return readLog(shown, new Uint8Array(await readFile(path)), options);
  } catch (error) {
    if (error instanceof LogError) throw new InputError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new InputError(`cannot read log file ${shown}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    throw error;
  }
}

/**
 * Writes a log in the target's format, beside the target and renamed over it, so a failure never
 * leaves half a file. Returns how many events CSV had no place for.
 */
export async function writeLogFile(path: string, log: EventLog, target: LogTarget, shown: string): Promise<{ skipped: number }> {
  let skipped = 0;
  const chunks = (): Iterable<string> => {
    if (target === 'xes') return xesChunks(log);
    if (target === 'ocel') return [writeOcel(log)];
    const csv = writeCsv(log);
    skipped = csv.skipped;
    return [csv.text];
  };
  await writeAtomic(path, chunks(), shown);
  return { skipped };
}

/** Writes text chunks to `path` through a temporary file renamed over it. */
export async function writeAtomic(path: string, chunks: Iterable<string>, shown: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const file = await open(tmp, 'w');
    try {
      let buffered = '';
      for (const chunk of chunks) {
        buffered += chunk;
        if (buffered.length > 1 << 20) {
          await file.write(buffered);
          buffered = '';
        }
      }
      await file.write(buffered);
    } finally {
      await file.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw new InputError(`cannot write ${shown}: ${(error as Error).message}`);
  }
}
