import type { ApiRequest } from '../../api';
import type { LocalUser } from '../state/user-store';

/** The tasklist's tabs. */
export type TaskListKind = 'mine' | 'groups' | 'unassigned' | 'all';

export const TASK_LIST_LABELS: Record<TaskListKind, string> = { mine: 'My tasks', groups: "My groups' tasks", unassigned: 'Unassigned', all: 'All open' };

/**
 * The `tasks.list` request behind a tab: mine = assigned to me; my groups' = a candidate group of
 * mine (whoever holds it); unassigned = nobody holds it; all = every open task. A user in no
 * group has no group tasks (an empty `candidateGroups` list would match nothing anyway).
 *
 * @example
 * taskListRequest('groups', { name: 'ana', groups: ['clerks'] }, 'priority') // { candidateGroups: ['clerks'], sortBy: 'priority', ... }
 */
export function taskListRequest(kind: TaskListKind, user: LocalUser, sortBy: 'priority' | 'createdAt' | 'dueDate' = 'priority'): ApiRequest<'tasks.list'> | null {
  const base = { sortBy, order: sortBy === 'priority' ? ('desc' as const) : ('asc' as const), pageSize: 1000 };
  if (kind === 'mine') return { ...base, assignee: user.name };
  if (kind === 'groups') return user.groups.length ? { ...base, candidateGroups: user.groups } : null;
  if (kind === 'unassigned') return { ...base, assignee: null };
  return base;
}

/** "overdue", "due today", or null, for a due date (ISO text) at `now`. */
export function dueNote(dueDate: string | null, now: number): 'overdue' | 'due today' | null {
  if (!dueDate) return null;
  const due = Date.parse(dueDate);
  if (Number.isNaN(due)) return null;
  if (due < now) return 'overdue';
  return new Date(due).toDateString() === new Date(now).toDateString() ? 'due today' : null;
}
