import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess as flowdeck } from './run-in-process';

const MODEL = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" namespace="urn:t" name="tier" id="tier">
  <inputData id="i" name="Amount"><variable name="Amount" typeRef="number"/></inputData>
  <decision id="d" name="Tier"><variable name="Tier" typeRef="string"/>
    <informationRequirement><requiredInput href="#i"/></informationRequirement>
    <decisionTable><input><inputExpression typeRef="number"><text>Amount</text></inputExpression></input><output typeRef="string"/>
      <rule id="r1"><inputEntry><text>&gt;= 100</text></inputEntry><outputEntry><text>"gold"</text></outputEntry></rule>
      <rule id="r2"><inputEntry><text>&lt; 100</text></inputEntry><outputEntry><text>"basic"</text></outputEntry></rule>
    </decisionTable></decision></definitions>`;
const testCase = (id: string, amount: number, tier: string) => `<testCase id="${id}"><inputNode name="Amount"><value xsi:type="xsd:decimal">${amount}</value></inputNode>
  <resultNode name="Tier"><expected><value xsi:type="xsd:string">${tier}</value></expected></resultNode></testCase>`;
const file = (...cases: string[]) => `<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${cases.join('')}</testCases>`;

describe('flowdeck test on DMN decision tests (TCK test-case files beside the model)', { timeout: 60_000 }, () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('given a folder with tier.dmn and tier-test-01.xml, when tested, then each case passes or fails with the difference', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowdeck-dmn-'));
    dirs.push(dir);
    await writeFile(join(dir, 'tier.dmn'), MODEL);
    await writeFile(join(dir, 'tier-test-01.xml'), file(testCase('gold', 150, 'gold'), testCase('wrong', 50, 'gold')));
    const r = await flowdeck('test', dir, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { passed: number; failed: number; scenarios: { name: string; format: string; status: string; problems: string[] }[] };
    expect(out).toMatchObject({ passed: 1, failed: 1 });
    expect(out.scenarios.map((s) => [s.name, s.format, s.status])).toEqual([['gold', 'dmn', 'passed'], ['wrong', 'dmn', 'failed']]);
    expect(out.scenarios[1]!.problems).toEqual(['Tier: result: expected "gold", got "basic"']);
    const text = await flowdeck('test', dir);
    expect(text.stdout).toMatch(/1 passed, 1 failed \(2 decision test cases\)/);
  });

  it('given a test file without its model, when tested, then it could not run and says why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowdeck-dmn-'));
    dirs.push(dir);
    await writeFile(join(dir, 'lonely-test-01.xml'), file(testCase('x', 1, 'basic')));
    const r = await flowdeck('test', dir, '--json');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/its model lonely.dmn is not beside it/);
  });

  it('given a project folder packed as an archive with its decision tests, when the archive is tested, then the cases run from inside it and nothing is left behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowdeck-dmn-'));
    dirs.push(dir);
    await mkdir(join(dir, 'project', 'rules'), { recursive: true });
    await writeFile(join(dir, 'project', 'rules', 'tier.dmn'), MODEL);
    await writeFile(join(dir, 'project', 'rules', 'tier-test-01.xml'), file(testCase('gold', 150, 'gold'), testCase('basic', 5, 'gold')));
    const packed = await flowdeck('pack', join(dir, 'project'), '-o', join(dir, 'tier.flowdeck'));
    expect(packed.code).toBe(0);
    const before = (await readdir(tmpdir())).filter((n) => n.startsWith('flowdeck-archive-')).length;

    const r = await flowdeck('test', join(dir, 'tier.flowdeck'), '--json');

    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { scenarios: { file: string; name: string; status: string; problems: string[] }[] };
    expect(out.scenarios.map((s) => [s.file.endsWith('tier.flowdeck/rules/tier-test-01.xml'), s.name, s.status])).toEqual([[true, 'gold', 'passed'], [true, 'basic', 'failed']]);
    expect(out.scenarios[1]!.problems).toEqual(['Tier: result: expected "gold", got "basic"']);
    expect((await readdir(tmpdir())).filter((n) => n.startsWith('flowdeck-archive-')).length).toBe(before);
  });

  it('given an archive without any test file, when tested, then it says so naming the archive', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowdeck-dmn-'));
    dirs.push(dir);
    await mkdir(join(dir, 'only-model'));
    await writeFile(join(dir, 'only-model', 'tier.dmn'), MODEL);
    expect((await flowdeck('pack', join(dir, 'only-model'), '-o', join(dir, 'm.flowdeck'))).code).toBe(0);
    const r = await flowdeck('test', join(dir, 'm.flowdeck'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no \*\.scenario\.json, CPT or DMN \(\*-test-NN\.xml\) test files in the archive .*m\.flowdeck/);
  });
});
