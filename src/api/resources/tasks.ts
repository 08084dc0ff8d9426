import type { UserTask } from '../../engine';
import { ApiError } from '../errors';
import type { ApiPorts } from '../ports';
import { compareNullsLast, ok, pageOf, route } from '../route';
import { taskRef, tasksAssign, tasksClaim, tasksComplete, tasksList } from '../schemas';

/**
 * The open user task `taskId`. A task that is gone is told apart from one that never was: task
 * ids are `${instanceId}-task-${n}` (src/engine/runtime/state.ts), so its instance's history says
 * whether it completed (or ended with its instance) — `illegalState` then, `notFound` otherwise.
 */
export async function openTask(ports: ApiPorts, taskId: string): Promise<UserTask> {
  const instanceId = await ports.store.findInstanceByTask(taskId);
  const task = instanceId ? (await ports.host.getInstance(instanceId))?.tasks[taskId] : undefined;
  if (task) return task;
  const cut = taskId.lastIndexOf('-task-');
  const owner = cut > 0 ? taskId.slice(0, cut) : undefined;
  if (owner !== undefined) {
    const history = await ports.host.history(owner);
    if (history.some((e) => e.type === 'taskCompleted' && e.taskId === taskId)) {
      throw new ApiError('illegalState', `user task ${taskId} is already completed`, { taskId, state: 'completed' });
    }
    if (history.some((e) => e.type === 'taskCreated' && e.taskId === taskId)) {
      throw new ApiError('illegalState', `user task ${taskId} is no longer open (its element or instance ended)`, { taskId, state: 'ended' });
    }
  }
  throw new ApiError('notFound', `no user task ${taskId}`, { taskId });
}

export const tasks = {
  'tasks.list': route(tasksList, async ({ host }, q) => {
    const found = (await host.listUserTasks({ instanceId: q.instanceId })).filter((t) =>
      (q.assignee === undefined || t.assignee === q.assignee)
      && (q.candidateGroup === undefined || t.candidateGroups.includes(q.candidateGroup))
      && (q.candidateGroups === undefined || t.candidateGroups.some((g) => q.candidateGroups?.includes(g)))
      && (q.candidateUser === undefined || t.candidateUsers.includes(q.candidateUser))
      && (q.dueBefore === undefined || (t.dueDate !== null && t.dueDate < q.dueBefore))
      && (q.dueAfter === undefined || (t.dueDate !== null && t.dueDate > q.dueAfter))
      && (q.followUpBefore === undefined || (t.followUpDate !== null && t.followUpDate < q.followUpBefore))
      && (q.followUpAfter === undefined || (t.followUpDate !== null && t.followUpDate > q.followUpAfter))
      && (q.minPriority === undefined || t.priority >= q.minPriority)
      && (q.maxPriority === undefined || t.priority <= q.maxPriority)
      && (q.category === undefined || (t.category ?? null) === q.category));
    const withProcess = [];
    const processOf = new Map<string, string>();
    for (const t of found) {
      if (!processOf.has(t.processInstanceId)) processOf.set(t.processInstanceId, (await host.getInstance(t.processInstanceId))?.processId ?? '');
      const processId = processOf.get(t.processInstanceId) as string;
      if (q.processId === undefined || processId === q.processId) withProcess.push({ ...t, category: t.category ?? null, processId });
    }
    const key = q.sortBy;
    withProcess.sort((a, b) => compareNullsLast(a[key], b[key], q.order) || a.createdAt - b.createdAt || compareNullsLast(a.id, b.id, 'asc'));
    return ok(pageOf(withProcess, q.page, q.pageSize));
  }),
  'tasks.get': route(taskRef, async (ports, { taskId }) => {
    const task = await openTask(ports, taskId);
    return ok({ ...task, category: task.category ?? null });
  }),
  'tasks.claim': route(tasksClaim, async (ports, { taskId, userId }) => {
    const task = await openTask(ports, taskId);
    if (task.assignee === userId) return ok(task, `${taskId} is already claimed by ${userId}`);
    if (task.assignee !== null) throw new ApiError('illegalState', `user task ${taskId} is claimed by ${task.assignee}; unclaim it first`, { taskId, assignee: task.assignee });
    const s = await ports.host.assignUserTask({ taskId }, userId);
    return ok(s.tasks[taskId]);
  }),
  'tasks.unclaim': route(taskRef, async (ports, { taskId }) => {
    const task = await openTask(ports, taskId);
    if (task.assignee === null) throw new ApiError('illegalState', `user task ${taskId} is not claimed`, { taskId });
    const s = await ports.host.assignUserTask({ taskId }, null);
    return ok(s.tasks[taskId]);
  }),
  'tasks.assign': route(tasksAssign, async (ports, { taskId, assignee }) => {
    await openTask(ports, taskId);
    const s = await ports.host.assignUserTask({ taskId }, assignee);
    return ok(s.tasks[taskId]);
  }),
  'tasks.complete': route(tasksComplete, async (ports, { taskId, variables }) => {
    const task = await openTask(ports, taskId);
    const instance = await ports.host.getInstance(task.processInstanceId);
    if (instance?.suspended) throw new ApiError('illegalState', `instance ${task.processInstanceId} is suspended: resume it to complete ${taskId}`, { taskId, instanceId: task.processInstanceId });
    const s = await ports.host.completeUserTask({ taskId }, variables);
    return ok({ taskId, instanceId: s.instanceId, instanceState: s.status }, `completed ${taskId}`);
  }),
};
