import { describe, expect, it } from 'vitest';
import { compileDmn, evaluateDecision, parseDmn } from '..';
import { fromJson } from '../../feel';
import { readTestFile } from './read';
import { runTestFile, testFileName } from './run';
import { feelToTck } from './values';
import { writeTestFile } from './write';

const MODEL = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" namespace="urn:t" name="discount" id="discount">
  <inputData id="i_tier" name="Tier"><variable name="Tier" typeRef="string"/></inputData>
  <inputData id="i_order" name="Order"><variable name="Order"/></inputData>
  <decision id="d_discount" name="Discount"><variable name="Discount" typeRef="number"/>
    <informationRequirement><requiredInput href="#i_tier"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_order"/></informationRequirement>
    <decisionTable hitPolicy="FIRST">
      <input><inputExpression typeRef="string"><text>Tier</text></inputExpression></input>
      <output typeRef="number"/>
      <rule id="gold"><inputEntry><text>"gold"</text></inputEntry><outputEntry><text>0.1 * Order.amount</text></outputEntry></rule>
      <rule id="other"><inputEntry><text>-</text></inputEntry><outputEntry><text>0</text></outputEntry></rule>
    </decisionTable></decision>
  <decision id="d_when" name="When"><variable name="When"/><literalExpression><text>[date("2024-02-29"), {n: 1, t: time("10:00:00+01:00")}]</text></literalExpression></decision>
</definitions>`;

describe('decision tests in the TCK test-case format', () => {
  const compiled = compileDmn(parseDmn(MODEL));

  it('given cases written from inputs and results, when read back and run, then they pass', () => {
    const order = fromJson({ amount: 250, lines: [1, 2] });
    const xml = writeTestFile('discount.dmn', [
      { id: 'gold', description: 'gold gets 10% <off>', type: 'decision', inputs: [{ name: 'Tier', value: feelToTck('gold') }, { name: 'Order', value: feelToTck(order) }], results: [{ name: 'Discount', errorResult: false, expected: feelToTck(fromJson(25)) }] },
      { id: 'temporal', type: 'decision', inputs: [], results: [{ name: 'When', errorResult: false, expected: feelToTck(evaluateDecision(compiled, 'When', {}).value) }] },
    ]);
    const file = readTestFile(xml);
    expect(file.modelName).toBe('discount.dmn');
    expect(file.testCases[0]!.description).toBe('gold gets 10% <off>');
    expect(runTestFile(compiled, file)).toEqual([
      { id: 'gold', description: 'gold gets 10% <off>', passed: true, problems: [] },
      { id: 'temporal', description: undefined, passed: true, problems: [] },
    ]);
  });

  it('given a wrong expectation or an unknown decision, when run, then the case fails saying where', () => {
    const xml = writeTestFile('discount.dmn', [
      { id: 'wrong', type: 'decision', inputs: [{ name: 'Tier', value: feelToTck('gold') }, { name: 'Order', value: feelToTck(fromJson({ amount: 100 })) }], results: [{ name: 'Discount', errorResult: false, expected: feelToTck(fromJson(25)) }] },
      { id: 'offset', type: 'decision', inputs: [], results: [{ name: 'When', errorResult: false, expected: { kind: 'list', items: [{ kind: 'simple', type: 'date', text: '2024-02-29' }, { kind: 'context', entries: [{ name: 'n', value: { kind: 'simple', type: 'decimal', text: '1' } }, { name: 't', value: { kind: 'simple', type: 'time', text: '09:00:00Z' } }] }] } }] },
      { id: 'missing', type: 'decision', inputs: [], results: [{ name: 'Nope', errorResult: false, expected: { kind: 'nil' } }] },
    ]);
    const verdicts = runTestFile(compiled, readTestFile(xml));
    expect(verdicts.map((v) => v.passed)).toEqual([false, false, false]);
    expect(verdicts[0]!.problems[0]).toBe('Discount: result: expected 25, got 10');
    expect(verdicts[1]!.problems[0]).toMatch(/result\[1\]\.t: expected 09:00:00Z, got 10:00:00\+01:00/);
    expect(verdicts[2]!.problems[0]).toMatch(/no decision 'Nope'/);
  });

  it('given XML whose root is not <testCases>, when read, then it is refused naming the root and its line', () => {
    expect(() => readTestFile('<?xml version="1.0"?>\n<definitions/>')).toThrow('line 2: the root element is <definitions>; a DMN TCK test-case file has <testCases>');
  });

  it('names test files as the TCK does', () => {
    expect(testFileName('loan.dmn')).toBe('loan-test-01.xml');
    expect(testFileName('Loan.DMN', 12)).toBe('Loan-test-12.xml');
  });

});
