/**
 * Reads TCK test files (testCases.xsd): input nodes, result nodes and their typed expected values.
 * Values stay as a neutral tree here; `values.ts` turns them into FEEL values.
 */
import { parseXml, type XmlElement } from '../xml/xml-reader';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** A value as written in a test file. */
export type TckValue =
  | { kind: 'nil' }
  | { kind: 'simple'; type: string | undefined; text: string }
  | { kind: 'list'; items: TckValue[] }
  | { kind: 'context'; entries: { name: string; value: TckValue }[] };

export interface TckInputNode {
  name: string;
  namespace?: string;
  value: TckValue;
}

export interface TckResultNode {
  name: string;
  namespace?: string;
  type?: string;
  errorResult: boolean;
  expected: TckValue | undefined;
}

export interface TckTestCase {
  id: string;
  type: 'decision' | 'bkm' | 'decisionService';
  invocableName?: string;
  description?: string;
  inputs: TckInputNode[];
  results: TckResultNode[];
}

export interface TckTestFile {
  modelName?: string;
  testCases: TckTestCase[];
}

/**
 * Parses one `*-test-NN.xml` file; throws when it is not XML or its root is not `<testCases>`.
 *
 * @example
 * const file = readTestFile(xml);
 * file.testCases[0].results[0].expected;
 */
export function readTestFile(xml: string): TckTestFile {
  const root = parseXml(xml);
  if (root.name !== 'testCases') throw new Error(`line ${root.line}: the root element is <${root.name}>; a DMN TCK test-case file has <testCases>`);
  const modelName = root.children.find((c) => c.name === 'modelName')?.text.trim();
  const testCases = root.children.filter((c) => c.name === 'testCase').map((tc) => {
    const type = (tc.attrs['type'] ?? 'decision') as TckTestCase['type'];
    return {
      id: tc.attrs['id'] ?? '',
      type,
      invocableName: tc.attrs['invocableName'],
      description: tc.children.find((c) => c.name === 'description')?.text.trim(),
      inputs: tc.children.filter((c) => c.name === 'inputNode').map((n) => ({
        name: n.attrs['name'] ?? '',
        namespace: n.attrs['namespace'],
        value: readValue(n),
      })),
      results: tc.children.filter((c) => c.name === 'resultNode').map((n) => {
        const expected = n.children.find((c) => c.name === 'expected');
        return {
          name: n.attrs['name'] ?? '',
          namespace: n.attrs['namespace'],
          type: n.attrs['type'],
          errorResult: n.attrs['errorResult'] === 'true',
          expected: expected ? readValue(expected) : undefined,
        };
      }),
    };
  });
  return { modelName, testCases };
}

function isNil(el: XmlElement): boolean {
  for (const [k, v] of Object.entries(el.attrs)) {
    if (v === 'true' && k.endsWith(':nil') && el.nsScope[k.slice(0, k.indexOf(':'))] === XSI) return true;
  }
  return false;
}

function xsiType(el: XmlElement): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) {
    if (k.endsWith(':type') && el.nsScope[k.slice(0, k.indexOf(':'))] === XSI) {
      const colon = v.indexOf(':');
      return colon < 0 ? v : v.slice(colon + 1);
    }
  }
  return undefined;
}

/** Reads a valueType element (inputNode, expected, component, item). */
export function readValue(el: XmlElement): TckValue {
  if (isNil(el)) return { kind: 'nil' };
  const value = el.children.find((c) => c.name === 'value');
  if (value) {
    if (isNil(value)) return { kind: 'nil' };
    return { kind: 'simple', type: xsiType(value), text: value.text };
  }
  const list = el.children.find((c) => c.name === 'list');
  if (list) {
    if (isNil(list)) return { kind: 'nil' };
    return { kind: 'list', items: list.children.filter((c) => c.name === 'item').map(readValue) };
  }
  const components = el.children.filter((c) => c.name === 'component');
  if (components.length > 0) {
    return { kind: 'context', entries: components.map((c) => ({ name: c.attrs['name'] ?? '', value: readValue(c) })) };
  }
  return { kind: 'nil' };
}

/** True when the value is, or only contains, nil (the TCK's "null-only" expectation). */
export function isNullOnly(v: TckValue | undefined): boolean {
  return v === undefined || v.kind === 'nil';
}
