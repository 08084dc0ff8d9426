import { describe, expect, it } from 'vitest';
import { decodeXml } from './decode';

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('decodeXml', () => {
  const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><bpmn:task name="Prüfen à la carte"/>';

  it('given ISO-8859-1 bytes, UTF-8 decoding (File.text) garbles them (the defect)', () => {
    expect(new TextDecoder('utf-8').decode(latin1(xml))).toContain('Pr\uFFFDfen');
  });

  it('decodes by the declaration and declares UTF-8 in the returned text', () => {
    const decoded = decodeXml(latin1(xml));
    expect(decoded.text).toBe('<?xml version="1.0" encoding="UTF-8"?><bpmn:task name="Prüfen à la carte"/>');
    expect(decoded).toMatchObject({ encoding: 'windows-1252', declared: 'ISO-8859-1' });
  });

  it('decodes windows-1252 (the euro sign is 0x80 there)', () => {
    const bytes = latin1('<?xml version="1.0" encoding="windows-1252"?><a name="5 X"/>');
    bytes[bytes.indexOf(0x58)] = 0x80;
    expect(decodeXml(bytes).text).toContain('name="5 €"');
  });

  it('decodes UTF-8 with or without a BOM, and UTF-16 by its BOM', () => {
    const utf8 = new TextEncoder().encode('\uFEFF<?xml version="1.0" encoding="UTF-8"?><a name="ü"/>');
    expect(decodeXml(utf8).text).toBe('<?xml version="1.0" encoding="UTF-8"?><a name="ü"/>');
    const text = '<?xml version="1.0" encoding="UTF-16"?><a name="ü"/>';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    [...text].forEach((c, i) => utf16.set([c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8], 2 + i * 2));
    expect(decodeXml(utf16)).toMatchObject({ encoding: 'utf-16le', text: '<?xml version="1.0" encoding="UTF-8"?><a name="ü"/>' });
  });

  it('names an encoding it cannot read', () => {
    expect(() => decodeXml(latin1('<?xml version="1.0" encoding="x-klingon"?><a/>'))).toThrow('The file declares the encoding "x-klingon", which this browser cannot read');
  });
});
