import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT as ROOT, runInProcess } from './run-in-process';

const CPT = 'src/cli/fixtures/cpt';

const flowdeck = runInProcess;

interface Report { file: string; name: string; format: string; status: string; problems: string[]; outcome?: { state: string; path: string[]; variables: Record<string, unknown> } }
async function report(...files: string[]): Promise<{ code: number; reports: Report[] }> {
  const r = await flowdeck('test', ...files, '--json');
  return { code: r.code, reports: (JSON.parse(r.stdout) as { scenarios: Report[] }).scenarios };
}

describe('flowdeck test on Camunda Process Test JSON', { timeout: 120_000 }, () => {
  it.each([
    ['actions.json', 'CREATE_PROCESS_INSTANCE, COMPLETE_JOB, COMPLETE_USER_TASK, PUBLISH_MESSAGE, CORRELATE_MESSAGE, THROW_BPMN_ERROR_FROM_JOB, RESOLVE_INCIDENT, UPDATE_VARIABLES', 3],
    ['time.json', 'INCREASE_TIME, SET_TIME', 2],
    ['mocks.json', 'MOCK_JOB_WORKER_COMPLETE_JOB, MOCK_JOB_WORKER_THROW_BPMN_ERROR, MOCK_CHILD_PROCESS, MOCK_DMN_DECISION', 3],
    ['assertions.json', 'EVALUATE_DECISION, BROADCAST_SIGNAL, EVALUATE_CONDITIONAL_START_EVENT and every assertion', 1],
  ])('given %s (%s), when it runs against the models of its folder, then every case passes', async (file, _group, cases) => {
    const { code, reports } = await report(`${CPT}/${file}`);
    expect(reports.map((r) => [r.status, r.problems])).toEqual(Array.from({ length: cases }, () => ['passed', []]));
    expect(reports.every((r) => r.format === 'cpt' && r.file === `${CPT}/${file}`)).toBe(true);
    expect(code).toBe(0);
  });

  it('given assertions that do not hold, then each case fails naming the instruction and what was found; each case started on a fresh engine (instance-1 every time)', async () => {
    const { code, reports } = await report(`${CPT}/wrong.json`);
    expect(code).toBe(1);
    expect(reports.every((r) => r.status === 'failed')).toBe(true);
    const byName = Object.fromEntries(reports.map((r) => [r.name, r.problems.join('\n')]));
    expect(byName['hasActiveIncidents that is not so']).toBe('instructions[2] (ASSERT_PROCESS_INSTANCE): expected process instance instance-1 to have active incidents, but it has none');
    expect(byName['an element completed twice that completed once']).toContain('expected {"elementId":"Score"} IS_COMPLETED 2 times in instance-1, found 1');
    expect(byName['elements completed in the wrong order']).toContain('completion order: Applied, Score, Decide, Risky');
    expect(byName['the wrong assignee']).toContain('user task Review: expected assignee "bob", got "ann"');
    expect(byName['the wrong variable value']).toContain('variable missing is not set; expected score = 1, got 700');
    expect(byName['the wrong decision output']).toContain('decision risk: expected output "low", got "high" (matched rules: 1)');
    expect(byName['a message correlated that is only waited for']).toContain("IS_CORRELATED, but it is not (waiting: documents (key 'W-1') at Docs");
    expect(byName['active exactly, but something else is active too']).toContain('and also active: Review');
  });

  it('given unsupported, unknown and malformed instructions, then they are reported by name, fail their case (malformed: could not run) and the exit code says so', async () => {
    const r = await flowdeck('test', `${CPT}/failing.json`);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('FAIL an assertion that does not hold');
    expect(r.stdout).toContain('instructions[1] (ASSERT_PROCESS_INSTANCE): expected process instance instance-1 (loan) IS_COMPLETED, but it IS_ACTIVE; active: Score');
    expect(r.stdout).toContain('instructions[1] (COMPLETE_JOB): no open job matches {"jobType":"ship"} (open: job score at Score)');
    expect(r.stdout).toContain('instructions[1]: unsupported instruction COMPLETE_JOB_USER_TASK_LISTENER: Flowdeck has no user task listeners');
    expect(r.stdout).toContain('instructions[2]: unsupported instruction ASSERT_VARIABLE: it asks an AI judge');
    expect(r.stdout).toContain('instructions[0]: unsupported instruction SEND_FAX: not an instruction of the CPT schema');
    expect(r.stdout).toContain('ERROR a malformed instruction');
    expect(r.stdout).toContain('test case "a malformed instruction": instructions[0].jobSelector: expected an object, got nothing (the field is required)');
    expect(r.stdout).toContain('instructions[1].duration: "an hour" is not an ISO 8601 duration');
    expect(r.stdout).toContain('0 passed, 4 failed, 1 could not run (5 CPT test cases)');
  });

  it.each([
    [{ testCases: 3 }, /invalid CPT test file t\.json: testCases: expected an array of test cases, got a number/],
    [{ testCases: [{ instructions: [] }] }, /testCases\[0\]\.name: expected the test case name/],
    [{ testCases: [{ name: 'n', instructions: {} }] }, /testCases\[0\] \("n"\)\.instructions: expected an array of instructions/],
  ])('given the malformed CPT document %j, then reading it fails naming the file and the place', async (raw, message) => {
    const { readCptFile } = await import('./cpt/test-file');
    expect(() => readCptFile(raw, 't.json')).toThrow(message);
  });

  it('given ASSERT_USER_TASK IS_FAILED, then the case fails saying that Flowdeck user tasks never fail', async () => {
    const { runCptFile } = await import('./cpt/run-file');
    const { readCptFile } = await import('./cpt/test-file');
    const doc = { testCases: [{ name: 'failed task', instructions: [
      { type: 'BROADCAST_SIGNAL', signalName: 'audit-now' },
      { type: 'ASSERT_USER_TASK', userTaskSelector: { elementId: 'Audit' }, state: 'IS_FAILED' },
    ] }] };
    const [r] = await runCptFile(readCptFile(doc, join(ROOT, CPT, 'inline.json')));
    expect(r.status).toBe('failed');
    expect(r.problems).toEqual(['instructions[1] (ASSERT_USER_TASK): IS_FAILED: Flowdeck user tasks cannot fail (they have no task listeners), so this state never holds']);
  });

  it('given a folder, then its CPT files are found by content beside the scenarios, and other JSON files are left alone', async () => {
    const { findScenarioFiles } = await import('./files');
    const files = (await findScenarioFiles([CPT], ROOT)).map((f) => f.slice(join(ROOT, CPT).length + 1));
    expect(files).toEqual(['actions.json', 'assertions.json', 'failing.json', 'mocks.json', 'time.json', 'wrong.json']);
  });
});

