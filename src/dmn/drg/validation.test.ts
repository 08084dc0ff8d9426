import { describe, expect, it } from 'vitest';
import { compileDmn, evaluateDecision, parseDmn, type CompileProblem } from '../index';

const NS = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
const model = (body: string) => `<definitions xmlns="${NS}" namespace="urn:v" name="v" id="v">${body}</definitions>`;
const literal = (id: string, text: string, reqs = '') =>
  `<decision id="${id}" name="${id.toUpperCase()}">${reqs}<literalExpression><text>${text}</text></literalExpression></decision>`;
const requires = (...ids: string[]) => ids.map((i) => `<informationRequirement><requiredDecision href="#${i}"/></informationRequirement>`).join('');
const errors = (xml: string, options?: Parameters<typeof compileDmn>[1]): CompileProblem[] =>
  compileDmn(parseDmn(xml), options).problems.filter((p) => p.severity === 'error');

describe('DMN models that would mislead are compile errors naming the element', () => {
  it('given a requirement cycle, then one error names every decision on it', () => {
    const xml = model(literal('a', 'B + 1', requires('b')) + literal('b', 'C + 1', requires('c')) + literal('c', 'A + 1', requires('a')) + literal('ok', '1'));
    const found = errors(xml);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ element: 'requirement', message: expect.stringMatching(/requirement cycle: a -> b -> c -> a/) });
  });

  it('given a decision requiring itself or a BKM cycle, then each is an error', () => {
    expect(errors(model(literal('self', 'SELF', requires('self'))))[0]!.message).toMatch(/self -> self/);
    const bkm = (id: string, other: string) =>
      `<businessKnowledgeModel id="${id}" name="${id}"><knowledgeRequirement><requiredKnowledge href="#${other}"/></knowledgeRequirement>` +
      `<encapsulatedLogic><literalExpression><text>${other}()</text></literalExpression></encapsulatedLogic></businessKnowledgeModel>`;
    expect(errors(model(bkm('k1', 'k2') + bkm('k2', 'k1')))[0]!.message).toMatch(/k1 -> k2 -> k1|k2 -> k1 -> k2/);
  });

  it('given a requirement href to nowhere, then it is an error of its owner', () => {
    expect(errors(model(literal('d', 'X', requires('missing'))))).toEqual([
      { severity: 'error', decisionId: 'd', element: 'requirement', message: "'#missing' names no element of the loaded models" },
    ]);
  });

  it('given duplicate ids among decisions, BKMs, input data and services, then each duplicate is an error', () => {
    const xml = model(literal('d', '1') + literal('d', '2') + '<inputData id="i" name="I"/><inputData id="i" name="J"/>' +
      '<businessKnowledgeModel id="d" name="K"/>');
    const found = errors(xml).map((p) => p.message);
    expect(found).toEqual([
      "duplicate id 'd': decision 'D' and decision 'D' both use it",
      "duplicate id 'i': input data 'I' and input data 'J' both use it",
      "duplicate id 'd': decision 'D' and business knowledge model 'K' both use it",
    ]);
  });

  it('given FEEL syntax errors in a literal, a table entry, a context entry and a relation cell, then each names its site', () => {
    const table = `<decision id="t" name="T"><decisionTable id="dt"><input id="in1"><inputExpression><text>x</text></inputExpression></input>
      <output id="o1" name="r"/><rule id="r1"><inputEntry><text>&gt; 1</text></inputEntry><outputEntry><text>1 +</text></outputEntry></rule>
      <rule id="r2"><inputEntry><text>[1..</text></inputEntry><outputEntry><text>2</text></outputEntry></rule></decisionTable></decision>`;
    const ctx = `<decision id="c" name="C"><context><contextEntry><variable name="a"/><literalExpression><text>if then</text></literalExpression></contextEntry></context></decision>`;
    const rel = `<decision id="r" name="R"><relation><column name="k"/><row><literalExpression><text>)(</text></literalExpression></row></relation></decision>`;
    const found = errors(model(literal('l', '1 +* 2') + table + ctx + rel));
    expect(found.map((p) => `${p.decisionId}: ${p.element}`)).toEqual([
      'l: literalExpression',
      't: decisionTable dt > rule r1 > outputEntry 1',
      't: decisionTable dt > rule r2 > inputEntry 1',
      'c: context > context entry a',
      'r: relation > relation row 1 column 1',
    ]);
    expect(found.every((p) => p.message.startsWith('FEEL syntax error'))).toBe(true);
  });

  it('given a large table (cells compiled on first use), when compiled eagerly, then its syntax errors are found up front', () => {
    const rules = Array.from({ length: 250 }, (_, i) => `<rule id="r${i}"><inputEntry><text>${i}</text></inputEntry><outputEntry><text>${i === 180 ? '1 +' : i}</text></outputEntry></rule>`).join('');
    const xml = model(`<decision id="big" name="Big"><decisionTable id="bt"><input id="in"><inputExpression><text>x</text></inputExpression></input><output id="o" name="r"/>${rules}</decisionTable></decision>`);
    expect(errors(xml)).toEqual([]);
    expect(errors(xml, { compileCells: 'eager' }).map((p) => p.element)).toEqual(['decisionTable bt > rule r180 > outputEntry 1']);
  });

  it('given only warnings (an unknown type), then there is no error and the model evaluates', () => {
    const xml = model('<decision id="w" name="W"><variable name="W" typeRef="tNoSuchType"/><literalExpression><text>1</text></literalExpression></decision>');
    const compiled = compileDmn(parseDmn(xml));
    expect(compiled.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(evaluateDecision(compiled, 'w', {}).json).toBe(1);
  });
});
