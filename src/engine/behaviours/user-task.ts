import type { ModdleElement } from 'bpmn-moddle';
import { ext, list, str } from '../model/extensions';
import type { NodeDef } from '../model/types';
import { CommandRejectedError } from '../runtime/commands';
import type { CommandHandler, CompileContext, ElementType } from '../runtime/element-type';
import { resolveValue } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import { applyResult } from '../runtime/results';
import type { UserTask, Variables } from '../runtime/state';

/** Commands of a tasklist. */
export type UserTaskCommand =
  | { type: 'completeUserTask'; taskId: string; variables?: Variables }
  | { type: 'assignUserTask'; taskId: string; assignee: string | null };

/** User task: a wait state carrying assignment, schedule, priority and form; completed by a command. */
export const userTask: ElementType = {
  kind: 'userTask',
  compile: compileUserTask,
  activate(step, ei, node) {
    const def = node.userTask;
    const at = (what: string, v: Parameters<typeof resolveValue>[1]) => resolveValue(step, v, ei.id, `${what} of ${node.id}`);
    const id = step.nextId('task');
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
      ...(def?.category ? { category: def.category } : {}),
      createdAt: step.now,
    };
    step.state.tasks[id] = task;
    ei.taskId = id;
    ei.status = 'waiting';
    step.emit({ type: 'taskCreated', taskId: id, elementId: node.id, elementInstanceId: ei.id, assignee: task.assignee });
    step.effect({ type: 'userTaskCreated', task: { ...task, candidateUsers: [...task.candidateUsers], candidateGroups: [...task.candidateGroups] } });
  },
  terminate(step, ei) {
    if (ei.taskId && step.state.tasks[ei.taskId]) {
      delete step.state.tasks[ei.taskId];
      step.effect({ type: 'userTaskCanceled', taskId: ei.taskId });
    }
  },
};

function compileUserTask(el: ModdleElement, node: NodeDef, cx: CompileContext): void {
  const id = node.id;
  const value = (what: string, source: string | undefined) => cx.exprs.value(id, what, source);
  const a = ext(el, 'zeebe:AssignmentDefinition');
  const s = ext(el, 'zeebe:TaskSchedule');
  const p = ext(el, 'zeebe:PriorityDefinition');
  const f = ext(el, 'zeebe:FormDefinition');
  node.userTask = {
    assignee: value('assignee', str(a, 'assignee')),
    candidateUsers: value('candidateUsers', str(a, 'candidateUsers')),
    candidateGroups: value('candidateGroups', str(a, 'candidateGroups')),
    dueDate: value('dueDate', str(s, 'dueDate')),
    followUpDate: value('followUpDate', str(s, 'followUpDate')),
    priority: value('priority', str(p, 'priority')),
    formKey: value('formKey', str(f, 'formKey') ?? str(f, 'externalReference')),
    formId: value('formId', str(f, 'formId')),
    category: headerCategory(el),
  };
}

/** `<zeebe:taskHeaders><zeebe:header key="category" value="Billing" /></zeebe:taskHeaders>`: trimmed, '' = none. */
function headerCategory(el: ModdleElement): string | null {
  const header = list(ext(el, 'zeebe:TaskHeaders'), 'values').find((h) => str(h, 'key') === 'category');
  const value = str(header, 'value')?.trim();
  return value ? value : null;
}

const completeUserTask: CommandHandler = (step, input) => {
  const command = input as Extract<UserTaskCommand, { type: 'completeUserTask' }>;
  const task = step.state.tasks[command.taskId];
  if (!task) throw new CommandRejectedError('notFound', `no open user task ${command.taskId}`);
  const ei = step.state.elements[task.elementInstanceId];
  delete step.state.tasks[task.id];
  delete ei.taskId;
  step.emit({ type: 'taskCompleted', taskId: task.id, elementId: task.elementId, elementInstanceId: ei.id });
  applyResult(step, ei, step.node(ei.elementId), command.variables);
  step.complete(ei);
};

const assignUserTask: CommandHandler = (step, input) => {
  const command = input as Extract<UserTaskCommand, { type: 'assignUserTask' }>;
  const task = step.state.tasks[command.taskId];
  if (!task) throw new CommandRejectedError('notFound', `no open user task ${command.taskId}`);
  task.assignee = command.assignee;
  step.emit({ type: 'taskAssigned', taskId: task.id, elementId: task.elementId, elementInstanceId: task.elementInstanceId, assignee: command.assignee });
};

export const USER_TASK_COMMANDS: Record<UserTaskCommand['type'], CommandHandler> = { completeUserTask, assignUserTask };

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
