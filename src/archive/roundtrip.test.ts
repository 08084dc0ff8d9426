import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveError, packArchive, readArchive, sha256Hex, validateArchiveModels, type ArchiveFileInput } from './index';
import { crc32 } from './crc32';

const EXAMPLES = join(import.meta.dirname, '../../docs/examples');
const example = (path: string): ArchiveFileInput => ({ path, content: readFileSync(join(EXAMPLES, path)) });

describe('packArchive and readArchive', () => {
  it('given the pricing example (BPMN, DMN, scenarios) and engine data, when packed and read, then every file comes back byte for byte with its hash', async () => {
    const files = [example('pricing/pricing.bpmn'), example('pricing/discount.dmn'), example('pricing/gold-discount.scenario.json'), { ...example('shipment/shipment.cpt.json') }];
    files[0].deployedVersion = 3;
    const data = { instances: { instances: [{ id: 'i-1' }] }, history: [{ type: 'started' }] };

    const bytes = packArchive({ project: 'Pricing', createdBy: 'ada', createdAt: new Date('2026-12-02T04:00:00Z'), files, data });
    const contents = readArchive(bytes);

    expect(contents.manifest).toMatchObject({ format: 'flowdeck-archive', formatVersion: 1, project: 'Pricing', createdBy: 'ada', createdAt: '2026-12-02T04:00:00.000Z' });
    expect(contents.files.map((f) => [f.path, f.kind])).toEqual([
      ['pricing/pricing.bpmn', 'bpmn'], ['pricing/discount.dmn', 'dmn'], ['pricing/gold-discount.scenario.json', 'scenario'], ['shipment/shipment.cpt.json', 'cpt'],
    ]);
    for (const [i, file] of contents.files.entries()) {
      const original = files[i].content as Uint8Array;
      expect(Buffer.from(file.bytes).equals(Buffer.from(original))).toBe(true);
      expect(file.sha256).toBe(createHash('sha256').update(original).digest('hex'));
      expect(file.text).toBe(Buffer.from(original).toString('utf8'));
    }
    expect(contents.files[0].deployedVersion).toBe(3);
    expect(contents.data).toEqual(data);
    expect(await validateArchiveModels(contents)).toEqual([]);
  });

  it('given the same input twice, when packed, then the bytes are identical (the zip times come from createdAt)', () => {
    const input = { project: 'P', createdAt: new Date('2026-01-01T00:00:00Z'), files: [example('order/order.bpmn')] };
    expect(Buffer.from(packArchive(input)).equals(Buffer.from(packArchive(input)))).toBe(true);
  });

  it('given a file whose kind cannot be told from its name, when packed, then it is refused naming the file', () => {
    expect(() => packArchive({ project: 'P', files: [{ path: 'notes.txt', content: 'hi' }] })).toThrow(/notes\.txt: is not a kind of file/);
  });

  it('given two files whose names differ only in case, when packed, then the second is refused as a duplicate', () => {
    const xml = readFileSync(join(EXAMPLES, 'order/order.bpmn'), 'utf8');
    const attempt = () => packArchive({ project: 'P', files: [{ path: 'a/Order.bpmn', content: xml }, { path: 'a/order.bpmn', content: xml }] });
    expect(attempt).toThrow(ArchiveError);
    expect(attempt).toThrow(/a\/order\.bpmn: is given twice/);
  });
});

describe('sha256Hex and crc32', () => {
  it('given the FIPS test vectors and random lengths around block edges, then they equal Node\'s', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (const n of [55, 56, 63, 64, 65, 119, 120, 1000, 100_000]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
