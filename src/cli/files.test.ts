import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from './errors';
import { findScenarioFiles, readTextFile, readVariablesArg } from './files';
import { loadScenario, validateScenario } from './scenario';

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('readVariablesArg', () => {
  it('given inline JSON, then it is the variables', async () => {
    await expect(readVariablesArg('{"amount": 5}', FIXTURES)).resolves.toEqual({ amount: 5 });
  });

  it('given @file relative to the working folder, then the file is read', async () => {
    await expect(readVariablesArg('@vars.json', FIXTURES)).resolves.toEqual({ amount: 150, customer: { tier: 'gold' } });
  });

  it('given invalid JSON inline or in a file, then an InputError names the source', async () => {
    await expect(readVariablesArg('{amount: 5}', FIXTURES)).rejects.toThrow(/invalid JSON in --variables/);
    await expect(readVariablesArg('@broken.json', FIXTURES)).rejects.toThrow(/invalid JSON in .*broken\.json/);
  });

  it('given JSON that is not an object, then it is rejected', async () => {
    await expect(readVariablesArg('@array.json', FIXTURES)).rejects.toThrow('--variables must be a JSON object, got an array');
    await expect(readVariablesArg('42', FIXTURES)).rejects.toThrow('got a number');
  });

  it('given a missing file, then the error says so', async () => {
    await expect(readVariablesArg('@nope.json', FIXTURES)).rejects.toThrow(/cannot read variables file .*nope\.json: no such file/);
  });
});

describe('readTextFile', () => {
  it('given a folder, then it reports that it is a directory', async () => {
    await expect(readTextFile(FIXTURES, 'model')).rejects.toThrow(/cannot read model file .*: is a directory/);
  });
});

describe('scenarios', () => {
  it('given a valid scenario, then the model is resolved against the scenario folder', async () => {
    const s = await loadScenario(join(FIXTURES, 'minimal.scenario.json'));
    expect(s.model).toBe(join(import.meta.dirname, '../../docs/examples/order/order.bpmn'));
    expect(s.steps).toHaveLength(3);
    expect(s.expect).toEqual({ state: 'completed', passed: ['Pack'], notPassed: ['Refund'], variables: { packed: true } });
  });

  it('given a step with two actions, then the error names the step', async () => {
    await expect(loadScenario(join(FIXTURES, 'bad-step.scenario.json'))).rejects.toThrow(/steps\[0\] needs exactly one of/);
  });

  it.each([
    [[], /expected a JSON object, got an array/],
    [{}, /model: expected "model", a file path/],
    [{ model: 'm', extra: 1 }, /unknown field "extra"/],
    [{ model: 'm', steps: [{ throwError: 'T' }] }, /steps\[0\]\.code: expected the BPMN error code/],
    [{ model: 'm', steps: [{ complete: 'T', code: 'x' }] }, /steps\[0\]: unknown field "code" for a complete step/],
    [{ model: 'm', expect: { state: 'done' } }, /expect\.state: expected one of completed, active/],
    [{ model: 'm', expect: { passed: 'A' } }, /expect\.passed: expected an array of element ids/],
    [{ model: 'm', decisions: 'a.dmn' }, /decisions: expected an array of DMN file paths/],
    [{ model: 'm', clock: '2026-02-30T00:00:00Z' }, /clock: "2026-02-30T00:00:00Z" is not an ISO 8601 date-time \(February 2026 has no day 30/],
    [{ model: 'm', steps: [{ advance: 'PT1H' }, { advance: '1 hour' }] }, /steps\[1\]\.advance: "1 hour" is not an ISO 8601 duration/],
    [{ model: 'm', steps: [{ advance: '-PT1H' }] }, /steps\[0\]\.advance: "-PT1H" is negative: time only moves forward/],
    [{ model: 'm', steps: [{ publish: 'paid', ttl: 'PT1H', tll: 'x' }] }, /steps\[0\]: unknown field "tll" for a publish step/],
    [{ model: 'm', steps: [{ publish: 'paid', key: true }] }, /steps\[0\]\.key: expected the correlation key \(a string or a number\)/],
    [{ model: 'm', steps: [{ signal: '' }] }, /steps\[0\]\.signal: a signal name must not be empty/],
    [{ model: 'm', steps: [{ cancel: false }] }, /steps\[0\]\.cancel: expected true/],
    [{ model: 'm', steps: [{ fetchAndComplete: 'charge', variables: [1] }] }, /steps\[0\]\.variables: expected an object, got an array/],
    [{ model: 'm', steps: ['complete'] }, /steps\[0\]: expected an object such as/],
    [{ name: 'pays late', model: 'm', steps: [{ publish: 'paid', ttl: 'soon' }] }, /invalid scenario s\.json \(scenario "pays late"\): steps\[0\]\.ttl/],
  ])('given %j, then validation fails with a precise message', (raw, message) => {
    expect(() => validateScenario(raw, 's.json')).toThrow(InputError);
    expect(() => validateScenario(raw, 's.json')).toThrow(message);
  });

  it('given a folder, then its *.scenario.json and CPT files are found recursively in order (array.json, vars.json are not test files)', async () => {
    const files = await findScenarioFiles([FIXTURES], '/');
    expect(files.map((f) => f.slice(FIXTURES.length + 1))).toEqual([
      'bad-step-target.scenario.json', 'bad-step.scenario.json',
      'cpt/actions.json', 'cpt/assertions.json', 'cpt/failing.json', 'cpt/mocks.json', 'cpt/time.json', 'cpt/wrong.json',
      'failing.scenario.json', 'minimal.scenario.json',
      'steps/buffered.scenario.json', 'steps/cancel.scenario.json', 'steps/expired.scenario.json', 'steps/give-up.scenario.json', 'steps/happy.scenario.json',
      'steps-failing/cancel-twice.scenario.json', 'steps-failing/duplicate-message.scenario.json', 'steps-failing/no-such-topic.scenario.json',
    ]);
  });
});
