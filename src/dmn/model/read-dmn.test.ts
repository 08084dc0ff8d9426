import { describe, expect, it } from 'vitest';
import { compileDmn, evaluateDecision, parseDmn } from '../index';

const table = (ns: string, typeRefs: { input: string; output: string }) => `<?xml version="1.0" encoding="UTF-8"?>
<dmn:definitions xmlns:dmn="${ns}" xmlns:feel="http://www.omg.org/spec/FEEL/20140401" id="defs" name="versions" namespace="urn:versions">
  <dmn:inputData id="i" name="Age"><dmn:variable name="Age" typeRef="${typeRefs.input}"/></dmn:inputData>
  <dmn:decision id="d" name="Adult">
    <dmn:variable name="Adult" typeRef="${typeRefs.output}"/>
    <dmn:informationRequirement><dmn:requiredInput href="#i"/></dmn:informationRequirement>
    <dmn:decisionTable id="t" hitPolicy="FIRST">
      <dmn:input id="in"><dmn:inputExpression typeRef="${typeRefs.input}"><dmn:text>Age</dmn:text></dmn:inputExpression></dmn:input>
      <dmn:output id="out" typeRef="${typeRefs.output}"/>
      <dmn:rule id="r1"><dmn:inputEntry><dmn:text>&gt;= 18</dmn:text></dmn:inputEntry><dmn:outputEntry><dmn:text>true</dmn:text></dmn:outputEntry></dmn:rule>
      <dmn:rule id="r2"><dmn:inputEntry><dmn:text>-</dmn:text></dmn:inputEntry><dmn:outputEntry><dmn:text>false</dmn:text></dmn:outputEntry></dmn:rule>
    </dmn:decisionTable>
  </dmn:decision>
</dmn:definitions>`;

describe('reading DMN 1.1 to 1.5', () => {
  const versions: [string, string, { input: string; output: string }][] = [
    ['1.1', 'http://www.omg.org/spec/DMN/20151101/dmn.xsd', { input: 'feel:number', output: 'feel:boolean' }],
    ['1.2', 'http://www.omg.org/spec/DMN/20180521/MODEL/', { input: 'number', output: 'boolean' }],
    ['1.3', 'https://www.omg.org/spec/DMN/20191111/MODEL/', { input: 'number', output: 'boolean' }],
    ['1.4', 'https://www.omg.org/spec/DMN/20211108/MODEL/', { input: 'number', output: 'boolean' }],
    ['1.5', 'https://www.omg.org/spec/DMN/20230324/MODEL/', { input: 'number', output: 'boolean' }],
  ];
  for (const [version, ns, typeRefs] of versions) {
    it(`given a DMN ${version} document, when read and evaluated, then the table decides`, () => {
      const model = parseDmn(table(ns, typeRefs));
      expect(model.version).toBe(version);
      expect(model.decisions[0]!.variable?.typeRef).toBe('boolean');
      const compiled = compileDmn(model);
      expect(compiled.problems).toEqual([]);
      expect(evaluateDecision(compiled, 'Adult', { Age: 30 }).json).toBe(true);
      expect(evaluateDecision(compiled, 'Adult', { Age: 3 }).json).toBe(false);
    });
  }

  it('rejects a document that is not DMN', () => {
    expect(() => parseDmn('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>')).toThrow(/not a DMN document/);
  });

  it('keeps rule ids, annotations and hit policy as written', () => {
    const m = parseDmn(table('https://www.omg.org/spec/DMN/20191111/MODEL/', { input: 'number', output: 'boolean' }));
    const expr = m.decisions[0]!.expression;
    expect(expr?.kind).toBe('decisionTable');
    if (expr?.kind !== 'decisionTable') return;
    expect(expr.hitPolicy).toBe('FIRST');
    expect(expr.rules.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(expr.rules[0]!.inputEntries).toEqual(['>= 18']);
  });
});
