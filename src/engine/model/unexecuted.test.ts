import { describe, expect, it } from 'vitest';
import { compileDeployment } from '../compile-deployment';
import { parseBpmn } from './parse';
import { testFeel } from '../test-support/feel';
import { fixture } from '../test-support/harness';

describe('constructs the engine does not execute', () => {
  it('given choreographies, instantiating or parallel event gateways, instantiating receive tasks, multi-instance behaviors and data assignments, then each is a compile error naming the element', async () => {
    const { definitions } = await parseBpmn(fixture(import.meta.url, 'unexecuted.bpmn'));
    const { errors, processes } = compileDeployment(definitions, { expressions: testFeel });
    expect(processes.size).toBe(0);
    expect(errors.map((e) => `${e.processId ?? '-'}/${e.elementId}: ${e.message}`).sort()).toEqual([
      "-/shipping: bpmn:Choreography is not executed: choreographies describe message exchanges between participants, not a process to run",
      'rest/badFilter: zeebe:conditionalFilter variableEvents may name create and update, not delete',
      'rest/copy: a data association with assignments (copyIn) is not executed: map data with zeebe:ioMapping',
      'rest/each: a multi-instance behavior="One" (events thrown as instances complete) is not executed',
      'rest/each: bpmn:ComplexBehaviorDefinition cbd is not executed',
      'rest/noCondition: a conditional event needs a condition',
      'rest/pick: a parallel event-based gateway (eventGatewayType="Parallel") is not executed',
      'rest/pick: an instantiating event-based gateway (instantiate="true") is not executed: start the process with message, signal or timer start events',
      'rest/receive: an instantiating receive task (instantiate="true") is not executed: use a message start event',
      'rest/when: a conditional event definition is only allowed on start, intermediate catch and boundary events, not on endEvent',
      "twice/hot2: hot2 and hot1 start the process on the same condition 't > 40': give each conditional start event its own",
    ]);
  });
});
