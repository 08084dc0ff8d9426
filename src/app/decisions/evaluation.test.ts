import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runTestFile, readTestFile, writeTestFile } from '../../dmn';
import { compileForStudio, evaluateTarget, highlightCss, targetsOf, toTestCase } from './evaluation';
import { fieldsFor, formToJson, literalList } from './input-fields';

const MODEL = readFileSync(new URL('../../../e2e/decisions.dmn', import.meta.url), 'utf8');
const STRUCTURED = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" namespace="urn:s" name="s" id="s">
  <itemDefinition name="tApplicant"><itemComponent name="age"><typeRef>number</typeRef></itemComponent>
    <itemComponent name="tier"><typeRef>string</typeRef><allowedValues><text>"gold", "silver"</text></allowedValues></itemComponent>
    <itemComponent name="born"><typeRef>date</typeRef></itemComponent></itemDefinition>
  <itemDefinition name="tScores" isCollection="true"><typeRef>number</typeRef></itemDefinition>
  <inputData id="a" name="Applicant"><variable name="Applicant" typeRef="tApplicant"/></inputData>
  <inputData id="s" name="Scores"><variable name="Scores" typeRef="tScores"/></inputData>
  <decision id="d" name="Summary"><variable name="Summary"/>
    <informationRequirement><requiredInput href="#a"/></informationRequirement>
    <informationRequirement><requiredInput href="#s"/></informationRequirement>
    <literalExpression><text>{tier: Applicant.tier, total: sum(Scores), year: Applicant.born.year}</text></literalExpression></decision>
  <decisionService id="svc" name="Summarise"><outputDecision href="#d"/><inputData href="#a"/><inputData href="#s"/></decisionService>
</definitions>`;

describe('studio evaluation of DMN models', () => {
  const compiled = compileForStudio(MODEL);

  it('given item definitions, when fields are built, then allowed values are choices, collections lists and components nested', () => {
    const structured = compileForStudio(STRUCTURED);
    const fields = fieldsFor(structured, { kind: 'decision', id: 'd' });
    expect(fields.map((f) => [f.name, f.type, f.list])).toEqual([['Applicant', 'context', false], ['Scores', 'number', true]]);
    expect(fields[0]!.components!.map((c) => [c.name, c.type, c.options])).toEqual([['age', 'number', undefined], ['tier', 'string', ['"gold"', '"silver"']], ['born', 'date', undefined]]);
    expect(fieldsFor(structured, { kind: 'decisionService', id: 'svc' }).map((f) => f.name)).toEqual(['Applicant', 'Scores']);
    const vars = formToJson(fields, { Applicant: { age: '41', tier: '"gold"', born: '1985-04-02' }, Scores: ['1', '2.5'] });
    expect(vars).toEqual({ Applicant: { age: 41, tier: 'gold', born: '1985-04-02' }, Scores: [1, 2.5] });
    const r = evaluateTarget(structured, { kind: 'decisionService', id: 'svc', name: 'Summarise' }, vars);
    expect(r.result).toEqual({ tier: 'gold', total: 3.5, year: 1985 });
    expect(() => formToJson(fields, { Applicant: { age: 'forty' }, Scores: [] })).toThrow(/Applicant.age: 'forty' is not a number/);
  });

  it('reads literal lists of allowed values and refuses ranges', () => {
    expect(literalList('"a", "b,c", 3')).toEqual(['"a"', '"b,c"', '3']);
    expect(literalList('[1..10]')).toBeUndefined();
  });

  it('given an evaluation, when highlighted, then matched rules get a style and the chosen one another', () => {
    expect(targetsOf(compiled).map((t) => t.id)).toEqual(['Dish', 'Greeting']);
    const ev = evaluateTarget(compiled, targetsOf(compiled)[1]!, { Season: 'Summer', Guests: 10 });
    expect(ev.result).toBe('Enjoy your Barbecue');
    const css = highlightCss(ev.audit);
    expect(css).toMatch(/td\[data-row-id="Rule_party"\]\)[^{]*\{ background: var\(--fd-rule-chosen/);
    expect(css).toMatch(/td\[data-row-id="Rule_summer"\]\)[^{]*\{ background: var\(--fd-rule-matched/);
    expect(css).not.toMatch(/Rule_winter/);
    expect(highlightCss([{ decisionId: 'x', decisionName: 'x', namespace: '', inputs: {}, output: null, tables: [{ hitPolicy: 'FIRST', inputs: [], output: null, usedDefaults: false, chosen: [0], matched: [{ index: 0, id: 'a"]{}', annotations: [] }] }] }])).toContain('data-row-id="a\\"]{}"');
  });

  it('given an evaluation saved as a test case, when the file is written, read and run, then it passes', () => {
    const ev = evaluateTarget(compiled, { kind: 'decision', id: 'Dish', name: 'Dish' }, { Season: 'Winter', Guests: 3 });
    const xml = writeTestFile('menu.dmn', [toTestCase(ev, '001', 'winter')]);
    expect(runTestFile(compiled, readTestFile(xml))).toEqual([{ id: '001', description: 'winter', passed: true, problems: [] }]);
    const edited = xml.replace('>Stew<', '>Soup<');
    expect(runTestFile(compiled, readTestFile(edited))[0]!.problems).toEqual(['Dish: result: expected "Soup", got "Stew"']);
  });
});
