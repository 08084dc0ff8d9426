import { DecodeUTF8, Gunzip } from 'fflate';

/**
 * Turns byte chunks (plain or gzipped, told by the first two bytes) into text chunks, streaming:
 * a gzipped XES of a million events never exists whole as text.
 *
 * @example
 * const text = new TextStream((s) => parser.write(s));
 * text.push(chunk); text.push(last, true);
 */
export class TextStream {
  private readonly decoder: DecodeUTF8;
  private gunzip: Gunzip | null = null;
  private decided = false;
  /** True once the input was seen to be gzip. */
  gzipped = false;

  constructor(onText: (text: string) => void) {
    this.decoder = new DecodeUTF8((s) => {
      if (s.length > 0) onText(s);
    });
  }

  push(chunk: Uint8Array, final = false): void {
    if (!this.decided && chunk.length >= 2) {
      this.decided = true;
      if (chunk[0] === 0x1f && chunk[1] === 0x8b) {
        this.gzipped = true;
        this.gunzip = new Gunzip((data, last) => this.decoder.push(data, last));
      }
    }
    if (this.gunzip) this.gunzip.push(chunk, final);
    else this.decoder.push(chunk, final);
  }
}

/** Whether bytes start like gzip. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Text of a whole input (gunzipped when it is gzip). */
export function textOf(input: Uint8Array | string): string {
  if (typeof input === 'string') return input;
  let out = '';
  const s = new TextStream((t) => (out += t));
  s.push(input, true);
  return out;
}
