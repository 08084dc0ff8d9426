import { describe, expect, it } from 'vitest';
import { Decimal, FeelContext } from '../../feel';
import { parseXml } from '../../dmn/xml/xml-reader';
import { readTestFile, readValue } from './test-file';
import { compare, toFeel } from './values';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"';
const value = (inner: string) => readValue(parseXml(`<expected ${XSI}>${inner}</expected>`));

describe('TCK value comparison', () => {
  it('numbers match within 1e-8', () => {
    const expected = value('<value xsi:type="xsd:decimal">0.333333333333</value>');
    expect(compare(expected, new Decimal(1).div(3))).toBeUndefined();
    expect(compare(expected, new Decimal('0.3334'))).toMatch(/expected 0.333333333333, got 0.3334/);
    expect(compare(expected, '0.333333333333')).toMatch(/expected/);
  });

  it('nil expects null; lists compare in order; contexts by key without extra entries', () => {
    expect(compare(value('<value xsi:nil="true"/>'), null)).toBeUndefined();
    expect(compare(value('<value xsi:nil="true"/>'), 'x')).toMatch(/expected null/);
    const list = value('<list><item><value xsi:type="xsd:string">a</value></item><item><value xsi:type="xsd:string">b</value></item></list>');
    expect(compare(list, ['a', 'b'])).toBeUndefined();
    expect(compare(list, ['b', 'a'])).toMatch(/result\[0\]/);
    const ctx = value('<component name="n"><value xsi:type="xsd:decimal">1</value></component>');
    expect(compare(ctx, new FeelContext(new Map([['n', new Decimal(1)]])))).toBeUndefined();
    expect(compare(ctx, new FeelContext(new Map([['n', new Decimal(1)], ['m', null]])))).toMatch(/unexpected entries m/);
  });

  it('temporal values compare by value and kind', () => {
    const date = value('<value xsi:type="xsd:date">2024-02-29</value>');
    expect(compare(date, toFeel(value('<value xsi:type="xsd:date">2024-02-29</value>')))).toBeUndefined();
    expect(compare(date, toFeel(value('<value xsi:type="xsd:dateTime">2024-02-29T00:00:00</value>')))).toBeDefined();
    const duration = value('<value xsi:type="xsd:duration">P1D</value>');
    expect(compare(duration, toFeel(value('<value xsi:type="xsd:duration">PT24H</value>')))).toBeUndefined();
  });

  it('reads test cases with typed inputs, namespaces, error results and decision service invocations', () => {
    const file = readTestFile(`<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase" ${XSI}>
      <modelName>m.dmn</modelName>
      <testCase id="1" type="decisionService" invocableName="svc">
        <inputNode name="a" namespace="urn:x"><value xsi:type="xsd:boolean">true</value></inputNode>
        <resultNode name="r" errorResult="true"><expected><value xsi:nil="true"/></expected></resultNode>
      </testCase>
      <!-- <testCase id="commented"/> -->
    </testCases>`);
    expect(file.modelName).toBe('m.dmn');
    expect(file.testCases).toHaveLength(1);
    expect(file.testCases[0]).toMatchObject({ id: '1', type: 'decisionService', invocableName: 'svc', inputs: [{ name: 'a', namespace: 'urn:x' }] });
    expect(toFeel(file.testCases[0]!.inputs[0]!.value)).toBe(true);
    expect(file.testCases[0]!.results[0]).toMatchObject({ errorResult: true, expected: { kind: 'nil' } });
  });
});
