import { deflateSync } from 'fflate';
import { crc32 } from '../crc32';

/** One entry of {@link rawZip}: every field a hostile zip might lie about can be set. */
export interface RawEntry {
  name: string | Uint8Array;
  /** The content (before compression). */
  data?: Uint8Array;
  /** 0 stored (default), 8 deflate. */
  method?: 0 | 8;
  /** Declared uncompressed size (default: the real one). */
  size?: number;
  /** Declared compressed size (default: the real one). */
  compressedSize?: number;
  /** Upper byte of "version made by" (3 = Unix). */
  madeBy?: number;
  externalAttributes?: number;
  /** General purpose flags (default: 0x800, UTF-8 names). */
  flags?: number;
  crc?: number;
}

/**
 * Writes a zip byte by byte from entries as given, without the checks a zip library makes: the
 * hostile corpus needs duplicate names, lying sizes, symlink attributes and odd names.
 *
 * @example
 * rawZip([{ name: '../evil.bpmn', data: bytes }]);
 */
export function rawZip(entries: RawEntry[], options: { declaredCount?: number } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? new TextEncoder().encode(entry.name) : entry.name;
    const data = entry.data ?? new Uint8Array(0);
    const method = entry.method ?? 0;
    const stored = method === 8 ? deflateSync(data) : data;
    const crc = entry.crc ?? crc32(data);
    const size = entry.size ?? data.length;
    const compressedSize = entry.compressedSize ?? stored.length;
    const flags = entry.flags ?? 0x800;
    const local = new Uint8Array(30 + name.length + stored.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressedSize, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(stored, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint8(4, 20);
    cv.setUint8(5, entry.madeBy ?? 0);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressedSize, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, entry.externalAttributes ?? 0, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  const count = options.declaredCount ?? entries.length;
  ev.setUint16(8, Math.min(count, 0xffff), true);
  ev.setUint16(10, Math.min(count, 0xffff), true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, eocd]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
