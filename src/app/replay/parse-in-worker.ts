import type { EventLog } from '../../replay';
import type { ParseMessage, ParseRequest } from '../../../workers/log-parse.worker';

/**
 * Parses a log file in a module worker (workers/log-parse.worker.ts), reporting progress as a
 * fraction of the bytes read; the worker ends when done.
 *
 * @example
 * const log = await parseInWorker(file, { objectType: 'order' }, (p) => setProgress(p));
 */
export async function parseInWorker(file: File, options: Omit<ParseRequest, 'name' | 'bytes'>, onProgress: (fraction: number) => void): Promise<EventLog> {
  const bytes = await file.arrayBuffer();
  const worker = new Worker(new URL('../../../workers/log-parse.worker.ts', import.meta.url), { type: 'module', name: 'flowdeck-log-parse' });
  try {
    return await new Promise<EventLog>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<ParseMessage>) => {
        const m = e.data;
        if (m.type === 'progress') onProgress(m.total > 0 ? m.bytes / m.total : 1);
        else if (m.type === 'done') resolve(m.log);
        else reject(new Error(m.message));
      };
      worker.onerror = (e) => reject(new Error(`the log reader stopped: ${e.message}`));
      worker.postMessage({ name: file.name, bytes, ...options } satisfies ParseRequest, [bytes]);
    });
  } finally {
    worker.terminate();
  }
}
