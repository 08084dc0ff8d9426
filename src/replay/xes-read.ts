import { TextStream } from './bytes';
import type { EventLog } from './model';
import { XES_STRINGS, XesHandler } from './xes-handler';
import { XmlScanner } from './xes-scan';

/** Reading progress: bytes consumed so far, events read. */
export type Progress = (p: { bytes: number; events: number }) => void;

/**
 * Streams an XES (IEEE 1849) log, plain or gzipped, into an {@link EventLog} (what is read:
 * {@link XesHandler}); the XML is tokenized by the hand-written {@link XmlScanner}. Errors name
 * the line.
 *
 * @example
 * const r = new XesReader('log.xes.gz');
 * for await (const chunk of stream) r.write(chunk);
 * const log = r.end();
 */
export class XesReader {
  private readonly handler = new XesHandler();
  private readonly scanner: XmlScanner;
  private readonly text: TextStream;
  private bytes = 0;

  constructor(
    file = 'log',
    private readonly onProgress?: Progress,
  ) {
    this.scanner = new XmlScanner(file, this.handler, XES_STRINGS);
    this.handler.attach(this.scanner);
    this.text = new TextStream((s) => this.scanner.write(s));
  }

  write(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') this.scanner.write(chunk);
    else {
      this.bytes += chunk.length;
      this.text.push(chunk);
    }
    this.onProgress?.({ bytes: this.bytes, events: this.handler.builder.size });
  }

  end(): EventLog {
    this.text.push(new Uint8Array(0), true);
    this.scanner.end();
    return this.handler.finish();
  }
}

/**
 * Reads a whole XES text or byte array (gzip allowed) at once.
 * @example
 * const log = readXes(await file.arrayBuffer().then((b) => new Uint8Array(b)), 'log.xes.gz');
 */
export function readXes(input: Uint8Array | string, file = 'log', onProgress?: Progress): EventLog {
  const r = new XesReader(file, onProgress);
  if (typeof input === 'string') r.write(input);
  else for (let at = 0; at < input.length; at += 1 << 20) r.write(input.subarray(at, Math.min(input.length, at + (1 << 20))));
  return r.end();
}