describe('flowdeck test --format cpt', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  /** A folder holding the shipment model and the step scenarios (passing and failing), `model` pointing beside them. */
  async function scenarioFolder(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'flowdeck-cpt-'));
    dirs.push(dir);
    await cp(join(ROOT, 'src/cli/fixtures/steps/shipment.bpmn'), join(dir, 'shipment.bpmn'));
    for (const from of ['src/cli/fixtures/steps', 'src/cli/fixtures/steps-failing']) {
      for (const name of await readdir(join(ROOT, from))) {
        if (!name.endsWith('.scenario.json') || name.startsWith('cancel')) continue;
        const s = JSON.parse(await readFile(join(ROOT, from, name), 'utf8')) as Record<string, unknown>;
        await writeFile(join(dir, name), JSON.stringify({ ...s, model: 'shipment.bpmn' }));
      }
    }
    return dir;
  }

  it('given scenarios of every convertible step kind, passing and failing, when converted to CPT and run, then every case has the same verdict and the same end state', async () => {
    const dir = await scenarioFolder();
    const out = join(dir, 'converted.json');
    const converted = await flowdeck('test', '--format', 'cpt', dir, '--out', out);
    expect(converted.code).toBe(0);
    expect(converted.stderr).toContain('wrote 6 test cases');
    const doc = JSON.parse(await readFile(out, 'utf8')) as { $schema: string; testCases: Array<{ name: string; instructions: Array<{ type: string }> }> };
    expect(doc.$schema).toBe('https://camunda.com/json-schema/cpt-test-cases/8.9/schema.json');
    const happy = doc.testCases.find((c) => c.name.startsWith('a shipment is packed'));
    // fetchAndComplete of three jobs becomes three COMPLETE_JOB; the clock field a SET_TIME first.
    expect(happy?.instructions.map((i) => i.type)).toEqual(['SET_TIME', 'CREATE_PROCESS_INSTANCE', 'COMPLETE_JOB', 'COMPLETE_JOB', 'COMPLETE_JOB', 'PUBLISH_MESSAGE',
      'BROADCAST_SIGNAL', 'INCREASE_TIME', 'COMPLETE_USER_TASK', 'ASSERT_PROCESS_INSTANCE', 'ASSERT_ELEMENT_INSTANCES', 'ASSERT_ELEMENT_INSTANCES', 'ASSERT_VARIABLES']);

    const ours = await report(...(await readdir(dir)).filter((n) => n.endsWith('.scenario.json')).map((n) => join(dir, n)));
    const theirs = await report(out);
    const verdicts = (rs: Report[]) => Object.fromEntries(rs.map((r) => [r.name, r.status]));
    expect(verdicts(theirs.reports)).toEqual(verdicts(ours.reports));
    expect(Object.values(verdicts(ours.reports)).sort()).toEqual(['failed', 'failed', 'passed', 'passed', 'passed', 'passed']);
    for (const r of ours.reports) {
      const twin = theirs.reports.find((t) => t.name === r.name);
      expect({ name: r.name, state: twin?.outcome?.state, variables: twin?.outcome?.variables }).toEqual({ name: r.name, state: r.outcome?.state, variables: r.outcome?.variables });
    }
    expect(theirs.code).toBe(ours.code);
  });

  it('given a scenario with a step CPT cannot express, then nothing is written and the step is named', async () => {
    const dir = await scenarioFolder();
    await cp(join(ROOT, 'src/cli/fixtures/steps/cancel.scenario.json'), join(dir, 'cancel.scenario.json'));
    const out = join(dir, 'converted.json');
    const r = await flowdeck('test', '--format', 'cpt', dir, '--out', out);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('(scenario "a shipment cancelled while it waits for payment"): step 2 (cancel): CPT has no instruction to cancel a process instance');
    expect(r.stderr).toContain('nothing written: 1 scenario could not be converted');
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it('given --out without --format, or an unknown format, then it is a usage error', async () => {
    expect((await flowdeck('test', CPT, '--out', 'x.json')).code).toBe(2);
    const r = await flowdeck('test', CPT, '--format', 'junit');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown --format "junit"');
  });
});
