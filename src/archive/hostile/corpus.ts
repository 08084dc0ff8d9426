import { sha256Hex } from '../sha256';
import type { ArchiveErrorCode } from '../errors';
import { FORMAT_NAME, FORMAT_VERSION, type ResourceKind } from '../format';
import type { ArchiveLimits } from '../limits';
import { rawZip, type RawEntry } from '../test-support/raw-zip';

/** One hostile archive: how to build it and how it must be refused. */
export interface HostileCase {
  name: string;
  build: () => Uint8Array;
  code: ArchiveErrorCode;
  /** The entry the error must name (`null`: the archive as a whole). */
  entry: string | null;
  /** Limits lowered for this case, so it needs no huge input (the check is the same). */
  limits?: Partial<ArchiveLimits>;
}

const enc = (text: string) => new TextEncoder().encode(text);

export const MINIMAL_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://flowdeck.dev/t">
  <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process>
</bpmn:definitions>
`;

/** A manifest listing `files` with their true hashes and sizes (or what `override` says). */
export function manifestOf(files: Array<{ path: string; kind: ResourceKind; data: Uint8Array }>, override: Record<string, unknown> = {}): Uint8Array {
  const entries = files.map((f) => ({ path: f.path, kind: f.kind, sha256: sha256Hex(f.data), size: f.data.length }));
  return enc(JSON.stringify({ format: FORMAT_NAME, formatVersion: FORMAT_VERSION, project: 'Hostile', createdBy: 'corpus', createdAt: '2026-12-02T00:00:00.000Z', entries, ...override }));
}

/** A zip with a correct manifest for `files` and `extra` raw entries (not in the manifest) after them. */
export function archiveOf(files: Array<{ path: string; kind: ResourceKind; data: Uint8Array } & Partial<RawEntry>>, extra: RawEntry[] = []): Uint8Array {
  return rawZip([{ name: 'manifest.json', data: manifestOf(files) }, ...files.map((f) => ({ ...f, name: f.name ?? f.path })), ...extra]);
}

const bpmn = (path: string, text = MINIMAL_BPMN) => ({ path, kind: 'bpmn' as const, data: enc(text) });
const json = (path: string, kind: ResourceKind, text: string) => ({ path, kind, data: enc(text) });
const MiB = 1024 * 1024;

export const HOSTILE_CASES: HostileCase[] = [
  { name: 'not a zip at all', build: () => enc('<?xml version="1.0"?><x/>'), code: 'notZip', entry: null },
  { name: 'zip bomb: one entry declares 1 GiB', code: 'zipBomb', entry: 'big.bpmn', build: () => archiveOf([bpmn('ok.bpmn')], [{ name: 'big.bpmn', data: enc(MINIMAL_BPMN), size: 1024 * MiB }]) },
  {
    name: 'zip bomb: 8 MiB of zeros deflated ~1000:1 (ratio)', code: 'zipBomb', entry: 'zeros.bpmn',
    build: () => rawZip([{ name: 'zeros.bpmn', data: new Uint8Array(8 * MiB), method: 8 }]),
  },
  {
    name: 'zip bomb: declares 1,000 bytes, inflates to 4 MiB (inflating stops)', code: 'zipBomb', entry: 'liar.bpmn',
    build: () => {
      const data = new Uint8Array(4 * MiB).fill(0x20);
      return rawZip([
        { name: 'manifest.json', data: enc(JSON.stringify({ format: FORMAT_NAME, formatVersion: 1, project: 'H', createdBy: '', createdAt: '2026-12-02T00:00:00Z', entries: [{ path: 'liar.bpmn', kind: 'bpmn', sha256: sha256Hex(data), size: 1000 }] })) },
        { name: 'liar.bpmn', data, method: 8, size: 1000 },
      ]);
    },
  },
  {
    name: 'zip bomb: five entries of 60 MiB declared (total)', code: 'zipBomb', entry: 'e5.bpmn',
    build: () => rawZip([1, 2, 3, 4, 5].map((i) => ({ name: `e${i}.bpmn`, data: enc('x'), size: 60 * MiB, compressedSize: 60 * MiB }))),
  },
  { name: 'too many entries (2,001)', code: 'tooManyEntries', entry: null, build: () => rawZip(Array.from({ length: 2001 }, (_, i) => ({ name: `f${i}.bpmn` }))) },
  { name: 'path traversal ../', code: 'badPath', entry: '../evil.bpmn', build: () => archiveOf([bpmn('../evil.bpmn')]) },
  { name: 'path traversal inside a folder', code: 'badPath', entry: 'models/../../evil.bpmn', build: () => archiveOf([bpmn('models/../../evil.bpmn')]) },
  { name: 'absolute path', code: 'badPath', entry: '/etc/evil.bpmn', build: () => archiveOf([bpmn('/etc/evil.bpmn')]) },
  { name: 'drive letter', code: 'badPath', entry: 'C:/evil.bpmn', build: () => archiveOf([bpmn('C:/evil.bpmn')]) },
  { name: 'backslash traversal', code: 'badPath', entry: '..\\evil.bpmn', build: () => archiveOf([bpmn('..\\evil.bpmn')]) },
  { name: 'NUL in a name', code: 'badPath', entry: 'evil\u0000.bpmn', build: () => archiveOf([bpmn('evil\u0000.bpmn')]) },
  {
    name: 'symbolic link (Unix mode 120777)', code: 'symlink', entry: 'link.bpmn',
    build: () => archiveOf([bpmn('ok.bpmn')], [{ name: 'link.bpmn', data: enc('/etc/passwd'), madeBy: 3, externalAttributes: (0o120777 << 16) >>> 0 }]),
  },
  { name: 'a FIFO (not a regular file)', code: 'unsupported', entry: 'fifo.bpmn', build: () => archiveOf([bpmn('ok.bpmn')], [{ name: 'fifo.bpmn', madeBy: 3, externalAttributes: (0o010644 << 16) >>> 0 }]) },
  { name: 'duplicate name', code: 'duplicate', entry: 'order.bpmn', build: () => archiveOf([bpmn('order.bpmn')], [{ name: 'order.bpmn', data: enc(MINIMAL_BPMN) }]) },
  { name: 'duplicate name, case-folded', code: 'duplicate', entry: 'ORDER.bpmn', build: () => archiveOf([bpmn('order.bpmn')], [{ name: 'ORDER.bpmn', data: enc(MINIMAL_BPMN) }]) },
  { name: 'duplicate manifest', code: 'duplicate', entry: 'manifest.json', build: () => archiveOf([bpmn('order.bpmn')], [{ name: 'manifest.json', data: enc('{}') }]) },
  {
    name: 'oversized XML', code: 'xmlTooLarge', entry: 'huge.bpmn', limits: { maxXmlBytes: 64 * 1024 },
    build: () => archiveOf([bpmn('huge.bpmn', MINIMAL_BPMN.replace('<bpmn:process', `<!-- ${'x'.repeat(70 * 1024)} --><bpmn:process`))]),
  },
  {
    name: 'XML entity expansion (billion laughs)', code: 'xmlDoctype', entry: 'laughs.bpmn',
    build: () => archiveOf([bpmn('laughs.bpmn', `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol2;</bpmn:definitions>`)]),
  },
  {
    name: 'XML external entity (file:///etc/passwd)', code: 'xmlDoctype', entry: 'xxe.dmn',
    build: () => archiveOf([{ path: 'xxe.dmn', kind: 'dmn', data: enc('<?xml version="1.0"?>\n<!doctype d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<definitions>&xxe;</definitions>') }]),
  },
  { name: 'XML in another encoding', code: 'badXml', entry: 'latin.bpmn', build: () => archiveOf([bpmn('latin.bpmn', MINIMAL_BPMN.replace('UTF-8', 'ISO-8859-1'))]) },
  { name: 'JSON with __proto__', code: 'jsonPrototypeKey', entry: 'tests/p.scenario.json', build: () => archiveOf([json('tests/p.scenario.json', 'scenario', '{"model":"a.bpmn","variables":{"__proto__":{"isAdmin":true}}}')]) },
  { name: 'JSON with constructor', code: 'jsonPrototypeKey', entry: 'forms/f.form', build: () => archiveOf([json('forms/f.form', 'form', '{"id":"f","components":[{"constructor":{"prototype":{}}}]}')]) },
  { name: 'JSON with prototype', code: 'jsonPrototypeKey', entry: 't.cpt.json', build: () => archiveOf([json('t.cpt.json', 'cpt', '{"testCases":[],"prototype":1}')]) },
  { name: 'JSON nested 100,000 deep', code: 'jsonTooDeep', entry: 'deep.scenario.json', build: () => archiveOf([json('deep.scenario.json', 'scenario', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)]) },
  { name: 'engine data with __proto__', code: 'jsonPrototypeKey', entry: 'data/instances.json', build: () => archiveOf([json('data/instances.json', 'instances', '{"instances":[{"__proto__":null}]}')]) },
  { name: 'manifest with __proto__', code: 'jsonPrototypeKey', entry: 'manifest.json', build: () => rawZip([{ name: 'manifest.json', data: enc('{"format":"flowdeck-archive","__proto__":{"formatVersion":1}}') }]) },
  {
    name: 'non-UTF-8 text (Latin-1 é)', code: 'notUtf8', entry: 'latin1.bpmn',
    build: () => {
      const data = enc(MINIMAL_BPMN.replace('id="s"', 'id="s" name="Caf?"'));
      data[data.lastIndexOf(0x3f)] = 0xe9;
      return archiveOf([{ path: 'latin1.bpmn', kind: 'bpmn', data }]);
    },
  },
  { name: 'UTF-16 surrogate encoded in UTF-8 (CESU)', code: 'notUtf8', entry: 'cesu.dmn', build: () => archiveOf([{ path: 'cesu.dmn', kind: 'dmn', data: new Uint8Array([0x3c, 0x61, 0xed, 0xa0, 0x80, 0x2f, 0x3e]) }]) },
  { name: 'entry name not marked UTF-8', code: 'notUtf8', entry: 'caf\u00e9.bpmn', build: () => archiveOf([bpmn('ok.bpmn')], [{ name: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x62, 0x70, 0x6d, 0x6e]), flags: 0 }]) },
  { name: 'newer format version', code: 'newerFormat', entry: 'manifest.json', build: () => rawZip([{ name: 'manifest.json', data: manifestOf([], { formatVersion: FORMAT_VERSION + 1, entries: [{ path: 'x', future: true }] }) }]) },
  { name: 'no manifest', code: 'missingManifest', entry: 'manifest.json', build: () => rawZip([{ name: 'order.bpmn', data: enc(MINIMAL_BPMN) }]) },
  { name: 'another zip with a manifest.json', code: 'badManifest', entry: 'manifest.json', build: () => rawZip([{ name: 'manifest.json', data: enc('{"name":"some-npm-package"}') }]) },
  { name: 'manifest field of the wrong type', code: 'badManifest', entry: 'manifest.json', build: () => rawZip([{ name: 'manifest.json', data: manifestOf([], { project: 42 }) }]) },
  { name: 'manifest lists a traversal path', code: 'badManifest', entry: '../x.bpmn', build: () => rawZip([{ name: 'manifest.json', data: manifestOf([bpmn('../x.bpmn')]) }]) },
  { name: 'an entry the manifest does not list', code: 'unlisted', entry: 'smuggled.bpmn', build: () => archiveOf([bpmn('order.bpmn')], [{ name: 'smuggled.bpmn', data: enc(MINIMAL_BPMN) }]) },
  { name: 'a listed entry that is missing', code: 'missingEntry', entry: 'gone.bpmn', build: () => rawZip([{ name: 'manifest.json', data: manifestOf([bpmn('gone.bpmn')]) }]) },
  {
    name: 'content changed after packing (hash)', code: 'hashMismatch', entry: 'order.bpmn',
    build: () => rawZip([{ name: 'manifest.json', data: manifestOf([bpmn('order.bpmn')]) }, { name: 'order.bpmn', data: enc(MINIMAL_BPMN.replace('id="s"', 'id="t"')) }]),
  },
  { name: 'CRC-32 wrong', code: 'corrupt', entry: 'order.bpmn', build: () => archiveOf([{ ...bpmn('order.bpmn'), crc: 1234 }]) },
  { name: 'encrypted entry', code: 'unsupported', entry: 'order.bpmn', build: () => archiveOf([{ ...bpmn('order.bpmn'), flags: 0x801 }]) },
];
