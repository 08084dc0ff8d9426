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
export function taskListRequest(kind: TaskListKind, user: LocalUser, sortBy: TaskSort = 'priority', filter: TaskFilter = {}, now = Date.now()): ApiRequest<'tasks.list'> | null {
  const base = { sortBy, order: sortBy === 'priority' ? ('desc' as const) : ('asc' as const), pageSize: 1000, ...filterRequest(filter, now) };
  if (kind === 'mine') return { ...base, assignee: user.name };
  if (kind === 'groups') return user.groups.length ? { ...base, candidateGroups: user.groups } : null;
  if (kind === 'unassigned') return { ...base, assignee: null };
  return base;
}

export type TaskSort = 'priority' | 'createdAt' | 'dueDate' | 'followUpDate';

/** The tasklist's filters: by due date, by follow-up date (zeebe:taskSchedule), by priority (zeebe:priorityDefinition). */
export interface TaskFilter {
  /** `overdue`: due before now; `week`: due within the next 7 days (overdue included). */
  due?: 'overdue' | 'week';
  /** Follow-up date reached (before now): time to look at it again. */
  followUp?: boolean;
  minPriority?: number;
  /** A category (the task's `zeebe:taskHeaders` `category`), or `null`: tasks without one. */
  category?: string | null;
}

const DAY = 86_400_000;

/** The `tasks.list` fields of a filter at `now` (dates as ISO text, as the API compares them). */
export function filterRequest(filter: TaskFilter, now: number): Partial<ApiRequest<'tasks.list'>> {
  const out: Partial<ApiRequest<'tasks.list'>> = {};
  if (filter.due === 'overdue') out.dueBefore = new Date(now).toISOString();
  if (filter.due === 'week') out.dueBefore = new Date(now + 7 * DAY).toISOString();
  if (filter.followUp) out.followUpBefore = new Date(now).toISOString();
  if (filter.minPriority !== undefined) out.minPriority = filter.minPriority;
  if (filter.category !== undefined) out.category = filter.category;
  return out;
}

/**
 * The category filter's choices for `tasks` (the tab's list before the category filter): their
 * categories in alphabetical order, the chosen one kept even when no task has it any more, and
 * whether there are tasks without a category.
 * @example taskCategories([{ category: 'Review' }, { category: null }, { category: 'Billing' }]) // { categories: ['Billing', 'Review'], uncategorized: true }
 */
export function taskCategories(tasks: ReadonlyArray<{ category?: string | null }>, chosen?: string | null): { categories: string[]; uncategorized: boolean } {
  const found = new Set<string>();
  let uncategorized = chosen === null;
  for (const t of tasks) {
    if (t.category) found.add(t.category);
    else uncategorized = true;
  }
  if (chosen) found.add(chosen);
  return { categories: [...found].sort((a, b) => a.localeCompare(b)), uncategorized };
}

/** "overdue", "due today", or null, for a due date (ISO text) at `now`. */
export function dueNote(dueDate: string | null, now: number): 'overdue' | 'due today' | null {
  if (!dueDate) return null;
  const due = Date.parse(dueDate);
  if (Number.isNaN(due)) return null;
  if (due < now) return 'overdue';
  return new Date(due).toDateString() === new Date(now).toDateString() ? 'due today' : null;
}
