import { ArchiveError } from './errors';
import type { ArchiveLimits } from './limits';

const UTF8 = new TextDecoder('utf-8');

/** The entry's bytes as text (a leading BOM dropped). @throws ArchiveError `notUtf8` naming the entry and the byte offset. */
export function decodeUtf8(entry: string, bytes: Uint8Array): string {
  const bad = firstBadByte(bytes);
  if (bad >= 0) throw new ArchiveError('notUtf8', entry, `is not UTF-8 text (byte 0x${bytes[bad].toString(16).padStart(2, '0')} at offset ${bad})`);
  return UTF8.decode(bytes);
}

/**
 * Refuses XML that Flowdeck will not parse from an archive: too large, a DOCTYPE (entity
 * expansion, external entities: BPMN and DMN need none), or an encoding other than UTF-8.
 */
export function checkXml(entry: string, text: string, limits: Pick<ArchiveLimits, 'maxXmlBytes'>): void {
  if (text.length > limits.maxXmlBytes) throw new ArchiveError('xmlTooLarge', entry, `is ${text.length} characters of XML (at most ${limits.maxXmlBytes})`);
  const doctype = /<!(DOCTYPE|ENTITY)\b/i.exec(text);
  if (doctype) {
    const line = text.slice(0, doctype.index).split('\n').length;
    throw new ArchiveError('xmlDoctype', entry, `has a <!${doctype[1].toUpperCase()}> declaration (line ${line}); entity declarations are refused`);
  }
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('<')) throw new ArchiveError('badXml', entry, 'is not XML (it does not start with "<")');
  const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(body);
  if (declared && !/^utf-?8$/i.test(declared[1])) throw new ArchiveError('badXml', entry, `declares encoding "${declared[1]}"; archive entries are UTF-8`);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses a JSON entry and walks it (without recursion) refusing keys that pollute prototypes when
 * the value is later merged, and nesting deeper than the limit.
 */
export function parseJsonEntry(entry: string, text: string, limits: Pick<ArchiveLimits, 'maxJsonDepth'>): unknown {
  checkJsonDepth(entry, text, limits.maxJsonDepth);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ArchiveError('badJson', entry, `is not valid JSON (${(error as Error).message})`);
  }
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]` }));
      continue;
    }
    for (const key of Object.keys(node)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) throw new ArchiveError('jsonPrototypeKey', entry, `has the key "${key}" (at ${at}); __proto__, constructor and prototype are refused`);
      stack.push({ value: (node as Record<string, unknown>)[key], path: at });
    }
  }
  return value;
}

// Counted on the text before parsing: JSON.parse of very deep nesting can exhaust the stack.
function checkJsonDepth(entry: string, text: string, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) throw new ArchiveError('jsonTooDeep', entry, `nests objects and arrays deeper than ${maxDepth}`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/** Offset of the first byte that is not part of well-formed UTF-8 (Unicode 15, table 3-7), or -1. */
export function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}
