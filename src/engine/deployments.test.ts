import { describe, expect, it } from 'vitest';
import { Deployments } from './deployments';
import { dispatch, start } from './index';
import { openJobs } from './runtime/queries';
import { compileXml, fixture, testContext } from './test-support/harness';

const xml = fixture(import.meta.url, 'behaviours/service-task.bpmn');

describe('Deployments', () => {
  it('given two deployments of a process, then versions increase and instances keep theirs', async () => {
    const deployments = new Deployments();
    const v1 = (await compileXml(xml, deployments)).get('payment');
    const v2 = (await compileXml(xml.replace('retries="2"', 'retries="5"'), deployments)).get('payment');
    expect([v1?.version, v2?.version]).toEqual([1, 2]);
    expect(deployments.get('payment')).toBe(v2);
    expect(deployments.get('payment', 1)).toBe(v1);
    const ctx = testContext();
    const old = start(deployments.get('payment', 1)!, { variables: { provider: 'x' } }, ctx).state;
    expect(old.processVersion).toBe(1);
    expect(openJobs(old)[0].retries).toBe(2);
    expect(() => dispatch(v2!, old, { type: 'cancel' }, ctx)).toThrow(/v1/);
  });

  it('given an explicit version already taken, when deployed again, then it is refused', async () => {
    const deployments = new Deployments();
    await compileXml(xml, deployments);
    const again = await compileXml(xml);
    expect(() => deployments.deploy(again.values(), 1)).toThrow(/already deployed/);
  });
});
