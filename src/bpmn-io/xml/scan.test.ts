import { describe, expect, it } from 'vitest';
import { applyEdits } from './edit';
import { isLegalId, sanitizeId, uniqueId } from './names';
import { scanXml, textOf, XmlScanError } from './scan';

describe('scanXml', () => {
  const xml = '<?xml version="1.0"?>\n<a:root xmlns:a="urn:a" xmlns="urn:d"><!-- c --><child id="1 2" x=\'&lt;\'>t<![CDATA[<x>]]>&amp;<b/></child></a:root>';

  it('keeps offsets of elements and attribute values, and resolves namespaces', () => {
    const doc = scanXml(xml);
    const child = doc.root.children[0];
    expect([doc.root.uri, child.uri, child.local]).toEqual(['urn:a', 'urn:d', 'child']);
    expect(child.attributes.map((a) => [a.name, a.value])).toEqual([['id', '1 2'], ['x', '<']]);
    const id = child.attributes[0];
    expect(xml.slice(id.valueStart, id.valueEnd)).toBe('1 2');
    expect(xml.slice(child.start, child.end)).toMatch(/^<child[\s\S]*<\/child>$/);
    expect(doc.lineOf(child.start)).toBe(2);
  });

  it('reads an element’s own text with CDATA and entities, not its children’s', () => {
    const doc = scanXml(xml);
    expect(textOf(doc, doc.root.children[0])).toBe('t<x>&');
  });

  it('refuses what is not well-formed, with the offset', () => {
    expect(() => scanXml('<a><b></a>')).toThrow(XmlScanError);
    expect(() => scanXml('<a x="1></a>')).toThrow(/unclosed value/);
  });

  it('applies edits against the original offsets', () => {
    const doc = scanXml(xml);
    const id = doc.root.children[0].attributes[0];
    expect(applyEdits(xml, [{ start: id.valueStart, end: id.valueEnd, text: '_1_2' }])).toContain('id="_1_2"');
  });
});

describe('ids', () => {
  it('knows what moddle accepts and makes legal, unique ids', () => {
    expect([isLegalId('Task_1'), isLegalId('a:b'), isLegalId('1abc'), isLegalId('a b'), isLegalId('é')]).toEqual([true, true, false, false, false]);
    expect(sanitizeId('eventdef-7 days')).toBe('eventdef-7_days');
    expect(sanitizeId('6729bd01')).toBe('_6729bd01');
    const taken = new Set(['x', 'x_2']);
    expect(uniqueId('x', taken)).toBe('x_3');
  });
});
