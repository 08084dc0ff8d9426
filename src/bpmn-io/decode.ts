/**
 * Bytes of an XML file to text, decoded by its XML declaration (`encoding="ISO-8859-1"`) or byte
 * order mark, not always as UTF-8 (`File.text()` does that and turns é in a Latin-1 file into
 * U+FFFD). The returned text declares UTF-8, because that is how it will be written again.
 */

// TextDecoder is in every browser and in Node; the pure layer's lib (es2022) does not declare it.
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };

export interface DecodedText {
  text: string;
  /** The encoding used, as TextDecoder names it (`utf-8`, `windows-1252`, `utf-16le`). */
  encoding: string;
  /** The encoding the declaration named, when it named one. */
  declared?: string;
}

/**
 * Decodes `bytes`: a BOM wins, then the declaration's encoding, else UTF-8. An encoding
 * TextDecoder does not know throws an Error naming it.
 *
 * @example
 * decodeXml(latin1Bytes).text; // '<?xml version="1.0" encoding="UTF-8"?><task name="Prüfen"/>'
 */
export function decodeXml(bytes: Uint8Array): DecodedText {
  const bom = sniffBom(bytes);
  const head = asciiHead(bytes, bom === 'utf-16le' || bom === 'utf-16be' ? bom : undefined);
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  const encoding = bom ?? (declared ? declared.toLowerCase() : 'utf-8');
  let decoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new Error(`The file declares the encoding "${declared}", which this browser cannot read`);
  }
  let text = decoder.decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (normalize(encoding) === 'windows-1252') text = text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80] || c);
  if (declared && !/^utf-?8$/i.test(declared)) {
    text = text.replace(/^(\s*<\?xml[^>]*\bencoding\s*=\s*["'])([^"']+)(["'])/, '$1UTF-8$3');
  }
  return { text, encoding: normalize(encoding), ...(declared ? { declared } : {}) };
}

// Browsers decode windows-1252 (and ISO-8859-1, which the Encoding standard maps to it) with these
// characters for 0x80–0x9F; Node without full ICU gives the C1 control characters instead.
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function sniffBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The first bytes as ASCII, enough to read the declaration. */
function asciiHead(bytes: Uint8Array, utf16?: string): string {
  let out = '';
  if (utf16) {
    const little = utf16 === 'utf-16le';
    for (let i = 2; i + 1 < Math.min(bytes.length, 402); i += 2) out += String.fromCharCode(little ? bytes[i] : bytes[i + 1]);
    return out;
  }
  for (let i = 0; i < Math.min(bytes.length, 200); i++) out += String.fromCharCode(bytes[i]);
  return out.replace(/^\u00ef\u00bb\u00bf/, '');
}

function normalize(label: string): string {
  const l = label.toLowerCase();
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'us-ascii' || l === 'ascii') return 'windows-1252';
  return l === 'utf8' ? 'utf-8' : l;
}
