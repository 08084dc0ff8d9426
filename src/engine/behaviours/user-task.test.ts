import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import { openTasks } from '../runtime/queries';
import { compileXml, loadProcess, roundTrip, testContext } from '../test-support/harness';

describe('user task', () => {
  it('given assignment, schedule, priority and a FEEL form id, when entered, then the task carries them evaluated', async () => {
    const process = await loadProcess(import.meta.url, 'user-task.bpmn');
    const { state, effects, history } = start(process, { variables: { requester: 'carol', amount: 5000, formVariant: 'form' } }, testContext());
    const [task] = openTasks(state);
    expect(task).toMatchObject({
      elementId: 'approve', name: 'Approve order', assignee: 'carol',
      candidateGroups: ['managers', 'finance'], candidateUsers: ['ann', 'bob'],
      dueDate: '2026-02-01T10:00:00Z', followUpDate: '2026-01-15T09:00:00Z', priority: 90, formId: 'approval-form', formKey: null,
    });
    expect(effects).toEqual([{ type: 'userTaskCreated', task }]);
    expect(history.find((h) => h.type === 'taskCreated')).toMatchObject({ taskId: task.id, assignee: 'carol' });
    expect(state.elements[task.elementInstanceId].status).toBe('waiting');
  });

  it('given a stored waiting task, when reassigned and completed with variables, then they are set and the flow goes on', async () => {
    const process = await loadProcess(import.meta.url, 'user-task.bpmn');
    const ctx = testContext();
    const waiting = roundTrip(start(process, { variables: { requester: 'carol', amount: 10, formVariant: 'v2' } }, ctx).state);
    const [task] = openTasks(waiting);
    expect(task.priority).toBe(40);
    const assigned = dispatch(process, waiting, { type: 'assignUserTask', taskId: task.id, assignee: 'dave' }, ctx);
    expect(openTasks(assigned.state)[0].assignee).toBe('dave');
    expect(assigned.history.map((h) => h.type)).toEqual(['taskAssigned']);
    const done = dispatch(process, roundTrip(assigned.state), { type: 'completeUserTask', taskId: task.id, variables: { approved: true } }, ctx);
    expect(done.state.status).toBe('completed');
    expect(done.state.variables).toEqual({ requester: 'carol', amount: 10, formVariant: 'v2', approved: true });
    expect(done.state.path).toEqual(['start', 'approve', 'manual', 'end']);
    expect(done.history.map((h) => h.type)).toEqual([
      'taskCompleted', 'variableSet', 'elementCompleted', 'flowTaken', 'elementEntered', 'elementCompleted', 'flowTaken',
      'elementEntered', 'elementCompleted', 'instanceCompleted',
    ]);
  });

  it('given an unknown task id, when completing, then the command is rejected', async () => {
    const process = await loadProcess(import.meta.url, 'user-task.bpmn');
    const ctx = testContext();
    const { state } = start(process, { variables: { requester: 'x', amount: 1, formVariant: 'v' } }, ctx);
    expect(() => dispatch(process, state, { type: 'completeUserTask', taskId: 'nope' }, ctx)).toThrow(/no open user task/);
  });

  it('given a category task header, when entered, then the task carries the category; without one it has none', async () => {
    const processes = await compileXml(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="bill" />
    <bpmn:userTask id="bill"><bpmn:extensionElements><zeebe:userTask /><zeebe:taskHeaders><zeebe:header key="other" value="x" /><zeebe:header key="category" value=" Billing " /></zeebe:taskHeaders></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="bill" targetRef="plain" />
    <bpmn:userTask id="plain"><bpmn:extensionElements><zeebe:userTask /><zeebe:taskHeaders><zeebe:header key="category" value="" /></zeebe:taskHeaders></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="plain" targetRef="e" /><bpmn:endEvent id="e" />
  </bpmn:process>
</bpmn:definitions>`);
    const process = processes.get('p');
    if (!process) throw new Error('p did not compile');
    const ctx = testContext();
    const first = roundTrip(start(process, {}, ctx).state);
    const [billing] = openTasks(first);
    expect(billing.category).toBe('Billing');
    const next = dispatch(process, first, { type: 'completeUserTask', taskId: billing.id }, ctx);
    const [plain] = openTasks(next.state);
    expect(plain.elementId).toBe('plain');
    expect('category' in plain).toBe(false);
  });
});
