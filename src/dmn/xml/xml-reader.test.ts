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
      expect((e as Error).message).toMatch(/unexpected close tag \(line 3\)/);
    }
    expect(() => parseXml('<a><b></b>')).toThrow(/unclosed tag: a/);
    expect(() => parseXml('<a b="1"\n  b="2"/>')).toThrow(/duplicate attribute: b \(line 2\)/);
    expect(() => parseXml('<a/>\n<b/>')).toThrow(/only one root \(line 2\)/);
  });

  it('gives elements the line of their start tag, also when the tag spans lines', () => {
    const root = parseXml('<a>\n  <b\n    x="1"\n  />\n  <c/>\n</a>');
    expect(root.children.map((c) => [c.name, c.line])).toEqual([['b', 2], ['c', 5]]);
  });

  it('refuses DOCTYPE declarations, so no entity can be declared or expanded', () => {
    const laughs = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<lolz>&lol2;</lolz>';
    expect(() => parseXml(laughs)).toThrow(/DOCTYPE declarations are not accepted .*\(line 2\)/);
    const external = '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><d>&xxe;</d>';
    expect(() => parseXml(external)).toThrow(XmlSyntaxError);
    expect(() => parseXml('<!DOCTYPE definitions>\n<definitions/>')).toThrow(/DOCTYPE/);
  });

  it('refuses entities other than the predefined five, naming the line', () => {
    expect(() => parseXml('<a>\n&nbsp;</a>')).toThrow(/undefined entity \(line 2\)/);
    expect(() => parseXml('<a x="&foo;"/>')).toThrow(/undefined entity/);
  });
});
