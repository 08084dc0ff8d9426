import { Gunzip, strToU8 } from 'fflate';
import type { EventLog } from './model';
import { XES_STRINGS, XesHandler } from './xes-handler';
import { XmlScanner } from './xes-scan';

/** Reading progress: bytes consumed so far, events read. */
export type Progress = (p: { bytes: number; events: number }) => void;

/**
 * Streams an XES (IEEE 1849) log, plain or gzipped (told by its first two bytes, inflated as it
 * streams), into an {@link EventLog} (what is read: {@link XesHandler}); the bytes are scanned
 * as they are by the hand-written {@link XmlScanner}, which decodes only the values it keeps.
 * Errors name the line.
 *
 * @example
 * const r = new XesReader('log.xes.gz');
 * for await (const chunk of stream) r.write(chunk);
 * const log = r.end();
 */
export class XesReader {
  private readonly handler = new XesHandler();
  private readonly scanner: XmlScanner;
  private gunzip: Gunzip | null = null;
  /** The first bytes, until there are two to tell gzip by. */
  private head: Uint8Array | null = new Uint8Array(0);
  /** A string chunk's last high surrogate, waiting for its pair. */
  private surrogate = '';
  private bytes = 0;

  constructor(
    file = 'log',
    private readonly onProgress?: Progress,
  ) {
    this.scanner = new XmlScanner(file, this.handler, XES_STRINGS);
    this.handler.attach(this.scanner);
  }

  /** Bytes (plain or gzip) or text (pieces may end anywhere, also between the halves of a surrogate pair). */
  write(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') {
      let text = this.surrogate + chunk;
      const last = text.charCodeAt(text.length - 1);
      this.surrogate = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : '';
      if (this.surrogate !== '') text = text.slice(0, -1);
      this.scanner.write(strToU8(text));
    } else {
      this.bytes += chunk.length;
      this.push(chunk, false);
    }
    this.onProgress?.({ bytes: this.bytes, events: this.handler.builder.size });
  }

  private push(chunk: Uint8Array, final: boolean): void {
    if (this.head !== null) {
      const head = joined(this.head, chunk);
      if (head.length < 2 && !final) {
        this.head = head;
        return;
      }
      this.head = null;
      if (head[0] === 0x1f && head[1] === 0x8b) this.gunzip = new Gunzip((data) => this.scanner.write(data));
      chunk = head;
    }
    if (this.gunzip) this.gunzip.push(chunk, final);
    else if (chunk.length > 0) this.scanner.write(chunk);
  }

  end(): EventLog {
    if (this.surrogate !== '') this.scanner.write(strToU8(this.surrogate));
    this.push(new Uint8Array(0), true);
    this.scanner.end();
    return this.handler.finish();
  }
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
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
