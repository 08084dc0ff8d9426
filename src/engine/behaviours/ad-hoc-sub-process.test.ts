import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import type { Command, ExecutableProcess, InstanceState, Variables } from '../index';
import { compileDeployment } from '../compile-deployment';
import { parseBpmn } from '../model/parse';
import { activeElementIds, openIncidents, openJobs, openTasks } from '../runtime/queries';
import { testFeel } from '../test-support/feel';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';

const load = async (id: string) => (await compileXml(fixture(import.meta.url, 'ad-hoc-sub-process.bpmn'))).get(id) as ExecutableProcess;
const begin = (p: ExecutableProcess, variables: Variables = {}) => roundTrip(start(p, { instanceId: 'pi', variables }, testContext()).state);
const send = (p: ExecutableProcess, s: InstanceState, command: Command) => roundTrip(dispatch(p, roundTrip(s), command, testContext()).state);
const taskAt = (s: InstanceState, elementId: string) => openTasks(s).find((t) => t.elementId === elementId)?.id as string;
const adHocOf = (s: InstanceState, elementId: string) => Object.values(s.elements).find((e) => e.elementId === elementId)?.id as string;

describe('ad-hoc subprocesses', () => {
  it('given zeebe:adHoc activeElementsCollection, when entered, then the listed elements are activated and the enabled ones described', async () => {
    const p = await load('zeebeForm');
    const s = begin(p, { toDo: ['a', 'b'] });
    expect(activeElementIds(s)).toEqual(['a', 'b', 'tools']);
    expect(openJobs(s).map((j) => j.type)).toEqual(['lookup']);
    const tools = s.elements[adHocOf(s, 'tools')];
    // d has an incoming flow: it is reached from c, never activated directly.
    expect(tools.variables?.adHocSubProcessElements).toEqual([
      { elementId: 'a', elementName: 'Look up', documentation: 'Finds the customer', properties: { tool: 'crm' } },
      { elementId: 'b', elementName: 'Ask', documentation: null, properties: {} },
      { elementId: 'c', elementName: null, documentation: null, properties: {} },
    ]);
  });

  it('given no completion condition, when every activated element completes, then it completes with each activation\'s output collected', async () => {
    const p = await load('zeebeForm');
    const s0 = begin(p, { toDo: ['a', 'b'] });
    const s1 = send(p, s0, { type: 'completeJob', jobKey: openJobs(s0)[0].key, variables: { result: 'found' } });
    expect(s1.status).toBe('active');
    const s2 = send(p, s1, { type: 'completeUserTask', taskId: taskAt(s1, 'b'), variables: { result: 'answered' } });
    expect(s2.status).toBe('completed');
    expect(s2.variables.results).toEqual(['found', 'answered']);
    // Each result stayed local to its activation.
    expect(s2.variables).not.toHaveProperty('result');
    expect(s2.path.slice(-2)).toEqual(['tools', 'z_end']);
  });

  it('given an element activated twice in parallel and an inner flow, when the command activates them, then each runs, the flow to its end', async () => {
    const p = await load('zeebeForm');
    const s0 = begin(p, { toDo: [] });
    expect(activeElementIds(s0)).toEqual(['tools']);
    const s1 = send(p, s0, { type: 'activateAdHocElements', elementInstanceId: adHocOf(s0, 'tools'), elements: [{ elementId: 'a' }, { elementId: 'a' }, { elementId: 'c' }] });
    expect(openJobs(s1)).toHaveLength(2);
    expect(s1.path).toEqual(['z_start', 'c', 'd']);
    expect(() => send(p, s1, { type: 'activateAdHocElements', elementInstanceId: adHocOf(s1, 'tools'), elements: [{ elementId: 'd' }] }))
      .toThrow(/d is not an element of the ad-hoc subprocess that can be activated \(a, b, c\)/);
  });

  it('given sequential ordering and a completion condition, when activations are requested, then one runs at a time and the condition ends it, dropping the rest', async () => {
    const p = await load('bpmnForm');
    const s0 = begin(p, { done: false });
    expect(activeElementIds(s0)).toEqual(['outreach']);
    const id = adHocOf(s0, 'outreach');
    const s1 = send(p, s0, { type: 'activateAdHocElements', elementInstanceId: id, elements: [{ elementId: 'call' }, { elementId: 'mail', variables: { channel: 'email' } }] });
    expect(activeElementIds(s1)).toEqual(['call', 'outreach']);
    expect(s1.elements[id].adHoc?.queue).toEqual([{ elementId: 'mail', variables: { channel: 'email' } }]);
    const s2 = send(p, s1, { type: 'completeUserTask', taskId: taskAt(s1, 'call') });
    expect(activeElementIds(s2)).toEqual(['mail', 'outreach']);
    const mail = Object.values(s2.elements).find((e) => e.elementId === 'mail');
    expect(mail?.variables).toEqual({ channel: 'email' });
    const s3 = send(p, s2, { type: 'activateAdHocElements', elementInstanceId: id, elements: [{ elementId: 'visit' }] });
    const s4 = send(p, s3, { type: 'completeUserTask', taskId: taskAt(s3, 'mail'), variables: { done: true } });
    expect(s4.status).toBe('completed');
    expect(s4.path).not.toContain('visit');
  });

  it('given cancelRemainingInstances (the default), when the condition holds, then what still runs is terminated and the finished element\'s flow goes no further', async () => {
    const p = await load('cut');
    const s0 = begin(p, { finished: false });
    expect(activeElementIds(s0)).toEqual(['p', 'q', 'race']);
    const r = dispatch(p, s0, { type: 'completeUserTask', taskId: taskAt(s0, 'p'), variables: { finished: true } }, testContext());
    expect(r.state.status).toBe('completed');
    expect(r.state.path).not.toContain('afterP');
    expect(r.history.filter((h) => h.type === 'elementTerminated').map((h) => 'elementId' in h && h.elementId)).toEqual(['q']);
  });

  it('given cancelRemainingInstances="false", when the condition holds, then the rest finishes, nothing new starts, and then it completes', async () => {
    const p = await load('keep');
    const s0 = begin(p, { finished: false });
    const s1 = send(p, s0, { type: 'completeUserTask', taskId: taskAt(s0, 'r'), variables: { finished: true } });
    expect(activeElementIds(s1)).toEqual(['both', 's']);
    expect(() => send(p, s1, { type: 'activateAdHocElements', elementInstanceId: adHocOf(s1, 'both'), elements: [{ elementId: 'r' }] })).toThrow(/is completing/);
    const s2 = send(p, s1, { type: 'completeUserTask', taskId: taskAt(s1, 's') });
    expect(s2.status).toBe('completed');
  });

  it('given an activeElementsCollection naming no enabled element, then it is an incident; fixed and resolved, it activates', async () => {
    const p = await load('badList');
    const s0 = begin(p, { ids: ['only', 'ghost'] });
    const [incident] = openIncidents(s0);
    expect(incident).toMatchObject({ type: 'extract', elementId: 'pick' });
    expect(incident.message).toBe('activeElementsCollection of pick names ghost, which is not an element of the ad-hoc subprocess that can be activated (only)');
    const s1 = send(p, s0, { type: 'setVariables', variables: { ids: ['only'] } });
    const s2 = send(p, s1, { type: 'resolveIncident', incidentId: incident.id });
    expect(activeElementIds(s2)).toEqual(['only', 'pick']);
  });

  it('given start or end events inside, no activity, or a job worker implementation, then each is a compile error naming the element', async () => {
    const { definitions } = await parseBpmn(fixture(import.meta.url, 'ad-hoc-invalid.bpmn'));
    const { errors } = compileDeployment(definitions, { expressions: testFeel });
    expect(errors.map((e) => `${e.elementId}: ${e.message}`)).toEqual(expect.arrayContaining([
      'innerStart: an ad-hoc subprocess (adhoc) has no start events: its elements without incoming flows are activated instead',
      'innerEnd: an ad-hoc subprocess (adhoc) has no end events: an inner flow ends where its last element completes',
      'adhoc: an ad-hoc subprocess needs at least one activity',
      'worker: an ad-hoc subprocess run by a job worker (zeebe:taskDefinition) is not executed: activate its elements with activeElementsCollection or activateAdHocElements',
    ]));
  });
});
