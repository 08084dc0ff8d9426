import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { compileDmn, parseDmn, readTestFile, runTestFile, writeTestFile, type TckTestCase } from '../../dmn';
import { createFile, createProject, getDecisionTests } from '../../store';
import { freshDbs } from '../../store/test-support/fresh-db';
import { evaluateTarget, targetsOf, toTestCase } from './evaluation';
import { casesOf, deleteTestCase, editTestCase, loadTestFile, nextCaseId, restoreTestCase, saveTestCase, withLoaded, withModelName } from './stored-tests';

const fresh = freshDbs();

const MODEL = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" namespace="urn:t" name="fees" id="fees">
  <inputData id="i_amount" name="Amount"><variable name="Amount" typeRef="number"/></inputData>
  <decision id="d_fee" name="Fee"><variable name="Fee" typeRef="number"/>
    <informationRequirement><requiredInput href="#i_amount"/></informationRequirement>
    <decisionTable hitPolicy="FIRST">
      <input><inputExpression typeRef="number"><text>Amount</text></inputExpression></input>
      <output typeRef="number"/>
      <rule id="big"><inputEntry><text>&gt;= 100</text></inputEntry><outputEntry><text>5</text></outputEntry></rule>
      <rule id="small"><inputEntry><text>-</text></inputEntry><outputEntry><text>1</text></outputEntry></rule>
    </decisionTable></decision>
