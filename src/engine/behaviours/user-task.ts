import type { Behaviour } from './behaviour';
import { resolveValue } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import type { UserTask } from '../runtime/state';

/** User task: a wait state carrying assignment, schedule, priority and form; completed by a command. */
export const userTask: Behaviour = {
  activate(step, ei, node) {
    const def = node.userTask;
    const at = (what: string, v: Parameters<typeof resolveValue>[1]) => resolveValue(step, v, ei.id, `${what} of ${node.id}`);
    const id = step.ctx.ids.next('task');
    const priority = def?.priority ? Number(at('priority', def.priority)) : 50;
    if (!Number.isFinite(priority)) throw new ElementFailure('extract', `priority of ${node.id} is not a number`);
    const task: UserTask = {
      id, elementId: node.id, elementInstanceId: ei.id, processInstanceId: step.state.instanceId, name: node.name,
      assignee: def ? text(at('assignee', def.assignee)) : null,
      candidateUsers: def ? names(at('candidateUsers', def.candidateUsers)) : [],
      candidateGroups: def ? names(at('candidateGroups', def.candidateGroups)) : [],
      dueDate: def ? text(at('dueDate', def.dueDate)) : null,
      followUpDate: def ? text(at('followUpDate', def.followUpDate)) : null,
      priority,
      formKey: def ? text(at('formKey', def.formKey)) : null,
      formId: def ? text(at('formId', def.formId)) : null,
      createdAt: step.now,
    };
    step.state.tasks[id] = task;
    ei.taskId = id;
    ei.status = 'waiting';
    step.emit({ type: 'taskCreated', taskId: id, elementId: node.id, assignee: task.assignee });
    step.effect({ type: 'userTaskCreated', task: { ...task, candidateUsers: [...task.candidateUsers], candidateGroups: [...task.candidateGroups] } });
  },
  terminate(step, ei) {
    if (ei.taskId && step.state.tasks[ei.taskId]) {
      delete step.state.tasks[ei.taskId];
      step.effect({ type: 'userTaskCanceled', taskId: ei.taskId });
    }
  },
};

function text(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A FEEL list or a comma-separated string (`"alice, bob"`). */
function names(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  return [];
}
