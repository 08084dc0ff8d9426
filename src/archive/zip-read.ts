import { Inflate } from 'fflate';
import { crc32 } from './crc32';
import { ArchiveError } from './errors';
import type { ArchiveLimits } from './limits';
import { firstBadByte } from './text-checks';

/** One entry of the zip's central directory, as declared (nothing inflated yet). */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** What the zip claims; the inflated size is checked against it. */
  size: number;
  /** Upper byte of "version made by": 3 = Unix, 19 = macOS (external attributes hold a mode). */
  madeBy: number;
  externalAttributes: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8');

/**
 * Reads the central directory of a zip. The entry count is checked against the limit before a
 * single entry is read; names must be UTF-8 (the general purpose flag bit 11, or plain ASCII).
 *
 * @throws ArchiveError `notZip`, `tooManyEntries`, `unsupported` (zip64, multi-disk), `corrupt`.
 */
export function readCentralDirectory(bytes: Uint8Array, limits: Pick<ArchiveLimits, 'maxEntries'>): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new ArchiveError('notZip', null, 'is not a zip file (no end of central directory record)');
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) throw new ArchiveError('unsupported', null, 'is a zip64 archive (larger than Flowdeck archives can be)');
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) throw new ArchiveError('unsupported', null, 'is a multi-disk zip');
  const count = view.getUint16(eocd + 10, true);
  if (count > limits.maxEntries) throw new ArchiveError('tooManyEntries', null, `has ${count} entries (at most ${limits.maxEntries})`);
  const size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset + size > eocd) throw new ArchiveError('corrupt', null, 'has a central directory outside the file');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > eocd || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) throw new ArchiveError('corrupt', null, `has a broken central directory at entry ${i + 1}`);
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const rawName = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const name = decodeName(rawName, flags, i);
    entries.push({
      name,
      flags,
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      madeBy: view.getUint8(offset + 5),
      externalAttributes: view.getUint32(offset + 38, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** True when the entry's external attributes say it is a symbolic link (Unix mode S_IFLNK). */
export function isSymlink(entry: ZipEntry): boolean {
  return (entry.madeBy === 3 || entry.madeBy === 19) && ((entry.externalAttributes >>> 16) & 0o170000) === 0o120000;
}

/** True for a directory entry (a name ending in `/`, or the DOS directory attribute). */
export function isDirectory(entry: ZipEntry): boolean {
  return entry.name.endsWith('/') || (entry.externalAttributes & 0x10) !== 0;
}

/**
 * Inflates one entry, never producing more than `budget` bytes: the compressed data is fed in
 * small chunks and inflating stops as soon as the output passes the budget or the declared size,
 * whatever the headers claimed. Checks the CRC-32.
 *
 * @throws ArchiveError `zipBomb` past the budget, `corrupt` on bad data, `unsupported` for encryption or a method other than stored/deflate.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array {
  if (entry.flags & 0x1) throw new ArchiveError('unsupported', entry.name, 'is encrypted');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw new ArchiveError('corrupt', entry.name, 'has no local file header where the directory says');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ArchiveError('corrupt', entry.name, 'ends past the end of the file');
  const compressed = bytes.subarray(start, end);
  const limit = Math.min(budget, entry.size);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (compressed.length > limit) throw overBudget(entry, budget);
    data = compressed.slice();
  } else if (entry.method === 8) {
    data = boundedInflate(compressed, entry, limit, budget);
  } else {
    throw new ArchiveError('unsupported', entry.name, `uses compression method ${entry.method} (only stored and deflate are read)`);
  }
  if (data.length !== entry.size) throw new ArchiveError('corrupt', entry.name, `inflates to ${data.length} bytes, the zip says ${entry.size}`);
  if (crc32(data) !== entry.crc) throw new ArchiveError('corrupt', entry.name, 'fails its CRC-32 check');
  return data;
}

const CHUNK = 16 * 1024;

function boundedInflate(compressed: Uint8Array, entry: ZipEntry, limit: number, budget: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw overBudget(entry, budget);
    parts.push(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < compressed.length && !done; i += CHUNK) {
      inflate.push(compressed.subarray(i, i + CHUNK), i + CHUNK >= compressed.length);
    }
    if (compressed.length === 0) inflate.push(compressed, true);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('corrupt', entry.name, `has broken deflate data (${(error as Error).message})`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function overBudget(entry: ZipEntry, budget: number): ArchiveError {
  return entry.size <= budget
    ? new ArchiveError('zipBomb', entry.name, `inflates to more than the ${entry.size} bytes the zip declares (stopped inflating)`)
    : new ArchiveError('zipBomb', entry.name, `inflates past the size limit of ${budget} bytes (stopped inflating)`);
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

function decodeName(raw: Uint8Array, flags: number, index: number): string {
  const utf8Flag = (flags & 0x800) !== 0;
  const ascii = raw.every((b) => b < 0x80);
  if (!utf8Flag && !ascii) {
    // Not flagged UTF-8: the zip means IBM code page 437; shown as Latin-1 only to name it.
    throw new ArchiveError('notUtf8', LATIN1.decode(raw), `entry ${index + 1} has a name that is not marked UTF-8`);
  }
  const bad = firstBadByte(raw);
  if (bad >= 0) throw new ArchiveError('notUtf8', LATIN1.decode(raw), `entry ${index + 1} has a name that is not UTF-8`);
  return UTF8.decode(raw);
}