</definitions>`;

const compiled = compileDmn(parseDmn(MODEL));
const fee = targetsOf(compiled)[0]!;
const caseFor = (amount: number) => (id: string): TckTestCase => toTestCase(evaluateTarget(compiled, fee, { Amount: amount }), id, `Fee of ${amount}`);

async function dmnFile() {
  const db = fresh();
  const project = await createProject(db, 'P');
  const file = await createFile(db, project.id, 'dmn', 'Fees');
  return { db, file };
}

describe('decision tests kept with the DMN file (Evaluate panel)', () => {
  it('given evaluations saved as test cases, when read back from the store, then they are a TCK file that passes', async () => {
    const { db, file } = await dmnFile();
    expect(await saveTestCase(db, file.id, 'Fees.dmn', caseFor(150))).toBe('001');
    expect(await saveTestCase(db, file.id, 'Fees.dmn', caseFor(10))).toBe('002');
    const stored = readTestFile((await getDecisionTests(db, file.id))!);
    expect(stored.modelName).toBe('Fees.dmn');
    expect(stored.testCases.map((c) => c.description)).toEqual(['Fee of 150', 'Fee of 10']);
    expect(runTestFile(compiled, stored).map((v) => v.passed)).toEqual([true, true]);
  });

  it('given two tabs saving at once, then both cases are kept under different ids', async () => {
    const { db, file } = await dmnFile();
    const ids = await Promise.all([saveTestCase(db, file.id, 'Fees.dmn', caseFor(1)), saveTestCase(db, file.id, 'Fees.dmn', caseFor(2))]);
    expect(new Set(ids).size).toBe(2);
    expect(casesOf(await getDecisionTests(db, file.id))).toHaveLength(2);
  });

  it('given a table changed after saving, when run, then the case fails naming the result node and both values', async () => {
    const { db, file } = await dmnFile();
    await saveTestCase(db, file.id, 'Fees.dmn', caseFor(150));
    const changed = compileDmn(parseDmn(MODEL.replace('<text>5</text>', '<text>7</text>')));
    const [verdict] = runTestFile(changed, readTestFile((await getDecisionTests(db, file.id))!));
    expect(verdict).toMatchObject({ id: '001', passed: false, problems: ['Fee: result: expected 5, got 7'] });
  });

  it('when a case is deleted and the delete undone, then it is back in its place; the last one deleted leaves no tests', async () => {
    const { db, file } = await dmnFile();
    for (const a of [1, 2, 3]) await saveTestCase(db, file.id, 'Fees.dmn', caseFor(a));
    const removed = await deleteTestCase(db, file.id, 'Fees.dmn', '002');
    expect(casesOf(await getDecisionTests(db, file.id)).map((c) => c.id)).toEqual(['001', '003']);
    await restoreTestCase(db, file.id, 'Fees.dmn', removed!);
    expect(casesOf(await getDecisionTests(db, file.id)).map((c) => c.id)).toEqual(['001', '002', '003']);
    for (const id of ['001', '002', '003']) await deleteTestCase(db, file.id, 'Fees.dmn', id);
    expect(await getDecisionTests(db, file.id)).toBeUndefined();
    expect(await deleteTestCase(db, file.id, 'Fees.dmn', '001')).toBeUndefined();
  });

  it('when a test file is loaded, then its cases are added and clashing ids renumbered, nothing stored is lost', async () => {
    const { db, file } = await dmnFile();
    await saveTestCase(db, file.id, 'Fees.dmn', caseFor(150));
    const tck = writeTestFile('Fees.dmn', [caseFor(10)('001'), caseFor(20)('tck-7')]);
    expect(await loadTestFile(db, file.id, 'Fees.dmn', tck, 'Fees-test-01.xml')).toBe(2);
    const cases = casesOf(await getDecisionTests(db, file.id));
    expect(cases.map((c) => [c.id, c.description])).toEqual([['001', 'Fee of 150'], ['002', 'Fee of 10'], ['tck-7', 'Fee of 20']]);
  });

  it('given a file that is not a test-case file, when loaded, then the error names the file and nothing is written', async () => {
    const { db, file } = await dmnFile();
    await saveTestCase(db, file.id, 'Fees.dmn', caseFor(150));
    const before = await getDecisionTests(db, file.id);
    await expect(loadTestFile(db, file.id, 'Fees.dmn', '<testCases><testCase id="1">', 'broken-test-01.xml')).rejects.toThrow(/^broken-test-01\.xml: /);
    expect(() => withLoaded(undefined, 'Fees.dmn', '<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase"/>', 'empty.xml')).toThrow(/empty\.xml: no <testCase>/);
    expect(await getDecisionTests(db, file.id)).toBe(before);
  });

  it('numbers after the highest numeric id and skips taken ones', () => {
    const c = (id: string): TckTestCase => ({ id, type: 'decision', inputs: [], results: [] });
    expect(nextCaseId([])).toBe('001');
    expect(nextCaseId([c('001'), c('009'), c('x')])).toBe('010');
    expect(nextCaseId([c('7'), c('008')])).toBe('009');
  });

  it('names the current model: unchanged text when it does already, rewritten after a rename', () => {
    const xml = writeTestFile('Fees.dmn', [caseFor(150)('001')]);
    expect(withModelName(xml, 'Fees.dmn')).toBe(xml);
    const renamed = readTestFile(withModelName(xml, 'Charges.dmn'));
    expect(renamed.modelName).toBe('Charges.dmn');
    expect(renamed.testCases.map((c) => c.description)).toEqual(['Fee of 150']);
  });

  it('given a stored case edited in the panel, when saved, then it fails where the edit differs from the model, and the old case restores it', async () => {
    const { db, file } = await dmnFile();
    await saveTestCase(db, file.id, 'Fees.dmn', caseFor(150));
    await saveTestCase(db, file.id, 'Fees.dmn', caseFor(10));
    const old = await editTestCase(db, file.id, 'Fees.dmn', '001', (c) => ({ ...c, results: [{ ...c.results[0]!, expected: { kind: 'simple', type: 'decimal', text: '7' } }] }));
    const cases = casesOf(await getDecisionTests(db, file.id));
    expect(cases.map((c) => c.id)).toEqual(['001', '002']);
    expect(runTestFile(compiled, { modelName: 'Fees.dmn', testCases: cases }).map((v) => v.passed)).toEqual([false, true]);
    await editTestCase(db, file.id, 'Fees.dmn', '001', () => old);
    expect(runTestFile(compiled, { modelName: 'Fees.dmn', testCases: casesOf(await getDecisionTests(db, file.id)) }).map((v) => v.passed)).toEqual([true, true]);
    await expect(editTestCase(db, file.id, 'Fees.dmn', '009', (c) => c)).rejects.toThrow('test case 009 is no longer stored');
  });
});
