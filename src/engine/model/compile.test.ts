import { describe, expect, it } from 'vitest';
import { testFeel } from '../test-support/feel';
import { fixture } from '../test-support/harness';
import { compileDeployment } from '../compile-deployment';
import { parseBpmn } from './parse';

describe('compileDeployment validation', () => {
  it('given broken models, when compiled, then every problem names its element and no broken process is returned', async () => {
    const { definitions } = await parseBpmn(fixture(import.meta.url, 'invalid.bpmn'));
    const { processes, errors } = compileDeployment(definitions, { expressions: testFeel });
    expect(processes.size).toBe(0);
    const byElement = Object.fromEntries(errors.map((e) => [e.elementId, e.message]));
    expect(byElement.noStart).toMatch(/the process has no start event/);
    expect(byElement.badCondition).toMatch(/condition does not parse/);
    expect(byElement.noCondition).toMatch(/no condition and is not the default flow/);
    expect(byElement.svc).toMatch(/no zeebe:taskDefinition type/);
    expect(byElement.catch).toMatch(/references no bpmn:message/);
    expect(byElement.nowhere).toMatch(/to nowhere/);
    expect(byElement.onEvent).toMatch(/an event subprocess needs exactly one start event with an event definition/);
    expect(byElement.timer).toMatch(/a timer event needs a timeDate, timeDuration or timeCycle/);
    // the non-executable process is not compiled, so its missing task type is no error
    expect(errors.every((e) => e.processId === 'noStart' || e.processId === 'broken')).toBe(true);
  });

  it('given a valid model, when compiled, then outgoing flows, defaults and join inputs are precomputed', async () => {
    const { definitions } = await parseBpmn(fixture(import.meta.url, '../behaviours/inclusive.bpmn'));
    const { processes, errors } = compileDeployment(definitions, { expressions: testFeel });
    expect(errors).toEqual([]);
    const basic = processes.get('basic');
    const split = basic?.nodes.get('split');
    expect(split?.outgoing.map((f) => f.id)).toEqual(['toA', 'toB', 'toC']);
    expect(split?.defaultFlow?.id).toBe('toC');
    const join = basic?.nodes.get('join');
    expect(join?.joins).toBe(true);
    expect(join?.upstream?.map((s) => [...s].sort())).toEqual([['a', 'split', 'start'], ['b', 'split', 'start'], ['c', 'split', 'start']]);
    const loopJoin = processes.get('loop')?.nodes.get('l_join');
    expect([...(loopJoin?.upstream?.[0] ?? [])].sort()).toEqual(['l_b', 'l_retry', 'l_split', 'l_start']);
  });

  it('given duplicate ids of a flow, a task and a process, when parsed, then each is an error naming the id and where it repeats', async () => {
    const { warnings, errors } = await parseBpmn(fixture(import.meta.url, 'duplicates.bpmn'));
    expect(warnings.join('\n')).toMatch(/duplicate ID/);
    expect(errors).toEqual([
      { elementId: 'f1', message: 'the id f1 is used twice: the bpmn:sequenceFlow at line 6, column 4 repeats it (ids must be unique)' },
      { elementId: 'work', message: 'the id work is used twice: the bpmn:task at line 7, column 4 repeats it (ids must be unique)' },
      { elementId: 'dup', message: 'the id dup is used twice: the bpmn:process at line 10, column 2 repeats it (ids must be unique)' },
    ]);
  });

  it('given XML that is not BPMN, when parsed, then it rejects', async () => {
    await expect(parseBpmn('<nope')).rejects.toThrow();
  });
});
