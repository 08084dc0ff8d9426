import { describe, expect, it } from 'vitest';
import { parseXml, resolveQName, XmlSyntaxError } from './xml-reader';

describe('xml reader', () => {
  it('resolves default and prefixed namespaces, scoped per element', () => {
    const root = parseXml('<?xml version="1.0"?><a xmlns="urn:a" xmlns:b="urn:b"><b:x/><y xmlns="urn:c"><z/></y></a>');
    expect(root).toMatchObject({ name: 'a', ns: 'urn:a' });
    expect(root.children.map((c) => [c.name, c.ns])).toEqual([['x', 'urn:b'], ['y', 'urn:c']]);
    expect(root.children[1]!.children[0]!.ns).toBe('urn:c');
    expect(resolveQName(root, 'b:thing')).toEqual({ ns: 'urn:b', local: 'thing' });
  });

  it('decodes entities and character references, keeps CDATA verbatim and skips comments', () => {
    const root = parseXml(`<t a="x &lt; y &amp; &quot;z&quot;">&lt;= 5 &#65;&#x42;<!-- <not> --><![CDATA[ a < b && c ]]></t>`);
    expect(root.attrs['a']).toBe('x < y & "z"');
    expect(root.text).toBe('<= 5 AB a < b && c ');
  });

  it('reports malformed XML with its line', () => {
    expect(() => parseXml('<a>\n<b>\n</a>')).toThrow(XmlSyntaxError);
    try {
      parseXml('<a>\n<b>\n</a>');
    } catch (e) {
      expect((e as XmlSyntaxError).line).toBe(3);
      expect((e as Error).message).toMatch(/does not match <b>/);
    }
    expect(() => parseXml('<a><b></b>')).toThrow(/unclosed element <a>/);
  });
});
